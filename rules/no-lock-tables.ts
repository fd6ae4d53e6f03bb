// LOCK TABLES is accepted but takes no lock on ClustrixDB/Xpand.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-lock-tables',
    description: 'Report LOCK TABLES … READ/WRITE, which ClustrixDB/Xpand accept but which lock nothing there.',
    severity: 'warning',
    fixable: [],
    statements: ['lock_tables'],
    messages: {
      noop: 'LOCK TABLES is a no-op on {{target}} (kept so mysqldump files load): nothing is locked. Use a transaction if the script relies on the lock.',
      dump: "mysqldump's LOCK TABLES around a table's rows is a no-op on {{target}}: nothing is locked while they load, which a load into a new database does not need.",
    },
    source: SOURCES.writes,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    // Xpand's own LOCK TABLES … FOR UPDATE does take a lock.
    if (code.some((t, k) => isWord(t, 'FOR') && isWord(code[k + 1], 'UPDATE'))) return;
    // mysqldump's framing: one backquoted table, WRITE, around its INSERTs. Nothing relies on it.
    const dump = code.length === 4 && code[2]!.kind === 'quotedIdent' && code[3]!.text === 'WRITE';
    ctx.report({
      messageId: dump ? 'dump' : 'noop',
      start: code[0]!.start,
      end: code[1]!.end,
      severity: dump ? 'info' : 'warning',
    });
  },
});
