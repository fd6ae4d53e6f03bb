import { describe } from 'vitest';
import rule from '../../rules/max-columns-per-table.js';
import { ruleTester } from '../helpers/rule-tester.js';

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
      {
        // A cluster holds the tables of every database: the same name in two databases is two tables.
        name: '1,000 tables in each of three databases (USE and db.table)',
        code: `USE a;\n${tables(1000)}\nuse b\n${tables(1000)}\n${tables(1).replace('t0', 'c.t0')}`,
        output: null,
        errors: [{ messageId: 'tables', line: 2003, column: 16 }],
      },
    ],
  });
});
