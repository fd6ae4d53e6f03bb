import { describe, expect, it } from 'vitest';
import rule from '../../rules/prefer-primary-key.js';
import { lintSource } from '../../src/core/engine.js';
import { SqlSource } from '../../src/core/source.js';
import { checkStreamWith } from '../../src/stream/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('prefer-primary-key', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id));',
      'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v INT);',
      'CREATE TABLE t (id INT NOT NULL KEY, v INT);',
      'CREATE TABLE t (a INT, b INT, CONSTRAINT pk_t PRIMARY KEY (a, b));',
      {
        name: 'a primary key added by a later ALTER TABLE (phpMyAdmin dumps)',
        code: 'CREATE TABLE `t` (`id` int NOT NULL, `v` int);\nALTER TABLE `t`\n  ADD PRIMARY KEY (`id`),\n  ADD KEY `v` (`v`);',
      },
      {
        name: 'created again with a primary key',
        code: 'CREATE TABLE t (a INT);\nDROP TABLE t;\nCREATE TABLE t (a INT NOT NULL PRIMARY KEY);',
      },
      'CREATE TEMPORARY TABLE t (a INT);',
      { name: 'LIKE a table the script does not define: keys unknown', code: 'CREATE TABLE t2 LIKE t1;' },
      {
        name: 'LIKE a table with a primary key',
        code: 'CREATE TABLE t1 (id INT PRIMARY KEY);\nCREATE TABLE t2 LIKE t1;',
      },
      { name: 'dropped later', code: 'CREATE TABLE t (a INT);\nDROP TABLE t;' },
      'CREATE TABLE t AS SELECT 1 AS a;',
      {
        name: "ClustrixDB targets: the replication page is Xpand's",
        code: 'CREATE TABLE t (a INT);',
        target: 'clustrixdb-9.2',
      },
      "SELECT 'CREATE TABLE t (a INT)';",
    ],
    invalid: [
      {
        name: 'LIKE a keyless table: reported for both',
        code: 'CREATE TABLE t1 (a INT);\nCREATE TABLE t2 LIKE t1;',
        output: null,
        errors: [
          { messageId: 'noPrimaryKey', line: 1 },
          { messageId: 'noPrimaryKey', line: 2 },
        ],
      },
      {
        name: 'a primary key dropped by a later ALTER TABLE',
        code: 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY);\nALTER TABLE t DROP PRIMARY KEY, LOCK=SHARED;',
        output: null,
        errors: [{ messageId: 'noPrimaryKey', line: 1 }],
      },
      {
        code: 'CREATE TABLE audit (at DATETIME NOT NULL, who VARCHAR(64), what TEXT);',
        output: null,
        errors: [{ messageId: 'noPrimaryKey', line: 1, column: 14, severity: 'info', fix: null }],
      },
      {
        name: 'a unique key on NOT NULL columns is named as the candidate',
        code: 'CREATE TABLE `scope_binding` (\n  `scope_id` INT NOT NULL,\n  `binding` VARCHAR(255) NOT NULL,\n  UNIQUE KEY `uk_scope` (`scope_id`, `binding`)\n);',
        output: null,
        errors: [{ messageId: 'candidate', line: 1, column: 14 }],
      },
      {
        name: 'a unique key on a nullable column is no candidate; an ALTER of another table does not count',
        code: 'CREATE TABLE a (x INT, UNIQUE (x));\nCREATE TABLE b (y INT);\nALTER TABLE b ADD UNIQUE (y);\nALTER TABLE c ADD PRIMARY KEY (z);',
        output: null,
        errors: [
          { messageId: 'noPrimaryKey', line: 1 },
          { messageId: 'noPrimaryKey', line: 2 },
        ],
      },
    ],
  });

  it('names the candidate key', () => {
    const [f] = lintSource(new SqlSource('CREATE TABLE s (a INT NOT NULL, b INT NOT NULL, UNIQUE KEY uk (a, b));'), [
      rule,
    ]);
    expect(f!.message).toBe(
      's has no primary key: Xpand 23.09 gives it a hidden one, and row-based replication (which its parallel replication needs) then scans the table to find each row it applies; its unique key uk on NOT NULL columns (a, b) could become the primary key (InnoDB already uses it as one).',
    );
  });

  it('streams: a primary key added in a later segment counts, as in the whole text', async () => {
    const tables = Array.from({ length: 300 }, (_, i) => `CREATE TABLE t${i} (id INT NOT NULL, v VARCHAR(200));`).join(
      '\n',
    );
    const alters = Array.from({ length: 299 }, (_, i) => `ALTER TABLE t${i} ADD PRIMARY KEY (id);`).join('\n');
    // A candidate key is named from a table the stream keeps only the name of.
    const candidate = 'CREATE TABLE u (a INT NOT NULL, b INT NOT NULL, UNIQUE KEY uk (a, b));';
    const sql = `${tables}\n${alters}\n${candidate}\n`;
    const whole = lintSource(new SqlSource(sql), [rule]);
    expect(whole.map((f) => `${f.message.split(' ')[0]} ${f.messageId}`)).toEqual(['t299 noPrimaryKey', 'u candidate']);
    const chunks = async function* () {
      yield sql;
    };
    const streamed = await checkStreamWith([rule], chunks(), { segmentSize: 4096 });
    expect(streamed).toEqual(whole);
  });
});
