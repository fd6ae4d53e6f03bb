import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-index-type.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-index-type', () => {
  ruleTester(rule, {
    valid: [
      'CREATE INDEX i ON t(c);',
      'CREATE INDEX i ON t (c) USING BTREE;',
      'CREATE TABLE t (a INT, KEY k (a) USING BTREE);',
      '-- CREATE INDEX i USING HASH ON t(c);\nCREATE INDEX i ON t(c);',
      '/* KEY k USING HASH (a) */ CREATE TABLE t (a INT, KEY k (a));',
      "CREATE TABLE t (note VARCHAR(20) DEFAULT 'USING HASH', KEY k (note));",
      "CREATE TABLE t (a INT) COMMENT 'KEY k USING HASH (a)';",
      'CREATE TABLE `using` (`hash` INT, KEY `using` (`hash`));',
      "ALTER TABLE t ADD COLUMN c VARCHAR(10) DEFAULT 'USING HASH';",
      'SELECT * FROM a JOIN b USING (id);',
      "INSERT INTO t VALUES ('CREATE INDEX i USING HASH ON t(c)');",
    ],
    invalid: [
      {
        name: 'CREATE INDEX … USING HASH ON (before ON), as in the WSO2 carbon-kernel scripts',
        code: 'CREATE INDEX REG_LOG_IND USING HASH ON REG_LOG(REG_LOGGED_TIME, REG_TENANT_ID);',
        output: 'CREATE INDEX REG_LOG_IND ON REG_LOG(REG_LOGGED_TIME, REG_TENANT_ID);',
        errors: [{ messageId: 'beforeKeyParts', line: 1, column: 26, endColumn: 36, severity: 'error', fix: 'safe' }],
      },
      {
        name: 'CREATE INDEX … ON t(c) USING HASH (after the column list), as in the WSO2 MB script',
        code: 'CREATE INDEX MB_QUEUE_ID ON MB_QUEUE_MAPPING (QUEUE_NAME) USING HASH;',
        output: 'CREATE INDEX MB_QUEUE_ID ON MB_QUEUE_MAPPING (QUEUE_NAME);',
        errors: [{ messageId: 'ignored', line: 1, column: 59, severity: 'warning', fix: 'safe' }],
      },
      {
        code: 'create unique index i using hash on t(c);',
        output: 'create unique index i on t(c);',
        errors: [{ messageId: 'beforeKeyParts', column: 23 }],
      },
      {
        code: 'Create Index `i` Using Hash On `t`(`c`) ;',
        output: 'Create Index `i` On `t`(`c`) ;',
        errors: [{ messageId: 'beforeKeyParts', column: 18 }],
      },
      {
        code: 'CREATE INDEX i USING BTREE ON t(c);',
        output: 'CREATE INDEX i ON t(c);',
        errors: [{ messageId: 'beforeKeyParts' }],
      },
      {
        name: 'inline KEY k (c) USING HASH and KEY k USING HASH (c), two findings',
        code: 'CREATE TABLE t (\n  a INT,\n  b INT,\n  KEY ka (a) USING HASH,\n  KEY kb USING HASH (b)\n) ENGINE=InnoDB;',
        output: 'CREATE TABLE t (\n  a INT,\n  b INT,\n  KEY ka (a),\n  KEY kb (b)\n) ENGINE=InnoDB;',
        errors: [
          { messageId: 'ignored', line: 4, column: 14, severity: 'warning' },
          { messageId: 'beforeKeyParts', line: 5, column: 10, severity: 'error' },
        ],
      },
      {
        code: 'CREATE TABLE t (id INT, c INT, PRIMARY KEY USING HASH (id), CONSTRAINT uc UNIQUE KEY USING HASH (c), INDEX (c) USING HASH);',
        output: 'CREATE TABLE t (id INT, c INT, PRIMARY KEY (id), CONSTRAINT uc UNIQUE KEY (c), INDEX (c));',
        errors: [{ messageId: 'beforeKeyParts' }, { messageId: 'beforeKeyParts' }, { messageId: 'ignored' }],
      },
      {
        code: 'ALTER TABLE t ADD INDEX i (c) USING HASH, ADD KEY k USING HASH (d), ADD UNIQUE u (e) USING HASH;',
        output: 'ALTER TABLE t ADD INDEX i (c), ADD KEY k (d), ADD UNIQUE u (e);',
        errors: [{ messageId: 'ignored' }, { messageId: 'beforeKeyParts' }, { messageId: 'ignored' }],
      },
      {
        code: 'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING HASH (id);',
        output: 'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id);',
        errors: [{ messageId: 'beforeKeyParts' }],
      },
      {
        name: 'CRLF line endings are kept and no blank line is left',
        code: 'CREATE INDEX i\r\n  USING HASH\r\n  ON t(c);\r\nCREATE INDEX j ON t(c)\r\n  USING HASH;\r\n',
        output: 'CREATE INDEX i\r\n  ON t(c);\r\nCREATE INDEX j ON t(c);\r\n',
        errors: [
          { messageId: 'beforeKeyParts', line: 2, column: 3 },
          { messageId: 'ignored', line: 5, column: 3 },
        ],
      },
      {
        name: 'inside an executable comment the wrapper goes with it',
        code: 'CREATE INDEX i /*!50100 USING HASH */ ON t(c);',
        output: 'CREATE INDEX i ON t(c);',
        errors: [{ messageId: 'beforeKeyParts' }],
      },
      {
        name: 'inside a DELIMITER block',
        code: 'DELIMITER $$\nCREATE INDEX i USING HASH ON t(c)$$\nDELIMITER ;\nCREATE INDEX j ON t(c) USING HASH;',
        output: 'DELIMITER $$\nCREATE INDEX i ON t(c)$$\nDELIMITER ;\nCREATE INDEX j ON t(c);',
        errors: [
          { messageId: 'beforeKeyParts', line: 2 },
          { messageId: 'ignored', line: 4 },
        ],
      },
      {
        code: 'CREATE TABLE g (p POINT NOT NULL, SPATIAL KEY sp (p) USING RTREE);',
        output: 'CREATE TABLE g (p POINT NOT NULL, SPATIAL KEY sp (p));',
        errors: [{ messageId: 'ignored', severity: 'warning' }],
      },
      {
        name: 'CREATE INDEX … USING HASH and KEY … USING HASH in a procedure body',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE INDEX i USING HASH ON y (c);\n    CREATE TABLE x (a INT, KEY k (a) USING HASH) ENGINE=InnoDB;\n  END IF;\nEND//\nDELIMITER ;',
        output:
          'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE INDEX i ON y (c);\n    CREATE TABLE x (a INT, KEY k (a)) ENGINE=InnoDB;\n  END IF;\nEND//\nDELIMITER ;',
        errors: [
          { messageId: 'beforeKeyParts', line: 5 },
          { messageId: 'ignored', line: 6 },
        ],
      },
    ],
  });
});
