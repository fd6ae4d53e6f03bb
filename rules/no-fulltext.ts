// Flags FULLTEXT indexes (inline, CREATE FULLTEXT INDEX, ALTER … ADD FULLTEXT) and MATCH … AGAINST.
import { SOURCES } from '../src/catalog.js';
import { defineRule, removeListItemEdit, removeStatementEdit } from '../src/rule.js';
import { alterTableLayout, createTableLayout, isPunct, splitTopLevel } from '../src/structure.js';
import { isWord } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'no-fulltext',
    description: 'Disallow FULLTEXT indexes and MATCH … AGAINST, since ClustrixDB/Xpand have no full-text search.',
    severity: 'error',
    fixable: ['lossy'],
    statements: [
      'create_table',
      'alter_table',
      'create_index',
      'select',
      'insert',
      'replace',
      'update',
      'delete',
      'create_view',
      'create_procedure',
      'create_function',
      'create_trigger',
      'create_event',
    ],
    messages: {
      index: 'FULLTEXT indexes are not supported by {{target}} (no full-text search).',
      match: 'MATCH … AGAINST full-text search is not supported by {{target}}; rewrite it (LIKE, or a search service).',
    },
    source: SOURCES.unsupported,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'create_index') {
      const kw = code.find((t, k) => isWord(t, 'FULLTEXT') && k < 4);
      if (kw) {
        ctx.report({
          messageId: 'index',
          start: kw.start,
          end: kw.end,
          fix: { kind: 'lossy', title: 'Remove the FULLTEXT index', edits: [removeStatementEdit(ctx.source, stmt)] },
        });
      }
      return;
    }
    if (stmt.kind === 'create_table' || stmt.kind === 'alter_table') {
      const items = stmt.kind === 'create_table' ? createTableLayout(stmt).definitions : alterTableLayout(stmt).added;
      const specs = stmt.kind === 'alter_table' ? alterTableLayout(stmt).specs : [];
      for (const item of items) {
        if (item.kind !== 'fulltext') continue;
        const kw = code.slice(item.from, item.to).find((t) => isWord(t, 'FULLTEXT'))!;
        // In ALTER TABLE the removable unit is the whole `ADD FULLTEXT …` spec.
        const spec = specs.find((s) => s.from < item.from && s.to >= item.to);
        const edit =
          stmt.kind === 'alter_table' && spec !== undefined && specs.length === 1
            ? removeStatementEdit(ctx.source, stmt)
            : removeListItemEdit(ctx.source, code, spec?.from ?? item.from, spec?.to ?? item.to);
        ctx.report({
          messageId: 'index',
          start: kw.start,
          end: kw.end,
          fix: { kind: 'lossy', title: 'Remove the FULLTEXT index', edits: [edit] },
        });
      }
    }
    for (let k = 0; k < code.length; k++) {
      if (!isWord(code[k], 'MATCH') || !isPunct(code[k + 1], '(')) continue;
      const rest = splitTopLevel(code, k, code.length)[0];
      if (rest && code.slice(k, rest.to).some((t) => isWord(t, 'AGAINST'))) {
        ctx.report({ messageId: 'match', start: code[k]!.start, end: code[k]!.end });
      }
    }
  },
});
