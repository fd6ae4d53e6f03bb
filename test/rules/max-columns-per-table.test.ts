import { describe } from 'vitest';
import rule from '../../rules/max-columns-per-table.js';
import { ruleTester } from '../helpers.js';

const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i} INT`).join(', ');
const tables = (n: number) => Array.from({ length: n }, (_, i) => `CREATE TABLE t${i} (id INT);`).join('\n');

describe('max-columns-per-table', () => {
  ruleTester(rule, {
    valid: [
      `CREATE TABLE t (${columns(200)}, KEY k (c0));`,
      { name: '2000 tables', code: tables(2000) },
      { name: 'the same table twice counts once', code: tables(2000) + '\nCREATE TABLE T0 (id INT);' },
    ],
    invalid: [
      {
        name: '201 columns',
        code: `CREATE TABLE t (${columns(201)});`,
        output: null,
        errors: [{ messageId: 'columns', line: 1, column: 1, severity: 'warning' }],
      },
      {
        name: '2001 tables',
        code: tables(2001),
        output: null,
        errors: [{ messageId: 'tables', line: 2001, column: 14 }],
      },
    ],
  });
});
