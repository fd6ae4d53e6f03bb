import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlSource } from '../src/core/source.js';
import type { StatementKind } from '../src/core/statements.js';
import { CORPUS_DIR, CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';

const kindsOf = (sql: string) => new SqlSource(sql).statements.map((s) => s.kind);

describe('statements', () => {
  it.each<[string, StatementKind]>([
    ['CREATE TABLE IF NOT EXISTS t (a INT)', 'create_table'],
    ['CREATE TEMPORARY TABLE t (a INT)', 'create_table'],
    ['create unique index i on t(c)', 'create_index'],
    ['CREATE FULLTEXT INDEX i ON t(c)', 'create_index'],
    ['CREATE SCHEMA s', 'create_database'],
    ['CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1', 'create_view'],
    ["CREATE DEFINER='a'@'localhost' TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1", 'create_trigger'],
    ['CREATE DEFINER=CURRENT_USER PROCEDURE p() SELECT 1', 'create_procedure'],
    ["create definer = current_user() event e on schedule at '2016-11-03 23:59:00' do delete from t", 'create_event'],
    ['CREATE DEFINER = CURRENT_USER ( ) VIEW v AS SELECT 1', 'create_view'],
    ['CREATE FUNCTION f() RETURNS INT RETURN 1', 'create_function'],
    ['CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t', 'create_event'],
    ['CREATE USER u', 'create_other'],
    ['ALTER TABLE t ADD c INT', 'alter_table'],
    ['ALTER ONLINE IGNORE TABLE t ADD c INT', 'alter_table'],
    ['ALTER DATABASE d CHARACTER SET utf8', 'alter_database'],
    ['ALTER VIEW v AS SELECT 1', 'alter_other'],
    ['SET NAMES utf8', 'set'],
    ['INSERT INTO t VALUES (1)', 'insert'],
    ['REPLACE INTO t VALUES (1)', 'replace'],
    ['(SELECT 1) UNION (SELECT 2)', 'select'],
    ['LOCK TABLES t WRITE', 'lock_tables'],
    ['UNLOCK TABLES', 'unlock_tables'],
    ['START TRANSACTION', 'transaction'],
    ['XA START 1', 'xa'],
    ['USE wso2', 'client_command'],
    ['FROBNICATE t', 'unknown'],
    ['/*!40101 SET NAMES utf8 */', 'set'],
  ])('classifies %j as %s', (sql, kind) => {
    expect(kindsOf(sql)).toEqual([kind]);
  });

  it('splits on the active delimiter and keeps DELIMITER commands out of statements', () => {
    const sql =
      'DROP PROCEDURE IF EXISTS p;\nDELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\nCALL p();\n';
    const src = new SqlSource(sql);
    expect(src.statements.map((s) => s.kind)).toEqual(['drop', 'create_procedure', 'other']);
    const proc = src.statements[1]!;
    expect(sql.slice(proc.start, proc.end)).toBe('CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND');
    expect(proc.delimiter?.text).toBe('$$');
  });

  it('splits what the client sends in one request into the statements the server runs', () => {
    const sql =
      'DELIMITER //\nSET a=1; SET b=2;\nCREATE PROCEDURE p() BEGIN SELECT 1; IF x THEN SELECT 2; END IF;\n' +
      'CASE y WHEN 1 THEN SELECT 3; END CASE; l: LOOP LEAVE l; END LOOP l; END; SELECT 4//\nSELECT 5//';
    const src = new SqlSource(sql);
    expect(src.statements.map((s) => [s.kind, sql.slice(s.start, s.end).slice(0, 20), s.serverPart])).toEqual([
      ['set', 'SET a=1', { index: 0, count: 4 }],
      ['set', 'SET b=2', { index: 1, count: 4 }],
      ['create_procedure', 'CREATE PROCEDURE p()', { index: 2, count: 4 }],
      ['select', 'SELECT 4', { index: 3, count: 4 }],
      ['select', 'SELECT 5', null],
    ]);
    expect(sql.slice(src.statements[2]!.start, src.statements[2]!.end).endsWith('END LOOP l; END')).toBe(true);
    expect(src.statements.map((s) => s.delimiter?.text)).toEqual([';', ';', ';', '//', '//']);
    // One statement and a trailing ; before the delimiter: nothing to split.
    expect(new SqlSource('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END;$$').statements[0]!.serverPart).toBe(
      null,
    );
  });

  it('makes a client command a statement of its own, ended by the line when no delimiter follows', () => {
    const sql = 'USE db\nCREATE TABLE t (a INT);\nsource x.sql;\n';
    const src = new SqlSource(sql);
    expect(src.statements.map((s) => [s.kind, sql.slice(s.start, s.end), s.delimiter?.text ?? null])).toEqual([
      ['client_command', 'USE db', null],
      ['create_table', 'CREATE TABLE t (a INT)', ';'],
      ['client_command', 'source x.sql', ';'],
    ]);
  });

  it('keeps a last statement without a delimiter, and ignores comment-only tails', () => {
    const src = new SqlSource('SELECT 1;\nSELECT 2\n-- done\n');
    expect(src.statements).toHaveLength(2);
    expect(src.statements[1]!.delimiter).toBeNull();
    expect(new SqlSource('-- nothing\n/* at all */\n').statements).toHaveLength(0);
  });

  it('parses what node-sql-parser accepts and says why it rejects the rest', () => {
    const [ok, rejected] = new SqlSource('CREATE TABLE t (a INT);\nCREATE TABLE u (b BLOB(1024));').statements;
    expect(ok!.parse().ok).toBe(true);
    const r = rejected!.parse();
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/Expected/);
  });

  it('hands the parser the code MySQL runs: comments and /*! */ wrappers blanked', () => {
    const [stmt] = new SqlSource('CREATE TABLE t (a INT) /*!40101 ENGINE=InnoDB */ -- note\n').statements;
    const p = stmt!.parse();
    expect(p.ok).toBe(true);
  });
});

