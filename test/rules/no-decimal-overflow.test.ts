import { describe } from 'vitest';
import rule from '../../rules/no-decimal-overflow.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-decimal-overflow', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a DECIMAL(65,30), b NUMERIC(10), c DECIMAL);',
      "CREATE TABLE t (n VARCHAR(20) DEFAULT 'DECIMAL(70,2)');",
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (amount DECIMAL(70,10));',
        output: 'CREATE TABLE t (amount DECIMAL(65,10));',
        errors: [{ messageId: 'overflow', column: 24, endColumn: 38, fix: 'lossy' }],
      },
      {
        code: 'alter table t add column r numeric(40,35), modify s dec(66);',
        output: 'alter table t add column r numeric(40,30), modify s dec(65);',
        errors: [{ messageId: 'overflow' }, { messageId: 'overflow' }],
      },
    ],
  });
});
