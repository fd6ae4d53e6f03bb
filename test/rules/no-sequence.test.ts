import { describe } from 'vitest';
import rule from '../../rules/no-sequence.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-sequence', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE seq (nextval INT, sequence INT);',
      "SELECT 'NEXT VALUE FOR s';",
      'SELECT t.nextval(1) FROM t;',
      'CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY);',
      '-- CREATE SEQUENCE s;\nSELECT 1;',
    ],
    invalid: [
      {
        name: 'mariadb-dump form, ClustrixDB: errors',
        code: 'DROP SEQUENCE IF EXISTS `s_seq`;\nCREATE SEQUENCE `s_seq` start with 1 increment by 1 cache 1000 nocycle ENGINE=InnoDB;',
        target: 'clustrixdb-9.2',
        output: null,
        errors: [
          { messageId: 'unsupported', line: 1, column: 1, endColumn: 14, severity: 'error' },
          { messageId: 'unsupported', line: 2, severity: 'error' },
        ],
      },
      {
        name: 'Xpand: warnings; uses in defaults and queries, lower case, CREATE OR REPLACE, ALTER',
        code: 'create or replace sequence s;\nalter sequence s restart;\nCREATE TABLE t (id BIGINT DEFAULT next value for s, v INT DEFAULT NEXTVAL(s));\nSELECT lastval(s), previous value for s;',
        output: null,
        errors: [
          { messageId: 'unverified', line: 1, severity: 'warning' },
          { messageId: 'unverified', line: 2 },
          { messageId: 'unverified', line: 3, column: 35 },
          { messageId: 'unverified', line: 3 },
          { messageId: 'unverified', line: 4 },
          { messageId: 'unverified', line: 4 },
        ],
      },
      {
        name: 'inside a MariaDB executable comment',
        code: '/*M!100300 CREATE SEQUENCE s */;',
        target: 'xpand-6.1',
        output: null,
        errors: [{ messageId: 'unverified' }],
      },
    ],
  });
});
