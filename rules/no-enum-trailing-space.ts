// ENUM/SET members with trailing spaces: MySQL trims them, Xpand keeps them.
import { SOURCES } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, identValue, isPunct, matchParen } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-enum-trailing-space',
    description: 'Disallow trailing spaces in ENUM and SET members, which MySQL trims but ClustrixDB/Xpand keep.',
    severity: 'warning',
    fixable: ['safe'],
    statements: ['create_table', 'alter_table'],
    messages: {
      trailing:
        "{{type}} member '{{member}}' ends in spaces: MySQL trims them, {{target}} keeps them, so values written without the spaces do not match. The fix trims them as MySQL did.",
    },
    source: SOURCES.createTableXpand,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const col of columnDefinitions(stmt)) {
      const type = code[col.from + 1];
      if (type?.kind !== 'word' || !/^(?:ENUM|SET)$/i.test(type.text) || !isPunct(code[col.from + 2], '(')) continue;
      const close = matchParen(code, col.from + 2, col.to);
      for (let k = col.from + 3; k < close; k++) {
        const m = code[k]!;
        if (m.kind !== 'string') continue;
        const value = identValue(m);
        if (!value.endsWith(' ')) continue;
        // The member's text without the spaces before its closing quote (no regex: see redos test).
        let end = m.text.length - 1;
        while (m.text[end - 1] === ' ') end--;
        const trimmed = m.text.slice(0, end) + m.text[0]!;
        ctx.report({
          messageId: 'trailing',
          data: { type: type.text.toUpperCase(), member: value },
          start: m.start,
          end: m.end,
          fix: {
            kind: 'safe',
            title: 'Trim the trailing spaces',
            edits: [{ start: m.start, end: m.end, text: trimmed }],
          },
        });
      }
    }
  },
});
