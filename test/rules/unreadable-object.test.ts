import { describe } from 'vitest';
import rule from '../../rules/unreadable-object.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('unreadable-object', () => {
  ruleTester(rule, {
    valid: [
      'SELECT 1;',
      "SET GLOBAL version = '10.11.19-MariaDB';",
      'SHOW TABLES;',
      '-- SHOW CREATE VIEW `shop`.`v`;\nSELECT 1;',
      "SELECT 'SHOW CREATE VIEW v';",
    ],
    invalid: [
      {
        name: 'a view without SHOW VIEW, with the server answer',
        code: "SHOW CREATE VIEW `shop`.`v`; -- SHOW VIEW command denied to user 'r'@'localhost' for table `shop`.`v`\n",
        output: null,
        errors: [{ messageId: 'object', line: 1, column: 1, endColumn: 28, severity: 'error' }],
      },
      {
        name: 'a routine whose body the server withholds, and one without an answer',
        code: 'SHOW CREATE PROCEDURE `shop`.`p`; -- the server returned no definition\nshow create function f;',
        output: null,
        errors: [
          { messageId: 'object', line: 1 },
          { messageId: 'object', line: 2 },
        ],
      },
      {
        name: 'kinds of object the account may not list',
        code: "SHOW TRIGGERS FROM `shop`; -- no TRIGGER privilege\r\nSHOW EVENTS FROM shop; -- Access denied\r\nSHOW PROCEDURE STATUS WHERE Db = 'shop';",
        output: null,
        errors: [
          { messageId: 'kind', line: 1, severity: 'warning' },
          { messageId: 'kind', line: 2, severity: 'warning' },
          { messageId: 'kind', line: 3, severity: 'warning' },
        ],
      },
    ],
  });
});
