// The event scheduler does not exist on ClustrixDB/Xpand: CREATE/ALTER/DROP EVENT and
// SET GLOBAL event_scheduler.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule, isWord, removeStatementEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-event',
    description:
      'Disallow CREATE/ALTER/DROP EVENT and event_scheduler settings, since ClustrixDB/Xpand have no event scheduler.',
    severity: 'error',
    fixable: ['lossy'],
    statements: ['create_event', 'alter_other', 'drop', 'set'],
    messages: {
      event:
        'Events are not supported by {{target}}; run the schedule outside the database (cron, a job runner). The fix (lossy) removes the statement.',
      scheduler: 'event_scheduler does not exist on {{target}}; the fix (lossy) removes the statement.',
    },
    source: SOURCES.events,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    let at = -1;
    let messageId = 'event';
    if (stmt.kind === 'create_event') at = code.findIndex((t) => isWord(t, 'EVENT'));
    else if (stmt.kind === 'alter_other' || stmt.kind === 'drop') {
      // DROP EVENT …, ALTER [DEFINER = …] EVENT …; not DROP TABLE event.
      const k = code.findIndex((t) => isWord(t, 'EVENT'));
      const isEventStatement =
        stmt.kind === 'drop'
          ? k === 1
          : k > 0 && code.slice(1, k).every((t) => !isWord(t, 'TABLE') && !isWord(t, 'VIEW'));
      if (isEventStatement) at = k;
    } else {
      at = code.findIndex(
        (t) => (t.kind === 'word' || t.kind === 'variable') && /(?:^|\.)event_scheduler$/i.test(t.text),
      );
      messageId = 'scheduler';
    }
    if (at < 0) return;
    ctx.report({
      messageId,
      start: code[at]!.start,
      end: code[at]!.end,
      fix: { kind: 'lossy', title: 'Remove the event statement', edits: [removeStatementEdit(ctx.source, stmt)] },
    });
  },
});
