import { describe } from 'vitest';
import rule from '../../rules/no-name-case-collision.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-name-case-collision', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE users (id INT);\nDROP TABLE users;\nCREATE TABLE users (id INT);',
      'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);',
      '-- CREATE TABLE Users (id INT);\nCREATE TABLE users (id INT);',
      // Different databases (a mysqldump --all-databases, a live read of several): no collision.
      'USE `sakila`;\nCREATE TABLE customer (id INT);\nUSE `Chinook`;\nCREATE TABLE Customer (id INT);',
      'use sakila\nCREATE TABLE customer (id INT);\nuse shop\nCREATE TABLE Customer (id INT);',
      'CREATE TABLE a.Users (id INT);\nCREATE TABLE b.users (id INT);',
      'USE a;\nCREATE TABLE Users (id INT);\nCREATE TABLE b.users (id INT);',
    ],
    invalid: [
      {
        code: 'CREATE TABLE Users (id INT);\nCREATE TABLE IF NOT EXISTS `users` (id INT);',
        output: null,
        errors: [{ messageId: 'collision', line: 2, column: 28 }],
      },
      {
        // Database names compare case-insensitively as well: Chinook and chinook are one database there.
        code: 'USE `Chinook`;\nCREATE TABLE Customer (id INT);\nUSE `chinook`;\nCREATE TABLE customer (id INT);',
        output: null,
        errors: [{ messageId: 'collision', line: 4, column: 14 }],
      },
      {
        code: 'USE a;\nCREATE TABLE Users (id INT);\nUSE b;\nCREATE TABLE A.users (id INT);',
        output: null,
        errors: [{ messageId: 'collision', line: 4, column: 16 }],
      },
    ],
  });
});
