import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-partitioning.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-partitioning', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE);',
      '/*!50100 */ CREATE TABLE t (id INT);',
      '-- PARTITION BY HASH (id)\nCREATE TABLE t (id INT);',
      "CREATE TABLE t (note VARCHAR(40) DEFAULT 'PARTITION BY HASH (id) PARTITIONS 4');",
      'CREATE TABLE `partition` (`by` INT, `hash` INT);',
      'ALTER TABLE t REMOVE PARTITIONING;',
      'ALTER TABLE t ADD PARTITION (PARTITION p3 VALUES LESS THAN (2000));',
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (id INT) ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 4;',
        output: 'CREATE TABLE t (id INT) ENGINE=InnoDB;',
        errors: [{ messageId: 'partitionType', column: 39, endColumn: 56, severity: 'error', fix: 'lossy' }],
      },
      {
        code: 'create table t (id int)\npartition by linear key (id) partitions 8;',
        output: 'create table t (id int);',
        errors: [{ messageId: 'partitionType', line: 2, column: 1 }],
      },
      {
        code: 'CREATE TABLE t (id INT) PARTITION BY KEY ALGORITHM=2 (id) PARTITIONS 2;',
        output: 'CREATE TABLE t (id INT);',
        errors: [{ messageId: 'partitionType' }],
      },
      {
        code: "CREATE TABLE t (r CHAR(2)) PARTITION BY LIST COLUMNS (r) (PARTITION pe VALUES IN ('EU'), PARTITION pa VALUES IN ('AS'));",
        output: 'CREATE TABLE t (r CHAR(2));',
        errors: [{ messageId: 'partitionType' }],
      },
      {
        name: 'mysqldump form inside /*!50100 */: the whole comment goes',
        code: 'CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=latin1\n/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 4 */;\n',
        output: 'CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=latin1;\n',
        errors: [{ messageId: 'partitionType', line: 4, column: 10, severity: 'error', fix: 'lossy' }],
      },
      {
        name: 'subpartitions under RANGE: only the subpartitioning goes',
        code:
          'CREATE TABLE t (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (\n' +
          '  PARTITION p0 VALUES LESS THAN (2000) (SUBPARTITION s0, SUBPARTITION s1),\n' +
          '  PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s3)\n);',
        output:
          'CREATE TABLE t (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) (\n' +
          '  PARTITION p0 VALUES LESS THAN (2000),\n' +
          '  PARTITION p1 VALUES LESS THAN MAXVALUE\n);',
        errors: [{ messageId: 'subpartition', column: 62, fix: 'lossy' }],
      },
      {
        code: 'ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 4;',
        output: 'ALTER TABLE t;',
        errors: [{ messageId: 'partitionType' }],
      },
      {
        code: 'CREATE TABLE t (id INT) PARTITION BY HASH (id) PARTITIONS 2 AS SELECT id FROM s;',
        output: 'CREATE TABLE t (id INT) AS SELECT id FROM s;',
        errors: [{ messageId: 'partitionType' }],
      },
      {
        name: 'the line break ending a -- comment stays, or the comment would swallow the delimiter',
        code: 'CREATE TABLE t (id INT) # spread it\nPARTITION BY HASH (id)\n  PARTITIONS 2;\nCREATE TABLE u (id INT);',
        output: 'CREATE TABLE t (id INT) # spread it\n;\nCREATE TABLE u (id INT);',
        errors: [{ messageId: 'partitionType', line: 2 }],
      },
      {
        name: 'CRLF and a comment before the clause stay',
        code: 'CREATE TABLE t (id INT) -- spread it\r\nPARTITION BY HASH (id);\r\n',
        output: 'CREATE TABLE t (id INT) -- spread it\r\n;\r\n',
        errors: [{ messageId: 'partitionType', line: 2 }],
      },
      {
        name: 'a partitioned temporary table, even by RANGE',
        code: 'CREATE TEMPORARY TABLE t (id INT) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));',
        output: 'CREATE TEMPORARY TABLE t (id INT);',
        errors: [{ messageId: 'temporary', fix: 'lossy' }],
      },
      {
        name: 'functions Xpand does not allow in the expression',
        code: 'CREATE TABLE t (d DATE) PARTITION BY RANGE (MONTH(d) + abs(DAYOFYEAR(d))) (PARTITION p0 VALUES LESS THAN (6));',
        output: null,
        errors: [
          { messageId: 'partitionFunction', column: 45, fix: null },
          { messageId: 'partitionFunction', column: 56 },
          { messageId: 'partitionFunction', column: 60 },
        ],
      },
      {
        code: "CREATE TABLE t (d DATE) PARTITION BY RANGE COLUMNS (d) (PARTITION p0 VALUES LESS THAN ('2020-01-01'));",
        output: null,
        errors: [{ messageId: 'rangeColumns', severity: 'warning' }],
      },
      {
        name: 'more than 64 partitions',
        code:
          'CREATE TABLE t (id INT) PARTITION BY RANGE (id) (' +
          Array.from({ length: 65 }, (_, i) => `PARTITION p${i} VALUES LESS THAN (${i + 1})`).join(', ') +
          ');',
        output: null,
        errors: [{ messageId: 'tooManyPartitions', severity: 'warning' }],
      },
      {
        name: 'PARTITION BY HASH of a table created in a procedure body',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE TABLE x (a INT) PARTITION BY HASH(a) PARTITIONS 4;\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        output:
          'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE TABLE x (a INT);\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        errors: [{ messageId: 'partitionType', line: 5 }],
      },
    ],
  });
});
