// Property and fuzz tests (fast-check): random SQL-ish token soups and byte-level mutations of
// every corpus file. CI runs a fixed seed and a small count; `npm run fuzz -- --runs N [--seed S]`
// runs as many as asked (FUZZ_RUNS / FUZZ_SEED / FUZZ_CORPUS_RUNS).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqlSyntaxError } from '../src/core/errors.js';
import { applyEdits } from '../src/core/edits.js';
import { check, fix } from '../src/index.js';
import { SqlSource } from '../src/core/source.js';
import { checkStreamWith, fixStreamWith, segments } from '../src/stream/index.js';
import type { Finding } from '../src/core/rule.js';
import { rules } from '../rules/index.js';
import { tokenize } from '../src/core/tokenize.js';
import { firstMisplacedByte, textSuspects } from '../src/core/script-bytes.js';
import { locateOffset } from '../src/core/source.js';
import { encodeScript } from '../src/node/encoding.js';
import { corpusFiles } from './helpers/corpus.js';
import { fakePool } from './helpers/stream.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const CORPUS_RUNS = Number(process.env.FUZZ_CORPUS_RUNS ?? Math.max(20, Math.floor(RUNS / 5)));
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/** A hang fails CI after 10 minutes; long runs (npm run fuzz) take as long as they take. */
const TIMEOUT = process.env.FUZZ_RUNS === undefined ? 600_000 : 0;

const WORDS = [
  'CREATE',
  'TABLE',
  'INDEX',
  'UNIQUE',
  'KEY',
  'PRIMARY',
  'USING',
  'HASH',
  'BTREE',
  'ON',
  'ALTER',
  'ADD',
  'DROP',
  'PARTITION',
  'BY',
  'LINEAR',
  'RANGE',
  'LIST',
  'PARTITIONS',
  'SUBPARTITION',
  'VALUES',
  'LESS',
  'THAN',
  'MAXVALUE',
  'ENGINE',
  'NDB',
  'MEMORY',
  'InnoDB',
  'CHARACTER',
  'SET',
  'CHARSET',
  'COLLATE',
  'utf8mb4_0900_ai_ci',
  'ascii',
  'latin1',
  'NAMES',
  'DEFAULT',
  'NOT',
  'NULL',
  'INT',
  'VARCHAR',
  'DECIMAL',
  'ENUM',
  'FULLTEXT',
  'SPATIAL',
  'POINT',
  'CHECK',
  'CONSTRAINT',
  'FOREIGN',
  'REFERENCES',
  'VIEW',
  'AS',
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'DESC',
  'WITH',
  'OPTION',
  'INSERT',
  'INTO',
  'REPLACE',
  'LOCK',
  'TABLES',
  'WRITE',
  'XA',
  'START',
  'EVENT',
  'SCHEDULE',
  'PROCEDURE',
  'BEGIN',
  'END',
  'CASE',
  'WHEN',
  'THEN',
  'RESIGNAL',
  'SAVEPOINT',
  'full',
  'signed',
  'ROW_FORMAT',
  'sql_mode',
  'DELIMITER $$\n',
  'DELIMITER ;\n',
  'DELIMITER ;;\n',
  't',
  'c',
  '`t`',
  '`we``ird`',
  "'s'",
  "'it''s'",
  "'a\\'b'",
  '"d"',
  '1',
  '1.5',
  '0x1F',
  '(',
  ')',
  ',',
  ';',
  ';;',
  '$$',
  '=',
  '.',
  '@v',
  '@@session.sql_mode',
  '-- c\n',
  '#x\n',
  '/* c */',
  '/*!50100',
  '/*!40101',
  '/*M!100100',
  '*/',
  '/*$ SLICES=3 */',
  '\n',
  '\r\n',
  ' ',
  '\t',
  'é',
  '😀',
  // Bytes that are not UTF-8 (a BLOB dumped without --hex-blob), as the text holds them: escapes
  // U+DC00+byte. Only bytes that never start a valid sequence, so two escapes side by side never
  // become a character when encoded; and NUL.
  '\udcff',
  '\udcfe',
  '\udc80',
  '\udcbf',
  '\udcc0',
  '\udcf5',
  '\0',
];
/** Fragments that may leave a string or comment open: bad input, but never a crash. */
const OPENERS = ["'", '"', '`', '/*', '/*!50100 '];

