// Streaming at scale, through the real bin: worker threads give byte for byte what one thread
// gives; memory stays bounded however many fixes a dump gets; long work shows one progress line
// on a terminal (a pseudo-terminal made by `script`), and nowhere else; a flood of findings or
// fixes is summed up by rule.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CORPUS_DIR, corpusFiles } from './helpers/corpus.js';
import { BIN, ROOT } from './helpers/paths.js';
// @ts-expect-error: a plain JavaScript development tool, without types
import { dumpChunks, manyTablesChunks, parseSize } from '../bin/gen-dump.mjs';

const tmp = () => mkdtempSync(join(tmpdir(), 'clustrix-lint-scale-'));

async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return bytes;
}

/** The modules a run loads, as the test/load-trace.mjs preload reports them (worker threads included). */
function loads(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('@@load '))
    .map((l) => l.slice(7));
}

/** Runs the bin with the load trace; stdout and stderr without the trace lines. */
function traced(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'load-trace.mjs'), BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr
      .split('\n')
      .filter((l) => !l.startsWith('@@load '))
      .join('\n'),
    workers: loads(r.stderr).filter((u) => u.endsWith('/dist/src/stream/worker.js')).length,
  };
}

/**
 * A many-tables dump of about `size` bytes with inline directives spread over its segments:
 * blocks that open and close, next-line ones, an unused one, and table names that collide in
 * letter case far apart (a script-wide rule, whose findings come at the end of a stream).
 */
function* directiveDump(size: number): Generator<string> {
  let k = 0;
  yield '-- clustrix-lint-disable-file no-xa -- XA is handled by the application\n';
  for (const chunk of manyTablesChunks(size, { tables: 400 }) as Iterable<string>) {
    if (chunk.startsWith('--\n-- Table structure')) {
      k++;
      if (k % 37 === 0) yield '/* clustrix-lint-disable no-lock-tables, no-unsupported-index-type -- replayed */\n';
      if (k % 37 === 20) yield '/* clustrix-lint-enable no-lock-tables */\n';
      if (k % 53 === 0) yield '-- clustrix-lint-enable\n';
      if (k % 41 === 0) yield '-- clustrix-lint-disable-next-line no-unsupported-collation -- never used here\n';
      if (k % 97 === 0) yield `CREATE TABLE \`Order_Cart_${k}\` (id INT);\nXA START 'x';\n`;
      if (k % 97 === 50) yield `CREATE TABLE \`order_cart_${k - 50}\` (id INT);\n`;
    }
    yield chunk;
  }
}

describe('worker threads (--concurrency)', () => {
  const corpus = corpusFiles();
  it.skipIf(corpus === null)(
    'the WSO2 corpus: reports and clean scripts of 2 threads are those of 1, byte for byte',
    () => {
      for (const format of ['json', 'sarif', 'stylish']) {
        const one = traced(['check', CORPUS_DIR, '--format', format, '--concurrency', '1']);
        const two = traced(['check', CORPUS_DIR, '--format', format, '--concurrency', '2']);
        expect(one.workers).toBe(0);
        expect(two.workers).toBe(2);
        expect(two.status).toBe(one.status);
        expect(two.stdout === one.stdout).toBe(true);
        expect(one.stdout.length).toBeGreaterThan(1000);
      }
      // fix --write on two copies of the corpus.
      const dirs = [tmp(), tmp()];
      for (const dir of dirs) {
        for (const f of corpus!) writeFileSync(join(dir, f.split('/').pop()!), readFileSync(f));
      }
      const a = traced(['fix', '--write', '--lossy', dirs[0]!, '--concurrency', '1'], dirs[0]);
      const b = traced(['fix', '--write', '--lossy', dirs[1]!, '--concurrency', '2'], dirs[1]);
      expect(b.workers).toBe(2);
      expect(b.stdout.replaceAll(dirs[1]!, 'DIR')).toBe(a.stdout.replaceAll(dirs[0]!, 'DIR'));
      for (const name of readdirSync(dirs[0]!)) {
        expect(readFileSync(join(dirs[1]!, name)).equals(readFileSync(join(dirs[0]!, name))), name).toBe(true);
      }
    },
    300_000,
  );

  it('a 24 MB dump with directives across segments: the same findings, report and clean script', async () => {
    const dir = tmp();
    const dump = join(dir, 'dump.sql');
    await writeChunks(dump, directiveDump(parseSize('24M') as number));
    const base = ['--report-unused-disable-directives'];
    const one = traced(['check', dump, '--format', 'json', ...base, '--concurrency', '1']);
    const two = traced(['check', dump, '--format', 'json', ...base, '--concurrency', '2']);
    expect(two.workers).toBe(2);
    expect(one.status).toBe(1);
    expect(two.stdout === one.stdout).toBe(true);
    const findings = (JSON.parse(one.stdout) as Array<{ findings: Array<{ ruleId: string }> }>)[0]!.findings;
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of [
      'unused-disable-directive',
      'no-name-case-collision',
      'no-lock-tables',
      'no-unsupported-index-type',
    ])
      expect(ids, id).toContain(id);
    expect(ids).not.toContain('no-xa');
    // fix: the clean script and the report (stylish, on standard error) are the same too.
    const f1 = traced(['fix', dump, '-o', join(dir, 'one.sql'), ...base, '--concurrency', '1']);
    const f2 = traced(['fix', dump, '-o', join(dir, 'two.sql'), ...base, '--concurrency', '2']);
    expect(f2.workers).toBe(2);
    expect(f2.stdout).toBe(f1.stdout);
    expect(f1.stdout).toMatch(/fixes applied by rule/);
    expect(readFileSync(join(dir, 'two.sql')).equals(readFileSync(join(dir, 'one.sql')))).toBe(true);
    expect(statSync(join(dir, 'one.sql')).size).toBeLessThan(statSync(dump).size);
  }, 300_000);
});

