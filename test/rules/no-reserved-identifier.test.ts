import { describe } from 'vitest';
import rule from '../../rules/no-reserved-identifier.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-reserved-identifier', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE report (id INT SIGNED, `full` TINYINT(1), `legacy` VARCHAR(10), KEY k (`full`));',
      'CREATE TEMPORARY TABLE tmp (id INT);',
      'SELECT CAST(x AS SIGNED) FROM t;',
      "INSERT INTO t (a) VALUES ('full');",
      '-- CREATE TABLE full (id INT)\nSELECT 1;',
      'DROP TEMPORARY TABLE IF EXISTS tmp;',
    ],
    invalid: [
      {
        code: 'CREATE TABLE report (id INT, full TINYINT(1), KEY k_full (full), legacy INT);',
        output: 'CREATE TABLE report (id INT, `full` TINYINT(1), KEY k_full (`full`), `legacy` INT);',
        errors: [
          { messageId: 'reserved', column: 30, fix: 'safe' },
          { messageId: 'reserved', column: 59 },
          { messageId: 'reserved', column: 66 },
        ],
      },
      {
        code: 'create table signed (complement int);',
        output: 'create table `signed` (`complement` int);',
        errors: [{ messageId: 'reserved' }, { messageId: 'reserved' }],
      },
      {
        code: 'INSERT INTO report (id, Full) VALUES (1, 0);\nSELECT r.legacy FROM report r JOIN temporary ON 1 = 1;',
        output:
          'INSERT INTO report (id, `Full`) VALUES (1, 0);\nSELECT r.`legacy` FROM report r JOIN `temporary` ON 1 = 1;',
        errors: [
          { messageId: 'reserved', line: 1 },
          { messageId: 'reserved', line: 2 },
          { messageId: 'reserved', line: 2 },
        ],
      },
      {
        code: 'ALTER TABLE t ADD COLUMN full INT, ADD INDEX i (legacy);\nCREATE INDEX j ON t (signed);',
        output: 'ALTER TABLE t ADD COLUMN `full` INT, ADD INDEX i (`legacy`);\nCREATE INDEX j ON t (`signed`);',
        errors: [{ messageId: 'reserved' }, { messageId: 'reserved' }, { messageId: 'reserved' }],
      },
    ],
  });
});
