import { describe } from 'vitest';
import rule from '../../rules/no-multi-statement-request.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-multi-statement-request', () => {
  ruleTester(rule, {
    valid: [
      'SELECT 1; SELECT 2;',
      'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;',
      {
        name: 'a trailing ; before the delimiter is still one statement',
        code: 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END;$$\nDELIMITER ;',
      },
      {
        name: 'CASE, IF and loops inside a body',
        code: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN CASE WHEN 1 THEN SELECT 1; END CASE; IF 1 THEN SELECT 2; END IF; l: LOOP LEAVE l; END LOOP; END//\nDELIMITER ;',
      },
    ],
    invalid: [
      {
        name: 'Cacti: DELIMITER // never reset',
        code: 'DELIMITER //\nSET @a = 1;\nCREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n',
        output: 'DELIMITER //\nDELIMITER ;\nSET @a = 1;\nCREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n',
        errors: [{ messageId: 'request', line: 2, column: 1, severity: 'warning', fix: 'safe' }],
      },
      {
        name: 'ended by the delimiter, more after it: the delimiter comes back',
        code: 'DELIMITER //\r\nSELECT 1; SELECT 2//\r\nCREATE PROCEDURE p() BEGIN SELECT 3; END//\r\nDELIMITER ;\r\n',
        output:
          'DELIMITER //\r\nDELIMITER ;\r\nSELECT 1; SELECT 2;\r\nDELIMITER //\r\nCREATE PROCEDURE p() BEGIN SELECT 3; END//\r\nDELIMITER ;\r\n',
        errors: [{ messageId: 'request', line: 2 }],
      },
      {
        name: 'a routine and statements after it in one request: no fix, the body needs the delimiter',
        code: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END; CALL p()//\nDELIMITER ;',
        output: null,
        errors: [{ messageId: 'request', fix: null }],
      },
    ],
  });
});
