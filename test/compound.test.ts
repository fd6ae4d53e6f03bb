// Compound statements: the statements nested in routine, trigger and event bodies (src/core/compound.ts),
// checked at their own place by the rules of their kind, fixed as at top level, and the same on the
// whole-text path and in a stream (in this thread and in the pool's way).
import { describe, expect, it } from 'vitest';
import { check, fix } from '../src/index.js';
import { nestedStatements, routineBody } from '../src/core/compound.js';
import { SqlSource } from '../src/core/source.js';
import { checkStreamWith, fixStreamWith } from '../src/stream/index.js';
import { rules } from '../rules/index.js';
import { fakePool } from './helpers/stream.js';
import { CORPUS_SKIP_REASON, corpusFiles, publicCorpusFiles } from './helpers/corpus.js';
import { readFileSync } from 'node:fs';
import { SqlSyntaxError } from '../src/core/errors.js';

/** The nested statements of the script's only routine: kind and text. */
function nested(body: string): Array<[string, string]> {
  const sql = `DELIMITER //\n${body}//\nDELIMITER ;\n`;
  const source = new SqlSource(sql);
  const routine = source.statements.find((s) => routineBody(s) !== null)!;
  return nestedStatements(routine).map((s) => [s.kind, sql.slice(s.start, s.end)]);
}

describe('the statements of a body', () => {
  it.each<[string, string, Array<[string, string]>]>([
    [
      'BEGIN … END with labels, IF / ELSEIF / ELSE, nested blocks',
      "CREATE PROCEDURE p(IN a INT) COMMENT 'x;y' SQL SECURITY INVOKER main: BEGIN\n  DECLARE v INT DEFAULT 0;\n  IF a > (SELECT 1) THEN CREATE TABLE t (a INT) SELECT 1;\n  ELSEIF CASE WHEN a THEN 1 ELSE 0 END THEN inner_: BEGIN ALTER TABLE t ADD b INT; END inner_;\n  ELSE DROP TABLE t;\n  END IF;\nEND main",
      [
        ['other', 'DECLARE v INT DEFAULT 0'],
        ['create_table', 'CREATE TABLE t (a INT) SELECT 1'],
        ['alter_table', 'ALTER TABLE t ADD b INT'],
        ['drop', 'DROP TABLE t'],
      ],
    ],
    [
      'CASE, LOOP, WHILE, REPEAT, a handler body and a cursor query',
      "CREATE PROCEDURE p() BEGIN\n DECLARE c CURSOR FOR SELECT a FROM t;\n DECLARE CONTINUE HANDLER FOR SQLSTATE '02000', NOT FOUND SET @done = 1;\n DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; END;\n CASE @x WHEN 1 THEN INSERT INTO t VALUES (1); ELSE UPDATE t SET a = 2; END CASE;\n l: LOOP LEAVE l; END LOOP l;\n WHILE @i < 3 DO SET @i = @i + 1; END WHILE;\n REPEAT DELETE FROM t; UNTIL @i > 0 END REPEAT;\nEND",
      [
        ['select', 'SELECT a FROM t'],
        ['set', 'SET @done = 1'],
        ['transaction', 'ROLLBACK'],
        ['insert', 'INSERT INTO t VALUES (1)'],
        ['update', 'UPDATE t SET a = 2'],
        ['other', 'LEAVE l'],
        ['set', 'SET @i = @i + 1'],
        ['delete', 'DELETE FROM t'],
      ],
    ],
    [
      'a function: RETURNS with its type attributes, then the body',
      'CREATE FUNCTION f(a INT) RETURNS VARCHAR(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DETERMINISTIC READS SQL DATA BEGIN CREATE INDEX i ON t (a); RETURN a; END',
      [
        ['create_index', 'CREATE INDEX i ON t (a)'],
        ['other', 'RETURN a'],
      ],
    ],
    [
      'a trigger whose body is one statement, after FOLLOWS',
      'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW FOLLOWS other SET NEW.a = 1',
      [['set', 'SET NEW.a = 1']],
    ],
    [
      'an event',
      'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN ALTER TABLE t DROP PARTITION p0; END',
      [['alter_table', 'ALTER TABLE t DROP PARTITION p0']],
    ],
  ])('%s', (_name, sql, expected) => {
    expect(nested(sql)).toEqual(expected);
  });

  it('gives a nested statement its offsets in the script, its `;` and the routine that holds it', () => {
    const sql = 'SELECT 1;\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  CREATE TABLE x (a INT);\nEND//\n';
    const source = new SqlSource(sql);
    const routine = source.statements[1]!;
    const [inner] = nestedStatements(routine);
    expect(inner!.start).toBe(sql.indexOf('CREATE TABLE'));
    expect(inner!.end).toBe(sql.indexOf(';\nEND'));
    expect(inner!.delimiter?.text).toBe(';');
    expect(inner!.within).toBe(routine);
    expect(inner!.index).toBe(routine.index);
    expect(source.locOf(inner!.start)).toEqual({ line: 5, column: 3 });
  });

  it('has no nested statements outside routines, triggers and events', () => {
    const source = new SqlSource('CREATE TABLE t (a INT); BEGIN; SELECT 1; COMMIT;');
    expect(source.statements.map((s) => nestedStatements(s).length)).toEqual([0, 0, 0, 0]);
  });
});

