// NOT NULL DEFAULT NULL: MySQL rejects it; Xpand accepts it and keeps only NOT NULL.
import { SOURCES } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, isPunct, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-not-null-default-null',
    description:
      'Disallow NOT NULL DEFAULT NULL columns, which ClustrixDB/Xpand accept silently as NOT NULL where MySQL rejects them.',
    severity: 'warning',
    fixable: [],
    statements: ['create_table', 'alter_table'],
    messages: {
      conflict:
        'Column {{column}} is NOT NULL with DEFAULT NULL: MySQL rejects this, {{target}} silently makes it NOT NULL without a default. Decide which one is meant.',
    },
    source: SOURCES.createTableXpand,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const col of columnDefinitions(stmt)) {
      let depth = 0;
      let notNull = false;
      let defaultNull = -1;
      for (let k = col.from + 1; k < col.to; k++) {
        if (isPunct(code[k], '(')) depth++;
        else if (isPunct(code[k], ')')) depth--;
        if (depth !== 0) continue;
        if (isWord(code[k], 'NOT') && isWord(code[k + 1], 'NULL')) notNull = true;
        if (isWord(code[k], 'DEFAULT') && isWord(code[k + 1], 'NULL')) defaultNull = k;
      }
      if (notNull && defaultNull >= 0) {
        ctx.report({
          messageId: 'conflict',
          data: { column: code[col.from]!.text },
          start: code[defaultNull]!.start,
          end: code[defaultNull + 1]!.end,
        });
      }
    }
  },
});
