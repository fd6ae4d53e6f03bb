// Streaming: any chunking and any segment size give exactly what the whole-text API gives, and
// memory stays bounded on a 200 MB dump.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, checkStream, fix, fixStream } from '../src/index.js';
import type { Finding } from '../src/core/rule.js';
import { checkStreamWith, cutSegments, fixStreamWith, segments, type SegmentExecutor } from '../src/stream/index.js';
import { rules } from '../rules/index.js';
import { tokenize } from '../src/core/tokenize.js';
import type { AppliedFix } from '../src/core/fixer.js';
import { corpusFiles } from './helpers/corpus.js';
import { BIN, ROOT } from './helpers/paths.js';
import { fakePool } from './helpers/stream.js';
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

/** The executors the equality tests run with: this thread, and the pool's way. */
const EXECUTORS: Array<[string, () => SegmentExecutor | undefined]> = [
  ['in this thread', () => undefined],
  ['as in the pool', () => fakePool()],
];

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
  [
    'statements nested in routine bodies, with INSERT payloads inside them',
    (
      'CREATE TABLE y (id INT PRIMARY KEY, c TEXT);\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n' +
      '    CREATE TABLE x (a INT, KEY k (a) USING HASH) ENGINE=MEMORY PARTITION BY HASH(a);\n' +
      "    INSERT INTO y VALUES (1, 'a;b'), (2, 'END IF');\n    ALTER TABLE y ADD FULLTEXT (c);\n  END IF;\nEND//\nDELIMITER ;\n"
    ).repeat(6),
  ],
  ...(corpusFiles() ?? []).map((f): [string, string] => [basename(f), readFileSync(f, 'utf8')]),
];

