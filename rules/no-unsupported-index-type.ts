// Flags `USING HASH` / `USING RTREE` in every position MySQL allows them, and any `USING <type>`
// written before the column list, where ClustrixDB/Xpand's grammar has no index type.
import { INDEX_TYPES } from '../src/core/catalog/index.js';
import { defineRule, indexesOf, isWord, removalEdit, type Token } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-index-type',
    description:
      'Disallow `USING HASH` and `USING RTREE` index types, and any index type written before the column list, which ClustrixDB/Xpand do not accept.',
    severity: 'error',
    fixable: ['safe'],
    statements: ['create_index', 'create_table', 'alter_table'],
    messages: {
      beforeKeyParts:
        'USING {{type}} before the column list is not accepted by {{target}} (its grammar has the index type only after the column list); every {{target}} index is a B+tree anyway.',
      ignored: 'USING {{type}} is ignored by {{target}}: every index is a B+tree.',
    },
    source: INDEX_TYPES.source,
  },
  check(stmt, ctx) {
    for (const index of indexesOf(stmt)) {
      const code = stmt.code;
      // Where the key parts start: the list's `(`, or the end when none was written.
      const keyPartsAt = index.open >= 0 ? index.open : index.to;
      let depth = 0;
      for (let k = index.from; k < index.to; k++) {
        const t = code[k]!;
        if (t.kind === 'punct' && t.text === '(') depth++;
        else if (t.kind === 'punct' && t.text === ')') depth--;
        if (depth !== 0 || !isWord(t, 'USING')) continue;
        const typeToken: Token | undefined = code[k + 1];
        if (typeToken === undefined || typeToken.kind !== 'word') continue;
        const type = typeToken.text.toUpperCase();
        if (!['HASH', 'RTREE', 'BTREE'].includes(type)) continue;
        const before = k < keyPartsAt;
        if (!before && INDEX_TYPES.supported.has(type)) continue;
        ctx.report({
          messageId: before ? 'beforeKeyParts' : 'ignored',
          data: { type },
          start: t.start,
          end: typeToken.end,
          severity: before ? 'error' : 'warning',
          fix: { kind: 'safe', title: `Remove USING ${type}`, edits: [removalEdit(ctx.source, t, typeToken)] },
        });
      }
    }
  },
});
