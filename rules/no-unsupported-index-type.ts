// Flags `USING HASH` / `USING RTREE` in every position MySQL allows them, and any `USING <type>`
// written before the column list, where ClustrixDB/Xpand's grammar has no index type.
import { INDEX_TYPES } from '../src/core/catalog/index.js';
import { defineRule, removalEdit } from '../src/core/rule.js';
import type { Statement } from '../src/core/statements.js';
import {
  alterTableLayout,
  createIndexLayout,
  createTableLayout,
  type CodeSpan,
  type Definition,
} from '../src/core/structure.js';
import { isWord, type Token } from '../src/core/tokenize.js';

const INDEX_KINDS: ReadonlySet<Definition['kind']> = new Set(['index', 'primary', 'unique', 'fulltext', 'spatial']);

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
    for (const span of indexDefinitions(stmt)) {
      const code = stmt.code;
      let depth = 0;
      for (let k = span.region.from; k < span.region.to; k++) {
        const t = code[k]!;
        if (t.kind === 'punct' && t.text === '(') depth++;
        else if (t.kind === 'punct' && t.text === ')') depth--;
        if (depth !== 0 || !isWord(t, 'USING')) continue;
        const typeToken: Token | undefined = code[k + 1];
        if (typeToken === undefined || typeToken.kind !== 'word') continue;
        const type = typeToken.text.toUpperCase();
        if (!['HASH', 'RTREE', 'BTREE'].includes(type)) continue;
        const before = k < span.keyPartsAt;
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

/** The token regions of a statement that define an index, with where their key parts start. */
function indexDefinitions(stmt: Statement): Array<{ region: CodeSpan; keyPartsAt: number }> {
  const code = stmt.code;
  if (stmt.kind === 'create_index') {
    const layout = createIndexLayout(stmt);
    const keyPartsAt = layout.keyParts?.from ?? code.length;
    return [{ region: { from: 0, to: code.length }, keyPartsAt }];
  }
  const defs = stmt.kind === 'create_table' ? createTableLayout(stmt).definitions : alterTableLayout(stmt).added;
  return defs
    .filter((d) => INDEX_KINDS.has(d.kind))
    .map((d) => {
      let open = d.from;
      while (open < d.to && !(code[open]!.kind === 'punct' && code[open]!.text === '(')) open++;
      return { region: d, keyPartsAt: open };
    });
}
