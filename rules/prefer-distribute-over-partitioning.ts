// Advice: what HASH/KEY partitioning meant to spread, Xpand spreads with the primary key's leading
// columns (DISTRIBUTE) and SLICES. The lossy fix of no-unsupported-partitioning drops the clause;
// this suggestion replaces it with the Xpand way, inside /*$ … */ so MySQL still loads the script.
import { DISTRIBUTION, targetInRange } from '../src/core/catalog/index.js';
import {
  createTableLayout,
  defineRule,
  type Edit,
  identValue,
  insertionAfter,
  isPunct,
  isWord,
  type KeyInfo,
  matchParen,
  type PartitionClause,
  removalEdit,
  splitTopLevel,
  type Statement,
  tableKeys,
  type Token,
  xpandOption,
} from '../src/core/kit.js';

/** The columns a HASH(col) or KEY(cols) clause partitions by (lower case; [] for KEY()), or null for an expression. */
function partitionColumns(code: readonly Token[], clause: PartitionClause): string[] | null {
  let k = clause.typeAt + 1;
  if (isWord(code[k], 'ALGORITHM')) k += isPunct(code[k + 1], '=') ? 3 : 2;
  if (!isPunct(code[k], '(')) return null;
  const close = matchParen(code, k, clause.to);
  const items = splitTopLevel(code, k + 1, close);
  const names: string[] = [];
  for (const item of items) {
    const t = code[item.from]!;
    if (item.to - item.from !== 1 || (t.kind !== 'word' && t.kind !== 'quotedIdent')) return null;
    names.push(identValue(t).toLowerCase());
  }
  if (clause.type === 'HASH' && names.length !== 1) return null;
  return names;
}

/** How many partitions the clause makes: PARTITIONS n, else the partition definitions, else 1. */
function partitionCount(code: readonly Token[], clause: PartitionClause): number {
  for (let k = clause.typeAt; k < clause.to; k++) {
    if (isWord(code[k], 'PARTITIONS') && code[k + 1]?.kind === 'number') return Number(code[k + 1]!.text);
  }
  if (clause.definitions !== null) {
    return splitTopLevel(code, clause.definitions.from + 1, clause.definitions.to - 1).length;
  }
  return 1;
}

/** The source text of the key parts, reordered so that `lead` comes first (kept as written). */
function reorderedParts(stmt: Statement, text: string, key: KeyInfo, lead: readonly string[]): Edit {
  const code = stmt.code;
  const parts = key.parts;
  const order = [
    ...lead.map((c) => parts.find((p) => p.column === c)!),
    ...parts.filter((p) => p.column === null || !lead.includes(p.column)),
  ];
  const slice = (p: (typeof parts)[number]) => text.slice(code[p.from]!.start, code[p.to - 1]!.end);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    out += slice(order[i]!);
    // The separator written after the i-th part stays where it was.
    if (i + 1 < parts.length) out += text.slice(code[parts[i]!.to - 1]!.end, code[parts[i + 1]!.from]!.start);
  }
  return { start: code[parts[0]!.from]!.start, end: code[parts[parts.length - 1]!.to - 1]!.end, text: out };
}

