// INVISIBLE / VISIBLE index options arrived in ClustrixDB 9.0.
import { VERSIONED_FEATURES, getTarget, targetInRange } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  type CodeSpan,
  createTableLayout,
  defineRule,
  isPunct,
  isWord,
  removalEdit,
  specRemovalEdit,
  type Statement,
} from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-invisible-index',
    description:
      'Disallow INVISIBLE and VISIBLE index options on targets older than ClustrixDB 9.0, which do not know them.',
    severity: 'error',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table', 'create_index'],
    messages: {
      visibility: '{{word}} indexes arrived in {{since}} and are not available in {{target}}.',
    },
    source: VERSIONED_FEATURES.invisibleIndex.source,
  },
  check(stmt, ctx) {
    if (targetInRange(ctx.target, VERSIONED_FEATURES.invisibleIndex.since)) return;
    const code = stmt.code;
    for (const span of regions(stmt)) {
      let depth = 0;
      for (let k = span.from; k < span.to; k++) {
        if (isPunct(code[k], '(')) depth++;
        else if (isPunct(code[k], ')')) depth--;
        const t = code[k]!;
        if (depth !== 0 || !(isWord(t, 'INVISIBLE') || isWord(t, 'VISIBLE'))) continue;
        const invisible = isWord(t, 'INVISIBLE');
        ctx.report({
          messageId: 'visibility',
          data: { word: t.text.toUpperCase(), since: getTarget(VERSIONED_FEATURES.invisibleIndex.since).name },
          start: t.start,
          end: t.end,
          // Dropping INVISIBLE lets the optimizer use the index: a behaviour change, so lossy.
          fix: {
            kind: invisible ? 'lossy' : 'safe',
            title: `Remove ${t.text.toUpperCase()}`,
            edits: [removalEdit(ctx.source, t, t)],
          },
        });
      }
    }
    // ALTER TABLE … ALTER INDEX k {VISIBLE | INVISIBLE}: without the word nothing is left to alter.
    if (stmt.kind !== 'alter_table') return;
    for (const spec of alterTableLayout(stmt).specs) {
      const word = code[spec.from + 3];
      if (
        !isWord(code[spec.from], 'ALTER') ||
        !(isWord(code[spec.from + 1], 'INDEX') || isWord(code[spec.from + 1], 'KEY'))
      )
        continue;
      if (!(isWord(word, 'INVISIBLE') || isWord(word, 'VISIBLE'))) continue;
      const invisible = isWord(word, 'INVISIBLE');
      ctx.report({
        messageId: 'visibility',
        data: { word: word!.text.toUpperCase(), since: getTarget(VERSIONED_FEATURES.invisibleIndex.since).name },
        start: word!.start,
        end: word!.end,
        fix: {
          kind: invisible ? 'lossy' : 'safe',
          title: `Remove ALTER INDEX … ${word!.text.toUpperCase()}`,
          edits: [specRemovalEdit(ctx.source, stmt, spec)],
        },
      });
    }
  },
});

function regions(stmt: Statement): CodeSpan[] {
  if (stmt.kind === 'create_index') return [{ from: 0, to: stmt.code.length }];
  const defs = stmt.kind === 'create_table' ? createTableLayout(stmt).definitions : alterTableLayout(stmt).added;
  return defs.filter((d) => ['index', 'unique', 'primary', 'fulltext', 'spatial'].includes(d.kind));
}
