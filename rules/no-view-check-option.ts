// Views: WITH [CASCADED | LOCAL] CHECK OPTION is not supported.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule, isWord, removalEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-view-check-option',
    description: 'Disallow WITH CHECK OPTION on views, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: ['lossy'],
    statements: ['create_view', 'alter_other'],
    messages: {
      checkOption:
        'WITH CHECK OPTION is not supported by {{target}}; the fix (lossy) removes it, so writes through the view are no longer checked against its WHERE clause.',
    },
    source: SOURCES.views,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'alter_other' && !code.slice(0, 8).some((t) => isWord(t, 'VIEW'))) return;
    for (let k = 0; k < code.length; k++) {
      if (!isWord(code[k], 'WITH')) continue;
      let j = k + 1;
      if (isWord(code[j], 'CASCADED') || isWord(code[j], 'LOCAL')) j++;
      if (!isWord(code[j], 'CHECK') || !isWord(code[j + 1], 'OPTION')) continue;
      ctx.report({
        messageId: 'checkOption',
        start: code[k]!.start,
        end: code[j + 1]!.end,
        fix: {
          kind: 'lossy',
          title: 'Remove WITH CHECK OPTION',
          edits: [removalEdit(ctx.source, code[k]!, code[j + 1]!)],
        },
      });
    }
  },
});
