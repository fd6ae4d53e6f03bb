import { describe } from 'vitest';
import rule from '../../rules/no-cascade-to-non-unique-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const parent = 'CREATE TABLE p (id INT PRIMARY KEY, a INT, b INT, code CHAR(3), KEY k (code), UNIQUE KEY u (a, b));\n';

describe('no-cascade-to-non-unique-key', () => {
  ruleTester(rule, {
    valid: [
      parent + 'CREATE TABLE c (x INT, FOREIGN KEY (x) REFERENCES p (id) ON DELETE CASCADE);',
      parent + 'CREATE TABLE c (x INT, y INT, FOREIGN KEY (y, x) REFERENCES p (b, a) ON DELETE SET NULL);',
      parent +
        'CREATE TABLE c (x CHAR(3), FOREIGN KEY (x) REFERENCES p (code) ON DELETE RESTRICT ON UPDATE NO ACTION);',
      parent + 'CREATE TABLE c (x CHAR(3), FOREIGN KEY (x) REFERENCES p (code));',
      'CREATE TABLE c (x INT, FOREIGN KEY (x) REFERENCES elsewhere (code) ON DELETE CASCADE);',
      parent +
        'CREATE UNIQUE INDEX uc ON p (code);\nCREATE TABLE c (x CHAR(3), FOREIGN KEY (x) REFERENCES p (code) ON DELETE CASCADE);',
      'CREATE TABLE t (id INT, code CHAR(3) UNIQUE, up CHAR(3), FOREIGN KEY (up) REFERENCES t (code) ON DELETE CASCADE);',
    ],
    invalid: [
      {
        code:
          parent +
          'CREATE TABLE c (x CHAR(3), FOREIGN KEY (x) REFERENCES p (code) ON DELETE CASCADE ON UPDATE SET NULL);',
        output: null,
        errors: [
          { messageId: 'nonUnique', line: 2, column: 64, endColumn: 81, severity: 'error' },
          { messageId: 'nonUnique', line: 2, column: 82 },
        ],
      },
      {
        name: 'ALTER TABLE … ADD CONSTRAINT, a parent created later, backticks, lower case, a prefix of a unique key',
        code: 'alter table c add constraint `fk` foreign key (`x`) references `P` (`a`) on delete cascade;\n' + parent,
        output: null,
        errors: [{ messageId: 'nonUnique', line: 1 }],
      },
      {
        name: 'inside an executable comment',
        code: parent + '/*!40101 ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (code) ON DELETE CASCADE */;',
        output: null,
        errors: [{ messageId: 'nonUnique', line: 2 }],
      },
    ],
  });
});
