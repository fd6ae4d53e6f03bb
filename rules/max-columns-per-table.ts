// Documented limits: about 200 columns per table and 2,000 tables per cluster.
import { TARGET_LIMITS } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, identValue, qualifierOf, useDatabase } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'max-columns-per-table',
    description: `Limit tables to ${TARGET_LIMITS.columnsPerTable} columns and a script to ${TARGET_LIMITS.tablesPerCluster} tables, the sizes ClustrixDB/Xpand are documented for.`,
    severity: 'warning',
    fixable: [],
    // USE (a client command) says which database a table is in: a cluster holds the tables of all.
    statements: ['create_table', 'client_command'],
    messages: {
      columns: 'Table has {{count}} columns; {{target}} recommends at most {{max}} (hidden columns included).',
      tables:
        'The script creates more than {{max}} tables (this is table {{count}}); a {{target}} cluster holds about {{max}} tables (fewer with many indexes).',
    },
    // checkScript counts tables: their names are all it reads.
    scriptReads: 'name',
    source: TARGET_LIMITS.source,
  },
  check(stmt, ctx) {
    const count = createTableLayout(stmt).definitions.filter((d) => d.kind === 'column').length;
    if (count > TARGET_LIMITS.columnsPerTable) {
      const head = stmt.code[0]!;
      ctx.report({
        messageId: 'columns',
        data: { count, max: TARGET_LIMITS.columnsPerTable },
        start: head.start,
        end: head.end,
      });
    }
  },
  checkScript(statements, ctx) {
    // Tables of every database count: `a.users` and `b.users` are two.
    const names = new Set<string>();
    let database = '';
    for (const stmt of statements) {
      if (stmt.kind === 'client_command') {
        database = useDatabase(stmt)?.toLowerCase() ?? database;
        continue;
      }
      const layout = createTableLayout(stmt);
      const name = stmt.code[layout.nameAt];
      if (name === undefined) continue;
      const space = qualifierOf(stmt.code, layout.nameAt)?.toLowerCase() ?? database;
      names.add(`${space}\u0000${identValue(name).toLowerCase()}`);
      if (names.size === TARGET_LIMITS.tablesPerCluster + 1) {
        ctx.report({
          messageId: 'tables',
          data: { count: names.size, max: TARGET_LIMITS.tablesPerCluster },
          start: name.start,
          end: name.end,
        });
      }
    }
  },
});
