import { describe, expect, it } from 'vitest';
import rule from '../../rules/prefer-distribute-over-partitioning.js';
import partitioning from '../../rules/no-unsupported-partitioning.js';
import { lintSource } from '../../src/core/engine.js';
import { fixLoop } from '../../src/core/fixer.js';
import { SqlSource } from '../../src/core/source.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('prefer-distribute-over-partitioning', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT NOT NULL, v INT, PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 4;',
      {
        name: 'the key leads with the column, 64 partitions at most but fewer than 21',
        code: 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY) PARTITION BY KEY (id) PARTITIONS 8;',
      },
      'CREATE TABLE t (d DATE NOT NULL, PRIMARY KEY (d)) PARTITION BY HASH (YEAR(d)) PARTITIONS 32;',
      'CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id)) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));',
      "CREATE TABLE t (r CHAR(2) NOT NULL, PRIMARY KEY (r)) PARTITION BY LIST COLUMNS (r) (PARTITION pe VALUES IN ('EU'));",
      'CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id));',
      {
        name: 'more than 64 partitions: no SLICES',
        code: 'CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 128;',
      },
      {
        name: 'already distributed the Xpand way',
        code: 'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (b, a) /*$ DISTRIBUTE=1 */) /*$ SLICES=32 */ PARTITION BY HASH (b) PARTITIONS 32;',
      },
      {
        name: 'KEY() on a table without a primary key: nothing to name',
        code: 'CREATE TABLE t (a INT NOT NULL, UNIQUE KEY (a)) PARTITION BY KEY () PARTITIONS 4;',
      },
      {
        name: 'a temporary table',
        code: 'CREATE TEMPORARY TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b)) PARTITION BY HASH (b) PARTITIONS 4;',
      },
      {
        name: 'ClustrixDB before 9.0 documented another default',
        code: 'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b)) PARTITION BY HASH (b) PARTITIONS 4;',
        target: 'clustrixdb-8.5',
      },
      "CREATE TABLE t (note VARCHAR(40) DEFAULT 'PARTITION BY HASH (id) PARTITIONS 32');",
    ],
    invalid: [
      {
        name: 'the partitioning column moves to the front of the key; SLICES from 32 partitions',
        code: 'CREATE TABLE mam (\n  id BIGINT UNSIGNED NOT NULL,\n  user_id INT UNSIGNED NOT NULL,\n  PRIMARY KEY (id, user_id)\n) ENGINE=InnoDB\n  PARTITION BY HASH(user_id)\n  PARTITIONS 32;',
        output:
          'CREATE TABLE mam (\n  id BIGINT UNSIGNED NOT NULL,\n  user_id INT UNSIGNED NOT NULL,\n  PRIMARY KEY (user_id, id) /*$ DISTRIBUTE=1 */\n) ENGINE=InnoDB /*$ SLICES=32 */;',
        errors: [{ messageId: 'keep', line: 6, column: 3, severity: 'info', fix: 'suggestion' }],
      },
      {
        name: 'the key already leads with the column: only SLICES',
        code: 'CREATE TABLE m (user_id INT NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (user_id, id)) PARTITION BY HASH (user_id) PARTITIONS 32;',
        output:
          'CREATE TABLE m (user_id INT NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (user_id, id)) /*$ SLICES=32 */;',
        errors: [{ messageId: 'slices', fix: 'suggestion' }],
      },
      {
        name: 'KEY over two columns that lead: DISTRIBUTE=2, few partitions: no SLICES',
        code: 'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, c INT NOT NULL, PRIMARY KEY (a, b, c)) PARTITION BY KEY (a, b) PARTITIONS 4;',
        output:
          'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, c INT NOT NULL, PRIMARY KEY (a, b, c) /*$ DISTRIBUTE=2 */);',
        errors: [{ messageId: 'keep' }],
      },
      {
        name: 'KEY() partitions by the primary key: its columns, in order',
        code: 'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b)) ENGINE=InnoDB PARTITION BY KEY () PARTITIONS 2;',
        output:
          'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b) /*$ DISTRIBUTE=2 */) ENGINE=InnoDB;',
        errors: [{ messageId: 'keep' }],
      },
      {
        name: 'reordered key parts keep how they are written: backticks, prefix lengths, ASC, comments, CRLF',
        code: 'CREATE TABLE `t` (\r\n  `name` VARCHAR(200) NOT NULL,\r\n  `Tenant` INT NOT NULL,\r\n  PRIMARY KEY (`name`(100) ASC, /* tenant */ `Tenant`)\r\n) PARTITION BY LINEAR KEY (tenant) PARTITIONS 24;\r\n',
        output:
          'CREATE TABLE `t` (\r\n  `name` VARCHAR(200) NOT NULL,\r\n  `Tenant` INT NOT NULL,\r\n  PRIMARY KEY (`Tenant`, /* tenant */ `name`(100) ASC) /*$ DISTRIBUTE=1 */\r\n) /*$ SLICES=24 */;\r\n',
        errors: [{ messageId: 'keep', line: 5 }],
      },
      {
        name: 'mysqldump form: the partitioning inside /*!50100 … */ goes with its comment',
        code: 'CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `u` int NOT NULL,\n  PRIMARY KEY (`id`,`u`)\n) ENGINE=InnoDB DEFAULT CHARSET=latin1\n/*!50100 PARTITION BY HASH (`u`)\nPARTITIONS 40 */;\n',
        output:
          'CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `u` int NOT NULL,\n  PRIMARY KEY (`u`,`id`) /*$ DISTRIBUTE=1 */\n) ENGINE=InnoDB DEFAULT CHARSET=latin1 /*$ SLICES=40 */;\n',
        errors: [{ messageId: 'keep', line: 6, column: 10 }],
      },
      {
        name: 'table options inside /*!40101 … */: SLICES after the comment, never inside it',
        code: 'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b)) /*!40101 DEFAULT CHARSET=utf8 */ PARTITION BY HASH (b) PARTITIONS 32;',
        output:
          'CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (b, a) /*$ DISTRIBUTE=1 */) /*!40101 DEFAULT CHARSET=utf8 */ /*$ SLICES=32 */;',
        errors: [{ messageId: 'keep' }],
      },
      {
        name: 'no table options: SLICES after the body',
        code: 'create table t (a int not null, b int not null, primary key (a, b)) partition by hash (b) partitions 21;',
        output:
          'create table t (a int not null, b int not null, primary key (b, a) /*$ DISTRIBUTE=1 */) /*$ SLICES=21 */;',
        errors: [{ messageId: 'keep' }],
      },
      {
        name: 'no primary key: advice without a fix',
        code: 'CREATE TABLE t (id INT NOT NULL, v INT) PARTITION BY HASH (id) PARTITIONS 4;',
        output: null,
        errors: [{ messageId: 'noPrimaryKey', fix: null, severity: 'info' }],
      },
      {
        name: 'two tables, two findings',
        code: 'CREATE TABLE a (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (x, y)) PARTITION BY HASH (y) PARTITIONS 4;\nCREATE TABLE b (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (x, y)) PARTITION BY KEY (y) PARTITIONS 4;',
        output:
          'CREATE TABLE a (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (y, x) /*$ DISTRIBUTE=1 */);\nCREATE TABLE b (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (y, x) /*$ DISTRIBUTE=1 */);',
        errors: [
          { messageId: 'keep', line: 1 },
          { messageId: 'keep', line: 2 },
        ],
      },
    ],
  });

  it('composes with the lossy removal of no-unsupported-partitioning in one pass, in every mode', () => {
    const sql =
      'CREATE TABLE t (id BIGINT NOT NULL, u INT NOT NULL, PRIMARY KEY (id, u)) ENGINE=InnoDB PARTITION BY HASH (u) PARTITIONS 32;\n';
    const lint = (s: SqlSource) => lintSource(s, [partitioning, rule]);
    const both = fixLoop(sql, lint, { lossy: true, suggestions: true });
    const expected =
      'CREATE TABLE t (id BIGINT NOT NULL, u INT NOT NULL, PRIMARY KEY (u, id) /*$ DISTRIBUTE=1 */) ENGINE=InnoDB /*$ SLICES=32 */;\n';
    expect(both.output).toBe(expected);
    expect(both.passes).toBe(1);
    expect(both.applied.map((a) => `${a.ruleId}:${a.kind}`).sort()).toEqual([
      'no-unsupported-partitioning:lossy',
      'prefer-distribute-over-partitioning:suggestion',
    ]);
    // The suggestion alone replaces the partitioning too; lossy alone drops it and the advice is superseded.
    expect(fixLoop(sql, lint, { lossy: false, suggestions: new Set([rule.meta.id]) }).output).toBe(expected);
    const lossy = fixLoop(sql, lint, { lossy: true });
    expect(lossy.output).toBe(
      'CREATE TABLE t (id BIGINT NOT NULL, u INT NOT NULL, PRIMARY KEY (id, u)) ENGINE=InnoDB;\n',
    );
    expect(lossy.remaining).toEqual([]);
    expect(lossy.superseded.map((f) => [f.ruleId, f.line])).toEqual([[rule.meta.id, 1]]);
    // Without --lossy or the suggestion, nothing changes and both findings stay.
    const plain = fixLoop(sql, lint, false);
    expect(plain.output).toBe(sql);
    expect(plain.remaining.map((f) => f.ruleId).sort()).toEqual(['no-unsupported-partitioning', rule.meta.id]);
    expect(plain.superseded).toEqual([]);
    for (const out of [both.output, lossy.output]) {
      expect(fixLoop(out, lint, { lossy: true, suggestions: true }).output).toBe(out);
    }
  });
});
