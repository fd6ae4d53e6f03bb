import { describe } from 'vitest';
import rule from '../../rules/no-lock-tables.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-lock-tables', () => {
  ruleTester(rule, {
    valid: [
      'UNLOCK TABLES;',
      'LOCK TABLES t FOR UPDATE;',
      "SELECT 'LOCK TABLES t WRITE';",
      '-- LOCK TABLES t WRITE\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'LOCK TABLES `REG_LOG` WRITE;\nINSERT INTO `REG_LOG` VALUES (1);\nUNLOCK TABLES;',
        output: null,
        errors: [{ messageId: 'dump', line: 1, column: 1, endColumn: 12, severity: 'info' }],
      },
      { code: 'lock table a read, b write;', output: null, errors: [{ messageId: 'noop' }] },
      {
        name: 'not the mysqldump form (no backquotes, READ): a warning',
        code: 'LOCK TABLES t WRITE;\nLOCK TABLES `t` READ;',
        output: null,
        errors: [
          { messageId: 'noop', severity: 'warning' },
          { messageId: 'noop', line: 2, severity: 'warning' },
        ],
      },
    ],
  });
});
