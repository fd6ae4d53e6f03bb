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
    ],
  });
});
