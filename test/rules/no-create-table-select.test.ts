import { describe } from 'vitest';
import rule from '../../rules/no-create-table-select.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-create-table-select', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE a LIKE b;',
      "CREATE TABLE a (id INT) COMMENT 'AS SELECT';",
      'CREATE TABLE a (id INT) ENGINE=InnoDB PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10));',
      {
        name: "MariaDB's WITH SYSTEM VERSIONING is a table option, not a query (magentadesk's MariaDB dump)",
        code: 'CREATE TABLE h (id INT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci WITH SYSTEM VERSIONING;',
      },
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
      {
        name: 'a CTE after the definitions is a query',
        code: 'CREATE TABLE a (id INT) WITH q AS (SELECT 1 AS id) SELECT id FROM q;',
        output: null,
        errors: [{ messageId: 'typing', column: 25 }],
      },
      {
        name: "nested in a procedure body (six times in WSO2's token-cleanup procedure): at its own line",
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    CREATE TABLE tmp_ids AS SELECT id FROM t;\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        output: null,
        errors: [{ messageId: 'typing', line: 5, column: 26 }],
      },
      {
        name: 'in a trigger body and an event body',
        code: 'DELIMITER //\nCREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN CREATE TABLE a AS SELECT 1 AS x; END//\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO CREATE TABLE b SELECT 1 AS x//\nDELIMITER ;',
        output: null,
        errors: [
          { messageId: 'typing', line: 2 },
          { messageId: 'typing', line: 3 },
        ],
      },
    ],
  });
});
