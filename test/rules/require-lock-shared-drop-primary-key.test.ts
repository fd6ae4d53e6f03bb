import { describe } from 'vitest';
import rule from '../../rules/require-lock-shared-drop-primary-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('require-lock-shared-drop-primary-key', () => {
  ruleTester(rule, {
    valid: [
      'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant), LOCK=SHARED;',
      'ALTER TABLE t DROP INDEX primary_key_copy;',
      '-- ALTER TABLE t DROP PRIMARY KEY\nSELECT 1;',
    ],
    invalid: [
      {
        code: 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant);',
        output: 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant), LOCK=SHARED;',
        errors: [{ messageId: 'lockShared', column: 15, endColumn: 31, fix: 'safe' }],
      },
      {
        code: 'alter table `t` drop primary key;',
        output: 'alter table `t` drop primary key, lock=shared;',
        errors: [{ messageId: 'lockShared' }],
      },
    ],
  });
});
