import { describe } from 'vitest';
import rule from '../../rules/no-functional-key-part.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-functional-key-part', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a INT, b VARCHAR(20), KEY k (a, b(10) DESC));',
      'CREATE INDEX k ON t (a, b(5));',
      'CREATE TABLE t (a INT, c INT AS ((a + 1)) STORED, KEY k (c));',
      "CREATE TABLE t (a INT, KEY k (a) COMMENT '((a + 1))');",
      'ALTER TABLE t ADD COLUMN x INT, ADD KEY kx (x);',
      '-- CREATE INDEX k ON t ((a + 1));\nSELECT 1;',
      'CREATE TABLE t (a INT, CHECK ((a + 1) > 0));',
    ],
    invalid: [
      {
        name: 'CREATE TABLE: the index goes with its comma, the table stays',
        code: 'CREATE TABLE t (id INT PRIMARY KEY, d DATETIME, KEY k ((COALESCE(d, NOW()))));',
        output: 'CREATE TABLE t (id INT PRIMARY KEY, d DATETIME);',
        errors: [{ messageId: 'functional', column: 56, endColumn: 76, severity: 'error', fix: 'lossy' }],
      },
      {
        name: 'CREATE INDEX with column and functional parts (temporal-style), two functional parts: one fix',
        code: "CREATE INDEX by_close ON v (ns, (COALESCE(c, CAST('9999-12-31' AS DATETIME))) DESC, (a + 1), run_id);\nSELECT 1;",
        output: 'SELECT 1;',
        errors: [
          { messageId: 'functional', line: 1, column: 33, fix: 'lossy' },
          { messageId: 'functional', fix: null },
        ],
      },
      {
        name: 'multi-valued, lower case, backticks',
        code: "create table `d` (`j` json, key `mv` ((cast(json_extract(`j`, _utf8mb4'$.ids') as unsigned array))), key `ok` (`j`(10)));",
        output: 'create table `d` (`j` json, key `ok` (`j`(10)));',
        errors: [{ messageId: 'multiValued', fix: 'lossy' }],
      },
      {
        name: 'UNIQUE and PRIMARY keys are constraints: no fix',
        code: 'ALTER TABLE u ADD UNIQUE KEY uk ((LOWER(email))), ADD PRIMARY KEY ((CAST(j AS UNSIGNED ARRAY)));',
        output: null,
        errors: [
          { messageId: 'functionalConstraint', fix: null },
          { messageId: 'multiValuedConstraint', fix: null },
        ],
      },
      {
        name: 'ALTER TABLE: the ADD spec goes; the only spec takes the statement',
        code: 'ALTER TABLE t ADD COLUMN x INT,\r\n  ADD INDEX kx ((x * 2));\r\nALTER TABLE t ADD INDEX ky ((x + 1));\r\nSELECT 1;',
        output: 'ALTER TABLE t ADD COLUMN x INT;\r\nSELECT 1;',
        errors: [{ messageId: 'functional' }, { messageId: 'functional' }],
      },
      {
        name: 'inside an executable comment',
        code: 'CREATE TABLE t (a INT /*!80013 , KEY k ((a + 1)) */);',
        output: 'CREATE TABLE t (a INT);',
        errors: [{ messageId: 'functional' }],
      },
    ],
  });
});
