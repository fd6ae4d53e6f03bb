// ClustrixDB/Xpand compare table names case-insensitively (lower_case_table_names=1).
import { SOURCES } from '../src/catalog.js';
import { defineRule } from '../src/rule.js';
import { createTableLayout } from '../src/structure.js';
import { identValue } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'no-name-case-collision',
    description:
      'Disallow table names that differ only in letter case, which ClustrixDB/Xpand treat as the same table.',
    severity: 'error',
    fixable: [],
    statements: ['create_table'],
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
    const first = new Map<string, string>();
    for (const stmt of statements) {
      const token = stmt.code[createTableLayout(stmt).nameAt];
      if (token === undefined) continue;
      const name = identValue(token);
      const other = first.get(name.toLowerCase());
      if (other === undefined) first.set(name.toLowerCase(), name);
      else if (other !== name)
        ctx.report({ messageId: 'collision', data: { name, other }, start: token.start, end: token.end });
    }
  },
});
