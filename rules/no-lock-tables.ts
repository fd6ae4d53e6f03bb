// LOCK TABLES is accepted but takes no lock on ClustrixDB/Xpand.
import { SOURCES } from '../src/catalog.js';
import { defineRule } from '../src/rule.js';
import { isWord } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'no-lock-tables',
    description: 'Report LOCK TABLES … READ/WRITE, which ClustrixDB/Xpand accept but which lock nothing there.',
    severity: 'warning',
    fixable: [],
    statements: ['lock_tables'],
    messages: {
      noop: 'LOCK TABLES is a no-op on {{target}} (kept so mysqldump files load): nothing is locked. Use a transaction if the script relies on the lock.',
    },
    source: SOURCES.writes,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    // Xpand's own LOCK TABLES … FOR UPDATE does take a lock.
    if (code.some((t, k) => isWord(t, 'FOR') && isWord(code[k + 1], 'UPDATE'))) return;
    ctx.report({ messageId: 'noop', start: code[0]!.start, end: code[1]!.end });
  },
});
