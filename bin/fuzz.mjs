#!/usr/bin/env node
// Development tool (npm run fuzz -- --runs N [--seed S] [--corpus-runs M]): runs the fast-check
// properties of test/fuzz.test.ts as long as asked. CI runs the same file with a small count.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const runs = arg('--runs', '100000');
const seed = arg('--seed', String(Date.now() % 2 ** 31));
const corpusRuns = arg('--corpus-runs', String(Math.min(Math.floor(Number(runs) / 5), 2000)));
console.log(`fuzz: ${runs} runs per property, ${corpusRuns} corpus mutations, seed ${seed}`);
const r = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz.test.ts', '--testTimeout', '0'],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_CORPUS_RUNS: corpusRuns },
  },
);
process.exit(r.status ?? 1);
