import { describe } from 'vitest';
import rule from '../../rules/no-name-case-collision.js';
import { ruleTester } from '../helpers.js';

describe('no-name-case-collision', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE users (id INT);\nDROP TABLE users;\nCREATE TABLE users (id INT);',
      'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);',
      '-- CREATE TABLE Users (id INT);\nCREATE TABLE users (id INT);',
    ],
    invalid: [
      {
        code: 'CREATE TABLE Users (id INT);\nCREATE TABLE IF NOT EXISTS `users` (id INT);',
        output: null,
        errors: [{ messageId: 'collision', line: 2, column: 28 }],
      },
    ],
  });
});
