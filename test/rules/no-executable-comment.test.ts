import { describe } from 'vitest';
import rule from '../../rules/no-executable-comment.js';
import { ruleTester } from '../helpers.js';

describe('no-executable-comment', () => {
  ruleTester(rule, {
    valid: [
      'SET NAMES utf8mb4;',
      '/* !40101 not executable: a space before the bang */ SELECT 1;',
      "SELECT '/*!40101 in a string */';",
      '-- /*!40101 SET NAMES utf8 */\nSELECT 1;',
      'CREATE TABLE t (id INT) /*$ SLICES=3 */;',
      '/*!90000 newer than any MySQL the dump came from */ SELECT 1;',
      '/*!50100 */ SELECT 1;',
      {
        name: 'only a comment inside (found by fuzzing): nothing runs either way',
        code: '/*M!100100/* c */*/;\nSELECT 1;',
      },
    ],
    invalid: [
      {
        code: '/*!40101 SET NAMES utf8mb4 */;',
        output: 'SET NAMES utf8mb4;',
        errors: [{ messageId: 'ignored', line: 1, column: 1, endColumn: 9, severity: 'warning', fix: 'safe' }],
      },
      {
        name: 'a table option: DDL is an error',
        code: 'CREATE TABLE t (id INT) ENGINE=InnoDB /*!40101 DEFAULT CHARSET=utf8mb4 */;',
        output: 'CREATE TABLE t (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
        errors: [{ messageId: 'ignored', column: 39, severity: 'error' }],
      },
      {
        name: 'a mysqldump trigger: three comments, each unwrapped',
        code: 'DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */;;\nDELIMITER ;',
        output:
          'DELIMITER ;;\nCREATE DEFINER=`root`@`localhost` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;;\nDELIMITER ;',
        errors: [
          { messageId: 'ignored', line: 2, column: 1 },
          { messageId: 'ignored', line: 2, column: 19 },
          { messageId: 'ignored', line: 2, column: 57 },
        ],
      },
      {
        name: 'MariaDB /*M! */ and a version-less /*! */',
        code: 'CREATE TABLE t (id INT) /*M!100100 PAGE_CHECKSUM=1 */ /*! COMMENT="x" */;',
        output: 'CREATE TABLE t (id INT) PAGE_CHECKSUM=1 COMMENT="x";',
        errors: [{ messageId: 'ignored' }, { messageId: 'ignored' }],
      },
      {
        name: 'CRLF and a multi-line body',
        code: 'CREATE TABLE t (id INT)\r\n/*!50100 PARTITION BY RANGE (id)\r\n(PARTITION p0 VALUES LESS THAN (10)) */;\r\n',
        output: 'CREATE TABLE t (id INT)\r\nPARTITION BY RANGE (id)\r\n(PARTITION p0 VALUES LESS THAN (10));\r\n',
        errors: [{ messageId: 'ignored', line: 2, column: 1 }],
      },
      {
        name: 'no space after the version: a space keeps the words apart',
        code: 'SELECT 1/*!50000AS x*/;',
        output: 'SELECT 1 AS x;',
        errors: [{ messageId: 'ignored' }],
      },
      {
        name: 'a DELIMITER line inside (found by fuzzing): unwrapping would re-split the script, so no fix',
        code: '/*!50100 DELIMITER $$ */;\nSELECT 1;',
        output: null,
        errors: [{ messageId: 'notUnwrappable', fix: null }],
      },
    ],
  });
});
