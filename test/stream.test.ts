// Streaming: any chunking and any segment size give exactly what the whole-text API gives, and
// memory stays bounded on a 200 MB dump.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, checkStream, fix, fixStream } from '../src/index.js';
import type { Finding } from '../src/rule.js';
import { segments } from '../src/stream.js';
import { BIN, ROOT, corpusFiles } from './helpers.js';
// @ts-expect-error: a plain JavaScript development tool, without types
import { dumpChunks, parseSize } from '../bin/gen-dump.mjs';

/** Splits text into chunks of the given sizes (cycling), as UTF-8 bytes, cutting characters too. */
function* chunked(text: string, sizes: number[]): Generator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  for (const x of it) yield x;
}

const samples: Array<[string, string]> = [
  ['fixture all-severities', readFileSync(join(ROOT, 'fixtures', 'all-severities', 'input.sql'), 'utf8')],
  ['fixture wso2-sample', readFileSync(join(ROOT, 'fixtures', 'wso2-sample', 'input.sql'), 'utf8')],
  [
    'DELIMITER, CRLF, BOM, multibyte',
    "\uFEFFSET NAMES ascii;\r\nDELIMITER $$\r\nCREATE PROCEDURE p() BEGIN SELECT 'é;ü'; END$$\r\nDELIMITER ;\r\nCREATE INDEX i USING HASH ON t(c); -- ñ\r\n",
  ],
  [
    'the schema a later statement depends on, segments apart',
    'CREATE TABLE t (id INT, b TEXT, FULLTEXT KEY ft (b)) PARTITION BY HASH (id) PARTITIONS 4;\n' +
      'INSERT INTO t VALUES (1, "a;b"), (2, "c");\n'.repeat(8) +
      'ALTER TABLE t ADD PARTITION PARTITIONS 2;\nDROP INDEX ft ON t;\nALTER TABLE t REMOVE PARTITIONING;\n',
  ],
  ...(corpusFiles() ?? []).map((f): [string, string] => [basename(f), readFileSync(f, 'utf8')]),
];