/**
 * Blocks of about 8 KB: a CREATE TABLE with two collations the target lacks (two fixes that need
 * no parse to be checked), its mysqldump-style LOCK TABLES (an info) and an INSERT of non-ASCII rows.
 */
function* denseDump(size: number): Generator<string> {
  let written = 0;
  const rows = Array.from({ length: 60 }, (_, i) => `(${i},'café 日本 😀 it\\'s; -- ${'x'.repeat(i % 50)}')`).join(',');
  for (let k = 0; written < size; k++) {
    const name = `customer_order_history_${k}`;
    const block =
      `CREATE TABLE \`${name}\` (a varchar(9) COLLATE utf8mb4_0900_ai_ci, b text) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n` +
      `LOCK TABLES \`${name}\` WRITE;\nINSERT INTO \`${name}\` VALUES ${rows},${rows};\nUNLOCK TABLES;\n`;
    written += Buffer.byteLength(block);
    yield block;
  }
}

describe('bounded memory', () => {
  it('200 MB with a fix every 4 KB goes through fix with a 96 MB heap; the report and the JSON stay whole', async () => {
    const dir = tmp();
    const report = join(dir, 'report.json');
    const child = spawn(
      process.execPath,
      [
        // 50,000 fixes and 25,000 findings would need several times this if kept; what it holds
        // at the end is the script-wide rules' view of the 25,000 tables (about 1.5 kB each).
        '--max-old-space-size=96',
        BIN,
        'fix',
        '--stdin',
        '-o',
        '-',
        '--concurrency',
        '1',
        '--format',
        'json',
        '--output-file',
        report,
        // The script-wide no-cascade-to-non-unique-key keeps every CREATE TABLE whole for the end
        // (it reads parent keys): memory that grows with the schema, here 25,000 tables, which
        // is not what this test measures (findings and fixes); see docs/performance.md.
        '--rule',
        'no-cascade-to-non-unique-key:off',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const expected = createHash('sha256');
    const got = createHash('sha256');
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      got.update(b);
      outBytes += b.length;
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    // A child that dies early must fail the test, not leave it waiting for a drain.
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.stdin.on('error', () => undefined);
    let inBytes = 0;
    let blocks = 0;
    for (const block of denseDump(parseSize('200M') as number)) {
      if (child.exitCode !== null) break;
      inBytes += Buffer.byteLength(block);
      blocks++;
      // Both collations become utf8mb4_unicode_ci, as long: the clean script is as long.
      expected.update(block.replaceAll('utf8mb4_0900_ai_ci', 'utf8mb4_unicode_ci'));
      if (!child.stdin.write(block)) await Promise.race([once(child.stdin, 'drain'), exited]);
    }
    child.stdin.end();
    const code = await exited;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(blocks).toBeGreaterThan(20_000);
    expect(outBytes).toBe(inBytes);
    expect(got.digest('hex')).toBe(expected.digest('hex'));
    // Every fix and every finding is in the report, spooled rather than held.
    const json = JSON.parse(readFileSync(report, 'utf8')) as Array<{
      applied: Array<{ ruleId: string; line: number }>;
      findings: Array<{ ruleId: string }>;
      warningCount: number;
      infoCount: number;
      adviceCount: number;
    }>;
    expect(json[0]!.applied).toHaveLength(2 * blocks);
    expect(json[0]!.applied.every((a) => a.ruleId === 'no-unsupported-collation')).toBe(true);
    expect(json[0]!.applied.at(-1)!.line).toBe(4 * blocks - 3);
    // A LOCK TABLES info per block, the advice on each block's keyless table (counted apart), and
    // the 2,001st table (a script-wide rule, run at the end).
    const findings = json[0]!.findings.map((f) => f.ruleId);
    expect(findings.filter((id) => id === 'no-lock-tables')).toHaveLength(blocks);
    expect(findings.filter((id) => id === 'prefer-primary-key')).toHaveLength(blocks);
    expect(findings.filter((id) => id !== 'no-lock-tables' && id !== 'prefer-primary-key')).toEqual([
      'max-columns-per-table',
    ]);
    expect(json[0]!.infoCount).toBe(blocks);
    expect(json[0]!.adviceCount).toBe(blocks);
    expect(json[0]!.warningCount).toBe(1);
  }, 600_000);

  it('the human report of that flood is a summary: the first of each rule, then counts by rule', () => {
    const sql = [...denseDump(parseSize('400K') as number)].join('');
    const blocks = sql.split('CREATE TABLE').length - 1;
    const r = runCli(['fix', '--stdin', '--stdin-filename', 'dump.sql', '--max-shown', '3'], { input: sql });
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => /\bfixed\b/.test(l))).toHaveLength(3);
    // The first 3 of each rule: LOCK TABLES, and the advice on keyless tables.
    expect(lines.filter((l) => / info .*no-lock-tables$/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => / info .*prefer-primary-key$/.test(l))).toHaveLength(3);
    const n = (x: number) => x.toLocaleString('en-US');
    expect(r.stderr).toContain(`… and ${n(blocks - 3)} more prefer-primary-key recommendations (${n(blocks)} in all)`);
    expect(r.stderr).toContain(
      `… and ${n(2 * blocks - 3)} more fixes by no-unsupported-collation (${n(2 * blocks)} in all)`,
    );
    expect(r.stderr).toContain(`… and ${n(blocks - 3)} more no-lock-tables problems (${n(blocks)} in all)`);
    expect(r.stderr).toContain(
      `${n(2 * blocks)} fixes applied by rule: no-unsupported-collation ${n(2 * blocks)} safe`,
    );
    expect(r.stderr).toMatch(/--verbose lists them all/);
    expect(lines.at(-2)).toBe(`⚠ ${n(blocks)} problems (0 errors, 0 warnings, ${n(blocks)} info)`);
    expect(lines.at(-1)).toBe(`ℹ ${n(blocks)} recommendations for ClustrixDB/Xpand, not problems`);
    // --verbose lists them all; check lists at most --max-shown of each rule too.
    const all = runCli(['fix', '--stdin', '--max-shown', '3', '--verbose'], { input: sql });
    expect(all.stderr.split('\n').filter((l) => /\bfixed\b/.test(l))).toHaveLength(2 * blocks);
    expect(all.stderr).not.toMatch(/more fixes by/);
    const check = runCli(['check', '--stdin', '--max-shown', '2'], { input: sql });
    expect(check.stdout.split('\n').filter((l) => / error | info /.test(l))).toHaveLength(6);
    expect(check.stdout).toContain(`… and ${n(2 * blocks - 2)} more no-unsupported-collation problems`);
  });
});

