import { describe } from 'vitest';
import rule from '../../rules/no-discarded-sql-mode.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-discarded-sql-mode', () => {
  ruleTester(rule, {
    valid: [
      "SET SQL_MODE='STRICT_TRANS_TABLES,NO_AUTO_VALUE_ON_ZERO';",
      "SET sql_mode = 'TRADITIONAL';",
      "SET sql_mode = '';",
      'SET SQL_MODE=@OLD_SQL_MODE;',
      '/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */;',
      "-- SET SQL_MODE='ANSI_QUOTES'\nSELECT 1;",
    ],
    invalid: [
      {
        code: "SET SQL_MODE='ALLOW_INVALID_DATES';",
        output: null,
        errors: [{ messageId: 'discarded', column: 14, severity: 'warning' }],
      },
      {
        code: "set session sql_mode = 'ansi_quotes,strict_trans_tables', @@global.sql_mode = 'NO_ZERO_DATE';",
        output: null,
        errors: [{ messageId: 'discarded' }, { messageId: 'discarded' }],
      },
      { code: "SET sql_mode = 'NO_SUCH_MODE';", output: null, errors: [{ messageId: 'unknown', severity: 'error' }] },
      {
        code: "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO,ONLY_FULL_GROUP_BY' */;",
        output: null,
        errors: [{ messageId: 'discarded' }],
      },
      {
        code: "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SET SQL_MODE='ALLOW_INVALID_DATES';\n  SELECT 1;\nEND$$\nDELIMITER ;",
        output: null,
        errors: [{ messageId: 'discarded', line: 4 }],
      },
    ],
  });
});
