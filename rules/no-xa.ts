// XA transactions are not supported on ClustrixDB/Xpand.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-xa',
    description: 'Disallow XA transaction statements, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: [],
    statements: ['xa'],
    messages: { xa: 'XA transactions are not supported by {{target}}.' },
    source: SOURCES.unsupported,
  },
  check(stmt, ctx) {
    const head = stmt.code[0]!;
    ctx.report({ messageId: 'xa', start: head.start, end: head.end });
  },
});