describe('progress on a terminal', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!hasScript && process.env.CI === 'true') throw new Error('CI=true but `script` (util-linux) is missing');

  /** Runs the bin in a pseudo-terminal (script -q -e -c … /dev/null); what the terminal showed. */
  const inTerminal = (args: string[], env: Record<string, string | undefined> = {}) => {
    const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, COLUMNS: '200', ...env })) {
      if (v !== undefined && k !== 'FORCE_COLOR') childEnv[k] = v;
    }
    const r = spawnSync('script', ['-q', '-e', '-c', cmd, '/dev/null'], { encoding: 'utf8', env: childEnv });
    return { status: r.status, screen: r.stdout };
  };

  it.skipIf(!hasScript)(
    'a 60 MB check shows one progress line, redrawn in place and cleared; never under CI, with --no-progress or in a pipe',
    async () => {
      const dir = tmp();
      const dump = join(dir, 'big.sql');
      await writeChunks(dump, dumpChunks(parseSize('60M')) as Iterable<string>);
      const noCi = { CI: undefined };
      const tty = inTerminal(['check', dump, '--format', 'compact'], noCi);
      const line = /\rclustrix-lint: checked [\d,]+ MB of [\d,]+ MB \(\d+ %\), [\d,]+ MB\/s, \d+:\d\d left\u001b\[K/;
      expect(tty.screen).toMatch(line);
      // Cleared (carriage return, erase to the end of the line) before the report, and only once.
      const clear = tty.screen.lastIndexOf('\r\u001b[K');
      expect(clear).toBeGreaterThan(tty.screen.search(line));
      expect(tty.screen.slice(clear)).not.toMatch(/clustrix-lint: checked/);
      expect(tty.screen.slice(clear)).toMatch(
        /no-lock-tables mysqldump's LOCK TABLES around a table's rows is a no-op/,
      );
      for (const [args, env] of [
        [['check', dump, '--format', 'compact'], { CI: 'true' }],
        [['check', dump, '--format', 'compact', '--no-progress'], noCi],
      ] as Array<[string[], Record<string, string | undefined>]>) {
        const quiet = inTerminal(args, env);
        expect(quiet.screen).not.toMatch(/clustrix-lint: checked/);
        expect(quiet.screen).toMatch(/no-lock-tables mysqldump's LOCK TABLES around a table's rows is a no-op/);
      }
      const piped = runCli(['check', dump, '--format', 'compact'], { env: { CI: '' } });
      expect(piped.stderr).toBe('');
      // A small input shows none either.
      const small = inTerminal(['check', join(ROOT, 'fixtures', 'wso2-sample', 'input.sql')], noCi);
      expect(small.screen).not.toMatch(/clustrix-lint: checked/);
    },
    300_000,
  );
});
