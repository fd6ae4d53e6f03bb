import { describe } from 'vitest';
import rule from '../../rules/no-check-constraint.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-check-constraint', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (qty INT UNSIGNED);',
      "CREATE TABLE t (note VARCHAR(30) DEFAULT 'CHECK (qty > 0)');",
      '-- CHECK (qty >= 0)\nCREATE TABLE t (qty INT);',
      'CREATE TABLE `check` (`check` INT);',
      'ALTER TABLE t ADD COLUMN c INT;',
      'ALTER TABLE t DROP INDEX `check`, ALTER COLUMN c SET DEFAULT 1;',
      "CREATE TABLE t (enforced INT COMMENT 'NOT ENFORCED');",
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (qty INT CHECK (qty >= 0), CONSTRAINT ck CHECK (qty < 1000));',
        output: null,
        errors: [
          { messageId: 'notEnforced', column: 25, severity: 'warning', fix: null },
          { messageId: 'notEnforced', column: 57 },
        ],
      },
      {
        code: 'create table t (a int, check (a > 0));',
        output: null,
        errors: [{ messageId: 'notEnforced' }],
      },
      {
        code: 'ALTER TABLE t ADD CONSTRAINT ck_qty CHECK (qty >= 0);\nSELECT 1;',
        output: 'SELECT 1;',
        errors: [{ messageId: 'alterCheck', severity: 'error', fix: 'lossy' }],
      },
      {
        code: 'ALTER TABLE t ADD COLUMN c INT, ADD CHECK (c > 0);',
        output: 'ALTER TABLE t ADD COLUMN c INT;',
        errors: [{ messageId: 'alterCheck' }],
      },
      {
        name: "a column CHECK in ALTER TABLE … ADD COLUMN is CHECK syntax in ALTER TABLE (dbml's fixture)",
        code: 'ALTER TABLE employees\nADD COLUMN salary DECIMAL(10,2) CHECK (salary > 0);',
        output: 'ALTER TABLE employees\nADD COLUMN salary DECIMAL(10,2);',
        errors: [{ messageId: 'alterColumnCheck', line: 2, column: 33, severity: 'error', fix: 'lossy' }],
      },
      {
        name: 'a named column CHECK in MODIFY goes with its name; NOT ENFORCED loses nothing',
        code: 'ALTER TABLE t MODIFY c INT NOT NULL CONSTRAINT ck CHECK (c > 0) NOT ENFORCED, ADD COLUMN d INT;',
        output: 'ALTER TABLE t MODIFY c INT NOT NULL, ADD COLUMN d INT;',
        errors: [{ messageId: 'alterColumnCheck', column: 51, fix: 'safe' }],
      },
      {
        name: 'ENFORCED and NOT ENFORCED in CREATE TABLE (debezium-style)',
        code: 'CREATE TABLE T1 (ID BIGINT, CONSTRAINT ABC CHECK (ID < 5) ENFORCED, c INT CHECK (c > 0) not enforced);',
        output: 'CREATE TABLE T1 (ID BIGINT, CONSTRAINT ABC CHECK (ID < 5), c INT CHECK (c > 0));',
        errors: [
          { messageId: 'notEnforced', column: 44, severity: 'warning', fix: null },
          { messageId: 'enforcedClause', column: 59, endColumn: 67, severity: 'warning', fix: 'safe' },
          { messageId: 'enforcedClause', severity: 'warning', fix: 'safe' },
        ],
      },
      {
        name: 'DROP CHECK next to another change (dbml-style): only the DROP CHECK goes',
        code: 'ALTER TABLE t\r\nDROP CHECK chk_score,\r\nDROP INDEX uk_email;',
        output: 'ALTER TABLE t\r\nDROP INDEX uk_email;',
        errors: [{ messageId: 'dropCheck', line: 2, column: 1, severity: 'error', fix: 'safe' }],
      },
      {
        name: 'ALTER CHECK / ALTER CONSTRAINT … [NOT] ENFORCED',
        code: 'ALTER TABLE t ALTER CHECK a NOT ENFORCED, ALTER CONSTRAINT `b` ENFORCED, ADD COLUMN x INT;',
        output: 'ALTER TABLE t ADD COLUMN x INT;',
        errors: [
          { messageId: 'alterEnforcement', fix: 'safe' },
          { messageId: 'alterEnforcement', fix: 'lossy' },
        ],
      },
      {
        name: 'the only spec takes the statement; inside an executable comment',
        code: '/*!80016 ALTER TABLE t DROP CHECK c */;\nSELECT 1;',
        output: 'SELECT 1;',
        errors: [{ messageId: 'dropCheck' }],
      },
    ],
  });
});
