import { describe } from 'vitest';
import rule from '../../rules/no-fulltext.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-fulltext', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a DROP INDEX of an index the script does not create', code: 'DROP INDEX ft ON t;' },
      'CREATE TABLE t (id INT, KEY k (id));\nDROP INDEX k ON t;',
      'CREATE TABLE doc (id INT, body TEXT, KEY k (body(100)));',
      "CREATE TABLE doc (note VARCHAR(40) DEFAULT 'FULLTEXT KEY ft (body)');",
      '-- FULLTEXT KEY ft (body)\nCREATE TABLE doc (id INT);',
      'CREATE TABLE `fulltext` (`match` INT, `against` INT);',
      "SELECT * FROM doc WHERE body LIKE '%MATCH (body) AGAINST%';",
    ],
    invalid: [
      {
        name: 'a later DROP of the FULLTEXT index goes with it',
        code: 'CREATE TABLE t (id INT, b TEXT, FULLTEXT KEY ft (b));\nDROP INDEX `FT` ON `t`;\nCREATE FULLTEXT INDEX f2 ON t (b);\nALTER TABLE t DROP INDEX f2, ADD COLUMN z INT;',
        output: 'CREATE TABLE t (id INT, b TEXT);\nALTER TABLE t ADD COLUMN z INT;',
        errors: [
          { messageId: 'index', line: 1 },
          { messageId: 'dropIndex', line: 2, fix: 'lossy' },
          { messageId: 'index', line: 3 },
          { messageId: 'dropIndex', line: 4, fix: 'lossy' },
        ],
      },
      {
        code: 'CREATE TABLE doc (\n  id INT,\n  body TEXT,\n  FULLTEXT KEY ft_body (body)\n);',
        output: 'CREATE TABLE doc (\n  id INT,\n  body TEXT\n);',
        errors: [{ messageId: 'index', line: 4, column: 3, fix: 'lossy' }],
      },
      {
        name: 'first item: the comma after it goes',
        code: 'CREATE TABLE doc (FULLTEXT INDEX (body), body TEXT);',
        output: 'CREATE TABLE doc (body TEXT);',
        errors: [{ messageId: 'index' }],
      },
      {
        code: 'create fulltext index ft on doc (body);\nselect 1;',
        output: 'select 1;',
        errors: [{ messageId: 'index', column: 8 }],
      },
      {
        code: 'ALTER TABLE doc ADD FULLTEXT ft (body), ADD KEY k (id);',
        output: 'ALTER TABLE doc ADD KEY k (id);',
        errors: [{ messageId: 'index' }],
      },
      {
        code: 'SELECT 1;\nALTER TABLE doc ADD FULLTEXT INDEX ft (title, body);\nSELECT 2;',
        output: 'SELECT 1;\nSELECT 2;',
        errors: [{ messageId: 'index', line: 2 }],
      },
      {
        code: "SELECT id FROM doc WHERE MATCH (title, body) AGAINST ('xpand' IN BOOLEAN MODE);",
        output: null,
        errors: [{ messageId: 'match', column: 26, fix: null }],
      },
      {
        code: "CREATE VIEW v AS SELECT id FROM doc WHERE match(body) against('x');",
        output: null,
        errors: [{ messageId: 'match' }],
      },
      {
        name: 'ADD FULLTEXT in a procedure body: --lossy removes the statement, as at top level',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    ALTER TABLE y ADD FULLTEXT INDEX f (c);\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        output: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    SELECT 1;\n  END IF;\nEND//\nDELIMITER ;',
        errors: [{ messageId: 'index', line: 5 }],
      },
    ],
  });
});
