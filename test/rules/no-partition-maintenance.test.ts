import { describe } from 'vitest';
import rule from '../../rules/no-partition-maintenance.js';
import { ruleTester } from '../helpers/rule-tester.js';

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
      { name: 'a table the script does not create is not judged', code: 'ALTER TABLE u ADD PARTITION PARTITIONS 2;' },
      {
        name: 'dropped and created again, RANGE this time',
        code: 'CREATE TABLE t (id INT) PARTITION BY KEY (id);\nDROP TABLE t;\nCREATE TABLE t (id INT) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (5));\nALTER TABLE t DROP PARTITION p0;',
      },
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
      {
        name: 'maintenance of HASH partitions the script creates: removed with them (lossy)',
        code: 'CREATE TABLE t (id INT) PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE t ADD PARTITION PARTITIONS 2;\nALTER TABLE `T` COALESCE PARTITION 2, ENGINE=InnoDB;\nALTER TABLE t REMOVE PARTITIONING;',
        output: 'CREATE TABLE t (id INT) PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE `T` ENGINE=InnoDB;\n',
        errors: [
          { messageId: 'unsupportedPartitioning', line: 2, fix: 'lossy' },
          { messageId: 'unsupportedPartitioning', line: 3, fix: 'lossy' },
          { messageId: 'unsupportedPartitioning', line: 4, fix: 'lossy' },
        ],
      },
      {
        name: 'a table created without partitions',
        code: 'CREATE TABLE t (id INT);\nALTER TABLE t DROP PARTITION p0;',
        output: 'CREATE TABLE t (id INT);\n',
        errors: [{ messageId: 'notPartitioned', line: 2, fix: 'lossy' }],
      },
      {
        name: 'RANGE partitions the script creates: ADD is fine, COALESCE is not supported',
        code: 'CREATE TABLE r (id INT) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));\nALTER TABLE r ADD PARTITION (PARTITION p1 VALUES LESS THAN (20));\nALTER TABLE r COALESCE PARTITION 1;',
        output: null,
        errors: [{ messageId: 'maintenance', line: 3, fix: null }],
      },
    ],
  });
});
