import { describe } from 'vitest';
import rule from '../../rules/no-view-check-option.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-view-check-option', () => {
  ruleTester(rule, {
    valid: [
      'CREATE VIEW v AS SELECT * FROM t WHERE a = 1;',
      "CREATE VIEW v AS SELECT 'WITH CHECK OPTION' AS s;",
      'CREATE VIEW v AS WITH c AS (SELECT 1 AS x) SELECT x FROM c;',
      '-- WITH CHECK OPTION\nCREATE VIEW v AS SELECT 1;',
    ],
    invalid: [
      {
        code: 'CREATE VIEW v AS SELECT * FROM t WHERE a = 1 WITH CHECK OPTION;',
        output: 'CREATE VIEW v AS SELECT * FROM t WHERE a = 1;',
        errors: [{ messageId: 'checkOption', column: 46, fix: 'lossy' }],
      },
      {
        code: 'create or replace algorithm=merge view v as select * from t\n  with local check option;',
        output: 'create or replace algorithm=merge view v as select * from t;',
        errors: [{ messageId: 'checkOption', line: 2 }],
      },
      {
        code: 'ALTER VIEW v AS SELECT * FROM t WITH CASCADED CHECK OPTION;',
        output: 'ALTER VIEW v AS SELECT * FROM t;',
        errors: [{ messageId: 'checkOption' }],
      },
    ],
  });
});
