// Advice: Xpand hashes every index on its first column; one that can hold only a few values
// (BOOLEAN, a small ENUM, CHAR(1)) puts all of the index in a few slices. Suggest DISTRIBUTE=n
// over enough columns to reach one that holds many.
import { DISTRIBUTION, targetInRange } from '../src/core/catalog/index.js';
import {
  addedKeys,
  alterTableLayout,
  createIndexKey,
  createIndexLayout,
  createTableLayout,
  defineRule,
  type Edit,
  type FewValues,
  identValue,
  type IndexStats,
  type KeyInfo,
  nameAt,
  type RuleContext,
  type Statement,
  tableColumns,
  type TableFacts,
  tableKeys,
  xpandOption,
} from '../src/core/kit.js';

/** What the column types say: how few values a column can hold (a guess at what it does hold). */
interface Cardinality {
  /** How few values the column holds, or null when it may hold many (or nothing is known). */
  few(column: string): FewValues | null;
}

/**
 * The rows a live table must have before its index statistics say more than its column types: a
 * smaller table has not shown what its keys will hold (a heuristic, not a vendor figure).
 */
export const MIN_ROWS_MEASURED = 1000;

/** Few enough values that a cluster of the largest size offered would have nodes with none of them. */
function isFew(v: FewValues | null): v is FewValues {
  return v !== null && (v.values === null || v.values <= DISTRIBUTION.largestOfferedClusterNodes);
}

function describeValues(v: FewValues): { values: string; slices: string } {
  if (v.measured !== undefined)
    return {
      values: `${v.values} distinct values in about ${v.measured.toLocaleString('en-US')} rows (${v.what})`,
      slices: `${v.values} slices`,
    };
  return v.values === null
    ? { values: `only a few values (${v.what})`, slices: 'a few slices' }
    : { values: `at most ${v.values} values (${v.what})`, slices: `at most ${v.values} slices` };
}

