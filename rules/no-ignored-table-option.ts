// Flags table options ClustrixDB/Xpand ignore (ROW_FORMAT, KEY_BLOCK_SIZE, …) or do not know
// (DATA DIRECTORY, STATS_*, COMPRESSION, ENCRYPTION, …), and database options other than CHARACTER
// SET and COLLATE, and removes them.
import { TABLE_OPTIONS } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  createTableLayout,
  defineRule,
  type Edit,
  identValue,
  isPunct,
  isWord,
  removeListItemEdit,
  type SqlSource,
  type Statement,
  type TableOption,
  tableOptions,
} from '../src/core/kit.js';

/** Table options Xpand accepts (knowledge base §5.2), so an ALTER spec starting with one is options. */
const OTHER_OPTIONS = new Set(['ENGINE', 'TYPE', 'AUTO_INCREMENT', 'CHARACTER SET', 'CHARSET', 'COLLATE', 'COMMENT']);

/** Options whose removal drops something the user may rely on. */
const LOSSY = new Set(['ENCRYPTION', 'ENCRYPTED', 'ENCRYPTION_KEY_ID']);

export default defineRule({
  meta: {
    id: 'no-ignored-table-option',
    description:
      'Disallow table options ClustrixDB/Xpand ignore (ROW_FORMAT, KEY_BLOCK_SIZE, …) or do not document (DATA DIRECTORY, STATS_*, COMPRESSION, ENCRYPTION, …), and database options other than CHARACTER SET and COLLATE.',
    severity: 'warning',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table', 'create_database', 'alter_database'],
    messages: {
      ignored: 'Table option {{name}} is accepted and ignored by {{target}}; the fix removes it.',
      databaseOption:
        "Database option {{name}} is not one {{target}}'s CREATE/ALTER DATABASE takes (only CHARACTER SET and COLLATE), so the statement may be rejected; the fix removes it{{what}}.",
      unknown:
        'Table option {{name}} is not among the options {{target}} accepts or ignores, so the statement may be rejected; the fix removes it.',
    },
    source: TABLE_OPTIONS.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'create_database' || stmt.kind === 'alter_database') {
      for (const opt of databaseOptions(stmt)) {
        if (opt.name === 'CHARACTER SET' || opt.name === 'CHARSET' || opt.name === 'COLLATE') continue;
        const value = opt.valueAt >= 0 ? code[opt.valueAt] : undefined;
        // DEFAULT ENCRYPTION='N' is the default: nothing is lost without it.
        const isDefault = opt.name === 'ENCRYPTION' && value !== undefined && identValue(value).toUpperCase() === 'N';
        // mysqldump's `/*!80016 DEFAULT ENCRYPTION='N' */`: the target skips it and nothing is lost
        // (no-executable-comment leaves it alone too); once unwrapped it is reported.
        if (isDefault && code[opt.from]!.exec !== null) continue;
        ctx.report({
          messageId: 'databaseOption',
          data: { name: opt.name, what: isDefault ? " ('N' is the default)" : '' },
          start: code[opt.from]!.start,
          end: code[opt.to - 1]!.end,
          severity: 'error',
          fix: {
            kind: isDefault ? 'safe' : 'lossy',
            title: `Remove database option ${opt.name}`,
            edits: [removeListItemEdit(ctx.source, code, opt.from, opt.to)],
          },
        });
      }
      return;
    }
    for (const opt of optionsOf(stmt)) {
      // A quoted name (MariaDB's engine-defined options, `compression`='tokudb_zlib') is no option
      // of the target's grammar, whatever the name.
      const ignored = opt.quoted !== true && TABLE_OPTIONS.ignored.has(opt.name);
      const unknown =
        opt.quoted === true ||
        TABLE_OPTIONS.unknown.has(opt.name) ||
        TABLE_OPTIONS.unknown.has(opt.name.split(' ')[0]!);
      if (!ignored && !unknown) continue;
      if (opt.name === 'INDEX' || opt.name === 'DATA' || opt.name === 'START') continue; // only their two-word forms
      const first = code[opt.from]!;
      ctx.report({
        messageId: ignored ? 'ignored' : 'unknown',
        data: { name: opt.quoted === true ? first.text : opt.name },
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

/** The options of CREATE/ALTER DATABASE (READ ONLY as one option). */
function databaseOptions(stmt: Statement): TableOption[] {
  const code = stmt.code;
  let k = code.findIndex((t) => isWord(t, 'DATABASE') || isWord(t, 'SCHEMA')) + 1;
  if (k === 0) return [];
  if (isWord(code[k], 'IF')) k += stmt.kind === 'create_database' ? 3 : 2;
  const optionWord = (i: number) =>
    ['DEFAULT', 'CHARACTER', 'CHARSET', 'COLLATE', 'ENCRYPTION', 'READ', 'COMMENT'].some((w) => isWord(code[i], w));
  // ALTER DATABASE may name no database.
  if (!(stmt.kind === 'alter_database' && optionWord(k))) k++;
  const out: TableOption[] = [];
  for (const opt of tableOptions(code, { from: k, to: code.length })) {
    if (opt.name === 'READ' && isWord(code[opt.valueAt], 'ONLY')) {
      let to = opt.valueAt + 1;
      if (isPunct(code[to], '=')) to++;
      out.push({ from: opt.from, to: Math.min(to + 1, code.length), name: 'READ ONLY', valueAt: to });
    } else out.push(opt);
  }
  return out;
}

/** Removes the option with the comma that separated it from its neighbour, if any. */
function removeOption(source: SqlSource, stmt: Statement, opt: TableOption): Edit {
  return removeListItemEdit(source, stmt.code, opt.from, opt.to);
}
