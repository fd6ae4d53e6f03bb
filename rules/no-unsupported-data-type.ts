// Column types that arrived late: JSON (ClustrixDB 9.0), NVARCHAR / NATIONAL VARCHAR (Xpand 6.1).
import { VERSIONED_FEATURES, getTarget, targetInRange } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, type Edit, isPunct, isWord, matchParen } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-data-type',
    description:
      'Disallow column types the target version does not have yet: JSON before ClustrixDB 9.0, NVARCHAR and NATIONAL VARCHAR before Xpand 6.1.',
    severity: 'error',
    fixable: ['safe'],
    statements: ['create_table', 'alter_table'],
    messages: {
      json: 'The JSON type arrived in {{since}} and is not available in {{target}}.',
      national:
        '{{type}} arrived in {{since}} and is not available in {{target}}; the fix writes the MySQL equivalent VARCHAR … CHARACTER SET utf8.',
    },
    source: VERSIONED_FEATURES.nationalVarchar.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const col of columnDefinitions(stmt)) {
      const type = code[col.from + 1];
      if (type?.kind !== 'word') continue;
      const w = type.text.toUpperCase();
      if (w === 'JSON' && !targetInRange(ctx.target, VERSIONED_FEATURES.json.since)) {
        ctx.report({
          messageId: 'json',
          data: { since: getTarget(VERSIONED_FEATURES.json.since).name },
          start: type.start,
          end: type.end,
        });
        continue;
      }
      if (targetInRange(ctx.target, VERSIONED_FEATURES.nationalVarchar.since)) continue;
      // NVARCHAR(n), NATIONAL VARCHAR(n), NCHAR VARCHAR(n), NATIONAL CHARACTER VARYING(n)
      let last = col.from + 1;
      if (w === 'NATIONAL' || w === 'NCHAR') {
        if (isWord(code[last + 1], 'VARCHAR')) last++;
        else if (
          (isWord(code[last + 1], 'CHARACTER') || isWord(code[last + 1], 'CHAR')) &&
          isWord(code[last + 2], 'VARYING')
        )
          last += 2;
        else continue;
      } else if (w !== 'NVARCHAR') continue;
      const typeText = code
        .slice(col.from + 1, last + 1)
        .map((t) => t.text.toUpperCase())
        .join(' ');
      const lengthClose = isPunct(code[last + 1], '(') ? matchParen(code, last + 1, col.to) : last;
      const upper = type.text === type.text.toUpperCase();
      const edits: Edit[] = [
        { start: type.start, end: code[last]!.end, text: upper ? 'VARCHAR' : 'varchar' },
        {
          start: code[lengthClose]!.end,
          end: code[lengthClose]!.end,
          text: upper ? ' CHARACTER SET utf8' : ' character set utf8',
        },
      ];
      ctx.report({
        messageId: 'national',
        data: { type: typeText, since: getTarget(VERSIONED_FEATURES.nationalVarchar.since).name },
        start: type.start,
        end: code[last]!.end,
        fix: { kind: 'safe', title: `Replace ${typeText} with VARCHAR … CHARACTER SET utf8`, edits },
      });
    }
  },
});
