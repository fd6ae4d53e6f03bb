// Reports, once, a statement clustrix-lint cannot classify: it is passed through unchanged.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'unrecognized-statement',
    description: 'Report statements clustrix-lint does not recognize; they are kept as written and not checked.',
    severity: 'info',
    fixable: [],
    statements: ['unknown'],
    messages: {
      unrecognized:
        'Statement starting with "{{head}}" is not recognized; it is kept unchanged and not checked for {{target}}.',
    },
    source: SOURCES.mysqlStatements,
  },
  check(stmt, ctx) {
    const head = stmt.code[0];
    if (head === undefined) return;
    ctx.report({ messageId: 'unrecognized', data: { head: head.text.slice(0, 40) }, start: head.start, end: head.end });
  },
});
