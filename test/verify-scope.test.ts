// What verify refuses to run on the user's server: everything that could act outside the scratch
// database, including what trigger, event and routine bodies would do later. No server needed.
import { describe, expect, it } from 'vitest';
import { SqlSource } from '../src/core/source.js';
import { dynamicProcedures, reachesBeyond } from '../src/verify/scope.js';

/**
 * reachesBeyond for each statement of `sql`, with the script's dynamic-SQL procedures. The script
 * runs under `DELIMITER $$` (as mysqldump writes bodies that hold `;`): statements end in `$$`.
 */
function verdicts(sql: string): Array<string | null> {
  const statements = new SqlSource(`DELIMITER $$\n${sql}$$\n`).statements.filter((s) => s.code.length > 0);
  const dynamic = dynamicProcedures(statements);
  return statements.map((s) => reachesBeyond(s, dynamic));
}

describe('reachesBeyond: skipped', () => {
  it.each([
    // Bodies that run later: the trigger fires on the script's own INSERTs.
    [
      'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN SELECT c INTO v FROM t LIMIT 1; INSERT INTO audit.log VALUES (NEW.id); END',
      /another database \(audit\.log\)/,
    ],
    ['CREATE TRIGGER tr BEFORE INSERT ON other.t FOR EACH ROW SET NEW.a = 1', /\(other\.t\)/],
    ['CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DO DELETE FROM other.t', /\(other\.t\)/],
    [
      "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN SET @s = 'DROP TABLE x'; PREPARE st FROM @s; EXECUTE st; END",
      /SQL built at run time \(PREPARE\)/,
    ],
    ["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO EXECUTE IMMEDIATE 'DROP TABLE x'", /built at run time \(EXECUTE\)/],
    ["CREATE PROCEDURE p() BEGIN GRANT ALL ON *.* TO 'x'@'%'; END", /server-wide statement .*\(GRANT ALL\)/],
    ['CREATE PROCEDURE p() BEGIN SET GLOBAL event_scheduler = ON; END', /\(SET GLOBAL\)/],
    ["CREATE PROCEDURE p() BEGIN SET @@GLOBAL.sql_mode = ''; END", /server-wide statement/],
    ['CREATE PROCEDURE p() BEGIN IF 1 THEN DROP DATABASE other; END IF; END', /\(DROP DATABASE\)/],
    ["CREATE PROCEDURE p() BEGIN CREATE USER 'u'@'%'; END", /\(CREATE USER\)/],
    ['CREATE FUNCTION f() RETURNS INT RETURN (SELECT COUNT(*) FROM other.t)', /\(other\.t\)/],
    // Statements that name another database where the old first-keyword check did not look.
    ['CREATE VIEW other.v AS SELECT * FROM t', /\(other\.v\)/],
    ['UPDATE t1, other.t2 SET t1.a = 1', /\(other\.t2\)/],
    ['DELETE t1, other.t2 FROM t1 JOIN other.t2 ON t1.id = t2.id', /\(other\.t2\)/],
    ['DELETE FROM t1 USING t1, other.t2 WHERE t1.id = t2.id', /\(other\.t2\)/],
    ['DROP TABLE IF EXISTS t, other.t', /\(other\.t\)/],
    ['ALTER TABLE t RENAME TO other.t', /\(other\.t\)/],
    ['RENAME TABLE a TO b, c TO other.d', /\(other\.d\)/],
    ['CREATE TABLE t (id INT, FOREIGN KEY (id) REFERENCES other.p (id))', /\(other\.p\)/],
    ['INSERT INTO t SELECT * FROM a JOIN other.b USING (id)', /\(other\.b\)/],
    ['SELECT other.f(1)', /\(other\.f\)/],
    ['CALL `other`.`p`()', /\(other\.p\)/],
    ['LOCK TABLES t READ, other.t WRITE', /\(other\.t\)/],
    ['CREATE INDEX i ON other.t (c)', /\(other\.t\)/],
    ['ALTER TABLE other.t ADD c INT', /\(other\.t\)/],
    ['CREATE TABLE `other`.`t` (id INT)', /\(other\.t\)/],
    ['INSERT INTO mysql.user VALUES (1)', /\(mysql\.user\)/],
    // Server-wide statements.
    ["GRANT ALL ON *.* TO 'x'@'%'", /acts on the server/],
    ['CREATE DATABASE d', /acts on the server/],
    ['USE other', /acts on the server/],
    ["SET @@GLOBAL.sql_mode = ''", /acts on the server/],
  ])('%s', (sql, reason) => {
    expect(verdicts(sql)[0]).toMatch(reason);
  });

  it('a CALL of a procedure that builds SQL at run time, directly or through another procedure', () => {
    const v = verdicts(
      'CREATE PROCEDURE d() BEGIN SET @q = CONCAT("DROP TABLE ", @t); PREPARE s FROM @q; EXECUTE s; END$$\n' +
        'CREATE PROCEDURE w() BEGIN CALL d(); END$$\n' +
        'CREATE PROCEDURE plain() BEGIN DELETE FROM t; END$$\n' +
        'CALL w()$$\nCALL plain()$$\n' +
        'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO CALL d()$$\n' +
        'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW CALL d()',
    );
    // Creating the procedures is harmless; calling d (now or from an event) is not.
    expect(v.map((x) => (x === null ? null : x.replace(/,.*/, '')))).toEqual([
      null,
      null,
      null,
      'calls w',
      null,
      'calls d',
      // MySQL and MariaDB refuse dynamic SQL under a trigger at run time.
      null,
    ]);
  });
});

describe('reachesBeyond: run', () => {
  it.each([
    'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = OLD.a',
    'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SELECT x, y INTO NEW.a, NEW.b FROM s WHERE s.id = NEW.id',
    'CREATE VIEW v AS SELECT a.x, b.y FROM a JOIN b ON a.id = b.id WHERE a.z IN (1, 2)',
    'ALTER TABLE t CHANGE a b INT',
    'CREATE PROCEDURE p() BEGIN SELECT * FROM t USE INDEX (i); UPDATE t SET a = 1; END',
    "CREATE PROCEDURE d() BEGIN SET @q = 'SELECT 1'; PREPARE s FROM @q; EXECUTE s; END",
    'SELECT * FROM information_schema.tables WHERE table_schema = DATABASE()',
    'CREATE TABLE t (id INT, a VARCHAR(10), PRIMARY KEY (id)) ENGINE=InnoDB, DEFAULT CHARSET=latin1',
    "INSERT INTO t (a, b) VALUES (1, 'other.t'), (2, 'x')",
    'DELETE FROM t WHERE t.id IN (SELECT s.id FROM s)',
    'CALL cleanInstance(@a, @b)',
    'CREATE TABLE t2 LIKE t',
    'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t WHERE t.ts < NOW()',
    'SELECT t.a, COUNT(*) FROM t GROUP BY t.a',
    'DROP TABLE IF EXISTS a, b',
  ])('%s', (sql) => {
    expect(verdicts(sql)[0]).toBe(null);
  });
});
