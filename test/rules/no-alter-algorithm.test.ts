import { describe } from 'vitest';
import rule from '../../rules/no-alter-algorithm.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-alter-algorithm', () => {
  ruleTester(rule, {
    valid: [
      'ALTER TABLE t ADD COLUMN c INT, LOCK=NONE;',
      'ALTER TABLE t PARTITION BY KEY ALGORITHM=2 (id) PARTITIONS 4;',
      'CREATE ALGORITHM=MERGE VIEW v AS SELECT 1;',
      "ALTER TABLE t COMMENT 'ALGORITHM=INPLACE';",
      'DROP TABLE algorithm;',
      '-- ALTER TABLE t ALGORITHM=COPY;\nSELECT 1;',
    ],
    invalid: [
      {
        name: 'dbml-style: ALGORITHM between other specifications',
        code: 'ALTER TABLE t ADD COLUMN c INT, MODIFY COLUMN n TEXT, ALGORITHM=INPLACE, LOCK=NONE;',
        output: 'ALTER TABLE t ADD COLUMN c INT, MODIFY COLUMN n TEXT, LOCK=NONE;',
        errors: [{ messageId: 'algorithm', column: 55, endColumn: 72, severity: 'warning', fix: 'safe' }],
      },
      {
        name: 'CREATE INDEX and DROP INDEX, lower case, CRLF',
        code: 'create index k on t (c) algorithm = inplace lock = none;\r\ndrop index k on t algorithm copy;',
        output: 'create index k on t (c) lock = none;\r\ndrop index k on t;',
        errors: [
          { messageId: 'algorithm', line: 1 },
          { messageId: 'algorithm', line: 2 },
        ],
      },
      {
        name: 'the only specification takes the statement; inside an executable comment',
        code: '/*!50600 ALTER TABLE t ALGORITHM=INSTANT */;\nSELECT 1;',
        output: 'SELECT 1;',
        errors: [{ messageId: 'algorithm' }],
      },
    ],
  });
});
