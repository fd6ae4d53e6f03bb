// Advice: a table without a primary key gets a hidden one on Xpand, and row-based replication then
// scans the table for every row it applies. Script-wide, so that a primary key added by a later
// ALTER TABLE (as phpMyAdmin dumps do) counts.
import { PRIMARY_KEY, targetInRange } from '../src/catalog.js';
import { addedKeys, tableColumns, tableKeys } from '../src/keys.js';
import { defineRule } from '../src/rule.js';
import { nameAt } from '../src/schema.js';
import { alterTableLayout, createTableLayout } from '../src/structure.js';
import { identValue, isWord, type Token } from '../src/tokenize.js';

export default defineRule({
  meta: {
    id: 'prefer-primary-key',
    description:
      'Suggest a primary key for tables without one: Xpand gives them a hidden one, and row-based replication then scans the table to find each row it applies.',
    severity: 'info',
    category: 'advice',
    fixable: [],
    statements: ['create_table', 'alter_table'],
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
    const missing = new Map<string, { at: Token; name: string; key: { name: string; columns: string } | null }>();
    for (const stmt of statements) {
      const code = stmt.code;
      if (stmt.kind === 'alter_table') {
        const name = nameAt(code, alterTableLayout(stmt).nameAt);
        if (name !== null && addedKeys(stmt).some((k) => k.kind === 'primary')) missing.delete(name.toLowerCase());
        continue;
      }
      const layout = createTableLayout(stmt);
      const at = code[layout.nameAt];
      if (at === undefined || layout.body === null) continue; // LIKE or AS SELECT: not this script's definition
      if (code.some((t, k) => k < 3 && isWord(t, 'TEMPORARY'))) continue;
      const name = identValue(at);
      const keys = tableKeys(stmt);
      if (keys.some((k) => k.kind === 'primary')) {
        missing.delete(name.toLowerCase());
        continue;
      }
      const notNull = new Set(
        tableColumns(stmt, layout.definitions)
          .filter((c) => c.notNull)
          .map((c) => c.name.toLowerCase()),
      );
      const candidate = keys.find(
        (k) =>
          k.kind === 'unique' && k.parts.length > 0 && k.parts.every((p) => p.column !== null && notNull.has(p.column)),
      );
      missing.set(name.toLowerCase(), {
        at,
        name,
        key:
          candidate === undefined
            ? null
            : { name: candidate.name ?? '(unnamed)', columns: candidate.parts.map((p) => p.column).join(', ') },
      });
    }
    for (const m of missing.values()) {
      ctx.report({
        messageId: m.key === null ? 'noPrimaryKey' : 'candidate',
        data: { table: m.name, ...(m.key === null ? {} : { key: m.key.name, columns: m.key.columns }) },
        start: m.at.start,
        end: m.at.end,
      });
    }
  },
});
