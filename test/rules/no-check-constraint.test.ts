import { describe } from 'vitest';
import rule from '../../rules/no-check-constraint.js';
import { ruleTester } from '../helpers.js';

describe('no-check-constraint', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (qty INT UNSIGNED);',
      "CREATE TABLE t (note VARCHAR(30) DEFAULT 'CHECK (qty > 0)');",
      '-- CHECK (qty >= 0)\nCREATE TABLE t (qty INT);',
      'CREATE TABLE `check` (`check` INT);',
      'ALTER TABLE t ADD COLUMN c INT;',
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
    ],
  });
});
