// INVISIBLE columns (MySQL 8.0.23, MariaDB 10.3): not in the ClustrixDB/Xpand CREATE TABLE grammar.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  columnDefinitions,
  defineRule,
  isPunct,
  isWord,
  removalEdit,
  specRemovalEdit,
} from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-invisible-column',
    description:
      'Disallow INVISIBLE and VISIBLE column attributes (MySQL 8.0.23, MariaDB 10.3), which ClustrixDB/Xpand do not document.',
    severity: 'error',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      invisible:
        'INVISIBLE columns are not documented for {{target}} (not in its CREATE TABLE grammar): the statement is expected to fail, or else the column is visible there, so SELECT * and INSERT without a column list see it. The fix (lossy) makes it visible.',
      visible:
        'The VISIBLE column attribute is not documented for {{target}}; every column is visible there, so the fix (safe) removes the word.',
      alterInvisible:
        'ALTER COLUMN … SET INVISIBLE is not documented for {{target}}: the statement is expected to fail. The fix (lossy) removes it, so the column stays visible.',
      alterVisible:
        'ALTER COLUMN … SET VISIBLE is not documented for {{target}}; every column is visible there, so the fix (safe) removes it.',
    },
    source: MYSQL8_DDL.invisibleColumns.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const col of columnDefinitions(stmt)) {
      let depth = 0;
      for (let k = col.from + 1; k < col.to; k++) {
        if (isPunct(code[k], '(')) depth++;
        else if (isPunct(code[k], ')')) depth--;
        const t = code[k]!;
        if (depth !== 0 || !(isWord(t, 'INVISIBLE') || isWord(t, 'VISIBLE'))) continue;
        const invisible = isWord(t, 'INVISIBLE');
        ctx.report({
          messageId: invisible ? 'invisible' : 'visible',
          start: t.start,
          end: t.end,
          severity: invisible ? 'error' : 'warning',
          fix: {
            kind: invisible ? 'lossy' : 'safe',
            title: `Remove ${t.text.toUpperCase()}`,
            edits: [removalEdit(ctx.source, t, t)],
          },
        });
      }
    }
    if (stmt.kind !== 'alter_table') return;
    // ALTER [COLUMN] c SET {VISIBLE | INVISIBLE}
    for (const spec of alterTableLayout(stmt).specs) {
      let k = spec.from;
      if (!isWord(code[k], 'ALTER')) continue;
      k++;
      if (isWord(code[k], 'COLUMN')) k++;
      const word = code[k + 2];
      if (!isWord(code[k + 1], 'SET') || !(isWord(word, 'INVISIBLE') || isWord(word, 'VISIBLE'))) continue;
      const invisible = isWord(word, 'INVISIBLE');
      ctx.report({
        messageId: invisible ? 'alterInvisible' : 'alterVisible',
        start: code[spec.from]!.start,
        end: word!.end,
        severity: invisible ? 'error' : 'warning',
        fix: {
          kind: invisible ? 'lossy' : 'safe',
          title: `Remove ALTER COLUMN … SET ${word!.text.toUpperCase()}`,
          edits: [specRemovalEdit(ctx.source, stmt, spec)],
        },
      });
    }
  },
});
