import { describe, expect, it } from 'vitest';
import rule from '../../rules/prefer-selective-distribution-key.js';
import { lintSource } from '../../src/core/engine.js';
import { SqlSource } from '../../src/core/source.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('prefer-selective-distribution-key', () => {
  ruleTester(rule, {
    valid: [
      'CREATE TABLE t (id INT NOT NULL, name VARCHAR(40), PRIMARY KEY (id), KEY k_name (name));',
      {
        name: 'TINYINT without (1) holds 256 values',
        code: 'CREATE TABLE t (id INT NOT NULL, level TINYINT, PRIMARY KEY (id), KEY k (level));',
      },
      {
        name: 'an ENUM of 22 members',
        code: `CREATE TABLE t (id INT NOT NULL, e ENUM(${Array.from({ length: 22 }, (_, i) => `'v${i}'`).join(', ')}), PRIMARY KEY (id), KEY k (e));`,
      },
      {
        name: 'a SET of 5 members holds 32 combinations',
        code: "CREATE TABLE t (id INT NOT NULL, s SET('a','b','c','d','e'), PRIMARY KEY (id), KEY k (s));",
      },
      {
        name: 'the flag is not first',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (id, f));',
      },
      {
        name: 'already distributed',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (f, id) /*$ DISTRIBUTE=2 */);',
      },
      {
        name: 'CHAR(2) is not a one-character code',
        code: 'CREATE TABLE t (c CHAR(2) NOT NULL, id INT NOT NULL, PRIMARY KEY (c, id));',
      },
      {
        name: 'a functional key part',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k ((f + 1)));',
      },
      {
        name: 'a column-level UNIQUE is left alone',
        code: 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, f CHAR(1) UNIQUE);',
      },
      { name: 'CREATE INDEX on a table the script did not create', code: 'CREATE INDEX k ON elsewhere (flag);' },
      {
        name: 'CREATE INDEX on a selective column',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, n INT, PRIMARY KEY (id));\nCREATE INDEX k ON t (n, f);',
      },
      {
        name: 'ClustrixDB 8.5: another default was documented',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (f));',
        target: 'clustrixdb-8.5',
      },
      "CREATE TABLE t (id INT NOT NULL, note VARCHAR(80) DEFAULT 'KEY k (flag BOOLEAN)', PRIMARY KEY (id));",
      {
        name: 'a key inside /*!NNNNN … */ waits until no-executable-comment unwraps it',
        code: 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id) /*!50100 , KEY k (f) */);',
      },
    ],
    invalid: [
      {
        name: 'an ENUM status leading an index: DISTRIBUTE reaches the next column',
        code: "CREATE TABLE job (id INT NOT NULL, state ENUM('new','running','done') NOT NULL, PRIMARY KEY (id), KEY job_state (state, id));",
        output:
          "CREATE TABLE job (id INT NOT NULL, state ENUM('new','running','done') NOT NULL, PRIMARY KEY (id), KEY job_state (state, id) /*$ DISTRIBUTE=2 */);",
        errors: [{ messageId: 'fewValues', column: 99, severity: 'info', fix: 'suggestion' }],
      },
      {
        name: 'a single-column index on a flag: the primary key columns follow the index columns',
        code: 'CREATE TABLE a (id INT NOT NULL, enabled BOOLEAN, PRIMARY KEY (id), KEY by_enabled (enabled));',
        output:
          'CREATE TABLE a (id INT NOT NULL, enabled BOOLEAN, PRIMARY KEY (id), KEY by_enabled (enabled) /*$ DISTRIBUTE=2 */);',
        errors: [{ messageId: 'fewValues' }],
      },
      {
        name: 'a primary key led by a CHAR(1) kind, and TINYINT(1) and BIT: several low columns are skipped',
        code: 'CREATE TABLE t (kind CHAR(1) NOT NULL, live TINYINT(1) NOT NULL, b BIT NOT NULL, id INT NOT NULL, PRIMARY KEY (kind, live, b, id));',
        output:
          'CREATE TABLE t (kind CHAR(1) NOT NULL, live TINYINT(1) NOT NULL, b BIT NOT NULL, id INT NOT NULL, PRIMARY KEY (kind, live, b, id) /*$ DISTRIBUTE=4 */);',
        errors: [{ messageId: 'fewValues' }],
      },
      {
        name: 'nothing selective in reach: advice without a fix',
        code: "CREATE TABLE t (a BOOL NOT NULL, b ENUM('x','y') NOT NULL, PRIMARY KEY (a, b));",
        output: null,
        errors: [{ messageId: 'noSelectiveColumn', fix: null }],
      },
      {
        name: 'the primary key shares a column with the index: only the index columns count',
        code: 'CREATE TABLE t (f BOOL NOT NULL, id INT NOT NULL, PRIMARY KEY (id, f), UNIQUE KEY u (f, id));',
        output:
          'CREATE TABLE t (f BOOL NOT NULL, id INT NOT NULL, PRIMARY KEY (id, f), UNIQUE KEY u (f, id) /*$ DISTRIBUTE=2 */);',
        errors: [{ messageId: 'fewValues' }],
      },
      {
        name: 'CREATE INDEX on an earlier table: its column types and primary key from the schema; CRLF, backticks',
        code: 'CREATE TABLE `T` (`ID` INT NOT NULL, `Flag` boolean, PRIMARY KEY (`ID`));\r\nCREATE INDEX `ix` ON `T` (`flag`);\r\n',
        output:
          'CREATE TABLE `T` (`ID` INT NOT NULL, `Flag` boolean, PRIMARY KEY (`ID`));\r\nCREATE INDEX `ix` ON `T` (`flag`) /*$ DISTRIBUTE=2 */;\r\n',
        errors: [{ messageId: 'fewValues', line: 2, column: 8 }],
      },
      {
        name: 'ALTER TABLE … ADD INDEX, and a column the ALTER itself adds',
        code: "CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id));\nALTER TABLE t ADD COLUMN st ENUM('a','b'), ADD INDEX k_st (st);",
        output:
          "CREATE TABLE t (id INT NOT NULL, PRIMARY KEY (id));\nALTER TABLE t ADD COLUMN st ENUM('a','b'), ADD INDEX k_st (st) /*$ DISTRIBUTE=2 */;",
        errors: [{ messageId: 'fewValues', line: 2 }],
      },
      {
        name: 'two indexes, two findings; an index without a name',
        code: 'CREATE TABLE t (id INT NOT NULL, a BOOLEAN, b CHAR, PRIMARY KEY (id), KEY (a, id), INDEX (b));',
        output:
          'CREATE TABLE t (id INT NOT NULL, a BOOLEAN, b CHAR, PRIMARY KEY (id), KEY (a, id) /*$ DISTRIBUTE=2 */, INDEX (b) /*$ DISTRIBUTE=2 */);',
        errors: [{ messageId: 'fewValues' }, { messageId: 'fewValues' }],
      },
    ],
  });

  it('names the values and the distribution it proposes', () => {
    const [f] = lintSource(
      new SqlSource(
        "CREATE TABLE job (id INT NOT NULL, state ENUM('new','running','done'), PRIMARY KEY (id), KEY job_state (state));",
      ),
      [rule],
    );
    expect(f!.message).toBe(
      "Index job_state leads with state, which holds at most 3 values (ENUM of 3 members): Xpand 23.09 hashes an index on its first column, so all of it stays in at most 3 slices however it grows; hash it on its first 2 columns, through id (of the primary key, whose columns follow the index's own) (/*$ DISTRIBUTE=2 */).",
    );
    expect(f!.category).toBe('advice');
  });
});