const soup = (withOpeners: boolean) =>
  fc
    .array(fc.constantFrom(...WORDS, ...(withOpeners ? OPENERS : [])), { maxLength: 60 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', '', '\n'), { minLength: parts.length, maxLength: parts.length })
        .map((sep) => parts.map((p, i) => p + sep[i]).join('')),
    );

/** Runs f; SqlSyntaxError is an accepted outcome (bad input), anything else fails the property. */
function tolerant<T>(f: () => T, located = true): T | SqlSyntaxError {
  try {
    return f();
  } catch (e) {
    if (e instanceof SqlSyntaxError) {
      // The public API says where: file:line:col (the tokenizer alone gives the offset).
      if (located) expect(e.message).toMatch(/^.+:\d+:\d+: /);
      return e;
    }
    throw e;
  }
}

/** The properties every input must have. */
function properties(sql: string): void {
  const t = tolerant(() => tokenize(sql), false);
  if (!(t instanceof SqlSyntaxError)) {
    expect(t.tokens.map((x) => x.text).join('')).toBe(sql);
    let at = 0;
    for (const x of t.tokens) {
      expect(x.start).toBe(at);
      at = x.end;
    }
  }
  const findings = tolerant(() => check(sql));
  const fixed = tolerant(() => fix(sql, { lossy: true }));
  if (findings instanceof SqlSyntaxError || fixed instanceof SqlSyntaxError) {
    expect(findings instanceof SqlSyntaxError && fixed instanceof SqlSyntaxError).toBe(true);
    return;
  }
  // Fixing twice equals fixing once.
  expect(fix(fixed.output, { lossy: true }).output).toBe(fixed.output);
  // Bytes outside the edits are untouched: the first pass's edits rebuild its output exactly.
  const firstPass = fixed.applied.filter((a) => a.pass === 1).flatMap((a) => a.edits);
  if (fixed.applied.every((a) => a.pass === 1)) {
    expect(
      applyEdits(
        sql,
        [...firstPass].sort((a, b) => a.start - b.start),
      ),
    ).toBe(fixed.output);
  }
  // Every statement node-sql-parser accepted still parses (the fixer refuses otherwise; this
  // re-checks it from outside), and no statement is lost but those a fix removed on purpose.
  const before = new SqlSource(sql).statements;
  const after = new SqlSource(fixed.output).statements;
  expect(after.length).toBeLessThanOrEqual(before.length);
  const parsedBefore = before.filter((s) => s.parse().ok).length;
  const parsedAfter = after.filter((s) => s.parse().ok).length;
  if (after.length === before.length) expect(parsedAfter).toBeGreaterThanOrEqual(parsedBefore);
}

/** Pieces of INSERT payloads: every character a resumed payload scan must get right, cut anywhere. */
const PAYLOAD = [
  "'",
  "''",
  '\\',
  "\\'",
  '"',
  '""',
  '`',
  ';',
  '--',
  '-- ',
  '-',
  '#',
  '/*',
  '*/',
  '/',
  '\n',
  '$$',
  '$',
  '(',
  ')',
  ',',
  '1',
  'abc',
  ' ',
  'é',
  '😀',
  // Bytes that are not UTF-8 (a BLOB dumped without --hex-blob), as the text holds them: escapes
  // U+DC00+byte. Only bytes that never start a valid sequence, so two escapes side by side never
  // become a character when encoded; and NUL.
  '\udcff',
  '\udcfe',
  '\udc80',
  '\udcbf',
  '\udcc0',
  '\udcf5',
  '\0',
];
const dataScript = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'INSERT INTO t VALUES ',
        'REPLACE INTO t (a) VALUE ',
        'INSERT INTO t VALUES',
        'SELECT ',
        'DELIMITER $$\n',
        'DELIMITER ;\n',
      ),
      fc.array(fc.constantFrom(...PAYLOAD), { maxLength: 40 }),
      fc.constantFrom(';\n', ';', '$$\n', '\n', ''),
    ),
    { maxLength: 8 },
  )
  .map((stmts) => stmts.map(([head, body, end]) => head + body.join('') + end).join(''));

