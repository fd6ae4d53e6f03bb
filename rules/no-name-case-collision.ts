// ClustrixDB/Xpand compare table names case-insensitively (lower_case_table_names=1).
import { SOURCES } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, identValue, qualifierOf, useDatabase } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-name-case-collision',
    description:
      'Disallow table names that differ only in letter case, which ClustrixDB/Xpand treat as the same table.',
    severity: 'error',
    fixable: [],
    // USE (a client command) says which database an unqualified name is in.
    statements: ['create_table', 'client_command'],
    messages: {
      collision:
        'Table {{name}} differs from {{other}} only in letter case; {{target}} compares table names case-insensitively, so the second CREATE fails or hits the first table.',
    },
    // checkScript compares table names: all it reads.
    scriptReads: 'name',
    source: SOURCES.esCompat,
  },
  check() {
    // Needs the whole script: see checkScript.
  },
  checkScript(statements, ctx) {
    // Tables collide within one database; database names compare case-insensitively too, so
    // Shop.Users and shop.users do. `''` is the database the script starts in.
    const first = new Map<string, string>();
    let database = '';
    for (const stmt of statements) {
      if (stmt.kind === 'client_command') {
        database = useDatabase(stmt)?.toLowerCase() ?? database;
        continue;
      }
      const at = createTableLayout(stmt).nameAt;
      const token = stmt.code[at];
      if (token === undefined) continue;
      const space = qualifierOf(stmt.code, at)?.toLowerCase() ?? database;
      const name = identValue(token);
      const key = `${space}\u0000${name.toLowerCase()}`;
      const other = first.get(key);
      if (other === undefined) first.set(key, name);
      else if (other !== name)
        ctx.report({ messageId: 'collision', data: { name, other }, start: token.start, end: token.end });
    }
  },
});