const corpora = [...(corpusFiles() ?? []), ...(publicCorpusFiles() ?? [])];

describe.skipIf(corpora.length === 0)(
  `the bodies of both corpora (${corpora.length === 0 ? CORPUS_SKIP_REASON : 'read'})`,
  () => {
    it('split into statements that lie inside their routine, in order, apart, each its own tokens', () => {
      let routines = 0;
      let statements = 0;
      for (const file of corpora) {
        let source: SqlSource;
        try {
          source = new SqlSource(readFileSync(file, 'utf8'));
        } catch (e) {
          if (e instanceof SqlSyntaxError) continue; // a file the tool refuses (skeema's splitter fixture)
          throw e;
        }
        for (const routine of source.statements) {
          const body = routineBody(routine);
          if (body === null) continue;
          routines++;
          expect(body.statements.length, `${file}: a body at ${routine.start}`).toBeGreaterThan(0);
          let after = body.from < routine.code.length ? routine.code[body.from]!.start : routine.end;
          for (const inner of body.statements) {
            statements++;
            expect(inner.start).toBeGreaterThanOrEqual(after);
            expect(inner.end).toBeLessThanOrEqual(routine.end);
            expect(inner.tokens.map((t) => t.text).join('')).toBe(source.text.slice(inner.start, inner.end));
            expect(inner.kind).not.toBe('unknown');
            after = inner.end;
          }
        }
      }
      expect(routines).toBeGreaterThan(80);
      expect(statements).toBeGreaterThan(routines);
    });
  },
);

const PROCEDURE =
  'CREATE TABLE y (id INT PRIMARY KEY, c VARCHAR(100));\n' +
  'DELIMITER //\n' +
  'CREATE PROCEDURE rotate()\n' +
  'BEGIN\n' +
  "  IF NOT EXISTS (SELECT * FROM information_schema.TABLES WHERE TABLE_NAME = 'x') THEN\n" +
  '    CREATE TABLE x (a INT NOT NULL, KEY k (a) USING HASH) ENGINE=MEMORY PARTITION BY HASH(a) PARTITIONS 4;\n' +
  '    ALTER TABLE y ADD FULLTEXT INDEX f (c);\n' +
  '    CREATE INDEX i USING HASH ON y (c);\n' +
  '  END IF;\n' +
  'END//\n' +
  'DELIMITER ;\n';

