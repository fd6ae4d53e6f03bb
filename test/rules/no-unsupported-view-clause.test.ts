import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-view-clause.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-view-clause', () => {
  ruleTester(rule, {
    valid: [
      'CREATE VIEW v AS SELECT 1;',
      'CREATE ALGORITHM = TEMPTABLE SQL SECURITY DEFINER VIEW v AS SELECT 1;',
      "CREATE VIEW v AS SELECT 'ALGORITHM=UNDEFINED' AS a;",
      'ALTER TABLE t ALGORITHM=INPLACE, ADD COLUMN c INT;',
      'ALTER EVENT e DISABLE;',
      '-- CREATE ALGORITHM=UNDEFINED VIEW v AS SELECT 1;\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'CREATE OR REPLACE ALGORITHM = UNDEFINED DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1;',
        output: 'CREATE OR REPLACE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1;',
        errors: [
          { messageId: 'algorithm', column: 19, endColumn: 40, severity: 'error', fix: 'safe' },
          { messageId: 'invoker', column: 57, severity: 'warning', fix: null },
        ],
      },
      {
        name: 'mysqldump form, inside executable comments, CRLF',
        code: '/*!50001 CREATE ALGORITHM=UNDEFINED */\r\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\r\n/*!50001 VIEW `v` AS select 1 AS `a` */;',
        output:
          '/*!50001 CREATE */\r\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\r\n/*!50001 VIEW `v` AS select 1 AS `a` */;',
        errors: [{ messageId: 'algorithm', line: 1, column: 17 }],
      },
      {
        name: 'ALTER VIEW, lower case',
        code: 'alter algorithm=undefined sql security invoker view v as select 2;',
        output: 'alter sql security invoker view v as select 2;',
        errors: [{ messageId: 'algorithm' }, { messageId: 'invoker' }],
      },
    ],
  });
});
