import { describe } from 'vitest';
import rule from '../../rules/no-invisible-index.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-invisible-index', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (a INT, KEY ka (a) INVISIBLE);',
      { code: 'CREATE TABLE t (a INT, KEY ka (a) INVISIBLE);', target: 'clustrixdb-9.0' },
      { code: 'CREATE TABLE t (invisible INT, KEY k (invisible));', target: 'clustrixdb-7.0' },
      { code: "CREATE TABLE t (a INT) COMMENT 'INVISIBLE';", target: 'clustrixdb-7.0' },
      { code: 'ALTER TABLE t ALTER INDEX ka INVISIBLE;', target: 'clustrixdb-9.0' },
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (a INT, KEY ka (a) INVISIBLE);',
        target: 'clustrixdb-8.5',
        output: 'CREATE TABLE t (a INT, KEY ka (a));',
        errors: [{ messageId: 'visibility', column: 35, fix: 'lossy' }],
      },
      {
        name: 'ALTER TABLE … ALTER INDEX: the specification goes (the statement when it is the only one)',
        code: 'ALTER TABLE t ALTER INDEX ka INVISIBLE, ADD COLUMN b INT;\nALTER TABLE t ALTER KEY `kb` visible;\nSELECT 1;',
        target: 'clustrixdb-8.5',
        output: 'ALTER TABLE t ADD COLUMN b INT;\nSELECT 1;',
        errors: [
          { messageId: 'visibility', line: 1, column: 30, fix: 'lossy' },
          { messageId: 'visibility', line: 2, fix: 'safe' },
        ],
      },
      {
        code: 'create index ka on t (a) visible;',
        target: 'clustrixdb-7.0',
        output: 'create index ka on t (a);',
        errors: [{ messageId: 'visibility', fix: 'safe' }],
      },
    ],
  });
});
