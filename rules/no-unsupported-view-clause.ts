// CREATE/ALTER VIEW clauses: ALGORITHM=UNDEFINED is not in the ClustrixDB/Xpand grammar
// (MERGE | TEMPTABLE only); SQL SECURITY (and DEFINER) are accepted and ignored.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import { defineRule, isPunct, isWord, removalEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-view-clause',
    description:
      'Disallow ALGORITHM=UNDEFINED on views, which the ClustrixDB/Xpand CREATE VIEW grammar lacks (MERGE and TEMPTABLE only), and report SQL SECURITY INVOKER, which it ignores.',
    severity: 'error',
    fixable: ['safe'],
    statements: ['create_view', 'alter_other'],
    messages: {
      algorithm:
        'ALGORITHM={{value}} is not in the {{target}} CREATE VIEW grammar (MERGE or TEMPTABLE only). UNDEFINED lets the server choose, which is what omitting it does, so the fix (safe) removes it.',
      unknownAlgorithm: 'ALGORITHM={{value}} is not in the {{target}} CREATE VIEW grammar (MERGE or TEMPTABLE only).',
      invoker:
        'SQL SECURITY INVOKER is accepted and ignored by {{target}}: the view does not check the privileges of whoever queries it as it does on MySQL. Review who may select from it.',
    },
    source: MYSQL8_DDL.viewAlgorithms.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const view = code.findIndex((t) => isWord(t, 'VIEW'));
    // ALTER VIEW only (ALTER TABLE, ALTER EVENT, … are not views).
    if (view < 0 || !(isWord(code[0], 'CREATE') || isWord(code[0], 'ALTER'))) return;
    for (let k = 1; k < view; k++) {
      // MySQL knows UNDEFINED, MERGE and TEMPTABLE; anything else is no view statement at all.
      const value = code[k + 2];
      if (isWord(code[k], 'ALGORITHM') && isPunct(code[k + 1], '=') && isWord(value, 'UNDEFINED')) {
        ctx.report({
          messageId: 'algorithm',
          data: { value: 'UNDEFINED' },
          start: code[k]!.start,
          end: value!.end,
          fix: {
            kind: 'safe',
            title: 'Remove ALGORITHM=UNDEFINED',
            edits: [removalEdit(ctx.source, code[k]!, value!)],
          },
        });
      }
      if (isWord(code[k], 'SQL') && isWord(code[k + 1], 'SECURITY') && isWord(code[k + 2], 'INVOKER')) {
        ctx.report({
          messageId: 'invoker',
          start: code[k]!.start,
          end: code[k + 2]!.end,
          severity: 'warning',
        });
      }
    }
  },
});
