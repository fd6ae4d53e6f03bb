// Flags character sets the target does not have, at column, table, database and session level.
import { charsetSupport, isMysqlCharset, replacementCharset, SOURCES } from '../src/core/catalog/index.js';
import { CHARSET_STATEMENTS, charsetClauses, defineRule, inStyleOf, replaceEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-charset',
    description:
      'Disallow character sets the target ClustrixDB/Xpand version does not support, and replace them with the nearest one it does.',
    severity: 'error',
    fixable: ['safe', 'lossy'],
    statements: CHARSET_STATEMENTS,
    messages: {
      replaceable: 'Character set {{name}} is not supported by {{target}}; the fix uses {{replacement}} ({{effect}}).',
      manual:
        'Character set {{name}} is not supported by {{target}} and has no equivalent there; choose one of binary, latin1, utf8, utf8mb4 by hand.',
      unknown: 'Character set {{name}} is not a MySQL character set, and {{target}} does not know it either.',
      unverified:
        'Character set {{name}} is not confirmed for {{target}} (no vendor list for this version); test it on a real cluster.',
    },
    source: SOURCES.charsets2309,
  },
  check(stmt, ctx) {
    for (const clause of charsetClauses(stmt, isMysqlCharset)) {
      if (clause.what !== 'charset') continue;
      const token = stmt.code[clause.valueAt]!;
      const name = clause.value;
      const range = { start: token.start, end: token.end };
      const { support } = charsetSupport(name, ctx.target);
      if (support === 'supported' || support === 'deprecated') continue;
      if (support === 'unverified') {
        ctx.report({ messageId: 'unverified', data: { name }, ...range, severity: 'warning' });
        continue;
      }
      if (!isMysqlCharset(name)) {
        ctx.report({ messageId: 'unknown', data: { name }, ...range });
        continue;
      }
      const replacement = replacementCharset(name, ctx.target);
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
          title: `Replace character set ${name} with ${replacement.name}`,
          edits: [replaceEdit(token, inStyleOf(token, replacement.name))],
        },
      });
    }
  },
});
