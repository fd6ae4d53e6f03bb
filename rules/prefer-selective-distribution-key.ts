// Advice: Xpand hashes every index on its first column; one that can hold only a few values
// (BOOLEAN, a small ENUM, CHAR(1)) puts all of the index in a few slices. Suggest DISTRIBUTE=n
// over enough columns to reach one that holds many.
import { DISTRIBUTION, targetInRange } from '../src/catalog.js';
import {
  addedKeys,
  createIndexKey,
  tableColumns,
  tableKeys,
  xpandOption,
  type FewValues,
  type KeyInfo,
} from '../src/keys.js';
import { defineRule, type Edit, type RuleContext } from '../src/rule.js';
import type { TableFacts } from '../src/schema.js';
import { nameAt } from '../src/schema.js';
import type { Statement } from '../src/statements.js';
import { alterTableLayout, columnDefinitions, createIndexLayout, createTableLayout } from '../src/structure.js';

/**
 * Where a column's number of values comes from. Today only its type; a live database could give
 * the index's cardinality (information_schema.STATISTICS) through the same question.
 */
interface Cardinality {
  /** How few values the column holds, or null when it may hold many (or nothing is known). */
  few(column: string): FewValues | null;
}

/** Few enough values that a cluster of the largest size offered would have nodes with none of them. */
function isFew(v: FewValues | null): v is FewValues {
  return v !== null && (v.values === null || v.values <= DISTRIBUTION.largestOfferedClusterNodes);
}

function describeValues(v: FewValues): { values: string; slices: string } {
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

function check(
  stmt: Statement,
  ctx: RuleContext,
  keys: readonly KeyInfo[],
  cardinality: Cardinality,
  primaryKey: readonly string[] | null,
): void {
  const code = stmt.code;
  for (const key of keys) {
    if (key.columnLevel || key.parts.length === 0) continue;
    // A key inside /*!NNNNN … */ does not exist on the target until no-executable-comment unwraps it
    // (a safe fix of the same run): its turn comes in the next pass.
    if (code[key.close]!.exec !== null || key.keyword.exec !== null) continue;
    const first = key.parts[0]!.column;
    if (first === null) continue;
    const few = cardinality.few(first);
    if (!isFew(few)) continue;
    const end = code[key.to]?.start ?? stmt.delimiter?.start ?? ctx.source.text.length;
    if (xpandOption(ctx.source.tokens, code[key.from]!.start, end, 'DISTRIBUTE') !== undefined) continue;
    // The columns DISTRIBUTE=n may reach: a primary key's own; another index's, then the primary
    // key's (when they do not repeat the index's, so that n means what it says).
    const own = key.parts.map((p) => p.column);
    const pk = key.kind === 'primary' || primaryKey === null ? [] : primaryKey;
    const reach = pk.some((c) => own.includes(c)) ? own : [...own, ...pk];
    let n = 0;
    while (n < reach.length && reach[n] !== null && isFew(cardinality.few(reach[n]!))) n++;
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
function fromColumns(
  stmt: Statement,
  definitions: Parameters<typeof tableColumns>[1],
  table?: TableFacts,
): Cardinality {
  const own = new Map<string, FewValues | null>();
  for (const c of tableColumns(stmt, definitions)) own.set(c.name.toLowerCase(), c.fewValues);
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
      check(stmt, ctx, keys, fromColumns(stmt, layout.definitions), primaryKey);
    } else if (stmt.kind === 'create_index') {
      const key = createIndexKey(stmt);
      const on = createIndexLayout(stmt).onAt;
      const table = on >= 0 ? ctx.schema.tableAfter(code, on + 1) : undefined;
      if (key === null || table === undefined) return;
      check(stmt, ctx, [key], fromColumns(stmt, [], table), table.primaryKey ?? null);
    } else {
      const table = ctx.schema.table(nameAt(code, alterTableLayout(stmt).nameAt) ?? '');
      const keys = addedKeys(stmt);
      if (keys.length === 0) return;
      const pk = keys.find((k) => k.kind === 'primary');
      const primaryKey = pk !== undefined ? pk.parts.map((p) => p.column ?? '') : (table?.primaryKey ?? null);
      check(stmt, ctx, keys, fromColumns(stmt, columnDefinitions(stmt), table), primaryKey);
    }
  },
});
