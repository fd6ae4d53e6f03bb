import { describe } from 'vitest';
import rule from '../../rules/no-collate-in-expression.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-collate-in-expression', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (name VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin) DEFAULT COLLATE=utf8mb4_bin;',
      'ALTER TABLE t MODIFY name VARCHAR(50) COLLATE utf8mb4_bin;',
      "SELECT 'COLLATE utf8mb4_bin' FROM t;",
      '-- ORDER BY name COLLATE latin1_bin\nSELECT 1;',
      'DELIMITER $$\nCREATE PROCEDURE p(IN s VARCHAR(10) COLLATE utf8mb4_bin)\nBEGIN\n  DECLARE v VARCHAR(10) COLLATE utf8mb4_bin;\n  SELECT v;\nEND$$\nDELIMITER ;',
      {
        name: 'a column definition of an ALTER TABLE nested in IF … THEN of a procedure',
        code: "DELIMITER ##\nCREATE PROCEDURE up()\nBEGIN\n  IF NOT EXISTS (SELECT * FROM information_schema.COLUMNS WHERE TABLE_NAME = 't' AND COLUMN_NAME = 'c') THEN\n    ALTER TABLE t ADD COLUMN c VARCHAR (191) COLLATE `utf8mb4_unicode_ci` NOT NULL;\n  END IF;\nEND##\nDELIMITER ;",
      },
      {
        name: 'a column of a CREATE TABLE nested in a WHILE loop of a trigger',
        code: 'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW WHILE 0 DO CREATE TABLE x (a VARCHAR(5) COLLATE utf8mb4_bin); END WHILE;',
      },
      {
        name: 'a function returning a collated type',
        code: 'CREATE FUNCTION f(a INT) RETURNS VARCHAR(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DETERMINISTIC RETURN a;',
      },
    ],
    invalid: [
      {
        code: "CREATE VIEW v AS SELECT name FROM t WHERE name COLLATE utf8mb4_bin = 'Admin';",
        output: null,
        errors: [{ messageId: 'collate', column: 48, endColumn: 55 }],
      },
      {
        code: 'select * from t order by name collate latin1_general_cs;',
        output: null,
        errors: [{ messageId: 'collate' }],
      },
      {
        name: 'in a generated column expression',
        code: 'CREATE TABLE t (a VARCHAR(5), b VARCHAR(5) AS (a COLLATE utf8mb4_bin) VIRTUAL);',
        output: null,
        errors: [{ messageId: 'collate' }],
      },
      {
        code: 'DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  DECLARE v VARCHAR(10) COLLATE utf8mb4_bin;\n  SELECT * FROM t WHERE a = v COLLATE utf8mb4_bin;\nEND$$\nDELIMITER ;',
        output: null,
        errors: [{ messageId: 'collate', line: 5 }],
      },
      {
        name: 'in an IF condition, a nested SELECT and a nested CREATE TABLE expression of a procedure',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF a COLLATE utf8mb4_bin = b THEN\n    SELECT 1 FROM t ORDER BY c COLLATE utf8mb4_bin;\n    CREATE TABLE x (a VARCHAR(5), b VARCHAR(5) AS (a COLLATE utf8mb4_bin) VIRTUAL);\n  END IF;\nEND//\nDELIMITER ;',
        output: null,
        errors: [
          { messageId: 'collate', line: 4 },
          { messageId: 'collate', line: 5 },
          { messageId: 'collate', line: 6 },
        ],
      },
    ],
  });
});
