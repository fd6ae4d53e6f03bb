import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-dml.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-dml', () => {
  ruleTester(rule, {
    valid: [
      'INSERT IGNORE INTO t VALUES (1);',
      'SELECT a, COUNT(*) FROM t GROUP BY a ORDER BY a DESC;',
      'SELECT a FROM t UNION ALL SELECT a FROM u;',
      "INSERT INTO t VALUES ('DELETE IGNORE', 'WITH ROLLUP');",
      '-- SELECT * INTO OUTFILE "/tmp/x" FROM t\nSELECT 1;',
      'SELECT a FROM t WHERE b IN (SELECT b FROM u GROUP BY b) ORDER BY a DESC;',
      'CREATE TABLE t (a INT, ts TIMESTAMP) ENGINE=InnoDB;',
    ],
    invalid: [
      { code: 'DELETE IGNORE FROM t WHERE id = 1;', output: null, errors: [{ messageId: 'unsupported', column: 1 }] },
      {
        code: 'select a, count(*) from t group by a desc with rollup;',
        output: null,
        errors: [
          { messageId: 'unsupported', column: 38 },
          { messageId: 'unsupported', column: 43 },
        ],
      },
      {
        code: 'SELECT id FROM t WHERE v > ALL (SELECT v FROM u) AND w = SOME (SELECT w FROM u);',
        output: null,
        errors: [{ messageId: 'unsupported' }, { messageId: 'unsupported' }],
      },
      {
        code: "INSERT LOW_PRIORITY INTO t VALUES (1);\nSELECT a FROM t INTERSECT SELECT a FROM u;\nSELECT * INTO OUTFILE '/tmp/t.csv' FROM t;",
        output: null,
        errors: [
          { messageId: 'unsupported', line: 1 },
          { messageId: 'unsupported', line: 2 },
          { messageId: 'unsupported', line: 3 },
        ],
      },
      {
        code: 'CREATE TABLE a AS SELECT b, COUNT(*) AS n FROM c GROUP BY b ASC;',
        output: null,
        errors: [{ messageId: 'unsupported' }],
      },
    ],
  });
});