export default defineRule({
  meta: {
    id: 'prefer-distribute-over-partitioning',
    description:
      'Suggest keeping, the Xpand way, the spreading that HASH or KEY partitioning expressed: its columns leading the primary key with DISTRIBUTE, and SLICES from the partition count.',
    severity: 'info',
    category: 'advice',
    fixable: ['suggestion'],
    statements: ['create_table'],
    messages: {
      keep: '{{type}}({{columns}}) spread {{table}} over {{count}} partitions by {{columns}}; {{target}} spreads a table by hashing the first columns of its primary key instead, so to keep spreading by {{columns}}, {{how}}.',
      slices:
        '{{type}}({{columns}}) spread {{table}} over {{count}} partitions; {{target}} already spreads it by {{columns}}, where its primary key begins, and {{how}} keeps the {{count}} buckets.',
      noPrimaryKey:
        '{{type}}({{columns}}) spread {{table}} over {{count}} partitions by {{columns}}; {{target}} spreads a table by hashing its primary key, and this one has none (it gets a hidden one): give it a primary key led by {{columns}} to keep spreading by them.',
    },
    source: DISTRIBUTION.partitioningSource,
  },
  check(stmt, ctx) {
    if (!targetInRange(ctx.target, DISTRIBUTION.since)) return;
    const layout = createTableLayout(stmt);
    const clause = layout.partition;
    if (clause === null) return;
    if (clause.type !== 'HASH' && clause.type !== 'KEY') return;
    const code = stmt.code;
    if (code.some((t, k) => k < 3 && isWord(t, 'TEMPORARY'))) return;
    const columns = partitionColumns(code, clause);
    if (columns === null) return; // an expression: nothing a distribution key can say
    const count = partitionCount(code, clause);
    const type = `PARTITION BY ${clause.linear ? 'LINEAR ' : ''}${clause.type}`;
    const table = code[layout.nameAt] === undefined ? 'the table' : identValue(code[layout.nameAt]!);
    const at = { start: code[clause.from]!.start, end: (code[clause.typeAt] ?? code[clause.from]!).end };
    const pk = tableKeys(stmt).find((k) => k.kind === 'primary');
    if (pk === undefined) {
      if (columns.length === 0) return; // KEY() without a primary key: MySQL took a unique key; nothing to name
      ctx.report({ messageId: 'noPrimaryKey', data: { type, columns: columns.join(', '), table, count }, ...at });
      return;
    }
    // A primary key inside /*!NNNNN … */ waits for no-executable-comment to unwrap it (see its next pass).
    if (pk.keyword.exec !== null || (pk.close >= 0 && code[pk.close]!.exec !== null)) return;
    const pkColumns = pk.parts.map((p) => p.column);
    const lead = columns.length === 0 ? pkColumns.filter((c): c is string => c !== null) : columns;
    if (lead.length === 0 || lead.some((c) => !pkColumns.includes(c))) return; // MySQL would refuse it
    const text = ctx.source.text;
    const leads = lead.every((c, i) => pkColumns[i] === c);
    const stop = stmt.delimiter?.start ?? text.length;
    const distributed =
      xpandOption(ctx.source.tokens, code[pk.from]!.start, code[pk.to]?.start ?? stop, 'DISTRIBUTE') !== undefined;
    const reorder = !leads && !pk.columnLevel && !distributed;
    const distribute = !distributed && !pk.columnLevel && (reorder || lead.length > DISTRIBUTION.defaultDistribute);
    const sliced = xpandOption(ctx.source.tokens, code[layout.body!.to - 1]!.end, stop, 'SLICES') !== undefined;
    // SLICES only when the partition count cannot leave a cluster's nodes without a slice (never
    // fewer slices than nodes: below that, the default of one slice per node gives more) and stays
    // within what Xpand recommends for partitions.
    const slices =
      !sliced && count >= DISTRIBUTION.largestOfferedClusterNodes && count <= DISTRIBUTION.maxSlicesFromPartitions
        ? count
        : null;
    if (!leads && !reorder) return; // the primary key already has its own Xpand distribution
    if (!reorder && !distribute && slices === null) return; // Xpand keeps the spreading as it is
    const edits: Edit[] = [];
    const how: string[] = [];
    const short: string[] = [];
    const newOrder = [...lead, ...pkColumns.filter((c) => c === null || !lead.includes(c))];
    if (reorder) {
      edits.push(reorderedParts(stmt, text, pk, lead));
      how.push(`lead the primary key with ${lead.length === 1 ? 'it' : 'them'} (PRIMARY KEY (${newOrder.join(', ')}))`);
      short.push(`PRIMARY KEY (${newOrder.join(', ')})`);
    }
    if (distribute) {
      const end = code[pk.close]!.end;
      edits.push({ start: end, end, text: ` /*$ DISTRIBUTE=${lead.length} */` });
      how.push(
        `hash the key on its first ${lead.length === 1 ? 'column' : `${lead.length} columns`} (/*$ DISTRIBUTE=${lead.length} */)`,
      );
      short.push(`/*$ DISTRIBUTE=${lead.length} */`);
    }
    if (slices !== null) {
      const last = layout.options.to > layout.options.from ? code[layout.options.to - 1]! : code[layout.body!.to - 1]!;
      const after = insertionAfter(ctx.source.tokens, last);
      edits.push({ start: after, end: after, text: ` /*$ SLICES=${slices} */` });
      how.push(
        reorder || distribute
          ? `cut the table into ${slices} slices (/*$ SLICES=${slices} */)`
          : `/*$ SLICES=${slices} */`,
      );
      short.push(`/*$ SLICES=${slices} */`);
    }
    // The partitioning goes as the lossy fix removes it (the same edit, so the two compose).
    edits.push(removalEdit(ctx.source, code[clause.from]!, code[clause.to - 1]!));
    const listed = how.length > 1 ? `${how.slice(0, -1).join(', ')} and ${how[how.length - 1]}` : how[0]!;
    ctx.report({
      messageId: reorder || distribute ? 'keep' : 'slices',
      data: { type, columns: lead.join(', '), table, count, how: listed },
      ...at,
      fix: { kind: 'suggestion', title: `Replace ${type}(${lead.join(', ')}) with ${short.join(' ')}`, edits },
    });
  },
});
