// The one index model: every index a statement defines (a CREATE TABLE item, an ALTER TABLE …
// ADD, a CREATE INDEX), read by one parser into one type, with its name, kind, key-part list and
// the columns of its key parts; and the keys among them (PRIMARY KEY, UNIQUE, KEY/INDEX, also when
// written on a column) that the distribution advice and the schema model read. From tokens, like
// structure.ts: it works on statements node-sql-parser rejects.
import { columnsOf } from './columns.js';
import { nameAt } from './names.js';
import type { Statement } from './statements.js';
import {
  alterTableLayout,
  createIndexLayout,
  createTableLayout,
  isPunct,
  matchParen,
  memo,
  splitTopLevel,
  type CodeSpan,
  type Definition,
} from './structure.js';
import { identValue, isWord, type Token } from './tokenize.js';

/** What an index is: a key (PRIMARY, UNIQUE, a plain KEY/INDEX), FULLTEXT or SPATIAL. */
export type IndexKind = 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';

/** One key part: `col`, `col(10) DESC`, `(expr) ASC`. */
export interface KeyPart extends CodeSpan {
  /** Lower-cased column name, or null for a functional key part `(expr)`. */
  readonly column: string | null;
}

/** One index a statement defines. `from`/`to`: the definition (or the whole CREATE INDEX statement). */
export interface IndexInfo extends CodeSpan {
  readonly kind: IndexKind;
  /** The index name as written (unquoted), or null (a PRIMARY KEY: its CONSTRAINT symbol, if any). */
  readonly name: string | null;
  /** The word that says what it is (PRIMARY, UNIQUE, KEY, INDEX, FULLTEXT, SPATIAL): where findings point. */
  readonly keyword: Token;
  /**
   * Code indices of the key-part list's `(` and `)`: both -1 when no list was written (and for a
   * key written on a column); `close` is `to` when the list is not closed.
   */
  readonly open: number;
  readonly close: number;
  /** The key parts (for a key written on a column: the column's name). */
  readonly parts: readonly KeyPart[];
  /** Written on a column (`id INT PRIMARY KEY`). */
  readonly columnLevel: boolean;
}

/** A key: a PRIMARY KEY, UNIQUE or plain KEY/INDEX, with a closed key-part list (or on a column). */
export type KeyInfo = IndexInfo & { readonly kind: 'primary' | 'unique' | 'index' };

const INDEX_KINDS: ReadonlySet<Definition['kind']> = new Set(['index', 'unique', 'primary', 'fulltext', 'spatial']);

/** The key parts of the list whose `(` is at code[open] and `)` at code[close]. */
function keyParts(code: readonly Token[], open: number, close: number): KeyPart[] {
  return splitTopLevel(code, open + 1, close).map((span) => {
    const first = code[span.from]!;
    const column = first.kind === 'word' || first.kind === 'quotedIdent' ? identValue(first).toLowerCase() : null;
    return { ...span, column };
  });
}

/** The index name at code[k] (before the key-part list), or null: a `(` or an index type (USING) comes instead. */
function indexNameAt(code: readonly Token[], k: number, to: number): string | null {
  return isWord(code[k], 'USING') ? null : (nameAt(code, k, to)?.name ?? null);
}

/** The index a CREATE TABLE item or an ALTER TABLE … ADD target defines (`def` of an index kind). */
function indexOfDefinition(code: readonly Token[], def: Definition & { kind: IndexKind }): IndexInfo {
  let k = def.from;
  let name: string | null = null;
  if (isWord(code[k], 'CONSTRAINT')) {
    k++;
    if (!isWord(code[k], 'PRIMARY') && !isWord(code[k], 'UNIQUE')) {
      name = indexNameAt(code, k, def.to);
      k++;
    }
  }
  const keyword = code[k]!;
  k++;
  if (def.kind !== 'index' && (isWord(code[k], 'KEY') || isWord(code[k], 'INDEX'))) k++;
  if (def.kind !== 'primary') name = indexNameAt(code, k, def.to) ?? name;
  let open = k;
  while (open < def.to && !isPunct(code[open], '(')) open++;
  if (open >= def.to) return { ...base(def, name, keyword), open: -1, close: -1, parts: [] };
  const close = matchParen(code, open, def.to);
  return { ...base(def, name, keyword), open, close, parts: keyParts(code, open, close) };
}