describe('streaming', () => {
  it.each(samples)(
    '%s: chunked and segmented like the whole-text API',
    async (_name, sql) => {
      const expectedFix = fix(sql, { lossy: true });
      const expectedCheck = check(sql);
      for (const [sizes, segmentSize, executor] of [
        [[1, 2, 3, 5, 7], 64, undefined],
        [[4096], 1000, undefined],
        [[4096], 1000, fakePool()],
        // Small segments in the pool's way: jobs start before the ones ahead of them are taken, so
        // the directives and tables they depend on come from segments not yet done.
        [[4096], 64, fakePool()],
        [[1 << 20], 1 << 20, undefined],
      ] as Array<[number[], number, SegmentExecutor | undefined]>) {
        let out = '';
        const r = await fixStreamWith(rules, toAsync(chunked(sql, sizes)), (t) => void (out += t), {
          lossy: true,
          segmentSize,
          executor,
        });
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
        expect(key(await checkStreamWith(rules, toAsync(chunked(sql, sizes)), { segmentSize, executor }))).toEqual(
          key(expectedCheck),
        );
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
    const { tokenize } = await import('../src/core/tokenize.js');
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
    const { tokenize } = await import('../src/core/tokenize.js');
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

  it('a pool runs each segment of a mysqldump once: its framing (DISABLE KEYS, LOCK TABLES, INSERT) reads no earlier table', async () => {
    // A job starts before the segments ahead of it are taken; one that read a table they define
    // runs again. mysqldump's ALTER TABLE … DISABLE/ENABLE KEYS after each CREATE TABLE made
    // nearly every segment of a many-tables dump run twice with two threads.
    const table = (i: number) =>
      [
        `DROP TABLE IF EXISTS \`t_${i}\`;`,
        `CREATE TABLE \`t_${i}\` (id INT PRIMARY KEY, c VARCHAR(10), FULLTEXT KEY ft (c)) ENGINE=InnoDB /*!50100 PARTITION BY HASH (id) PARTITIONS 4 */;`,
        `LOCK TABLES \`t_${i}\` WRITE;`,
        `/*!40000 ALTER TABLE \`t_${i}\` DISABLE KEYS */;`,
        ...Array.from({ length: 4 }, (_, k) => `INSERT INTO \`t_${i}\` VALUES (${k},'x;y');`),
        `/*!40000 ALTER TABLE \`t_${i}\` ENABLE KEYS */;`,
        'UNLOCK TABLES;',
      ].join('\n');
    // At the end, a statement that does need an earlier table: the job gets that one only.
    const sql = Array.from({ length: 30 }, (_, i) => table(i)).join('\n') + '\nALTER TABLE `t_3` DROP INDEX ft;\n';
    const inner = fakePool(2);
    const runs = new Map<number, number>();
    let sent = 0;
    const counting: SegmentExecutor = {
      ...inner,
      run: (job, r, o, m) => {
        runs.set(job.index, (runs.get(job.index) ?? 0) + 1);
        sent = Math.max(sent, job.schema.length);
        return inner.run(job, r, o, m);
      },
    };
    const got = await checkStreamWith(rules, toAsync(chunked(sql, [301])), { segmentSize: 256, executor: counting });
    expect(got.map((f) => [f.ruleId, f.start])).toEqual(check(sql).map((f) => [f.ruleId, f.start]));
    expect(runs.size).toBeGreaterThan(20);
    expect([...runs].filter(([, n]) => n > 1)).toEqual([]);
    // A job copied to a worker carries the tables its text names, not all 30 the dump defines.
    expect(got.some((f) => f.ruleId === 'no-fulltext' && f.line === sql.split('\n').length - 1)).toBe(true);
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(2);
  });

  it.each(EXECUTORS)(
    'name collisions follow USE across segments as in one piece: per database, database names folded (%s)',
    async (_how, executor) => {
      const pad = Array.from({ length: 30 }, (_, i) => `INSERT INTO x VALUES (${i});`).join('\n');
      const sql = [
        'USE `sakila`;',
        'CREATE TABLE customer (id INT);',
        pad,
        'use Chinook',
        'CREATE TABLE Customer (id INT);',
        pad,
        'USE `chinook`;',
        'CREATE TABLE customer (id INT);',
        'CREATE TABLE sakila.Customer (id INT);',
        '',
      ].join('\n');
      const expected = check(sql)
        .filter((f) => f.ruleId === 'no-name-case-collision')
        .map((f) => [f.line, f.column, f.start]);
      expect(expected.map(([line]) => line)).toEqual([66, 67]);
      for (const segmentSize of [64, 200, 4096]) {
        const got = await checkStreamWith(rules, toAsync(chunked(sql, [97])), { segmentSize, executor: executor() });
        expect(
          got.filter((f) => f.ruleId === 'no-name-case-collision').map((f) => [f.line, f.column, f.start]),
          `segments of ${segmentSize}`,
        ).toEqual(expected);
      }
    },
  );

  it.each(EXECUTORS)(
    'disable blocks, disable-file and unused-directive reports reach across segments as in one piece (%s)',
    async (_how, executor) => {
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
        const got = await checkStreamWith(rules, toAsync(chunked(sql, sizes)), {
          ...options,
          segmentSize,
          executor: executor(),
        });
        expect(got.map((f) => [f.ruleId, f.line, f.column, f.start])).toEqual(expected);
        let out = '';
        const r = await fixStreamWith(rules, toAsync(chunked(sql, sizes)), (t) => void (out += t), {
          ...options,
          lossy: true,
          segmentSize,
          executor: executor(),
        });
        expect(out).toBe(expectedFix.output);
        expect(r.remaining.map((f) => [f.ruleId, f.line, f.start])).toEqual(
          expectedFix.remaining.map((f) => [f.ruleId, f.line, f.start]),
        );
      }
    },
  );

  it.each(EXECUTORS)(
    'script-wide rules (table count, name collisions) see the whole stream, directives included (%s)',
    async (_how, executor) => {
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
        expect(
          (
            await checkStreamWith(rules, toAsync(chunked(sql, sizes)), {
              ...options,
              segmentSize,
              executor: executor(),
            })
          ).map(key),
        ).toEqual(expected);
        const r = await fixStreamWith(rules, toAsync(chunked(sql, sizes)), () => undefined, {
          ...options,
          lossy: true,
          segmentSize,
          executor: executor(),
        });
        expect(r.remaining.map(key)).toEqual(expectedFix.remaining.map(key));
      }
    },
  );

  it.each(EXECUTORS)(
    'INSERT payloads seen as placeholders: exact offsets, lines and columns with non-ASCII data, CRLF and code after a payload (%s)',
    async (_how, executor) => {
      // Payloads with multi-byte and astral characters, raw line breaks, and statements, comments,
      // directives and findings after them on the same line: where a placeholder's length differs
      // from its payload's, every position after it must still be the whole text's.
      const row = (i: number) => `(${i},'café ü 日本 😀 it\\'s; -- no',"x\ny\r\nz 😀",'#/* ${'é'.repeat(i % 7)}')`;
      const rows = (from: number, n: number) => Array.from({ length: n }, (_, k) => row(from + k)).join(',');
      const lines: string[] = ['\uFEFF-- clustrix-lint-disable-file no-xa'];
      for (let t = 0; t < 40; t++) {
        lines.push(
          `CREATE TABLE \`t${t}\` (a varchar(9) COLLATE utf8mb4_0900_ai_ci) ENGINE=MEMORY DEFAULT CHARSET=ascii;`,
          `INSERT INTO \`t${t}\` VALUES ${rows(t * 10, 60)}; LOCK TABLES t WRITE; CREATE INDEX i${t} USING HASH ON t(c); -- clustrix-lint-disable-line no-lock-tables`,
          `/*!40000 ALTER TABLE \`t${t}\` DISABLE KEYS */; INSERT INTO t VALUES ${rows(t, 3)};INSERT INTO u VALUES ('é') /* é */ ; XA START 'é';`,
          t % 9 === 0 ? '/* clustrix-lint-disable no-unsupported-index-type */' : '-- ü',
          t % 9 === 4 ? '/* clustrix-lint-enable */' : '# 😀',
        );
      }
      lines.push("INSERT INTO last VALUES (1, 'é')");
      for (const eol of ['\n', '\r\n']) {
        const sql = lines.join(eol);
        const options = { reportUnusedDirectives: 'warning' as const };
        const key = (f: Finding) =>
          `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}/${f.start}-${f.end} ${f.message} ${JSON.stringify(f.fix?.edits ?? null)}`;
        const expected = check(sql, options).map(key);
        expect(expected.length).toBeGreaterThan(100); // many findings, on both sides of payloads
        const expectedFix = fix(sql, { ...options, lossy: true });
        for (const [sizes, segmentSize] of [
          [[7, 1000, 3], 2000],
          [[65536], 8192],
        ] as Array<[number[], number]>) {
          const got = await checkStreamWith(rules, toAsync(chunked(sql, sizes)), {
            ...options,
            segmentSize,
            executor: executor(),
          });
          expect(got.map(key)).toEqual(expected);
          let out = '';
          const r = await fixStreamWith(rules, toAsync(chunked(sql, sizes)), (t) => void (out += t), {
            ...options,
            lossy: true,
            segmentSize,
            executor: executor(),
          });
          expect(out === expectedFix.output).toBe(true);
          expect(r.remaining.map(key)).toEqual(expectedFix.remaining.map(key));
          expect(r.applied.map((a) => `${a.ruleId}@${a.line}:${a.column}/${a.pass}`)).toEqual(
            expectedFix.applied.map((a) => `${a.ruleId}@${a.line}:${a.column}/${a.pass}`),
          );
          // First-pass edits are offsets into the input, as in the whole-text result.
          const edits = (as: readonly AppliedFix[]) =>
            as.filter((a) => a.pass === 1).map((a) => JSON.stringify(a.edits));
          expect(edits(r.applied)).toEqual(edits(expectedFix.applied));
        }
      }
    },
    120_000,
  );

  it('a worker pool runs the built-in rules and refuses another rule set rather than ignore it', async () => {
    const { WorkerPool } = await import('../src/stream/pool.js');
    const pool = new WorkerPool(2);
    try {
      expect(pool.rules).toBe(rules);
      const some = rules.slice(0, 3);
      const sql = 'CREATE TABLE t (a int) ENGINE=MyISAM;\n';
      await expect(checkStreamWith(some, toAsync([sql]), { executor: pool })).rejects.toThrow(
        /the executor runs another rule set/,
      );
      const job = { index: 0, text: sql, delimiter: ';', payloads: [], inherited: [], schema: [], lineOffset: 0 };
      await expect(pool.run(job, some, {}, null)).rejects.toThrow(/a worker pool runs the built-in rules/);
      // Its own rule set runs (the first jobs in this thread, before any worker starts).
      expect((await pool.run(job, rules, {}, null)).findings.length).toBeGreaterThan(0);
      expect(await checkStreamWith(rules, toAsync([sql]), { executor: pool })).toEqual(check(sql));
    } finally {
      await pool.close();
    }
  });

  it('the cutter finds the payloads where the whole-text tokenizer does, in bytes', async () => {
    const sql = "INSERT INTO t VALUES ('é😀;'),(2);\nSELECT 'ü';\nINSERT INTO u VALUES ('a\nb'), ('日本');\n".repeat(
      30,
    );
    const bytesBefore = (i: number) => Buffer.byteLength(sql.slice(0, i));
    const whole = tokenize(sql)
      .tokens.filter((t) => t.kind === 'data')
      .map((t) => [bytesBefore(t.start), bytesBefore(t.end)]);
    for (const [sizes, segmentSize] of [
      [[1, 2, 3], 50],
      [[4096], 300],
    ] as Array<[number[], number]>) {
      const got: number[][] = [];
      for await (const raw of cutSegments(toAsync(chunked(sql, sizes)), 'x', segmentSize)) {
        for (const p of raw.payloads ?? []) got.push([raw.byteBase + p.from, raw.byteBase + p.end]);
      }
      expect(got).toEqual(whole);
    }
  });

  it('reports bad input at its place in the whole stream', async () => {
    const sql = 'SELECT 1;\n'.repeat(1000) + "SELECT 'never closed;\n" + 'SELECT 2;\n'.repeat(10);
    await expect(checkStream(toAsync(chunked(sql, [100])), { filename: 'big.sql', segmentSize: 500 })).rejects.toThrow(
      'big.sql:1001:8: unterminated string literal',
    );
    await expect(
      fixStream(toAsync(chunked(sql, [100])), () => undefined, { filename: 'big.sql', segmentSize: 500 }),
    ).rejects.toThrow('big.sql:1001:8: unterminated string literal');
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
