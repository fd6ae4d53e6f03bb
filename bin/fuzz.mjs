#!/usr/bin/env node
// Development tool (npm run fuzz -- --runs N [--seed S] [--corpus-runs M] [--mariadb-every K]):
// runs the fast-check properties of test/fuzz.test.ts and test/fuzz-compose.test.ts as long as
// asked (the composition fuzz loads every Kth case into a private MariaDB, default 100). CI runs
// the same files with a small count.
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
const mariadbEvery = arg('--mariadb-every', '100');
const only = arg('--only', null);
const files = only === null ? ['test/fuzz.test.ts', 'test/fuzz-compose.test.ts'] : [only];
console.log(`fuzz: ${runs} runs per property, ${corpusRuns} corpus mutations, seed ${seed}`);
const r = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files, '--testTimeout', '0'],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      FUZZ_RUNS: runs,
      FUZZ_SEED: seed,
      FUZZ_CORPUS_RUNS: corpusRuns,
      FUZZ_MARIADB_EVERY: mariadbEvery,
    },
  },
);
process.exit(r.status ?? 1);