describe('prefer-selective-distribution-key inside an executable comment, raised to error', () => {
  it('after the unwrap (a safe fix), the suggestion comes in the next pass when asked for', async () => {
    const { fix } = await import('../../src/index.js');
    const sql = 'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id) /*!50100 , KEY k (f) */);\n';
    const plain = fix(sql);
    expect(plain.output).toBe('CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id) , KEY k (f));\n');
    expect(plain.remaining.map((f) => f.ruleId)).toEqual(['prefer-selective-distribution-key']);
    const r = fix(sql, { suggestions: true });
    expect(r.output).toBe(
      'CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id) , KEY k (f) /*$ DISTRIBUTE=2 */);\n',
    );
    expect(r.applied.map((a) => [a.kind, a.pass])).toEqual([
      ['safe', 1],
      ['suggestion', 2],
    ]);
  });

  it('no-executable-comment unwraps without applying the suggestion', async () => {
    const { fix } = await import('../../src/index.js');
    const sql = '/*!50100 CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (f)) */;\n';
    const r = fix(sql, { rules: { 'prefer-selective-distribution-key': 'error' } });
    expect(r.output).toBe('CREATE TABLE t (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (f));\n');
    expect(r.applied.map((a) => a.kind)).toEqual(['safe']);
    expect(r.remaining.map((f) => [f.ruleId, f.severity, f.fix?.kind])).toEqual([
      ['prefer-selective-distribution-key', 'error', 'suggestion'],
    ]);
  });
});

