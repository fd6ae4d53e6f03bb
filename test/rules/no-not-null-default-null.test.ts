import { describe } from 'vitest';
import rule from '../../rules/no-not-null-default-null.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-not-null-default-null', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a INT NULL DEFAULT NULL, b INT NOT NULL DEFAULT 0, c INT DEFAULT NULL);',
      "CREATE TABLE t (a VARCHAR(30) NOT NULL DEFAULT 'DEFAULT NULL');",
      'CREATE TABLE t (a INT NOT NULL, CHECK (a IS NOT NULL OR a = NULL));',
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (created TIMESTAMP NOT NULL DEFAULT NULL);',
        output: null,
        errors: [{ messageId: 'conflict', column: 44, endColumn: 56, severity: 'warning' }],
      },
      {
        code: 'alter table t modify `c` int default null not null;',
        output: null,
        errors: [{ messageId: 'conflict' }],
      },
    ],
  });
});
