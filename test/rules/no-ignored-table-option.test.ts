import { describe } from 'vitest';
import rule from '../../rules/no-ignored-table-option.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-ignored-table-option', () => {
  ruleTester(rule, {
    valid: [
      "CREATE DATABASE d /*!40100 DEFAULT CHARACTER SET utf8mb4 */ /*!80016 DEFAULT ENCRYPTION='N' */;",
      'ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'CREATE DATABASE IF NOT EXISTS `d`;',
      "CREATE TABLE t (id INT) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=latin1 COMMENT='ROW_FORMAT=COMPACT';",
      'CREATE TABLE t (row_format INT, checksum INT, `password` VARCHAR(10));',
      'ALTER TABLE t ADD COLUMN password VARCHAR(64), ADD INDEX checksum (checksum);',
      '-- ROW_FORMAT=DYNAMIC\nCREATE TABLE t (id INT);',
    ],
    invalid: [
      {
        name: "a database: DEFAULT ENCRYPTION='N' is the default, safe to drop",
        code: "CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4 DEFAULT ENCRYPTION='N';",
        output: 'CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4;',
        errors: [{ messageId: 'databaseOption', column: 49, severity: 'error', fix: 'safe' }],
      },
      {
        name: "a database: ENCRYPTION 'Y', COMMENT and READ ONLY are lossy",
        code: "CREATE SCHEMA IF NOT EXISTS d ENCRYPTION 'Y' COMMENT='x';\nALTER DATABASE d READ ONLY = 1;",
        output: 'CREATE SCHEMA IF NOT EXISTS d;\nALTER DATABASE d;',
        errors: [
          { messageId: 'databaseOption', fix: 'lossy' },
          { messageId: 'databaseOption', fix: 'lossy' },
          { messageId: 'databaseOption', line: 2, fix: 'lossy' },
        ],
      },
      {
        code: 'CREATE TABLE t (id INT) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;',
        output: 'CREATE TABLE t (id INT) ENGINE=InnoDB;',
        errors: [
          { messageId: 'ignored', column: 39, severity: 'warning', fix: 'safe' },
          { messageId: 'ignored', column: 61 },
        ],
      },
      {
        code: "create table t (id int) stats_persistent = 0, data directory = '/d', engine=innodb;",
        output: 'create table t (id int) engine=innodb;',
        errors: [{ messageId: 'unknown', severity: 'error' }, { messageId: 'unknown' }],
      },
      {
        code: "CREATE TABLE t (id INT) ENCRYPTION='Y';",
        output: 'CREATE TABLE t (id INT);',
        errors: [{ messageId: 'unknown', fix: 'lossy' }],
      },
      {
        name: "MariaDB's quoted engine-defined option (tendril's TokuDB dump), before a partition clause",
        code: "CREATE TABLE g (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8 `compression`='tokudb_zlib'\nPARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));",
        output:
          'CREATE TABLE g (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8\nPARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));',
        errors: [{ messageId: 'unknown', line: 1, column: 60, severity: 'error', fix: 'safe' }],
      },
      {
        name: 'a quoted option name is unknown whatever the name',
        code: 'CREATE TABLE h (id INT) `row_format`=DYNAMIC, `page_checksum`=1;',
        output: 'CREATE TABLE h (id INT);',
        errors: [
          { messageId: 'unknown', column: 25 },
          { messageId: 'unknown', column: 47 },
        ],
      },
      {
        code: 'ALTER TABLE t ROW_FORMAT=DYNAMIC, ADD COLUMN c INT;',
        output: 'ALTER TABLE t ADD COLUMN c INT;',
        errors: [{ messageId: 'ignored' }],
      },
      {
        code: 'CREATE TABLE t (id INT)\r\n  ENGINE=InnoDB\r\n  PACK_KEYS=1\r\n  STATS_AUTO_RECALC=DEFAULT;\r\n',
        output: 'CREATE TABLE t (id INT)\r\n  ENGINE=InnoDB;\r\n',
        errors: [
          { messageId: 'ignored', line: 3 },
          { messageId: 'unknown', line: 4 },
        ],
      },
    ],
  });
});