describe('streaming', () => {
  it.each(samples)(
    '%s: chunked and segmented like the whole-text API',
    async (_name, sql) => {
      const expectedFix = fix(sql, { lossy: true });
      const expectedCheck = check(sql);
      for (const [sizes, segmentSize] of [
        [[1, 2, 3, 5, 7], 64],
        [[4096], 1000],
        [[1 << 20], 1 << 20],
      ] as Array<[number[], number]>) {
        let out = '';
        const r = await fixStream(toAsync(chunked(sql, sizes)), (t) => void (out += t), { lossy: true, segmentSize });
        expect(out).toBe(expectedFix.output);
        expect(r.applied.map((a) => [a.ruleId, a.line])).toEqual(expectedFix.applied.map((a) => [a.ruleId, a.line]));
        // Every finding, script-wide rules (table count, name collisions) included, as in one piece.
        const key = (fs: typeof expectedCheck) =>
          fs.map((f) => [
            f.ruleId,
            f.line,
            f.column,
            f.endLine,
            f.endColumn,
            f.start,
            f.message,
            JSON.stringify(f.fix),
          ]);
        expect(key(await checkStream(toAsync(chunked(sql, sizes)), { segmentSize }))).toEqual(key(expectedCheck));
      }
    },
    60_000,
  );

  it('cuts segments only at statement starts, and they add up to the input', async () => {
    const sql = samples[2]![1].repeat(50);
    let joined = '';
    let count = 0;
    for await (const seg of segments(toAsync(chunked(sql, [13])), 'x', 100)) {
      expect(seg.base).toBe(joined.length);
      joined += seg.text;
      count++;
    }
    expect(joined).toBe(sql);
    expect(count).toBeGreaterThan(20);
  });

  it('an INSERT payload cut anywhere by a chunk or segment end tokenizes as in one piece', async () => {
    // Every trap a resumed payload scan could fall into, at every cut position (1-byte chunks).
    const payload = [
      '(1,\'it\'\'s; -- not a comment\',\'a\\\\\',"dq ""x"" ;")',
      "(2,'esc \\' ; quote','--x',-1 - -2,/* ; */ 3)",
      "(3,`odd;name`,\"\\\\\",'','$ $') -- trailing ; comment\n",
      "(4,'#',0) # hash ; comment\n",
    ].join(',');
    const sql =
      `INSERT INTO t VALUES ${payload};\n` +
      `REPLACE INTO t (a) VALUE ${payload};\n` +
      'DELIMITER $$\n' +
      `INSERT INTO t VALUES ${payload}, ('$', '$$')$$\n` +
      'DELIMITER ;\n' +
      `INSERT INTO t VALUES ${payload}`;
    const { tokenize } = await import('../src/tokenize.js');
    const whole = tokenize(sql).tokens.filter((t) => t.kind !== 'whitespace');
    expect(whole.filter((t) => t.kind === 'data')).toHaveLength(4);
    for (const [sizes, segmentSize] of [
      [[1], 16],
      [[2, 3], 40],
      [[7], 200],
      [[1000], 64],
    ] as Array<[number[], number]>) {
      const got: Array<[string, number, number]> = [];
      for await (const seg of segments(toAsync(chunked(sql, sizes)), 'x', segmentSize)) {
        for (const t of seg.tokens)
          if (t.kind !== 'whitespace') got.push([t.kind, t.start + seg.base, t.end + seg.base]);
      }
      expect(got).toEqual(whole.map((t) => [t.kind, t.start, t.end]));
    }
  });

  it('a DELIMITER command cut by a chunk end is read once its line is complete (found by the fuzz)', async () => {
    const sql = 'DELIMITER $$\nSELECT 1$$\nDELIMITER ;\nINSERT INTO t VALUES (1);\n';
    const { tokenize } = await import('../src/tokenize.js');
    const whole = tokenize(sql)
      .tokens.filter((t) => t.kind !== 'whitespace')
      .map((t) => [t.kind, t.start, t.end]);
    for (let chunk = 1; chunk <= 12; chunk++) {
      for (const segmentSize of [4, 5, 8, 10, 11, 16]) {
        const got: Array<[string, number, number]> = [];
        for await (const seg of segments(toAsync(chunked(sql, [chunk])), 'x', segmentSize)) {
          for (const t of seg.tokens)
            if (t.kind !== 'whitespace') got.push([t.kind, t.start + seg.base, t.end + seg.base]);
        }
        expect([chunk, segmentSize, got]).toEqual([chunk, segmentSize, whole]);
      }
    }
  });

  it('disable blocks, disable-file and unused-directive reports reach across segments as in one piece', async () => {
    const many = (n: number, s: string) => Array.from({ length: n }, (_, i) => s.replace('#', String(i))).join('\n');
    const sql = [
      '-- clustrix-lint-disable-file no-xa -- XA is handled by the application',
      '/* clustrix-lint-disable no-unsupported-index-type -- hash indexes are dropped later */',
      many(12, 'CREATE INDEX i# ON t(c) USING HASH;'),
      '/* clustrix-lint-enable no-unsupported-index-type */',
      'CREATE INDEX kept ON t(c) USING HASH;',
      '-- clustrix-lint-disable',
      many(6, 'LOCK TABLES t# WRITE;'),
      '-- clustrix-lint-enable no-lock-tables',
      'LOCK TABLES reported WRITE;',
      '-- clustrix-lint-enable',
      "XA START 'x';",
      '-- clustrix-lint-disable no-event -- never used: an unused-directive warning at line 28',
      many(6, 'SELECT #;'),
      '',
    ].join('\n');
    const options = { reportUnusedDirectives: 'warning' as const };
    const expected = check(sql, options).map((f) => [f.ruleId, f.line, f.column, f.start]);
    // The whole-text result: the block and the file-level disable hold, one enable reopens a rule.
    expect(expected.map(([id, line]) => `${id}:${line}`)).toEqual([
      'no-unsupported-index-type:16',
      'no-lock-tables:25',
      'unused-disable-directive:28',
    ]);
    const expectedFix = fix(sql, { ...options, lossy: true });
    for (const [sizes, segmentSize] of [
      [[7], 40],
      [[1, 5], 100],
      [[4096], 300],
    ] as Array<[number[], number]>) {
      const got = await checkStream(toAsync(chunked(sql, sizes)), { ...options, segmentSize });
      expect(got.map((f) => [f.ruleId, f.line, f.column, f.start])).toEqual(expected);
      let out = '';
      const r = await fixStream(toAsync(chunked(sql, sizes)), (t) => void (out += t), {
        ...options,
        lossy: true,
        segmentSize,
      });
      expect(out).toBe(expectedFix.output);
      expect(r.remaining.map((f) => [f.ruleId, f.line, f.start])).toEqual(
        expectedFix.remaining.map((f) => [f.ruleId, f.line, f.start]),
      );
    }
  });

  it('script-wide rules (table count, name collisions) see the whole stream, directives included', async () => {
    const sql = [
      'CREATE TABLE Foo (a INT);',
      ...Array.from({ length: 2005 }, (_, i) => `CREATE TABLE t${i} (id INT);`),
      '  CREATE TABLE foo (a INT);',
      '-- clustrix-lint-disable-next-line no-name-case-collision -- legacy name kept on purpose',
      'CREATE TABLE FOO (a INT);',
      '-- clustrix-lint-disable-next-line no-name-case-collision -- never used',
      'CREATE TABLE bar (a INT);',
      '',
    ].join('\n');
    // prefer-primary-key (script-wide too) would add one finding per table here: it is tested in its own file.
    const options = { reportUnusedDirectives: 'warning' as const, rules: { 'prefer-primary-key': 'off' as const } };
    const key = (f: Finding) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}/${f.start}`;
    const expected = check(sql, options).map(key);
    expect(expected).toEqual([
      // Foo and t0 … t1998 are 2,000 tables; t1999 is the 2,001st.
      'max-columns-per-table@2001:14-2001:19/' + (sql.indexOf('CREATE TABLE t1999 ') + 13),
      'no-name-case-collision@2007:16-2007:19/' + (sql.indexOf('  CREATE TABLE foo') + 15),
      'unused-disable-directive@2010:1-2010:72/' +
        sql.indexOf('-- clustrix-lint-disable-next-line no-name-case-collision -- never'),
    ]);
    const expectedFix = fix(sql, { ...options, lossy: true });
    for (const [sizes, segmentSize] of [
      [[1000], 200],
      [[4096], 5000],
    ] as Array<[number[], number]>) {
      expect((await checkStream(toAsync(chunked(sql, sizes)), { ...options, segmentSize })).map(key)).toEqual(expected);
      const r = await fixStream(toAsync(chunked(sql, sizes)), () => undefined, {
        ...options,
        lossy: true,
        segmentSize,
      });
      expect(r.remaining.map(key)).toEqual(expectedFix.remaining.map(key));
    }
  });

  it('reports bad input at its place in the whole stream', async () => {
    const sql = 'SELECT 1;\n'.repeat(1000) + "SELECT 'never closed;\n" + 'SELECT 2;\n'.repeat(10);
    await expect(checkStream(toAsync(chunked(sql, [100])), { filename: 'big.sql', segmentSize: 500 })).rejects.toThrow(
      'big.sql:1001:8: unterminated string literal',
    );
    const bytes = Buffer.concat([
      Buffer.from('SELECT 1;\n'.repeat(300)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(';\n'),
    ]);
    await expect(
      checkStream(toAsync([bytes.subarray(0, 1001), bytes.subarray(1001)]), { filename: 'u.sql' }),
    ).rejects.toThrow('u.sql:301:1: invalid UTF-8 byte 0xc3');
  });

  it('a 200 MB mysqldump streams through fix with a 64 MB heap, byte-exact but for the fixes', async () => {
    const size = parseSize('200M') as number;
    // What the fixes change is all in the header and footer, so a small dump shows the byte delta.
    const small = [...(dumpChunks(parseSize('2M')) as Iterable<string>)].join('');
    const delta = Buffer.byteLength(small) - Buffer.byteLength(fix(small).output);
    const child = spawn(process.execPath, ['--max-old-space-size=64', BIN, 'fix', '--stdin', '-o', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let outBytes = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      tail = (tail + b.toString('latin1')).slice(-200);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let inBytes = 0;
    for (const chunk of dumpChunks(size) as Iterable<string>) {
      inBytes += Buffer.byteLength(chunk);
      if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(stderr).toMatch(/LOCK TABLES .*is a no-op/);
    expect(code).toBe(0);
    expect(inBytes).toBeGreaterThanOrEqual(size - 1024 * 1024);
    expect(outBytes).toBe(inBytes - delta);
    expect(tail).toMatch(/UNLOCK TABLES;\nSET SQL_MODE=@OLD_SQL_MODE;\n$/);
  }, 300_000);
});

describe('start-up', () => {
  const loaded = (args: string[]) =>
    new Promise<string[]>((resolveLoads) => {
      const child = spawn(process.execPath, ['--import', join(ROOT, 'test', 'load-trace.mjs'), BIN, ...args], {
        cwd: ROOT,
      });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.stdout.resume();
      child.once('exit', () =>
        resolveLoads(
          err
            .split('\n')
            .filter((l) => l.startsWith('@@load '))
            .map((l) => l.slice(7)),
        ),
      );
    });

  it('a JSON check loads no chalk, diff, mysql2, node-sql-parser, SARIF or stylish code', async () => {
    const files = await loaded(['check', 'fixtures/all-severities/input.sql', '--format', 'json']);
    expect(files.some((f) => f.includes('/dist/src/format/json.js'))).toBe(true);
    const unwanted = files.filter((f) =>
      /\/node_modules\/(chalk|diff|mysql2|node-sql-parser)\/|\/format\/(sarif|stylish)\.js$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('the trace does see them when a command needs them', async () => {
    const files = await loaded(['fix', 'fixtures/all-severities/input.sql', '--diff', '-']);
    for (const name of ['chalk', 'diff', 'node-sql-parser'])
      expect(
        files.some((f) => f.includes(`/node_modules/${name}/`)),
        name,
      ).toBe(true);
  });
});
