// Flags partition maintenance Xpand lacks: COALESCE/ANALYZE/CHECK/OPTIMIZE/REBUILD/REPAIR PARTITION
// and explicit partition selection (FROM t PARTITION (p)).
import { PARTITIONING } from '../src/catalog.js';
import { defineRule } from '../src/rule.js';
import { alterTableLayout, isPunct } from '../src/structure.js';
import { isWord } from '../src/tokenize.js';

const MAINTENANCE = new Set(['COALESCE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR']);

export default defineRule({
  meta: {
    id: 'no-partition-maintenance',
    description:
      'Disallow COALESCE, ANALYZE, CHECK, OPTIMIZE, REBUILD and REPAIR PARTITION and explicit partition selection, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: [],
    statements: ['alter_table', 'select', 'insert', 'replace', 'update', 'delete', 'create_view'],
    messages: {
      maintenance: '{{action}} PARTITION is not supported by {{target}}.',
      selection: 'Selecting partitions explicitly (PARTITION (…) after a table name) is not supported by {{target}}.',
    },
    source: PARTITIONING.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'alter_table') {
      for (const spec of alterTableLayout(stmt).specs) {
        const action = code[spec.from]!;
        if (
          action.kind === 'word' &&
          MAINTENANCE.has(action.text.toUpperCase()) &&
          isWord(code[spec.from + 1], 'PARTITION')
        ) {
          ctx.report({
            messageId: 'maintenance',
            data: { action: action.text.toUpperCase() },
            start: action.start,
            end: code[spec.from + 1]!.end,
          });
        }
      }
      return;
    }
    for (let k = 1; k < code.length; k++) {
      const t = code[k]!;
      const prev = code[k - 1]!;
      if (!isWord(t, 'PARTITION') || !isPunct(code[k + 1], '(')) continue;
      // After a table name: a name token, not a keyword such as BY or OVER (window PARTITION BY).
      if (
        prev.kind === 'quotedIdent' ||
        (prev.kind === 'word' && !['BY', 'OVER', 'ADD', 'DROP'].includes(prev.text.toUpperCase()))
      ) {
        ctx.report({ messageId: 'selection', start: t.start, end: t.end });
      }
    }
  },
});
