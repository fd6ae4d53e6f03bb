// Flags collations the target does not have and rewrites them to the nearest supported one.
import { collationSupport, isMysqlCharset, replacementCollation, SOURCES } from '../src/core/catalog/index.js';
import { CHARSET_STATEMENTS, charsetClauses, defineRule, inStyleOf, replaceEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-collation',
    description:
      'Disallow collations the target ClustrixDB/Xpand version does not support, and replace them with the nearest one it does.',
    severity: 'error',
    fixable: ['safe', 'lossy'],
    statements: CHARSET_STATEMENTS,
    messages: {
      replaceable: 'Collation {{name}} is not supported by {{target}}; the fix uses {{replacement}}: {{effect}}.',
      manual:
        'Collation {{name}} is not supported by {{target}} and has no close equivalent there; choose a supported collation by hand.',
      deprecated: 'Collation {{name}} is deprecated in {{target}} (a legacy variant kept for old data).',
      unverified:
        'Collation {{name}} is not confirmed for {{target}} (no vendor list for this version); test it on a real cluster.',
    },
    source: SOURCES.collations60,
  },
  check(stmt, ctx) {
    for (const clause of charsetClauses(stmt, isMysqlCharset)) {
      if (clause.what !== 'collation') continue;
      const token = stmt.code[clause.valueAt]!;
      const name = clause.value;
      const range = { start: token.start, end: token.end };
      const { support } = collationSupport(name, ctx.target);
      if (support === 'supported') continue;
      if (support === 'deprecated' || support === 'unverified') {
        ctx.report({ messageId: support, data: { name }, ...range, severity: 'warning' });
        continue;
      }
      const replacement = replacementCollation(name, ctx.target);
      if (replacement === null) {
        ctx.report({ messageId: 'manual', data: { name }, ...range });
        continue;
      }
      ctx.report({
        messageId: 'replaceable',
        data: { name, replacement: replacement.name, effect: replacement.effect },
        ...range,
        fix: {
          kind: replacement.safe ? 'safe' : 'lossy',
          title: `Replace collation ${name} with ${replacement.name}`,
          edits: [replaceEdit(token, inStyleOf(token, replacement.name))],
        },
      });
    }
  },
});
