import { describe } from 'vitest';
import rule from '../../rules/no-create-table-select.js';
import { ruleTester } from '../helpers.js';

describe('no-create-table-select', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE a LIKE b;',
      "CREATE TABLE a (id INT) COMMENT 'AS SELECT';",
      'CREATE TABLE a (id INT) ENGINE=InnoDB PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));',
    ],
    invalid: [
      {
        code: "CREATE TABLE archive AS SELECT * FROM orders WHERE created < '2020-01-01';",
        output: null,
        errors: [{ messageId: 'typing', column: 22, severity: 'warning' }],
      },
      {
        code: 'create table a (id int) select id from b;',
        output: null,
        errors: [{ messageId: 'typing', column: 25 }],
      },
      { code: 'CREATE TABLE a (SELECT 1 AS x);', output: null, errors: [{ messageId: 'typing' }] },
    ],
  });
});
