import { describe } from 'vitest';
import rule from '../../rules/no-xa.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-xa', () => {
  ruleTester(rule, {
    valid: ['START TRANSACTION;', "SELECT 'XA START';", '-- XA START 1\nCOMMIT;', 'CREATE TABLE xa (id INT);'],
    invalid: [
      {
        code: "XA START 'tx1';\nINSERT INTO t VALUES (1);\nxa end 'tx1';",
        output: null,
        errors: [
          { messageId: 'xa', line: 1, column: 1, endColumn: 3 },
          { messageId: 'xa', line: 3 },
        ],
      },
    ],
  });
});
