// Documented limits: about 200 columns per table and 2,000 tables per cluster.
import { LIMITS } from '../src/catalog.js';
import { defineRule } from '../src/rule.js';
import { createTableLayout } from '../src/structure.js';
import { identValue } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'max-columns-per-table',
    description: `Limit tables to ${LIMITS.columnsPerTable} columns and a script to ${LIMITS.tablesPerCluster} tables, the sizes ClustrixDB/Xpand are documented for.`,
    severity: 'warning',
    fixable: [],
    statements: ['create_table'],
    messages: {
      columns: 'Table has {{count}} columns; {{target}} recommends at most {{max}} (hidden columns included).',
      tables:
        'The script creates its {{count}}th table; a {{target}} cluster holds about {{max}} tables (fewer with many indexes).',
    },
    // checkScript counts tables: their names are all it reads.
    scriptReads: 'name',
    source: LIMITS.source,
  },
  check(stmt, ctx) {
    const count = createTableLayout(stmt).definitions.filter((d) => d.kind === 'column').length;
    if (count > LIMITS.columnsPerTable) {
      const head = stmt.code[0]!;
      ctx.report({
        messageId: 'columns',
        data: { count, max: LIMITS.columnsPerTable },
        start: head.start,
        end: head.end,
      });
    }
  },
  checkScript(statements, ctx) {
    const names = new Set<string>();
    for (const stmt of statements) {
      const layout = createTableLayout(stmt);
      const name = stmt.code[layout.nameAt];
      if (name === undefined) continue;
      names.add(identValue(name).toLowerCase());
      if (names.size === LIMITS.tablesPerCluster + 1) {
        ctx.report({
          messageId: 'tables',
          data: { count: names.size, max: LIMITS.tablesPerCluster },
          start: name.start,
          end: name.end,
        });
      }
    }
  },
});
