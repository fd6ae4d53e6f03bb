// Advice: a table without a primary key gets a hidden one on Xpand, and row-based replication then
// scans the table for every row it applies. Script-wide, so that a primary key added by a later
// ALTER TABLE (as phpMyAdmin dumps do) counts: it reads what the whole script defined (ctx.schema).
import { PRIMARY_KEY, targetInRange } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, identValue, isWord, type Token } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'prefer-primary-key',
    description:
      'Suggest a primary key for tables without one: Xpand gives them a hidden one, and row-based replication then scans the table to find each row it applies.',
    severity: 'info',
    category: 'advice',
    fixable: [],
    statements: ['create_table'],
    // checkScript reads a CREATE TABLE's name only: the keys come from ctx.schema.
    scriptReads: 'name',
    messages: {
      noPrimaryKey:
        '{{table}} has no primary key: {{target}} gives it a hidden one, and row-based replication (which its parallel replication needs) then scans the table to find each row it applies; give it a primary key.',
      candidate:
        '{{table}} has no primary key: {{target}} gives it a hidden one, and row-based replication (which its parallel replication needs) then scans the table to find each row it applies; its unique key {{key}} on NOT NULL columns ({{columns}}) could become the primary key (InnoDB already uses it as one).',
    },
    source: PRIMARY_KEY.source,
  },
  check() {
    // Script-wide only: a later ALTER TABLE … ADD PRIMARY KEY must be seen first.
  },
  checkScript(statements, ctx) {
    if (!targetInRange(ctx.target, PRIMARY_KEY.since)) return;
    // Each table by its last CREATE TABLE; whether it ends up with a primary key (an ALTER TABLE …
    // ADD PRIMARY KEY counts, as phpMyAdmin dumps write them) is what the script defined in all:
    // ctx.schema, which a stream builds as it goes, so only the table's name is read here.
    const last = new Map<string, Token>();
    for (const stmt of statements) {
      const code = stmt.code;
      const at = code[createTableLayout(stmt).nameAt];
      if (at === undefined || code.some((t, k) => k < 3 && isWord(t, 'TEMPORARY'))) continue;
      const name = identValue(at).toLowerCase();
      last.delete(name);
      last.set(name, at);
    }
    for (const [name, at] of last) {
      const facts = ctx.schema.table(name);
      // Dropped since, or keys not known (… AS SELECT, LIKE a table the script does not define).
      if (facts === undefined || facts.primaryKey !== null) continue;
      const key = facts.candidateKey ?? null;
      ctx.report({
        messageId: key === null ? 'noPrimaryKey' : 'candidate',
        data: { table: identValue(at), ...(key === null ? {} : { key: key.name, columns: key.columns.join(', ') }) },
        start: at.start,
        end: at.end,
      });
    }
  },
});
