// Flags table options ClustrixDB/Xpand ignore (ROW_FORMAT, KEY_BLOCK_SIZE, …) or do not know
// (DATA DIRECTORY, STATS_*, COMPRESSION, ENCRYPTION, …), and removes them.
import { TABLE_OPTIONS } from '../src/catalog.js';
import { defineRule, removeListItemEdit, type Edit } from '../src/rule.js';
import type { SqlSource } from '../src/source.js';
import type { Statement } from '../src/statements.js';
import { alterTableLayout, createTableLayout, tableOptions, type TableOption } from '../src/structure.js';

/** Table options Xpand accepts (knowledge base §5.2), so an ALTER spec starting with one is options. */
const OTHER_OPTIONS = new Set(['ENGINE', 'TYPE', 'AUTO_INCREMENT', 'CHARACTER SET', 'CHARSET', 'COLLATE', 'COMMENT']);

/** Options whose removal drops something the user may rely on. */
const LOSSY = new Set(['ENCRYPTION', 'ENCRYPTED', 'ENCRYPTION_KEY_ID']);

export default defineRule({
  meta: {
    id: 'no-ignored-table-option',
    description:
      'Disallow table options ClustrixDB/Xpand ignore (ROW_FORMAT, KEY_BLOCK_SIZE, …) or do not document (DATA DIRECTORY, STATS_*, COMPRESSION, ENCRYPTION, …).',
    severity: 'warning',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      ignored: 'Table option {{name}} is accepted and ignored by {{target}}; the fix removes it.',
      unknown:
        'Table option {{name}} is not among the options {{target}} accepts or ignores, so the statement may be rejected; the fix removes it.',
    },
    source: TABLE_OPTIONS.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const opt of optionsOf(stmt)) {
      const ignored = TABLE_OPTIONS.ignored.has(opt.name);
      const unknown = TABLE_OPTIONS.unknown.has(opt.name) || TABLE_OPTIONS.unknown.has(opt.name.split(' ')[0]!);
      if (!ignored && !unknown) continue;
      if (opt.name === 'INDEX' || opt.name === 'DATA' || opt.name === 'START') continue; // only their two-word forms
      const first = code[opt.from]!;
      ctx.report({
        messageId: ignored ? 'ignored' : 'unknown',
        data: { name: opt.name },
        start: first.start,
        end: code[opt.to - 1]!.end,
        severity: ignored ? 'warning' : 'error',
        fix: {
          kind: LOSSY.has(opt.name) ? 'lossy' : 'safe',
          title: `Remove table option ${opt.name}`,
          edits: [removeOption(ctx.source, stmt, opt)],
        },
      });
    }
  },
});

function optionsOf(stmt: Statement): TableOption[] {
  const code = stmt.code;
  if (stmt.kind === 'create_table') return tableOptions(code, createTableLayout(stmt).options);
  // In ALTER TABLE, table options are specs of their own: `ALTER TABLE t ROW_FORMAT=DYNAMIC, …`.
  // Only specs that begin with an option name: `ADD COLUMN password …` is not the PASSWORD option.
  const isOption = (name: string) =>
    TABLE_OPTIONS.ignored.has(name) || TABLE_OPTIONS.unknown.has(name) || OTHER_OPTIONS.has(name);
  return alterTableLayout(stmt)
    .specs.map((spec) => tableOptions(code, spec))
    .filter((opts) => opts.length > 0 && isOption(opts[0]!.name) && opts.every((o) => isOption(o.name)))
    .flat();
}

/** Removes the option with the comma that separated it from its neighbour, if any. */
function removeOption(source: SqlSource, stmt: Statement, opt: TableOption): Edit {
  return removeListItemEdit(source, stmt.code, opt.from, opt.to);
}