describe('prefer-selective-distribution-key with a live database’s statistics', () => {
  // Index statistics as information_schema.STATISTICS gives them (see src/statistics.ts).
  const stats = (tables: Record<string, Record<string, { rows: number; parts: Array<[string, number]> }>>) => ({
    index: (table: string, index: string) => {
      const s = tables[table.toLowerCase()]?.[index.toLowerCase()];
      return s === undefined
        ? undefined
        : { rows: s.rows, parts: s.parts.map(([column, cardinality]) => ({ column, cardinality })) };
    },
  });
  const lint = (sql: string, statistics?: ReturnType<typeof stats>) =>
    lintSource(new SqlSource(sql), [rule], statistics === undefined ? {} : { statistics });
  const job =
    'CREATE TABLE job (id INT NOT NULL, state VARCHAR(12) NOT NULL, done TINYINT(1), PRIMARY KEY (id), KEY k_state (state), KEY k_done (done));';

  it('the measured cardinality finds a few-valued VARCHAR the type cannot tell', () => {
    expect(lint(job).map((f) => f.message.split(',')[0])).toEqual(['Index k_done leads with done']);
    const found = lint(
      job,
      stats({
        job: {
          primary: { rows: 50_000, parts: [['id', 50_000]] },
          k_state: { rows: 50_000, parts: [['state', 4]] },
          k_done: { rows: 50_000, parts: [['done', 2]] },
        },
      }),
    );
    expect(found.map((f) => [f.messageId, f.fix?.edits[0]?.text])).toEqual([
      ['fewValues', ' /*$ DISTRIBUTE=2 */'],
      ['fewValues', ' /*$ DISTRIBUTE=2 */'],
    ]);
    expect(found[0]!.message).toBe(
      "Index k_state leads with state, which holds 4 distinct values in about 50,000 rows (information_schema.STATISTICS): Xpand 23.09 hashes an index on its first column, so all of it stays in 4 slices however it grows; hash it on its first 2 columns, through id (of the primary key, whose columns follow the index's own) (/*$ DISTRIBUTE=2 */).",
    );
  });

  it('a TINYINT(1) that holds many values in fact is left alone', () => {
    const found = lint(
      job,
      stats({
        job: {
          primary: { rows: 50_000, parts: [['id', 50_000]] },
          k_state: { rows: 50_000, parts: [['state', 900]] },
          k_done: { rows: 50_000, parts: [['done', 120]] },
        },
      }),
    );
    expect(found).toEqual([]);
  });

  it('DISTRIBUTE reaches the first prefix the statistics say is selective', () => {
    const sql =
      'CREATE TABLE ev (id INT NOT NULL, kind VARCHAR(8), region VARCHAR(8), day DATE, PRIMARY KEY (id), KEY k (kind, region, day));';
    const found = lint(
      sql,
      stats({
        ev: {
          primary: { rows: 10_000, parts: [['id', 10_000]] },
          k: {
            rows: 10_000,
            parts: [
              ['kind', 3],
              ['region', 15],
              ['day', 4000],
            ],
          },
        },
      }),
    );
    expect(found.map((f) => f.fix?.edits[0]?.text)).toEqual([' /*$ DISTRIBUTE=3 */']);
    expect(found[0]!.message).toContain('through day (/*$ DISTRIBUTE=3 */)');
  });

  it('a small table, unknown statistics or statistics of other columns: the types decide', () => {
    const small = stats({
      job: {
        primary: { rows: 20, parts: [['id', 20]] },
        k_state: { rows: 20, parts: [['state', 3]] },
        k_done: { rows: 20, parts: [['done', 2]] },
      },
    });
    const other = stats({ job: { k_done: { rows: 50_000, parts: [['other', 300]] } } });
    for (const s of [small, other, stats({})])
      expect(lint(job, s).map((f) => f.message.split(',')[0])).toEqual(['Index k_done leads with done']);
  });
});