describe('statements on the WSO2 corpus', () => {
  const files = corpusFiles();
  it.skipIf(files === null)(
    `match the MANIFEST's DELIMITER-aware counts, and the parser agrees on kinds (${files === null ? CORPUS_SKIP_REASON : 'corpus present'})`,
    () => {
      const manifest = readFileSync(join(CORPUS_DIR, 'MANIFEST.md'), 'utf8');
      const expected = new Map<string, number>();
      for (const line of manifest.split('\n')) {
        const cells = line.split('|').map((c) => c.trim());
        const name = /^`(.+\.sql)`$/.exec(cells[1] ?? '')?.[1];
        const count = /^(\d+)/.exec(cells[6] ?? '')?.[1];
        if (name && count && !expected.has(name)) expected.set(name, Number(count));
      }
      expect(expected.size).toBe(20);
      const astKind: Record<string, StatementKind> = {
        'create/table': 'create_table',
        'create/index': 'create_index',
        'alter/': 'alter_table',
        'drop/table': 'drop',
        'set/': 'set',
        'select/': 'select',
        'transaction/': 'transaction',
        'call/': 'other',
      };
      let total = 0;
      let parsed = 0;
      for (const file of files!) {
        const src = new SqlSource(readFileSync(file, 'utf8'));
        expect(src.statements.length, basename(file)).toBe(expected.get(basename(file)));
        total += src.statements.length;
        for (const stmt of src.statements) {
          expect(stmt.kind, `${basename(file)} statement ${stmt.index}`).not.toBe('unknown');
          const p = stmt.parse();
          if (!p.ok) continue;
          parsed++;
          const ast = (Array.isArray(p.ast) ? p.ast[0] : p.ast) as { type: string; keyword?: string };
          expect(stmt.kind).toBe(astKind[`${ast.type}/${ast.keyword ?? ''}`]);
        }
      }
      expect(total).toBe(2763);
      expect(parsed).toBeGreaterThan(2500);
    },
    // Parses 2,763 statements: seconds on a loaded machine.
    120_000,
  );
});
