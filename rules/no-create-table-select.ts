// CREATE TABLE … SELECT derives column types differently on ClustrixDB.
import { SOURCES } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-create-table-select',
    description: 'Report CREATE TABLE … SELECT, whose column types ClustrixDB/Xpand derive differently from MySQL.',
    severity: 'warning',
    fixable: [],
    statements: ['create_table'],
    messages: {
      typing:
        'CREATE TABLE … SELECT derives other column types on {{target}} (BIT becomes BIT(64), DECIMAL a variable decimal, ENUM/SET VARCHAR(256)); create the table explicitly, then INSERT … SELECT.',
    },
    source: SOURCES.routines,
  },
  check(stmt, ctx) {
    const layout = createTableLayout(stmt);
    const at = layout.partition?.to ?? layout.options.to;
    const t = stmt.code[at];
    if (t === undefined) return;
    // What follows the options is a query only if it has one (SELECT, or MySQL 8's TABLE t and
    // VALUES ROW …): MariaDB's WITH SYSTEM VERSIONING, say, is a table option, not a query.
    const tail = stmt.code.slice(at);
    if (!tail.some((w) => isWord(w, 'SELECT') || isWord(w, 'TABLE') || isWord(w, 'VALUES'))) return;
    ctx.report({ messageId: 'typing', start: t.start, end: t.end });
  },
});
