// Advice: Xpand serializes AUTO_INCREMENT to keep its values consecutive; AUTO_UNIQUE is cheaper
// where nothing relies on the order. Only where the script shows the table takes many inserts
// (the AUTO_INCREMENT=n counter mysqldump writes): a suggestion on every table would be noise.
import { AUTO_UNIQUE, targetInRange } from '../src/core/catalog/index.js';
import {
  createTableLayout,
  defineRule,
  identValue,
  inStyleOf,
  isIntegerType,
  tableColumns,
  tableKeys,
  tableOptions,
} from '../src/core/kit.js';

/**
 * The inserts a table must have taken before the suggestion is worth its cost: the counter is the
 * one trace of the workload a script carries, and a million rows marks a table that takes inserts
 * all the time (a heuristic, not a vendor figure).
 */
const MIN_INSERTS = 1_000_000;

export default defineRule({
  meta: {
    id: 'prefer-auto-unique',
    description: `Suggest AUTO_UNIQUE for the AUTO_INCREMENT primary key of a table whose AUTO_INCREMENT=n counter shows at least ${MIN_INSERTS.toLocaleString('en-US')} inserts, since Xpand serializes AUTO_INCREMENT to keep its values consecutive.`,
    severity: 'info',
    category: 'advice',
    fixable: ['suggestion'],
    statements: ['create_table'],
    messages: {
      autoUnique:
        '{{table}} has taken about {{inserts}} inserts (AUTO_INCREMENT={{next}}): {{target}} keeps AUTO_INCREMENT values consecutive by serializing their generation, a bottleneck for concurrent inserts. If nothing relies on the order of {{column}}, AUTO_UNIQUE ({{type}}) gives unique values without that cost{{typeNote}}.',
    },
    source: AUTO_UNIQUE.source,
  },
  check(stmt, ctx) {
    if (!targetInRange(ctx.target, AUTO_UNIQUE.since)) return;
    const code = stmt.code;
    const layout = createTableLayout(stmt);
    const counter = tableOptions(code, layout.options).find((o) => o.name === 'AUTO_INCREMENT');
    const value = counter === undefined || counter.valueAt < 0 ? undefined : code[counter.valueAt];
    if (value?.kind !== 'number' || !/^\d+$/.test(value.text)) return;
    const next = Number(value.text);
    if (next - 1 < MIN_INSERTS) return;
    const pk = tableKeys(stmt).find((k) => k.kind === 'primary');
    if (pk === undefined || pk.parts.length !== 1) return; // not a surrogate key alone
    const column = tableColumns(stmt).find(
      (c) => c.name.toLowerCase() === pk.parts[0]!.column && c.autoIncrement !== null,
    );
    if (column === undefined || !isIntegerType(column.type)) return;
    const typeWord = code[column.typeFrom]!;
    const already = column.type === 'BIGINT' && column.unsigned;
    const styled = (text: string) => (typeWord.text === typeWord.text.toLowerCase() ? text.toLowerCase() : text);
    const auto = column.autoIncrement!;
    ctx.report({
      messageId: 'autoUnique',
      data: {
        table: identValue(code[layout.nameAt]!),
        inserts: (next - 1).toLocaleString('en-US'),
        next: value.text,
        column: column.name,
        type: AUTO_UNIQUE.type,
        typeNote: already
          ? ''
          : `; its type becomes ${AUTO_UNIQUE.type}, and the columns that reference it must become that too`,
      },
      start: auto.start,
      end: auto.end,
      fix: {
        kind: 'suggestion',
        title: `Use AUTO_UNIQUE for ${column.name} (${AUTO_UNIQUE.type}; values no longer in order)`,
        edits: [
          { start: typeWord.start, end: code[column.typeTo - 1]!.end, text: styled(AUTO_UNIQUE.type) },
          { start: auto.start, end: auto.end, text: `/*$ ${inStyleOf(auto, 'AUTO_UNIQUE')} */` },
        ],
      },
    });
  },
});