function keyLabel(key: KeyInfo): string {
  if (key.kind === 'primary') return 'the primary key';
  const what = key.kind === 'unique' ? 'unique key' : 'index';
  return key.name === null ? `this ${what}` : `${what} ${key.name}`;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** What the live database's statistics say of a key: how many distinct values each prefix holds. */
interface Measured {
  /** Distinct values of the key's first column. */
  readonly first: number;
  readonly rows: number;
  /** The 1-based count of leading columns of `reach` that first hold many values, or null. */
  readonly enough: number | null;
}

/** The statistics of `key` when the table is large enough for them to tell, else undefined. */
function measured(
  ctx: RuleContext,
  table: string | null,
  key: KeyInfo,
  reach: readonly (string | null)[],
): Measured | undefined {
  if (ctx.statistics === null || table === null) return undefined;
  const name = key.kind === 'primary' ? 'PRIMARY' : key.name;
  if (name === null) return undefined;
  const stats = ctx.statistics.index(table, name);
  const rows = stats?.rows ?? null;
  const first = stats?.parts[0]?.cardinality ?? null;
  if (stats === undefined || rows === null || rows < MIN_ROWS_MEASURED || first === null) return undefined;
  // The statistics must be of this key (the script and the database agree on its columns).
  if (stats.parts.some((p, i) => p.column !== (key.parts[i]?.column ?? null))) return undefined;
  const many = (n: number | null) => n !== null && n > DISTRIBUTION.largestOfferedClusterNodes;
  let enough: number | null = null;
  stats.parts.forEach((p, i) => {
    if (enough === null && many(p.cardinality)) enough = i + 1;
  });
  // Past the index's own columns, Xpand counts the primary key's: its first column's distinct
  // values bound those of the whole prefix from below.
  if (enough === null && key.kind !== 'primary' && reach.length > key.parts.length) {
    const pk: IndexStats | undefined = ctx.statistics.index(table, 'PRIMARY');
    pk?.parts.forEach((p, j) => {
      if (enough === null && key.parts.length + j < reach.length && many(p.cardinality))
        enough = key.parts.length + j + 1;
    });
  }
  return { first, rows, enough };
}

function check(
  stmt: Statement,
  ctx: RuleContext,
  keys: readonly KeyInfo[],
  cardinality: Cardinality,
  primaryKey: readonly string[] | null,
  table: string | null,
): void {
  const code = stmt.code;
  for (const key of keys) {
    if (key.columnLevel || key.parts.length === 0) continue;
    // A key inside /*!NNNNN … */ does not exist on the target until no-executable-comment unwraps it
    // (a safe fix of the same run): its turn comes in the next pass.
    if (code[key.close]!.exec !== null || key.keyword.exec !== null) continue;
    const first = key.parts[0]!.column;
    if (first === null) continue;
    // The columns DISTRIBUTE=n may reach: a primary key's own; another index's, then the primary
    // key's (when they do not repeat the index's, so that n means what it says).
    const own = key.parts.map((p) => p.column);
    const pk = key.kind === 'primary' || primaryKey === null ? [] : primaryKey;
    const reach = pk.some((c) => own.includes(c)) ? own : [...own, ...pk];
    // A live database's statistics, when the table is large enough, decide; else the types guess.
    const live = measured(ctx, table, key, reach);
    const few: FewValues | null =
      live === undefined
        ? cardinality.few(first)
        : live.first <= DISTRIBUTION.largestOfferedClusterNodes
          ? { values: live.first, what: 'information_schema.STATISTICS', measured: live.rows }
          : null;
    if (!isFew(few)) continue;
    const end = code[key.to]?.start ?? stmt.delimiter?.start ?? ctx.source.text.length;
    if (xpandOption(ctx.source.tokens, code[key.from]!.start, end, 'DISTRIBUTE') !== undefined) continue;
    let n = 0;
    if (live !== undefined) n = live.enough === null ? reach.length : live.enough - 1;
    else while (n < reach.length && reach[n] !== null && isFew(cardinality.few(reach[n]!))) n++;
    const selective = n < reach.length && reach[n] !== null ? reach[n]! : null;
    const data = { key: capital(keyLabel(key)), column: first, ...describeValues(few) };
    const at = { start: key.keyword.start, end: code[key.close]!.end };
    if (selective === null) {
      ctx.report({ messageId: 'noSelectiveColumn', data, ...at });
      continue;
    }
    const after = code[key.close]!.end;
    const edit: Edit = { start: after, end: after, text: ` /*$ DISTRIBUTE=${n + 1} */` };
    const upTo =
      n + 1 > own.length ? `${selective} (of the primary key, whose columns follow the index's own)` : selective;
    ctx.report({
      messageId: 'fewValues',
      data: { ...data, n: n + 1, upTo },
      ...at,
      fix: {
        kind: 'suggestion',
        title: `Distribute ${keyLabel(key)} on its first ${n + 1} columns (/*$ DISTRIBUTE=${n + 1} */)`,
        edits: [edit],
      },
    });
  }
}

/** The cardinality the table's own column definitions give, over what the schema knew. */
function fromColumns(stmt: Statement, table?: TableFacts): Cardinality {
  const own = new Map<string, FewValues | null>();
  for (const c of tableColumns(stmt)) own.set(c.name.toLowerCase(), c.fewValues);
  return {
    few: (column) => (own.has(column) ? own.get(column)! : (table?.fewValued?.get(column) ?? null)),
  };
}

export default defineRule({
  meta: {
    id: 'prefer-selective-distribution-key',
    description:
      'Suggest distributing a primary key or index on more than its first column when that column can hold only a few values (BOOLEAN, TINYINT(1), a small ENUM or SET, CHAR(1)), since Xpand spreads every index by hashing its first column.',
    severity: 'info',
    category: 'advice',
    fixable: ['suggestion'],
    statements: ['create_table', 'create_index', 'alter_table'],
    messages: {
      fewValues:
        '{{key}} leads with {{column}}, which holds {{values}}: {{target}} hashes an index on its first column, so all of it stays in {{slices}} however it grows; hash it on its first {{n}} columns, through {{upTo}} (/*$ DISTRIBUTE={{n}} */).',
      noSelectiveColumn:
        '{{key}} leads with {{column}}, which holds {{values}}: {{target}} hashes an index on its first column, so all of it stays in {{slices}} however it grows; lead it with a column that holds many values.',
    },
    source: DISTRIBUTION.source,
  },
  check(stmt, ctx) {
    if (!targetInRange(ctx.target, DISTRIBUTION.since)) return;
    const code = stmt.code;
    if (stmt.kind === 'create_table') {
      const layout = createTableLayout(stmt);
      const keys = tableKeys(stmt);
      const pk = keys.find((k) => k.kind === 'primary');
      const primaryKey = pk === undefined ? null : pk.parts.map((p) => p.column ?? '');
      const name = code[layout.nameAt];
      check(stmt, ctx, keys, fromColumns(stmt), primaryKey, name ? identValue(name) : null);
    } else if (stmt.kind === 'create_index') {
      const key = createIndexKey(stmt);
      const on = createIndexLayout(stmt).onAt;
      const table = on >= 0 ? ctx.schema.tableAfter(code, on + 1) : undefined;
      if (key === null || table === undefined) return;
      check(stmt, ctx, [key], fromColumns(stmt, table), table.primaryKey ?? null, table.name);
    } else {
      const name = nameAt(code, alterTableLayout(stmt).nameAt)?.name ?? null;
      const keys = addedKeys(stmt);
      // Looked up only when keys are added: a stream's segment then depends on earlier ones'
      // tables only where it has to (mysqldump's ALTER TABLE … DISABLE KEYS does not).
      if (keys.length === 0) return;
      const table = ctx.schema.table(name ?? '');
      const pk = keys.find((k) => k.kind === 'primary');
      const primaryKey = pk !== undefined ? pk.parts.map((p) => p.column ?? '') : (table?.primaryKey ?? null);
      check(stmt, ctx, keys, fromColumns(stmt, table), primaryKey, name);
    }
  },
});
