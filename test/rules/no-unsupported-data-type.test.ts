import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-data-type.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-data-type', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (doc JSON, name NVARCHAR(10));',
      { code: 'CREATE TABLE t (doc JSON);', target: 'clustrixdb-9.0' },
      { code: 'CREATE TABLE t (name NATIONAL VARCHAR(10));', target: 'xpand-6.1' },
      { code: "CREATE TABLE t (json VARCHAR(10) DEFAULT 'JSON');", target: 'clustrixdb-7.0' },
    ],
    invalid: [
      {
        code: 'CREATE TABLE t (doc JSON NOT NULL);',
        target: 'clustrixdb-8.5',
        output: null,
        errors: [{ messageId: 'json', column: 21, fix: null }],
      },
      {
        code: 'CREATE TABLE t (name NVARCHAR(100) NOT NULL, alias national varchar(20));',
        target: 'xpand-6.0',
        output: 'CREATE TABLE t (name VARCHAR(100) CHARACTER SET utf8 NOT NULL, alias varchar(20) character set utf8);',
        errors: [{ messageId: 'national', fix: 'safe' }, { messageId: 'national' }],
      },
      {
        code: 'ALTER TABLE t ADD COLUMN n NCHAR VARCHAR(5);',
        target: 'clustrixdb-9.2',
        output: 'ALTER TABLE t ADD COLUMN n VARCHAR(5) CHARACTER SET utf8;',
        errors: [{ messageId: 'national' }],
      },
    ],
  });
});
