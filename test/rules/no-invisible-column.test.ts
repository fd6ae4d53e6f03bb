import { describe } from 'vitest';
import rule from '../../rules/no-invisible-column.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-invisible-column', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT, KEY k (id) INVISIBLE);',
      "CREATE TABLE t (invisible INT COMMENT 'INVISIBLE', v ENUM('VISIBLE'));",
      'ALTER TABLE t ALTER INDEX k INVISIBLE;',
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT 1;',
      '-- CREATE TABLE t (a INT INVISIBLE);\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (id INT, note TEXT INVISIBLE, v INT VISIBLE);',
        output: 'CREATE TABLE t (id INT, note TEXT, v INT);',
        errors: [
          { messageId: 'invisible', column: 35, endColumn: 44, severity: 'error', fix: 'lossy' },
          { messageId: 'visible', severity: 'warning', fix: 'safe' },
        ],
      },
      {
        name: 'ALTER: ADD, MODIFY, ALTER COLUMN … SET; lower case, backticks, CRLF',
        code: 'alter table `t`\r\n  add column `h` int invisible,\r\n  alter column `n` set invisible,\r\n  modify `m` int visible;',
        output: 'alter table `t`\r\n  add column `h` int,\r\n  modify `m` int;',
        errors: [
          { messageId: 'invisible', line: 2 },
          { messageId: 'alterInvisible', line: 3, fix: 'lossy' },
          { messageId: 'visible', line: 4 },
        ],
      },
      {
        name: 'the only spec takes the statement',
        code: 'ALTER TABLE t ALTER c SET VISIBLE;\nSELECT 1;',
        output: 'SELECT 1;',
        errors: [{ messageId: 'alterVisible', fix: 'safe' }],
      },
      {
        name: 'inside an executable comment',
        code: 'CREATE TABLE t (id INT, c INT /*!80023 INVISIBLE */);',
        output: 'CREATE TABLE t (id INT, c INT);',
        errors: [{ messageId: 'invisible' }],
      },
    ],
  });
});
