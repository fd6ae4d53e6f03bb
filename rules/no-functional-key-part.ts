// MySQL 8.0.13 functional key parts `((expr))` and 8.0.17 multi-valued key parts
// `((CAST(… AS … ARRAY)))`: ClustrixDB/Xpand's index grammar takes column names only.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import { defineRule, definitionRemovalEdit, indexesOf, isPunct, isWord, matchParen } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-functional-key-part',
    description:
      'Disallow functional and multi-valued index key parts (MySQL 8), which are not in the ClustrixDB/Xpand index grammar.',
    severity: 'error',
    fixable: ['lossy'],
    statements: ['create_table', 'alter_table', 'create_index'],
    messages: {
      functional:
        'Functional key part {{part}} is not in the {{target}} index grammar (column names only): the statement is expected to fail there. Index a generated column instead; the fix (lossy) removes the index.',
      multiValued:
        'Multi-valued key part {{part}} (CAST … ARRAY) is not supported by {{target}}, where JSON is indexed through a generated column: the statement is expected to fail there. The fix (lossy) removes the index.',
      functionalConstraint:
        'Functional key part {{part}} is not in the {{target}} index grammar (column names only): the statement is expected to fail there. This {{kind}} key is a constraint, so it is not removed automatically: put the expression in a generated column and make that {{kind}}.',
      multiValuedConstraint:
        'Multi-valued key part {{part}} (CAST … ARRAY) is not supported by {{target}}: the statement is expected to fail there. This {{kind}} key is a constraint, so it is not removed automatically.',
    },
    source: MYSQL8_DDL.functionalKeyParts.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const index of indexesOf(stmt)) {
      let fixed = false;
      for (const part of index.parts) {
        if (!isPunct(code[part.from], '(')) continue;
        const close = matchParen(code, part.from, part.to);
        const multi = code.slice(part.from, close).some((t, k, all) => isWord(t, 'ARRAY') && isPunct(all[k + 1], ')'));
        const constraint = index.kind === 'unique' || index.kind === 'primary';
        const text = ctx.source.text.slice(code[part.from]!.start, code[close]?.end ?? code[part.to - 1]!.end);
        const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
        ctx.report({
          messageId: `${multi ? 'multiValued' : 'functional'}${constraint ? 'Constraint' : ''}`,
          data: { part: shown, kind: index.kind === 'primary' ? 'PRIMARY' : 'UNIQUE' },
          start: code[part.from]!.start,
          end: code[Math.min(close, part.to - 1)]!.end,
          // One removal per index, on its first functional part.
          fix:
            constraint || fixed
              ? null
              : {
                  kind: 'lossy',
                  title: 'Remove the index with a functional key part',
                  edits: [definitionRemovalEdit(ctx.source, stmt, index)],
                },
        });
        fixed = true;
      }
    }
  },
});
