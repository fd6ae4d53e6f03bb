// The portable core (src/core.ts, `clustrix-lint/core`): bundled by esbuild for browsers it holds
// no Node built-in, and the bundle, run outside the Node entry (in a worker thread, and in a bare
// JavaScript realm with no Node or DOM globals at all), gives exactly the Node API's results.
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { build, type Metafile, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, checkDetailed, fix, rules, TARGETS } from '../src/index.js';
import { ROOT } from './helpers/paths.js';

const SAMPLE = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
const BUILTINS = new Set(builtinModules);

/** Fails the build on any import of a Node built-in (`node:*`, `fs`, `fs/promises`, …), naming the importer. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.split('/')[0]!;
      if (args.path.startsWith('node:') || BUILTINS.has(args.path) || BUILTINS.has(bare)) {
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${relative(ROOT, args.importer)}` }] };
      }
      return undefined;
    });
  },
};

async function bundle(entry: string, format: 'esm' | 'iife') {
  return build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format,
    globalName: format === 'iife' ? 'clustrixLint' : undefined,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNodeBuiltins],
  });
}

/** What a check and both fixes of `sql` give, as plain data (what crosses a worker boundary). */
interface Results {
  findings: unknown;
  suppressed: unknown;
  safe: unknown;
  lossy: unknown;
  rules: number;
  targets: number;
}

const SCRIPT = `
  const sql = INPUT.sql;
  const plain = (x) => JSON.parse(JSON.stringify(x));
  const run = (api) => plain({
    findings: api.check(sql, { target: INPUT.target }),
    suppressed: api.checkDetailed(sql, { target: INPUT.target }).suppressed,
    safe: api.fix(sql, { target: INPUT.target, filename: 'input.sql' }),
    lossy: api.fix(sql, { target: INPUT.target, filename: 'input.sql', lossy: true }),
    rules: api.rules.length,
    targets: api.TARGETS.length,
  });`;

function nodeResults(sql: string, target: string): Results {
  return JSON.parse(
    JSON.stringify({
      findings: check(sql, { target }),
      suppressed: checkDetailed(sql, { target }).suppressed,
      safe: fix(sql, { target, filename: 'input.sql' }),
      lossy: fix(sql, { target, filename: 'input.sql', lossy: true }),
      rules: rules.length,
      targets: TARGETS.length,
    }),
  ) as Results;
}

describe('the core bundled for browsers', () => {
  let esm = '';
  let iife = '';
  let inputs: Metafile['inputs'] = {};

  beforeAll(async () => {
    const [a, b] = await Promise.all([bundle('src/core.ts', 'esm'), bundle('src/core.ts', 'iife')]);
    esm = a.outputFiles[0]!.text;
    iife = b.outputFiles[0]!.text;
    inputs = a.metafile.inputs;
  }, 120_000);

  it('imports no Node built-in, and the check fails where one is imported (the Node entry)', async () => {
    expect(esm.length).toBeGreaterThan(100_000);
    const error = await bundle('src/index.ts', 'esm').then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/Node built-in "[^"]+" imported by /);
  });

  it('holds our portable modules and node-sql-parser, diff and big-integer, nothing Node-only', () => {
    const files = Object.keys(inputs);
    const packages = new Set(
      files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(0, 2).join('/')),
    );
    expect([...packages].sort()).toEqual([
      'node_modules/big-integer',
      'node_modules/diff',
      'node_modules/node-sql-parser',
    ]);
    expect(files).toContain('node_modules/node-sql-parser/build/mysql.js');
    for (const nodeOnly of ['io', 'files', 'config', 'cli', 'baseline', 'deps-node', 'index']) {
      expect(files, nodeOnly).not.toContain(`src/${nodeOnly}.ts`);
    }
    expect(
      files.filter((f) => f.startsWith('src/commands/') || f.startsWith('src/verify/') || f.startsWith('src/stream/')),
    ).toEqual([]);
    // Every rule is in: a bundler must not need to know which rules to pull in.
    for (const r of rules) expect(files).toContain(`rules/${r.meta.id}.ts`);
  });

  it('has no require() or dynamic import left for a browser to fail on', () => {
    // esbuild's shim for a require() it could not bundle tests `typeof require`.
    expect(esm).not.toMatch(/typeof require\b|\bcreateRequire\b|\bimport\(/);
  });

  it('runs in a worker thread and gives exactly the Node API results on the WSO2-style sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-core-'));
    writeFileSync(join(dir, 'core.mjs'), esm);
    writeFileSync(
      join(dir, 'worker.mjs'),
      `import { parentPort, workerData as INPUT } from 'node:worker_threads';
       import * as api from './core.mjs';
       ${SCRIPT}
       parentPort.postMessage(run(api));`,
    );
    const sql = readFileSync(SAMPLE, 'utf8');
    for (const target of ['xpand-23.09', 'clustrixdb-9.2']) {
      const worker = new Worker(join(dir, 'worker.mjs'), { workerData: { sql, target } });
      const got = await new Promise<Results>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      const want = nodeResults(sql, target);
      expect((want.findings as unknown[]).length).toBeGreaterThan(5);
      expect((want.lossy as { output: string }).output).not.toBe((want.safe as { output: string }).output);
      expect(got).toEqual(want);
    }
  }, 60_000);

  it('runs in a bare JavaScript realm (no Node, no DOM globals) with the same results', () => {
    const sql = readFileSync(SAMPLE, 'utf8');
    const target = 'xpand-23.09';
    // Only the ECMAScript built-ins exist in a new context: no process, Buffer, require, TextEncoder, URL, self.
    const got = runInNewContext(
      `${iife}\n${SCRIPT}\nrun(clustrixLint);`,
      { INPUT: { sql, target } },
      {
        timeout: 60_000,
      },
    ) as Results;
    expect(JSON.parse(JSON.stringify(got))).toEqual(nodeResults(sql, target));
  });
});
