import { describe } from 'vitest';
import rule from '../../rules/client-command.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('client-command', () => {
  ruleTester(rule, {
    valid: [
      { name: 'use on a line of its own: no delimiter needed, nothing to report', code: 'USE db\nSELECT 1;' },
      'use db;',
      "SELECT 'source f.sql';",
      '-- source f.sql\nSELECT 1;',
      { name: 'not at the start of a line: sent to the server', code: 'SELECT 1; source f.sql;' },
      { name: 'a column called source', code: 'SELECT source FROM t;' },
    ],
    invalid: [
      {
        code: 'source load_departments.dump ;\nSELECT 1;',
        output: null,
        errors: [{ messageId: 'source', line: 1, column: 1, endColumn: 29, severity: 'info' }],
      },
      {
        name: 'the short form, CRLF',
        code: '\\. load.sql\r\nSELECT 1;\r\n',
        output: null,
        errors: [{ messageId: 'source', endColumn: 12 }],
      },
      {
        name: "mariadb-dump's sandbox line",
        code: '/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\nCREATE TABLE t (id INT);',
        output: null,
        errors: [{ messageId: 'sandbox', line: 1, column: 1, severity: 'warning' }],
      },
    ],
  });
});
