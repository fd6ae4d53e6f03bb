import { describe } from 'vitest';
import rule from '../../rules/no-convert-to-charset.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-convert-to-charset', () => {
  ruleTester(rule, {
    valid: [
      'ALTER TABLE t DEFAULT CHARSET=utf8mb4;',
      'ALTER TABLE t MODIFY c VARCHAR(10) CHARACTER SET utf8mb4;',
      "SELECT CONVERT('x' USING utf8mb4);",
      '-- ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
        output: null,
        errors: [{ messageId: 'convert', column: 15, endColumn: 25 }],
      },
      {
        code: 'alter table `t` add column c int, convert to charset latin1;',
        output: null,
        errors: [{ messageId: 'convert' }],
      },
    ],
  });
});
