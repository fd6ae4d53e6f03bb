import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-collation.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-collation', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a VARCHAR(750) CHARACTER SET latin1 COLLATE latin1_general_cs);',
      'CREATE TABLE t (a VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin);',
      'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE utf8_bin;',
      'CREATE TABLE t (a TEXT COLLATE utf8mb4_unicode_ci) DEFAULT COLLATE=utf8mb4_general_ci;',
      'CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;',
      "-- COLLATE utf8mb4_0900_ai_ci\nCREATE TABLE t (a VARCHAR(5) DEFAULT 'COLLATE utf8mb4_0900_ai_ci');",
      'CREATE TABLE `COLLATE` (`utf8mb4_0900_ai_ci` INT);',
      { code: 'CREATE TABLE t (a VARCHAR(5) COLLATE utf8mb3_bin);', target: 'xpand-6.1' },
      { code: 'CREATE TABLE t (a VARCHAR(5) COLLATE cp850_general_ci);', target: 'xpand-23.09' },
    ],
    invalid: [
      {
        name: 'the MySQL 8 default collation, table level',
        code: 'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;',
        output: 'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;',
        errors: [{ messageId: 'replaceable', line: 1, column: 70, severity: 'error', fix: 'safe' }],
      },
      {
        name: 'column level, lower case kept',
        code: 'create table t (a varchar(5) character set utf8mb4 collate utf8mb4_0900_ai_ci not null);',
        output: 'create table t (a varchar(5) character set utf8mb4 collate utf8mb4_unicode_ci not null);',
        errors: [{ messageId: 'replaceable', column: 60 }],
      },
      {
        name: 'upper case and quoted values keep their style',
        code: "CREATE DATABASE d DEFAULT COLLATE 'UTF8MB4_0900_AS_CS';",
        output: "CREATE DATABASE d DEFAULT COLLATE 'UTF8MB4_BIN';",
        errors: [{ messageId: 'replaceable', fix: 'safe' }],
      },
      {
        name: 'accent-sensitive case-insensitive has no equivalent: lossy',
        code: 'CREATE TABLE t (a TEXT COLLATE utf8mb4_0900_as_ci);',
        output: 'CREATE TABLE t (a TEXT COLLATE utf8mb4_unicode_ci);',
        errors: [{ messageId: 'replaceable', fix: 'lossy' }],
      },
      {
        code: 'SET NAMES utf8mb4 COLLATE utf8mb4_0900_ai_ci;',
        output: 'SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;',
        errors: [{ messageId: 'replaceable', column: 27 }],
      },
      {
        code: 'SET collation_connection = utf8mb4_german2_ci;\nSET @@session.collation_server = latin1_german1_ci;',
        output: 'SET collation_connection = utf8mb4_unicode_ci;\nSET @@session.collation_server = latin1_general_ci;',
        errors: [
          { messageId: 'replaceable', line: 1 },
          { messageId: 'replaceable', line: 2 },
        ],
      },
      {
        code: 'ALTER TABLE t CONVERT TO CHARACTER SET ascii COLLATE ascii_bin, MODIFY a TEXT COLLATE utf16_unicode_ci;',
        output:
          'ALTER TABLE t CONVERT TO CHARACTER SET ascii COLLATE latin1_bin, MODIFY a TEXT COLLATE utf8mb4_unicode_ci;',
        errors: [{ messageId: 'replaceable' }, { messageId: 'replaceable' }],
      },
      {
        name: 'utf8mb3 collations on a 5.3 target become their utf8 twins',
        code: 'CREATE TABLE t (a VARCHAR(5) COLLATE utf8mb3_bin);',
        target: 'xpand-5.3',
        output: 'CREATE TABLE t (a VARCHAR(5) COLLATE utf8_bin);',
        errors: [{ messageId: 'replaceable', fix: 'safe' }],
      },
      {
        code: 'CREATE TABLE t (a VARCHAR(5) CHARACTER SET gbk COLLATE gbk_chinese_ci);',
        output: null,
        errors: [{ messageId: 'manual', fix: null }],
      },
      {
        code: 'CREATE TABLE t (a VARCHAR(5) COLLATE latin1_general_ci_legacy);',
        output: null,
        errors: [{ messageId: 'deprecated', severity: 'warning' }],
      },
      {
        name: 'utf8mb4 on ClustrixDB 7.x is not confirmed by any vendor list',
        code: 'CREATE TABLE t (a VARCHAR(5) COLLATE utf8mb4_unicode_ci);',
        target: 'clustrixdb-7.0',
        output: null,
        errors: [{ messageId: 'unverified', severity: 'warning' }],
      },
      {
        code: 'CREATE TABLE t (a VARCHAR(5) COLLATE cp850_general_ci);',
        target: 'xpand-6.0',
        output: null,
        errors: [{ messageId: 'manual' }],
      },
      {
        name: 'inside an executable comment',
        code: 'CREATE TABLE t (a INT) /*!40101 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci */;',
        output: 'CREATE TABLE t (a INT) /*!40101 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci */;',
        errors: [{ messageId: 'replaceable' }],
      },
    ],
  });
});
