import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-engine.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-engine', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT) ENGINE INNODB;',
      'CREATE TABLE t (id INT)ENGINE = innodb;',
      'CREATE TABLE t (engine VARCHAR(20), id INT);',
      "CREATE TABLE t (note VARCHAR(20) DEFAULT 'ENGINE=NDB');",
      '-- ENGINE=MyISAM\nCREATE TABLE t (id INT);',
      'ALTER TABLE t ADD COLUMN engine VARCHAR(10);',
    ],
    invalid: [
      {
        name: 'WSO2 MySQL Cluster spelling',
        code: 'CREATE TABLE IF NOT EXISTS REG_LOG (id INT)ENGINE NDB;',
        output: 'CREATE TABLE IF NOT EXISTS REG_LOG (id INT)ENGINE INNODB;',
        errors: [{ messageId: 'ignored', column: 51, severity: 'warning', fix: 'safe' }],
      },
      {
        code: 'create table t (id int) engine = MyISAM;\nalter table t engine=aria;',
        output: 'create table t (id int) engine = InnoDB;\nalter table t engine=innodb;',
        errors: [
          { messageId: 'ignored', line: 1 },
          { messageId: 'ignored', line: 2 },
        ],
      },
      {
        code: 'CREATE TABLE c (k INT) ENGINE=MEMORY;',
        output: 'CREATE TABLE c (k INT) ENGINE=INNODB;',
        errors: [{ messageId: 'memory', fix: 'lossy' }],
      },
      {
        code: "CREATE TABLE r (id INT) ENGINE=FEDERATED CONNECTION='mysql://u@h/db/t';",
        output: null,
        errors: [{ messageId: 'manual', severity: 'error', fix: null }],
      },
      {
        name: 'inside partition definitions of a mysqldump comment',
        code: 'CREATE TABLE t (id INT) ENGINE=ndbcluster /*!50100 PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (5) ENGINE = ndbcluster) */;',
        output:
          'CREATE TABLE t (id INT) ENGINE=innodb /*!50100 PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (5) ENGINE = innodb) */;',
        errors: [{ messageId: 'ignored' }, { messageId: 'ignored' }],
      },
      {
        name: 'ENGINE=MEMORY of a table created in a procedure body',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE TABLE x (a INT) ENGINE=MEMORY;\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        output:
          'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE TABLE x (a INT) ENGINE=INNODB;\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        errors: [{ messageId: 'memory', line: 5 }],
      },
    ],
  });
});
