// `KEY k (a DESC)`: MySQL 8 keeps such an index in descending order; ClustrixDB/Xpand document one
// ASC|DESC after the whole column list, and not whether any order but ascending is kept.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import { defineRule, indexesOf, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-descending-key-part',
    description:
      'Report DESC index key parts, whose descending order ClustrixDB/Xpand do not document (their grammar has one ASC/DESC after the column list).',
    severity: 'warning',
    fixable: [],
    statements: ['create_table', 'alter_table', 'create_index'],
    messages: {
      descending:
        'DESC on key part {{part}} is not documented for {{target}}, whose grammar has one ASC|DESC after the column list: the index may be kept ascending there, with the same rows but a sort for ORDER BY … DESC. Test it on a real cluster.',
    },
    source: MYSQL8_DDL.descendingKeyParts.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const index of indexesOf(stmt)) {
      // Full-text and spatial indexes have no order.
      if (index.kind === 'fulltext' || index.kind === 'spatial') continue;
      for (const part of index.parts) {
        const last = code[part.to - 1];
        if (part.to - part.from < 2 || !isWord(last, 'DESC')) continue;
        const first = code[part.from]!;
        const name = ctx.source.text.slice(first.start, code[part.to - 2]!.end);
        ctx.report({
          messageId: 'descending',
          data: { part: name.length > 40 ? `${name.slice(0, 37)}…` : name },
          start: last!.start,
          end: last!.end,
        });
      }
    }
  },
});
