// A foreign key whose parent columns are not a PRIMARY or UNIQUE key: InnoDB accepts any index
// there, ClustrixDB/Xpand refuse it with ON DELETE/UPDATE CASCADE or SET NULL.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  columnDefinitions,
  createIndexLayout,
  createTableLayout,
  defineRule,
  type Definition,
  identValue,
  indexesOf,
  isPunct,
  isWord,
  matchParen,
  type Statement,
  type Token,
} from '../src/core/kit.js';

const FACT = MYSQL8_DDL.foreignKeyParents;

const fold = (t: Token) => identValue(t).toLowerCase();

/** The column names of a `(a, b(10) DESC)` list at code[open] (functional parts give null). */
function columnList(code: readonly Token[], open: number): string[] | null {
  if (!isPunct(code[open], '(')) return null;
  const close = matchParen(code, open);
  const out: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let k = open + 1; k < close; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isPunct(t, ',')) expectName = true;
    else if (depth === 0 && expectName) {
      if (t.kind !== 'word' && t.kind !== 'quotedIdent') return null;
      out.push(fold(t));
      expectName = false;
    }
  }
  return out;
}

/** The table a CREATE TABLE / ALTER TABLE / CREATE INDEX is about (folded), or null. */
function tableOf(stmt: Statement): string | null {
  const code = stmt.code;
  const at =
    stmt.kind === 'create_table'
      ? createTableLayout(stmt).nameAt
      : stmt.kind === 'alter_table'
        ? alterTableLayout(stmt).nameAt
        : (() => {
            const on = createIndexLayout(stmt).onAt;
            return on < 0 ? -1 : isPunct(code[on + 2], '.') ? on + 3 : on + 1;
          })();
  const t = code[at];
  return t === undefined || (t.kind !== 'word' && t.kind !== 'quotedIdent') ? null : fold(t);
}

export default defineRule({
  meta: {
    id: 'no-cascade-to-non-unique-key',
    description:
      'Disallow ON DELETE/UPDATE CASCADE and SET NULL on foreign keys whose parent columns are not a PRIMARY or UNIQUE key, which ClustrixDB/Xpand refuse.',
    severity: 'error',
    fixable: [],
    statements: ['create_table', 'alter_table', 'create_index'],
    messages: {
      nonUnique:
        'ON {{event}} {{action}} needs a unique parent key on {{target}}, and {{parent}}({{columns}}) is not a PRIMARY KEY or UNIQUE key in this script: the statement fails there. Make the parent columns unique, or use RESTRICT / NO ACTION.',
    },
    source: FACT.source,
  },
  check() {
    // Needs the parent tables' keys from the whole script: see checkScript.
  },
  checkScript(statements, ctx) {
    // Every table the script creates, with the column sets of its unique keys.
    const unique = new Map<string, string[][]>();
    const add = (table: string | null, cols: string[] | null) => {
      if (table === null || cols === null || !unique.has(table)) return;
      unique.get(table)!.push(cols);
    };
    const fks: Array<{ stmt: Statement; def: Definition }> = [];
    for (const stmt of statements) {
      const table = tableOf(stmt);
      if (stmt.kind === 'create_table' && table !== null && !unique.has(table)) unique.set(table, []);
      const code = stmt.code;
      for (const index of indexesOf(stmt)) {
        if (index.kind === 'unique' || index.kind === 'primary')
          add(table, index.open < 0 ? null : columnList(code, index.open));
      }
      // Column attributes: `id INT PRIMARY KEY`, `code CHAR(3) UNIQUE`.
      for (const col of columnDefinitions(stmt)) {
        let depth = 0;
        for (let k = col.from + 1; k < col.to; k++) {
          if (isPunct(code[k], '(')) depth++;
          else if (isPunct(code[k], ')')) depth--;
          else if (
            depth === 0 &&
            (isWord(code[k], 'UNIQUE') || (isWord(code[k], 'PRIMARY') && isWord(code[k + 1], 'KEY')))
          )
            add(table, [fold(code[col.from]!)]);
          else if (depth === 0 && isWord(code[k], 'REFERENCES')) break;
        }
      }
      const defs =
        stmt.kind === 'create_table'
          ? createTableLayout(stmt).definitions
          : stmt.kind === 'alter_table'
            ? alterTableLayout(stmt).added
            : [];
      for (const def of defs) if (def.kind === 'foreign') fks.push({ stmt, def });
    }
    for (const { stmt, def } of fks) {
      const code = stmt.code;
      const ref = code.findIndex((t, k) => k >= def.from && k < def.to && isWord(t, 'REFERENCES'));
      if (ref < 0) continue;
      let p = ref + 1;
      if (isPunct(code[p + 1], '.')) p += 2;
      const parentToken = code[p];
      if (parentToken === undefined || (parentToken.kind !== 'word' && parentToken.kind !== 'quotedIdent')) continue;
      const parent = fold(parentToken);
      const keys = unique.get(parent);
      const cols = columnList(code, p + 1);
      // A parent this script does not create is not known here.
      if (keys === undefined || cols === null) continue;
      const isUnique = keys.some((k) => k.length === cols.length && k.every((c) => cols.includes(c)));
      if (isUnique) continue;
      for (let k = p + 1; k < def.to; k++) {
        if (!isWord(code[k], 'ON') || !(isWord(code[k + 1], 'DELETE') || isWord(code[k + 1], 'UPDATE'))) continue;
        const setNull = isWord(code[k + 2], 'SET') && isWord(code[k + 3], 'NULL');
        const action = isWord(code[k + 2], 'CASCADE') ? 'CASCADE' : setNull ? 'SET NULL' : null;
        if (action === null || !FACT.refusedActions.has(action)) continue;
        const last = code[k + (setNull ? 3 : 2)]!;
        ctx.report({
          messageId: 'nonUnique',
          data: {
            event: code[k + 1]!.text.toUpperCase(),
            action,
            parent: identValue(parentToken),
            columns: cols.join(', '),
          },
          start: code[k]!.start,
          end: last.end,
        });
      }
    }
  },
});
