import { describe } from 'vitest';
import rule from '../../rules/no-executable-comment.js';
import { ruleTester } from '../helpers/rule-tester.js';

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
      {
        name: 'mysqldump DISABLE KEYS: a no-op for InnoDB, nothing lost',
        code: '/*!40000 ALTER TABLE `t` DISABLE KEYS */;',
      },
      { name: 'mysqldump ENABLE KEYS', code: '/*!40000 alter table t enable keys */;' },
      {
        name: 'mysqldump UNIQUE_CHECKS save and set: load speed only (and not a documented Xpand variable)',
        code: '/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;',
      },
      { name: 'mysqldump restore of SQL_NOTES', code: '/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;' },
      {
        name: 'mariadb-dump NOTE_VERBOSITY',
        code: '/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;',
      },
      {
        name: "mysqldump 8 DEFAULT ENCRYPTION='N' on a database: the default, nothing lost",
        code: "CREATE DATABASE d /*!80016 DEFAULT ENCRYPTION='N' */;",
      },
      {
        name: 'Cacti: /*!50060 USING BTREE */ after a key, the type every Xpand index has',
        code: 'CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b) /*!50060 USING BTREE */);',
      },
      {
        name: 'in a MariaDB statement, /*!80003 … */ never ran on the source',
        code: 'CREATE TABLE t (g INT /*!80003 SRID 0 */ /*M!999999 x */);',
      },
    ],
    invalid: [
      {
        name: 'a clause split with a comment for a newer version (the composition fuzz found it): no fix',
        code: '/*!50705 CREATE INDEX i2 ON t (a) USING */ /*!90000 HASH */;',
        output: null,
        errors: [{ messageId: 'splitConstruct', column: 1, severity: 'error', fix: null }],
      },
      {
        name: 'and the other way round',
        code: 'CREATE TABLE t (a INT) /*!90000 ENGINE= */ /*!40101 InnoDB */;',
        output: null,
        errors: [{ messageId: 'splitConstruct', column: 44, severity: 'error', fix: null }],
      },
      {
        code: '/*!40101 SET NAMES utf8mb4 */;',
        output: 'SET NAMES utf8mb4;',
        errors: [{ messageId: 'ignored', line: 1, column: 1, endColumn: 9, severity: 'warning', fix: 'safe' }],
      },
      {
        name: 'USING HASH in a comment is not the B-tree that every index already is: reported',
        code: 'CREATE TABLE t (a INT, KEY k (a) /*!50060 USING HASH */);',
        output: 'CREATE TABLE t (a INT, KEY k (a) USING HASH);',
        errors: [{ messageId: 'ignored', column: 34, severity: 'error' }],
      },
      {
        name: 'a table option: DDL is an error',
        code: 'CREATE TABLE t (id INT) ENGINE=InnoDB /*!40101 DEFAULT CHARSET=utf8mb4 */;',
        output: 'CREATE TABLE t (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
        errors: [{ messageId: 'ignored', column: 39, severity: 'error' }],
      },
      {
        name: 'a mysqldump trigger: three adjacent comments are one run, unwrapped together',
        code: 'DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */;;\nDELIMITER ;',
        output:
          'DELIMITER ;;\nCREATE DEFINER=`root`@`localhost` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;;\nDELIMITER ;',
        errors: [{ messageId: 'ignored', line: 2, column: 1, severity: 'error', fix: 'safe' }],
      },
      {
        name: 'MariaDB /*M! */ and a version-less /*! */, adjacent: one run',
        code: 'CREATE TABLE t (id INT) /*M!100100 PAGE_CHECKSUM=1 */ /*! COMMENT="x" */;',
        output: 'CREATE TABLE t (id INT) PAGE_CHECKSUM=1 COMMENT="x";',
        errors: [{ messageId: 'ignored' }],
      },
      {
        name: 'two comments apart are two findings',
        code: 'CREATE TABLE t (id INT /*!40101 DEFAULT 1 */) ENGINE=InnoDB /*!40101 DEFAULT CHARSET=utf8 */;',
        output: 'CREATE TABLE t (id INT DEFAULT 1) ENGINE=InnoDB DEFAULT CHARSET=utf8;',
        errors: [{ messageId: 'ignored' }, { messageId: 'ignored' }],
      },
      {
        name: 'mysqldump FOREIGN_KEY_CHECKS: it matters for the load, and Xpand has it',
        code: '/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;',
        output: 'SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0;',
        errors: [{ messageId: 'ignored', severity: 'warning', fix: 'safe' }],
      },
      {
        name: 'mysqldump bookkeeping: saving a setting in a user variable, or putting it back, is info',
        code: "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n/*!50503 SET character_set_client = utf8mb4 */;",
        output:
          "SET @saved_cs_client     = @@character_set_client;\nSET TIME_ZONE=@OLD_TIME_ZONE;\nSET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';\nSET character_set_client = utf8mb4;",
        errors: [
          { messageId: 'ignored', line: 1, severity: 'info', fix: 'safe' },
          { messageId: 'ignored', line: 2, severity: 'info' },
          { messageId: 'ignored', line: 3, severity: 'warning' },
          { messageId: 'ignored', line: 4, severity: 'info' },
        ],
      },
      {
        name: "DEFAULT ENCRYPTION='Y' is not the default: reported",
        code: "CREATE DATABASE d /*!80016 DEFAULT ENCRYPTION='Y' */;",
        output: "CREATE DATABASE d DEFAULT ENCRYPTION='Y';",
        errors: [{ messageId: 'ignored' }],
      },
      {
        name: 'a MariaDB statement: the /*!80003 … */ MySQL alternative goes with the unwrap of the /*M! … */ code',
        code: 'CREATE TABLE t (g INT /*M! INVISIBLE */ /*!80023 INVISIBLE */, h INT);',
        output: 'CREATE TABLE t (g INT INVISIBLE, h INT);',
        errors: [{ messageId: 'ignored', column: 23 }],
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
