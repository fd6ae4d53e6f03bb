// Sequences (MariaDB 10.3 CREATE SEQUENCE, NEXT VALUE FOR, NEXTVAL()): ClustrixDB 9.2 lists
// CREATE SEQUENCE as unsupported; Xpand's statement index has ALTER SEQUENCE, unverified.
import { SEQUENCES, targetInRange } from '../src/core/catalog/index.js';
import { defineRule, isPunct, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-sequence',
    description:
      'Disallow sequences (CREATE/ALTER/DROP SEQUENCE, NEXT VALUE FOR, NEXTVAL()), which ClustrixDB does not support and Xpand does not document.',
    severity: 'error',
    fixable: [],
    statements: 'all',
    messages: {
      unsupported:
        '{{what}} is not supported by {{target}} (sequences are on its list of unsupported DDL): the statement fails there. Use an AUTO_INCREMENT column instead.',
      unverified:
        '{{what}}: sequences are not documented for {{target}} (only an ALTER SEQUENCE page exists, unverified); if they are missing, the statement fails. Test it on a real cluster, or use an AUTO_INCREMENT column.',
    },
    source: SEQUENCES.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const report = (from: number, to: number, what: string) => {
      const known = targetInRange(ctx.target, SEQUENCES.unsupported.since, SEQUENCES.unsupported.until)
        ? 'unsupported'
        : 'unverified';
      ctx.report({
        messageId: known,
        data: { what },
        start: code[from]!.start,
        end: code[to]!.end,
        severity: known === 'unsupported' ? 'error' : 'warning',
      });
    };
    // CREATE [OR REPLACE] [TEMPORARY] SEQUENCE, ALTER SEQUENCE, DROP [TEMPORARY] SEQUENCE
    const head = code.findIndex((t, k) => k < 5 && isWord(t, 'SEQUENCE'));
    if (
      head > 0 &&
      ['CREATE', 'ALTER', 'DROP'].some((w) => isWord(code[0], w)) &&
      code.slice(1, head).every((t) => ['OR', 'REPLACE', 'TEMPORARY'].some((w) => isWord(t, w)))
    ) {
      report(0, head, `${code[0]!.text.toUpperCase()} SEQUENCE`);
      return;
    }
    for (let k = 0; k < code.length; k++) {
      if (isWord(code[k], 'NEXT') && isWord(code[k + 1], 'VALUE') && isWord(code[k + 2], 'FOR'))
        report(k, k + 2, 'NEXT VALUE FOR');
      else if (isWord(code[k], 'PREVIOUS') && isWord(code[k + 1], 'VALUE') && isWord(code[k + 2], 'FOR'))
        report(k, k + 2, 'PREVIOUS VALUE FOR');
      else if (
        (isWord(code[k], 'NEXTVAL') || isWord(code[k], 'LASTVAL') || isWord(code[k], 'SETVAL')) &&
        isPunct(code[k + 1], '(') &&
        !isPunct(code[k - 1], '.')
      )
        report(k, k, `${code[k]!.text.toUpperCase()}()`);
    }
  },
});
