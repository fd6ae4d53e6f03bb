import { describe, expect, it } from 'vitest';
import rule from '../../rules/prefer-auto-unique.js';
import { lintSource } from '../../src/core/engine.js';
import { SqlSource } from '../../src/core/source.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('prefer-auto-unique', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'no counter: no trace of the workload',
        code: 'CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, PRIMARY KEY (id));',
      },
      {
        name: 'a small counter',
        code: 'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=1000000;',
      },
      {
        name: 'not a surrogate key alone',
        code: 'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, t INT NOT NULL, PRIMARY KEY (t, id)) AUTO_INCREMENT=9000000;',
      },
      {
        name: 'AUTO_INCREMENT on a unique key, not the primary key',
        code: 'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, k VARCHAR(9) NOT NULL, PRIMARY KEY (k), UNIQUE (id)) AUTO_INCREMENT=9000000;',
      },
      {
        name: 'already AUTO_UNIQUE',
        code: 'CREATE TABLE t (id BIGINT(0) UNSIGNED NOT NULL /*$ AUTO_UNIQUE */, PRIMARY KEY (id)) AUTO_INCREMENT=9000000;',
      },
      {
        name: 'ClustrixDB 8.5',
        code: 'CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=9000000;',
        target: 'clustrixdb-8.5',
      },
      "CREATE TABLE t (id INT NOT NULL, note VARCHAR(60) DEFAULT 'AUTO_INCREMENT=9000000', PRIMARY KEY (id));",
      '-- CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=9000000;\nSELECT 1;',
    ],
    invalid: [
      {
        name: 'mysqldump form: BIGINT UNSIGNED keeps its type, (20) becomes (0)',
        code: 'CREATE TABLE `event` (\n  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n  `body` text,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=48210577 DEFAULT CHARSET=utf8mb4;\n',
        output:
          'CREATE TABLE `event` (\n  `id` bigint(0) unsigned NOT NULL /*$ AUTO_UNIQUE */,\n  `body` text,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=48210577 DEFAULT CHARSET=utf8mb4;\n',
        errors: [{ messageId: 'autoUnique', line: 2, column: 37, severity: 'info', fix: 'suggestion' }],
      },
      {
        name: 'an INT key declared PRIMARY KEY on the column: the type widens',
        code: 'CREATE TABLE hit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, url VARCHAR(200)) AUTO_INCREMENT = 2000001;',
        output:
          'CREATE TABLE hit (id BIGINT(0) UNSIGNED NOT NULL /*$ AUTO_UNIQUE */ PRIMARY KEY, url VARCHAR(200)) AUTO_INCREMENT = 2000001;',
        errors: [{ messageId: 'autoUnique' }],
      },
      {
        name: 'two dumped tables, CRLF',
        code: 'CREATE TABLE a (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=5000000;\r\nCREATE TABLE b (id BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=7000000;\r\n',
        output:
          'CREATE TABLE a (id BIGINT(0) UNSIGNED NOT NULL /*$ AUTO_UNIQUE */, PRIMARY KEY (id)) AUTO_INCREMENT=5000000;\r\nCREATE TABLE b (id BIGINT(0) UNSIGNED NOT NULL /*$ AUTO_UNIQUE */, PRIMARY KEY (id)) AUTO_INCREMENT=7000000;\r\n',
        errors: [
          { messageId: 'autoUnique', line: 1 },
          { messageId: 'autoUnique', line: 2 },
        ],
      },
    ],
  });

  it('says when the type changes and what must change with it', () => {
    const lint = (sql: string) => lintSource(new SqlSource(sql), [rule])[0]!.message;
    expect(
      lint('CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=2000001;'),
    ).toBe(
      't has taken about 2,000,000 inserts (AUTO_INCREMENT=2000001): Xpand 23.09 keeps AUTO_INCREMENT values consecutive by serializing their generation, a bottleneck for concurrent inserts. If nothing relies on the order of id, AUTO_UNIQUE (BIGINT(0) UNSIGNED) gives unique values without that cost.',
    );
    expect(lint('CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=2000001;')).toContain(
      'its type becomes BIGINT(0) UNSIGNED, and the columns that reference it must become that too',
    );
  });
});