function base(
  def: Definition & { kind: IndexKind },
  name: string | null,
  keyword: Token,
): Pick<IndexInfo, 'kind' | 'name' | 'from' | 'to' | 'keyword' | 'columnLevel'> {
  return { kind: def.kind, name, from: def.from, to: def.to, keyword, columnLevel: false };
}

/** The index a CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX statement defines. */
function indexOfCreateIndex(stmt: Statement): IndexInfo {
  const code = stmt.code;
  const layout = createIndexLayout(stmt);
  const head = code.slice(0, Math.max(layout.indexAt, 0));
  const kind: IndexKind = head.some((t) => isWord(t, 'UNIQUE'))
    ? 'unique'
    : head.some((t) => isWord(t, 'FULLTEXT'))
      ? 'fulltext'
      : head.some((t) => isWord(t, 'SPATIAL'))
        ? 'spatial'
        : 'index';
  const name = layout.indexAt < 0 ? null : indexNameAt(code, layout.indexAt + 1, code.length);
  const keyword = code[Math.max(layout.indexAt, 0)]!;
  const at = { kind, name, from: 0, to: code.length, keyword, columnLevel: false };
  if (layout.keyParts === null) return { ...at, open: -1, close: -1, parts: [] };
  const open = layout.keyParts.from;
  const close = layout.keyParts.to - 1;
  return { ...at, open, close, parts: keyParts(code, open, close) };
}

/**
 * Every index a CREATE TABLE, an ALTER TABLE … ADD or a CREATE INDEX defines, in order: PRIMARY
 * KEY, UNIQUE, KEY/INDEX, FULLTEXT and SPATIAL, with their key parts (not the keys written on a
 * column: see tableKeys).
 */
export const indexesOf = memo(computeIndexes);

function computeIndexes(stmt: Statement): IndexInfo[] {
  if (stmt.kind === 'create_index') return [indexOfCreateIndex(stmt)];
  if (stmt.kind !== 'create_table' && stmt.kind !== 'alter_table') return [];
  const defs = stmt.kind === 'create_table' ? createTableLayout(stmt).definitions : alterTableLayout(stmt).added;
  const out: IndexInfo[] = [];
  for (const d of defs) {
    if (INDEX_KINDS.has(d.kind)) out.push(indexOfDefinition(stmt.code, d as Definition & { kind: IndexKind }));
  }
  return out;
}

/** True when `index` is a key (PRIMARY, UNIQUE, KEY/INDEX) whose key-part list is written and closed. */
function isKey(index: IndexInfo): index is KeyInfo {
  return (
    (index.kind === 'primary' || index.kind === 'unique' || index.kind === 'index') &&
    index.open >= 0 &&
    index.close < index.to
  );
}

/** The keys a CREATE TABLE defines: table-level ones, and PRIMARY KEY / UNIQUE written on columns. */
export function tableKeys(stmt: Statement): KeyInfo[] {
  const layout = createTableLayout(stmt);
  const out: KeyInfo[] = indexesOf(stmt).filter(isKey);
  for (const c of columnsOf(stmt.code, layout.definitions)) {
    if (c.primaryKey === null && !c.unique) continue;
    const part: KeyPart = { from: c.definition.from, to: c.definition.from + 1, column: c.name.toLowerCase() };
    out.push({
      kind: c.primaryKey !== null ? 'primary' : 'unique',
      name: null,
      from: c.definition.from,
      to: c.definition.to,
      keyword: c.primaryKey ?? c.nameToken,
      open: -1,
      close: -1,
      parts: [part],
      columnLevel: true,
    });
  }
  return out;
}

/** The index a CREATE [UNIQUE] INDEX statement defines, or null (FULLTEXT, SPATIAL, no closed key-part list). */
export function createIndexKey(stmt: Statement): KeyInfo | null {
  const index = indexesOf(stmt)[0];
  if (index === undefined || createIndexLayout(stmt).indexAt < 0 || !isKey(index)) return null;
  const head = stmt.code.slice(0, createIndexLayout(stmt).indexAt);
  return head.some((t) => isWord(t, 'FULLTEXT') || isWord(t, 'SPATIAL')) ? null : index;
}

/** The keys an ALTER TABLE adds (ADD PRIMARY KEY / UNIQUE / INDEX / KEY). */
export function addedKeys(stmt: Statement): KeyInfo[] {
  return indexesOf(stmt).filter(isKey);
}
