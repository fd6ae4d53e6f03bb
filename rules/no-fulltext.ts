// Flags FULLTEXT indexes (inline, CREATE FULLTEXT INDEX, ALTER … ADD FULLTEXT) and MATCH … AGAINST.
import { SOURCES } from '../src/core/catalog/index.js';
import {
  defineRule,
  indexDrops,
  indexRemovals,
  isPunct,
  isWord,
  QUERY_STATEMENTS,
  splitTopLevel,
} from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-fulltext',
    description: 'Disallow FULLTEXT indexes and MATCH … AGAINST, since ClustrixDB/Xpand have no full-text search.',
    severity: 'error',
    fixable: ['lossy'],
    statements: [...QUERY_STATEMENTS, 'create_table', 'alter_table', 'create_index', 'drop'],
    messages: {
      index: 'FULLTEXT indexes are not supported by {{target}} (no full-text search).',
      match: 'MATCH … AGAINST full-text search is not supported by {{target}}; rewrite it (LIKE, or a search service).',
      dropIndex:
        'This drops the FULLTEXT index {{index}} (line {{line}}), which {{target}} cannot have: once --lossy removes that index this fails, so --lossy removes it with it.',
    },
    source: SOURCES.unsupported,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const drop of indexDrops(ctx, stmt, 'fulltext')) {
      ctx.report({
        messageId: 'dropIndex',
        data: { index: drop.index, line: drop.line },
        start: drop.at.start,
        end: drop.at.end,
        fix: { kind: 'lossy', title: `Remove the DROP of FULLTEXT index ${drop.index}`, edits: [drop.edit] },
      });
    }
    for (const { keyword, edit } of indexRemovals(ctx.source, stmt, 'fulltext')) {
      ctx.report({
        messageId: 'index',
        start: keyword.start,
        end: keyword.end,
        fix: { kind: 'lossy', title: 'Remove the FULLTEXT index', edits: [edit] },
      });
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
