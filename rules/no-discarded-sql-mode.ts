// sql_mode: Xpand acts only on STRICT_TRANS_TABLES, STRICT_ALL_TABLES, NO_AUTO_VALUE_ON_ZERO
// (and TRADITIONAL); it discards the others, and an unknown value turns sql_mode to NULL.
import { SQL_MODES } from '../src/core/catalog/index.js';
import { defineRule, identValue, isPunct } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-discarded-sql-mode',
    description:
      'Report sql_mode values ClustrixDB/Xpand discard (all but STRICT_TRANS_TABLES, STRICT_ALL_TABLES, NO_AUTO_VALUE_ON_ZERO, TRADITIONAL).',
    severity: 'warning',
    fixable: [],
    statements: ['set', 'create_procedure', 'create_function', 'create_trigger', 'create_event'],
    messages: {
      discarded:
        'sql_mode {{modes}} is accepted and discarded by {{target}}: the script will not behave as it does under that mode on MySQL.',
      unknown:
        'sql_mode value {{modes}} is unknown; {{target}} then sets sql_mode to NULL without a warning, so strict mode is off.',
    },
    source: SQL_MODES.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (let k = 0; k < code.length; k++) {
      const t = code[k]!;
      const isSqlMode =
        (t.kind === 'word' && t.text.toUpperCase() === 'SQL_MODE') ||
        (t.kind === 'variable' && /^@@(?:(?:global|session|local)\.)?sql_mode$/i.test(t.text));
      if (!isSqlMode || !(isPunct(code[k + 1], '=') || isPunct(code[k + 1], ':='))) continue;
      const value = code[k + 2];
      // Only literal values: `SQL_MODE=@OLD_SQL_MODE` restores whatever was there.
      if (value === undefined || (value.kind !== 'string' && value.kind !== 'word')) continue;
      const next = code[k + 3];
      if (next !== undefined && !isPunct(next, ',') && !isPunct(next, ';')) continue;
      const modes = identValue(value)
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter((m) => m !== '' && m !== 'DEFAULT');
      const unknown = modes.filter((m) => !SQL_MODES.known.has(m));
      const discarded = modes.filter((m) => SQL_MODES.known.has(m) && !SQL_MODES.acting.has(m));
      if (unknown.length > 0) {
        ctx.report({
          messageId: 'unknown',
          data: { modes: unknown.join(', ') },
          start: value.start,
          end: value.end,
          severity: 'error',
        });
      } else if (discarded.length > 0) {
        ctx.report({
          messageId: 'discarded',
          data: { modes: discarded.join(', ') },
          start: value.start,
          end: value.end,
        });
      }
    }
  },
});
