import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-charset.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-charset', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin) ENGINE=InnoDB DEFAULT CHARSET=latin1;',
      'CREATE TABLE t (a INT) DEFAULT CHARSET=utf8 COLLATE utf8_bin;',
      'CREATE TABLE t (charset VARCHAR(10), `character` INT);',
      'ALTER TABLE t ADD COLUMN charset VARCHAR(10);',
      'SET NAMES utf8mb4;',
      "SET NAMES 'latin1';",
      'SET NAMES DEFAULT;',
      'CREATE TABLE t (b BLOB, c VARBINARY(10) CHARACTER SET binary);',
      "-- CHARSET=ascii\nCREATE TABLE t (a VARCHAR(5) DEFAULT 'CHARSET ascii');",
      { code: 'CREATE TABLE t (a TEXT CHARACTER SET utf8mb3);', target: 'xpand-6.0' },
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=ascii;',
        output: 'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=latin1;',
        errors: [{ messageId: 'replaceable', column: 54, severity: 'error', fix: 'safe' }],
      },
      {
        code: 'SET NAMES ascii;',
        output: 'SET NAMES latin1;',
        errors: [{ messageId: 'replaceable', column: 11 }],
      },
      {
        code: "set names 'UTF16';\nset character_set_client = ucs2;",
        output: "set names 'UTF8MB4';\nset character_set_client = utf8mb4;",
        errors: [
          { messageId: 'replaceable', line: 1 },
          { messageId: 'replaceable', line: 2 },
        ],
      },
      {
        code: 'CREATE DATABASE wso2 CHARACTER SET = utf32;',
        output: 'CREATE DATABASE wso2 CHARACTER SET = utf8mb4;',
        errors: [{ messageId: 'replaceable' }],
      },
      {
        name: 'column level, backticked names, CHAR SET spelling',
        code: 'CREATE TABLE `t` (`a` VARCHAR(5) CHAR SET ascii NOT NULL);',
        output: 'CREATE TABLE `t` (`a` VARCHAR(5) CHAR SET latin1 NOT NULL);',
        errors: [{ messageId: 'replaceable' }],
      },
      {
        code: 'ALTER TABLE t CONVERT TO CHARACTER SET ascii;',
        output: 'ALTER TABLE t CONVERT TO CHARACTER SET latin1;',
        errors: [{ messageId: 'replaceable' }],
      },
      {
        code: 'CREATE TABLE t (a TEXT CHARACTER SET utf8mb3);',
        target: 'xpand-5.3',
        output: 'CREATE TABLE t (a TEXT CHARACTER SET utf8);',
        errors: [{ messageId: 'replaceable', fix: 'safe' }],
      },
      {
        name: 'utf16 on ClustrixDB 8.0, where utf8mb4 is not confirmed, falls back to utf8: lossy',
        code: 'CREATE TABLE t (a TEXT CHARACTER SET utf16);',
        target: 'clustrixdb-8.0',
        output: 'CREATE TABLE t (a TEXT CHARACTER SET utf8);',
        errors: [{ messageId: 'replaceable', fix: 'lossy' }],
      },
      {
        code: 'CREATE TABLE t (a TEXT CHARACTER SET latin2);',
        output: null,
        errors: [{ messageId: 'manual', fix: null }],
      },
      {
        code: 'CREATE TABLE t (a TEXT CHARACTER SET klingon);',
        output: null,
        errors: [{ messageId: 'unknown' }],
      },
      {
        code: 'CREATE TABLE t (a TEXT CHARACTER SET utf8mb4);',
        target: 'clustrixdb-8.0',
        output: null,
        errors: [{ messageId: 'unverified', severity: 'warning' }],
      },
    ],
  });
});