/** The bytes of `text` (escapes back to the bytes they stand for) in chunks of `size`. */
async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = encodeScript(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe(`fuzz (${RUNS} runs per property, ${CORPUS_RUNS} corpus mutations, seed ${SEED})`, () => {
  it.each(['/*!50100 DELIMITER $$\n\n1.5*/$$TABLES\nSET\nRANGEt\nSPATIAL', '/*M!100100/* c */*/'])(
    'counterexamples found by the one-million-run fuzz (seed 424242) stay fixed: %j',
    (sql) => properties(sql),
  );

  it(
    'SQL-ish token soups',
    () => {
      fc.assert(fc.property(soup(false), properties), params);
    },
    TIMEOUT,
  );

  it(
    'soups with unterminated strings and comments',
    () => {
      fc.assert(fc.property(soup(true), properties), params);
    },
    TIMEOUT,
  );

  it(
    'arbitrary text, any Unicode',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), properties), params);
    },
    TIMEOUT,
  );

  it(
    'streamed INSERT payloads, cut at any chunk and segment size, tokenize as the whole text',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          dataScript,
          fc.integer({ min: 1, max: 24 }),
          fc.integer({ min: 4, max: 300 }),
          async (sql, chunk, segmentSize) => {
            const whole = tolerant(() => tokenize(sql), false);
            const got: Array<[string, number, number]> = [];
            let failure: unknown = null;
            try {
              for await (const seg of segments(chunksOf(sql, chunk), 'f.sql', segmentSize)) {
                for (const t of seg.tokens)
                  if (t.kind !== 'whitespace') got.push([t.kind, t.start + seg.base, t.end + seg.base]);
              }
            } catch (e) {
              failure = e;
            }
            // A byte that is not UTF-8 (or a NUL) outside the literals is refused where it stands.
            const bad =
              whole instanceof SqlSyntaxError
                ? null
                : firstMisplacedByte(whole.tokens, textSuspects, { latin1: false });
            if (whole instanceof SqlSyntaxError) {
              expect(failure).toBeInstanceOf(SqlSyntaxError);
              // A stream may meet a misplaced byte in a segment before the one that does not end.
              expect((failure as Error).message).toMatch(/^f\.sql:\d+:\d+: (unterminated|invalid UTF-8|binary)/);
            } else if (bad !== null) {
              const at = locateOffset(sql, bad.offset);
              expect((failure as Error | null)?.message).toBe(`f.sql:${at.line}:${at.column}: ${bad.reason}`);
            } else {
              expect(failure).toBe(null);
              expect(got).toEqual(
                whole.tokens.filter((t) => t.kind !== 'whitespace').map((t) => [t.kind, t.start, t.end]),
              );
            }
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'streamed, in this thread or as in the pool: directives across segments, script-wide rules and payloads give exactly the whole-text findings and output',
    async () => {
      // Per-statement rules and a script-wide one (no-name-case-collision, whose findings a stream
      // computes at its end), under blocks, next-line and file directives.
      const RULES = [
        '',
        ' no-lock-tables',
        ' no-unsupported-index-type',
        ' no-lock-tables, no-unsupported-index-type',
        ' no-name-case-collision',
        ' no-name-case-collision, no-lock-tables',
      ];
      // INSERT payloads (placeholders for the rules) with multi-byte characters and line breaks,
      // and code after them on the same line: positions after a payload must not move.
      const insert = fc
        .array(
          fc.constantFrom(
            "'é'",
            "'😀\n'",
            "'a\\'b'",
            '1',
            "'日本;'",
            '"x\ny"',
            // Binary payloads: bytes that are not UTF-8 and NULs, as escapes in the text.
            "'\udcff\udc80\0'",
            "_binary'\udcfe\n\udcbf'",
          ),
          { minLength: 1, maxLength: 6 },
        )
        .chain((values) =>
          fc
            .constantFrom('', ' LOCK TABLES t WRITE;', ' CREATE INDEX j USING HASH ON t(c); -- é')
            .map((after) => `INSERT INTO t VALUES (${values.join(',')});${after}`),
        );
      const line = fc.oneof(
        fc.constant('LOCK TABLES t WRITE;'),
        fc.constant('CREATE INDEX i ON t(c) USING HASH;'),
        // A fix in a segment whose code holds bytes that are not UTF-8 (in a literal).
        fc.constant("CREATE INDEX k USING HASH ON t(c) COMMENT 'caf\udce9\udcf5';"),
        fc.constant('SELECT 1;'),
        insert,
        fc.constantFrom('CREATE TABLE Foo (a INT);', 'CREATE TABLE foo (a INT);', 'CREATE TABLE FOO (a INT);'),
        fc.constantFrom(...RULES).map((ids) => `-- clustrix-lint-disable${ids}`),
        fc.constantFrom(...RULES).map((ids) => `/* clustrix-lint-enable${ids} */`),
        fc.constantFrom(...RULES).map((ids) => `-- clustrix-lint-disable-next-line${ids}`),
      );
      const script = fc
        .tuple(
          fc.constantFrom('', ...RULES.map((ids) => `-- clustrix-lint-disable-file${ids}\n`)),
          fc.array(line, { maxLength: 40 }),
        )
        .map(([head, lines]) => head + lines.join('\n') + '\n');
      await fc.assert(
        fc.asyncProperty(
          script,
          fc.integer({ min: 1, max: 64 }),
          fc.integer({ min: 8, max: 400 }),
          fc.boolean(),
          async (sql, chunk, segmentSize, pool) => {
            const options = { reportUnusedDirectives: 'warning' as const };
            const key = (f: Finding) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}/${f.start}`;
            // In this thread, or as the worker pool runs jobs (copied, results out of order).
            const executor = pool ? fakePool(2) : undefined;
            const streamed = await checkStreamWith(rules, chunksOf(sql, chunk), { ...options, segmentSize, executor });
            expect(streamed.map(key)).toEqual(check(sql, options).map(key));
            const whole = fix(sql, { ...options, lossy: true });
            let out = '';
            const fixed = await fixStreamWith(rules, chunksOf(sql, chunk), (t) => void (out += t), {
              ...options,
              lossy: true,
              segmentSize,
              executor: pool ? fakePool(2) : undefined,
            });
            expect(out).toBe(whole.output);
            expect(fixed.remaining.map(key)).toEqual(whole.remaining.map(key));
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  const files = corpusFiles() ?? [];
  it.skipIf(files.length === 0)(
    'byte-level mutations of every corpus file',
    () => {
      const texts = files.map((f) => readFileSync(f, 'utf8'));
      const mutation = fc.record({
        file: fc.nat({ max: texts.length - 1 }),
        edits: fc.array(
          fc.record({ at: fc.nat(), len: fc.nat({ max: 40 }), insert: fc.constantFrom('', ...WORDS, ...OPENERS) }),
          { minLength: 1, maxLength: 4 },
        ),
      });
      fc.assert(
        fc.property(mutation, ({ file, edits }) => {
          let sql = texts[file]!;
          for (const e of edits) {
            const at = e.at % (sql.length + 1);
            sql = sql.slice(0, at) + e.insert + sql.slice(Math.min(sql.length, at + e.len));
          }
          properties(sql);
        }),
        { ...params, numRuns: CORPUS_RUNS },
      );
    },
    600_000,
  );
});
