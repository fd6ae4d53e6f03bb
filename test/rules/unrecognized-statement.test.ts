import { describe } from 'vitest';
import rule from '../../rules/unrecognized-statement.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('unrecognized-statement', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a INT);',
      'USE wso2;',
      "INSERT INTO t VALUES ('FROBNICATE');",
      '-- FROBNICATE everything\nSELECT 1;',
      'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;',
      '/*!40101 SET NAMES utf8 */;',
    ],
    invalid: [
      {
        code: 'FROBNICATE TABLE t;\nCREATE TABLE t (a INT);\nfoo bar;',
        output: null,
        errors: [
          { messageId: 'unrecognized', line: 1, column: 1, endColumn: 11, severity: 'info' },
          { messageId: 'unrecognized', line: 3, column: 1 },
        ],
      },
    ],
  });
});
