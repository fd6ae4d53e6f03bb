import { describe } from 'vitest';
import rule from '../../rules/no-expression-default.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-expression-default', () => {
  ruleTester(rule, {
    valid: [
      "CREATE TABLE t (a VARCHAR(9) DEFAULT 'x', b DATETIME DEFAULT CURRENT_TIMESTAMP, c INT DEFAULT -1);",
      'CREATE TABLE t (a INT, b INT AS ((a + 1)) STORED, CHECK ((a + 1) > 0));',
      "CREATE TABLE t (a INT COMMENT 'DEFAULT (1)');",
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT 1;',
      '-- CREATE TABLE t (a INT DEFAULT (1));\nSELECT 1;',
    ],
    invalid: [
      {
        name: 'expressions: no fix',
        code: 'CREATE TABLE t (id BINARY(16) DEFAULT (UUID_TO_BIN(UUID())), due DATE DEFAULT (CURRENT_DATE + INTERVAL 7 DAY));',
        output: null,
        errors: [
          { messageId: 'expression', column: 31, endColumn: 60, severity: 'warning', fix: null },
          { messageId: 'expression', fix: null },
        ],
      },
      {
        name: 'plain values: parentheses removed',
        code: "create table t (s varchar(10) default ('new'), n int default(-1), u varchar(3) default (_utf8mb4'x'), b bool DEFAULT (TRUE));",
        output:
          "create table t (s varchar(10) default 'new', n int default -1, u varchar(3) default _utf8mb4'x', b bool DEFAULT TRUE);",
        errors: [
          { messageId: 'literal', fix: 'safe' },
          { messageId: 'literal' },
          { messageId: 'literal' },
          { messageId: 'literal' },
        ],
      },
      {
        name: 'CURRENT_TIMESTAMP only on time types of the same precision; TEXT takes no literal',
        code: "CREATE TABLE t (\r\n  a DATETIME(6) DEFAULT (NOW(6)),\r\n  b TIMESTAMP DEFAULT (CURRENT_TIMESTAMP),\r\n  c DATETIME(3) DEFAULT (NOW()),\r\n  d DATE DEFAULT (CURRENT_TIMESTAMP),\r\n  e TEXT DEFAULT ('x')\r\n);",
        output:
          "CREATE TABLE t (\r\n  a DATETIME(6) DEFAULT NOW(6),\r\n  b TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\r\n  c DATETIME(3) DEFAULT (NOW()),\r\n  d DATE DEFAULT (CURRENT_TIMESTAMP),\r\n  e TEXT DEFAULT ('x')\r\n);",
        errors: [
          { messageId: 'literal', line: 2 },
          { messageId: 'literal', line: 3 },
          { messageId: 'expression', line: 4 },
          { messageId: 'expression', line: 5 },
          { messageId: 'expression', line: 6 },
        ],
      },
      {
        name: 'ALTER: ADD COLUMN and ALTER COLUMN … SET DEFAULT (type unknown: no fix)',
        code: "ALTER TABLE t ADD COLUMN x INT DEFAULT (0), ALTER COLUMN y SET DEFAULT ('a');",
        output: "ALTER TABLE t ADD COLUMN x INT DEFAULT 0, ALTER COLUMN y SET DEFAULT ('a');",
        errors: [{ messageId: 'literal' }, { messageId: 'expression', fix: null }],
      },
      {
        name: 'inside an executable comment',
        code: 'CREATE TABLE t (a INT /*!80013 DEFAULT (1 + 1) */);',
        output: null,
        errors: [{ messageId: 'expression' }],
      },
    ],
  });
});
