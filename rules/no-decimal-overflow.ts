// DECIMAL precision or scale over the limit: MySQL rejects it, Xpand silently truncates.
import { TARGET_LIMITS } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, isPunct } from '../src/core/kit.js';

const DECIMAL_TYPES = new Set(['DECIMAL', 'NUMERIC', 'DEC', 'FIXED']);

export default defineRule({
  meta: {
    id: 'no-decimal-overflow',
    description: `Disallow DECIMAL precision over ${TARGET_LIMITS.decimalPrecision} or scale over ${TARGET_LIMITS.decimalScale}, which ClustrixDB/Xpand silently truncate.`,
    severity: 'error',
    fixable: ['lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      overflow:
        '{{type}}({{precision}}{{scale}}) exceeds DECIMAL({{maxPrecision}},{{maxScale}}); {{target}} silently truncates it even in strict mode, where MySQL refuses it.',
    },
    source: TARGET_LIMITS.decimalSource,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const col of columnDefinitions(stmt)) {
      const type = code[col.from + 1];
      if (type?.kind !== 'word' || !DECIMAL_TYPES.has(type.text.toUpperCase()) || !isPunct(code[col.from + 2], '('))
        continue;
      const p = code[col.from + 3];
      const comma = isPunct(code[col.from + 4], ',');
      const s = comma ? code[col.from + 5] : undefined;
      if (p?.kind !== 'number') continue;
      const precision = Number(p.text);
      const scale = s?.kind === 'number' ? Number(s.text) : 0;
      if (precision <= TARGET_LIMITS.decimalPrecision && scale <= TARGET_LIMITS.decimalScale) continue;
      const edits = [];
      if (precision > TARGET_LIMITS.decimalPrecision)
        edits.push({ start: p.start, end: p.end, text: String(TARGET_LIMITS.decimalPrecision) });
      if (s !== undefined && scale > TARGET_LIMITS.decimalScale)
        edits.push({ start: s.start, end: s.end, text: String(TARGET_LIMITS.decimalScale) });
      ctx.report({
        messageId: 'overflow',
        data: {
          type: type.text.toUpperCase(),
          precision,
          scale: s === undefined ? '' : `,${scale}`,
          maxPrecision: TARGET_LIMITS.decimalPrecision,
          maxScale: TARGET_LIMITS.decimalScale,
        },
        start: type.start,
        end: code[Math.min(col.to, col.from + (comma ? 7 : 5)) - 1]!.end,
        fix: { kind: 'lossy', title: 'Clamp to the DECIMAL limits', edits },
      });
    }
  },
});
