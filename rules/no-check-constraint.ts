// CHECK constraints: accepted but never enforced in CREATE TABLE, rejected in ALTER TABLE.
import { SOURCES } from '../src/catalog.js';
import { defineRule, removeListItemEdit, removeStatementEdit } from '../src/rule.js';
import { alterTableLayout, columnDefinitions, createTableLayout, isPunct } from '../src/structure.js';
import { isWord } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'no-check-constraint',
    description:
      'Report CHECK constraints: ClustrixDB/Xpand accept them in CREATE TABLE but never enforce them, and reject ALTER TABLE … ADD CHECK.',
    severity: 'warning',
    fixable: ['lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      notEnforced:
        'CHECK constraints are accepted but never enforced by {{target}}: rows that violate it will be stored. Enforce it in the application or with a BEFORE trigger.',
      alterCheck:
        'ALTER TABLE … ADD CHECK is not supported by {{target}} (and would not be enforced); the fix (lossy) removes it.',
    },
    source: SOURCES.check,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'create_table') {
      for (const def of createTableLayout(stmt).definitions) {
        if (def.kind !== 'check') continue;
        const kw = code.slice(def.from, def.to).find((t) => isWord(t, 'CHECK'))!;
        ctx.report({ messageId: 'notEnforced', start: kw.start, end: kw.end });
      }
    }
    // Column-level CHECK (expr) in a column definition.
    for (const col of columnDefinitions(stmt)) {
      for (let k = col.from + 1; k < col.to; k++) {
        if (isWord(code[k], 'CHECK') && isPunct(code[k + 1], '(')) {
          ctx.report({ messageId: 'notEnforced', start: code[k]!.start, end: code[k]!.end });
        }
      }
    }
    if (stmt.kind === 'alter_table') {
      const layout = alterTableLayout(stmt);
      for (const def of layout.added) {
        if (def.kind !== 'check') continue;
        const spec = layout.specs.find((s) => s.from < def.from && s.to >= def.to) ?? def;
        const kw = code.slice(def.from, def.to).find((t) => isWord(t, 'CHECK'))!;
        const edit =
          layout.specs.length === 1 && layout.partition === null
            ? removeStatementEdit(ctx.source, stmt)
            : removeListItemEdit(ctx.source, code, spec.from, spec.to);
        ctx.report({
          messageId: 'alterCheck',
          start: kw.start,
          end: kw.end,
          severity: 'error',
          fix: { kind: 'lossy', title: 'Remove ADD CHECK', edits: [edit] },
        });
      }
    }
  },
});
