import { describe } from 'vitest';
import rule from '../../rules/no-spatial.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-spatial', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE place (id INT, lat DECIMAL(9,6), lon DECIMAL(9,6));',
      'CREATE TABLE place (`point` INT, `polygon` VARCHAR(10));',
      "INSERT INTO t VALUES ('POINT(1 2)', 'ST_AsText(x)');",
      '-- SPATIAL KEY sp (pos)\nCREATE TABLE t (a INT);',
      'SELECT t.st_x FROM t;',
    ],
    invalid: [
      {
        name: 'a later DROP of the SPATIAL index goes with it',
        code: 'CREATE TABLE t (id INT, g INT NOT NULL, SPATIAL KEY sg (g));\nALTER TABLE t DROP KEY sg;',
        output: 'CREATE TABLE t (id INT, g INT NOT NULL);\n',
        errors: [
          { messageId: 'index', line: 1 },
          { messageId: 'dropIndex', line: 2, fix: 'lossy' },
        ],
      },
      {
        code: 'CREATE TABLE place (id INT, pos POINT NOT NULL, SPATIAL KEY sp (pos));',
        output: 'CREATE TABLE place (id INT, pos POINT NOT NULL);',
        errors: [
          { messageId: 'type', column: 33, fix: null },
          { messageId: 'index', column: 49, fix: 'lossy' },
        ],
      },
      {
        code: 'create table t (g geometry, ls LineString);',
        output: null,
        errors: [{ messageId: 'type' }, { messageId: 'type' }],
      },
      { code: 'CREATE SPATIAL INDEX sp ON place (pos);', output: '', errors: [{ messageId: 'index' }] },
      {
        code: 'ALTER TABLE place ADD COLUMN area POLYGON, ADD SPATIAL INDEX sa (area);',
        output: 'ALTER TABLE place ADD COLUMN area POLYGON;',
        errors: [{ messageId: 'type' }, { messageId: 'index' }],
      },
      {
        code: "SELECT ST_AsText(pos), MBRContains(a, b) FROM place WHERE ST_Distance(pos, ST_GeomFromText('POINT(0 0)')) < 5;",
        output: null,
        errors: [
          { messageId: 'function' },
          { messageId: 'function' },
          { messageId: 'function' },
          { messageId: 'function' },
        ],
      },
      {
        name: 'a spatial column and index of a table created in a procedure body, and a GIS function there: each once, fixed as at top level',
        code: 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  CREATE TABLE a (id INT, g GEOMETRY NOT NULL, SPATIAL KEY (g));\n  SELECT ST_AsText(g) FROM a;\nEND//\nDELIMITER ;',
        output:
          'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  CREATE TABLE a (id INT, g GEOMETRY NOT NULL);\n  SELECT ST_AsText(g) FROM a;\nEND//\nDELIMITER ;',
        errors: [
          { messageId: 'type', line: 4 },
          { messageId: 'index', line: 4 },
          { messageId: 'function', line: 5 },
        ],
      },
    ],
  });
});
