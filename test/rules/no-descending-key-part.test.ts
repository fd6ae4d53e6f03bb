import { describe } from 'vitest';
import rule from '../../rules/no-descending-key-part.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-descending-key-part', () => {
  ruleTester(rule, {
    valid: [
      'CREATE INDEX k ON t (a ASC, b);',
      'CREATE TABLE t (a INT, b TEXT, KEY k (a), FULLTEXT KEY ft (b));',
      "CREATE TABLE t (`desc` INT, KEY k (`desc`)) COMMENT 'a DESC';",
      'SELECT a FROM t ORDER BY a DESC;',
      '-- CREATE INDEX k ON t (a DESC);\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'CREATE INDEX by_time ON log (instance_id ASC, logged_at DESC);',
        output: null,
        errors: [{ messageId: 'descending', column: 57, endColumn: 61, severity: 'warning', fix: null }],
      },
      {
        name: 'functional and prefix key parts, lower case, backticks, CRLF',
        code: "CREATE TABLE `r` (\r\n  `ns` INT, s VARCHAR(9),\r\n  KEY k (`ns`, (COALESCE(s, 'x')) desc, s(4) DESC)\r\n);",
        output: null,
        errors: [
          { messageId: 'descending', line: 3, column: 35 },
          { messageId: 'descending', line: 3, column: 46 },
        ],
      },
      {
        name: 'ALTER TABLE … ADD, inside an executable comment',
        code: 'ALTER TABLE t ADD PRIMARY KEY (id), /*!80000 ADD UNIQUE KEY u (b DESC) */;',
        output: null,
        errors: [{ messageId: 'descending' }],
      },
    ],
  });
});