describe('rules on nested statements', () => {
  it('reports each construct at its line, saying it fails when the routine runs', () => {
    const found = check(PROCEDURE).filter((f) => f.category !== 'advice');
    expect(found.map((f) => `${f.line}:${f.column} ${f.ruleId}/${f.messageId}`)).toEqual([
      '6:47 no-unsupported-index-type/ignored',
      '6:66 no-unsupported-engine/memory',
      '6:73 no-unsupported-partitioning/partitionType',
      '7:23 no-fulltext/index',
      '8:20 no-unsupported-index-type/beforeKeyParts',
    ]);
    // The same findings as the same statements at top level (there, with their messages unchanged).
    const top = PROCEDURE.split('\n').slice(5, 8).join('\n');
    const atTop = check(`CREATE TABLE y (id INT PRIMARY KEY, c VARCHAR(100));\n${top}`).filter(
      (f) => f.category !== 'advice',
    );
    expect(atTop.map((f) => `${f.line + 4}:${f.column} ${f.ruleId}/${f.messageId}`)).toEqual(
      found.map((f) => `${f.line}:${f.column} ${f.ruleId}/${f.messageId}`),
    );
    expect(atTop.map((f) => f.message)).toEqual(
      found.map((f) => f.message.replace(/ \(In a procedure body: .*\)$/, '')),
    );
    for (const f of found)
      expect(f.message).toMatch(
        /\(In a procedure body: this (fails|applies) when the procedure is called, not when the script loads\.\)$/,
      );
  });

  it('keeps the messages of top-level statements as they were', () => {
    const [f] = check('CREATE TABLE t (a INT) SELECT 1;');
    expect(f!.message).not.toMatch(/procedure/);
  });

  it('reports a finding once when a rule reads the routine whole and the nested statement too', () => {
    const sql = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT * FROM t WHERE MATCH (a) AGAINST ('x'); END//";
    const found = check(sql).filter((f) => f.ruleId === 'no-fulltext');
    expect(found.map((f) => f.message.endsWith('not when the script loads.)'))).toEqual([true]);
  });

  it('does not take a CREATE TABLE in a body as executed when the script loads (schema, script-wide rules)', () => {
    const sql =
      'CREATE TABLE Log (id INT PRIMARY KEY);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN CREATE TABLE log (id INT PRIMARY KEY); ALTER TABLE Log ADD FULLTEXT (id); END//\nDELIMITER ;\nDROP INDEX id ON Log;';
    const ids = check(sql).map((f) => f.ruleId);
    expect(ids).not.toContain('no-name-case-collision');
    // The DROP INDEX drops nothing the script itself defined as FULLTEXT.
    expect(check(sql).filter((f) => f.messageId === 'dropIndex')).toEqual([]);
  });

  it('fix --lossy removes what it removes at top level, idempotently', () => {
    const lossy = fix(PROCEDURE, { lossy: true });
    expect(lossy.output).toBe(
      PROCEDURE.replace(' USING HASH)', ')')
        .replace('ENGINE=MEMORY PARTITION BY HASH(a) PARTITIONS 4', 'ENGINE=INNODB')
        .replace('    ALTER TABLE y ADD FULLTEXT INDEX f (c);\n', '')
        .replace('INDEX i USING HASH ON', 'INDEX i ON'),
    );
    expect(fix(lossy.output, { lossy: true }).output).toBe(lossy.output);
  });

  it('keeps a removal that would leave a branch without a statement, and says why', () => {
    const sql =
      'CREATE TABLE y (c TEXT);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN IF 1 THEN ALTER TABLE y ADD FULLTEXT (c); END IF; END//\nDELIMITER ;\n';
    const lossy = fix(sql, { lossy: true });
    expect(lossy.output).toBe(sql);
    const [left] = lossy.remaining.filter((f) => f.ruleId === 'no-fulltext');
    expect(left!.unfixed).toMatch(/branch of the routine body without a statement/);
    // With a statement beside it, the removal is made.
    const two = sql.replace('END IF', 'SELECT 1; END IF');
    expect(fix(two, { lossy: true }).output).not.toMatch(/FULLTEXT/);
  });
});

describe('nested statements in a stream', () => {
  const sql = (PROCEDURE + 'INSERT INTO y VALUES (1, "a;b");\n').repeat(4);
  it.each([
    ['in this thread', undefined],
    ['in the pool', fakePool()],
  ])('give the whole-text findings and fixes, %s', async (_name, executor) => {
    const key = (fs: ReturnType<typeof check>) => fs.map((f) => [f.ruleId, f.line, f.column, f.message]);
    const chunks = async function* () {
      yield sql;
    };
    const found = await checkStreamWith(rules, chunks(), { segmentSize: 200, executor });
    expect(key(found)).toEqual(key(check(sql)));
    let out = '';
    await fixStreamWith(rules, chunks(), (t) => void (out += t), { lossy: true, segmentSize: 200, executor });
    expect(out).toBe(fix(sql, { lossy: true }).output);
  });
});
