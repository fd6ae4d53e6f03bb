import { describe } from 'vitest';
import rule from '../../rules/no-enum-trailing-space.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-enum-trailing-space', () => {
  ruleTester(rule, {
    valid: [
      "CREATE TABLE t (s ENUM('new', 'done'), v VARCHAR(10) DEFAULT 'x  ');",
      "CREATE TABLE t (s ENUM(' leading', 'ok'));",
    ],
    invalid: [
      {
        code: "CREATE TABLE t (state ENUM('new ', 'done'));",
        output: "CREATE TABLE t (state ENUM('new', 'done'));",
        errors: [{ messageId: 'trailing', column: 28, fix: 'safe' }],
      },
      {
        code: 'alter table t add column flags set("a  ", "b ");',
        output: 'alter table t add column flags set("a", "b");',
        errors: [{ messageId: 'trailing' }, { messageId: 'trailing' }],
      },
    ],
  });
});
