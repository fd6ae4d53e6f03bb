import { describe } from 'vitest';
import rule from '../../rules/no-partition-maintenance.js';
import { ruleTester } from '../helpers.js';

describe('no-partition-maintenance', () => {
  ruleTester(rule, {
    valid: [
      'ALTER TABLE t DROP PARTITION p0;',
      'ALTER TABLE t ADD PARTITION (PARTITION p3 VALUES LESS THAN (100));',
      'ALTER TABLE t REORGANIZE PARTITION p0 INTO (PARTITION a VALUES LESS THAN (5), PARTITION b VALUES LESS THAN (10));',
      'ALTER TABLE t CHECK CONSTRAINT c;',
      'SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) FROM t;',
      "-- ALTER TABLE t REPAIR PARTITION p0\nSELECT 'OPTIMIZE PARTITION';",
      'SELECT * FROM `partition`;',
    ],
    invalid: [
      {
        code: 'ALTER TABLE t COALESCE PARTITION 2;',
        output: null,
        errors: [{ messageId: 'maintenance', column: 15, endColumn: 33 }],
      },
      {
        code: 'alter table `t` optimize partition p0, analyze partition p1;',
        output: null,
        errors: [{ messageId: 'maintenance' }, { messageId: 'maintenance' }],
      },
      {
        code: 'SELECT * FROM t PARTITION (p0) JOIN `u` PARTITION (p1) ON t.id = u.id;',
        output: null,
        errors: [{ messageId: 'selection', column: 17 }, { messageId: 'selection' }],
      },
      { code: 'DELETE FROM t PARTITION (p0) WHERE a = 1;', output: null, errors: [{ messageId: 'selection' }] },
    ],
  });
});
