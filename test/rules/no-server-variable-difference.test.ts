import { describe } from 'vitest';
import rule from '../../rules/no-server-variable-difference.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-server-variable-difference', () => {
  ruleTester(rule, {
    valid: [
      // What Xpand itself runs with, and session-level settings (not the server's).
      "SET GLOBAL character_set_server = 'utf8';\nSET GLOBAL collation_server = 'utf8_general_ci';",
      "SET GLOBAL character_set_server = 'utf8mb3';\nSET GLOBAL collation_server = 'utf8mb3_general_ci';",
      "SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES,NO_AUTO_VALUE_ON_ZERO';",
      'SET GLOBAL lower_case_table_names = 1;',
      'SET GLOBAL lower_case_table_names = 2;',
      "SET GLOBAL default_storage_engine = 'InnoDB';",
      "SET GLOBAL event_scheduler = 'OFF';",
      "SET GLOBAL event_scheduler = 'DISABLED';",
      "SET SESSION default_storage_engine = 'MyISAM';",
      "SET character_set_server = 'latin1';",
      "SET @@session.sql_mode = 'ANSI_QUOTES';",
      "-- SET GLOBAL version = '8.0.36';\nSELECT 1;",
      "SELECT 'SET GLOBAL lower_case_table_names = 0';",
    ],
    invalid: [
      {
        name: 'the version a server reports',
        code: "SET GLOBAL version = '10.11.19-MariaDB-0+deb12u1';",
        output: null,
        errors: [{ messageId: 'version', column: 22, severity: 'info' }],
      },
      {
        name: 'a default character set other than utf8 (the collation follows it: one finding)',
        code: "SET GLOBAL character_set_server = 'latin1';\nSET GLOBAL collation_server = 'latin1_swedish_ci';",
        output: null,
        errors: [{ messageId: 'charsetDefault', line: 1, column: 35, severity: 'warning' }],
      },
      {
        name: 'a utf8 server with another collation',
        code: 'SET GLOBAL character_set_server = utf8;\nSET GLOBAL collation_server = utf8_bin;',
        output: null,
        errors: [{ messageId: 'collationDefault', line: 2 }],
      },
      {
        name: 'MariaDB 11 defaults the target does not have',
        code: "SET GLOBAL character_set_server = 'utf8mb4';\nSET GLOBAL collation_server = 'utf8mb4_uca1400_ai_ci';",
        output: null,
        errors: [
          { messageId: 'charsetDefault', line: 1 },
          { messageId: 'collationUnsupported', line: 2, severity: 'error' },
        ],
      },
      {
        name: 'a character set the target lacks',
        code: "SET GLOBAL character_set_server = 'ucs2';",
        output: null,
        errors: [{ messageId: 'charsetUnsupported', severity: 'error' }],
      },
      {
        name: 'utf8mb4 before ClustrixDB 9.0 is not confirmed',
        target: 'clustrixdb-8.5',
        code: "SET GLOBAL character_set_server = 'utf8mb4';",
        output: null,
        errors: [{ messageId: 'charsetUnverified', severity: 'warning' }],
      },
      {
        name: 'discarded and unknown sql_mode values',
        code: "SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_SUCH';",
        output: null,
        errors: [{ messageId: 'sqlModeUnknown' }, { messageId: 'sqlModeDiscarded' }],
      },
      {
        name: 'case-sensitive table names',
        code: 'SET GLOBAL lower_case_table_names = 0;',
        output: null,
        errors: [{ messageId: 'lowerCaseTableNames', column: 37 }],
      },
      {
        name: 'a default engine other than InnoDB, in every spelling of a global assignment',
        code: "SET @@GLOBAL.default_storage_engine = 'MyISAM';\nset persist storage_engine = Aria;",
        output: null,
        errors: [
          { messageId: 'defaultEngine', line: 1 },
          { messageId: 'defaultEngine', line: 2 },
        ],
      },
      {
        name: 'the event scheduler running',
        code: "SET GLOBAL event_scheduler = 'ON';",
        output: null,
        errors: [{ messageId: 'eventScheduler' }],
      },
      {
        name: 'several variables in one statement, backticks, CRLF',
        code: 'SET GLOBAL `lower_case_table_names` = 0,\r\n  GLOBAL event_scheduler = 1;',
        output: null,
        errors: [
          { messageId: 'lowerCaseTableNames', line: 1 },
          { messageId: 'eventScheduler', line: 2, column: 28 },
        ],
      },
    ],
  });
});
