// Client commands in a script: the mysql client runs them itself and the server never sees them.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'client-command',
    description:
      "Report mysql client commands the server never sees: source / \\. (clustrix-lint does not read the file they run) and mariadb-dump's sandbox line (which MySQL's mysql client refuses).",
    severity: 'info',
    fixable: [],
    statements: ['client_command'],
    messages: {
      source:
        '"{{text}}" is a mysql client command: the client reads and runs {{file}} here, and clustrix-lint does not; check that file for {{target}} too.',
      sandbox:
        "mariadb-dump's sandbox-mode line: the mariadb client turns sandbox mode on here, but MySQL's mysql client stops with \"Unknown command '\\-'\". Load the script into {{target}} with the mariadb client, or delete this line.",
    },
    source: SOURCES.clientCommands,
  },
  check(stmt, ctx) {
    const t = stmt.code[0]!;
    if (t.text.startsWith('/*M!999999')) {
      ctx.report({ messageId: 'sandbox', start: t.start, end: t.end, severity: 'warning' });
      return;
    }
    const m = /^(?:source|\\\.)\s+(.*)$/is.exec(t.text);
    if (m === null) return; // use db: the client changes the default database, as the server would
    ctx.report({
      messageId: 'source',
      data: { text: t.text.length > 60 ? `${t.text.slice(0, 57)}…` : t.text, file: m[1]!.trim() },
      start: t.start,
      end: t.end,
    });
  },
});
