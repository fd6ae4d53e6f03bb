// Keys and columns of a table, from tokens: the primary key, unique keys and indexes with their
// key parts, and the column facts the distribution advice reads (type, NOT NULL, AUTO_INCREMENT,
// how few values a type allows). Works on statements node-sql-parser rejects, like structure.ts.
import type { Statement } from './statements.js';
import {
  alterTableLayout,
  createIndexLayout,
  createTableLayout,
  isPunct,
  matchParen,
  splitTopLevel,
  type CodeSpan,
  type Definition,
} from './structure.js';
import { identValue, isWord, type Token } from './tokenize.js';

/** How few values a column's type allows, as far as the type tells (later: from statistics). */
export interface FewValues {
  /** The most distinct non-NULL values, or null when the type only suggests few (CHAR(1)). */
  readonly values: number | null;
  /** The type as people say it: `BOOLEAN`, `ENUM of 3 members`, `CHAR(1)`; or where a measure comes from. */
  readonly what: string;
  /** Set when `values` was measured on a live database (its statistics): the table's rows. */
  readonly measured?: number;
}

export interface ColumnInfo {
  /** The name, unquoted, as written. */
  readonly name: string;
  readonly nameToken: Token;
  /** Code indices of the type: its first word to just past its arguments and UNSIGNED/SIGNED/ZEROFILL. */
  readonly typeFrom: number;
  readonly typeTo: number;
  /** The type word, upper case (`INT`, `BIGINT`, `ENUM`, …; `CHAR` for NATIONAL CHAR). */
  readonly type: string;
  readonly unsigned: boolean;
  readonly notNull: boolean;
  /** The AUTO_INCREMENT attribute, if written. */
  readonly autoIncrement: Token | null;
  /** PRIMARY KEY (or KEY) written on the column itself. */
  readonly primaryKey: Token | null;
  readonly unique: boolean;
  readonly fewValues: FewValues | null;
  readonly definition: Definition;
}

export interface KeyPart extends CodeSpan {
  /** Lower-cased column name, or null for a functional key part `(expr)`. */
  readonly column: string | null;
}

export interface KeyInfo {
  readonly kind: 'primary' | 'unique' | 'index';
  /** The index name as written (unquoted), or null. */
  readonly name: string | null;
  /** Code indices of the definition (or the whole CREATE INDEX statement). */
  readonly from: number;
  readonly to: number;
  /** The word that says what it is (PRIMARY, UNIQUE, KEY, INDEX): where findings point. */
  readonly keyword: Token;
  /** Code indices of the key-part list's `(` and `)`; both -1 for a column-level key. */
  readonly open: number;
  readonly close: number;
  readonly parts: readonly KeyPart[];
  /** Written on a column (`id INT PRIMARY KEY`). */
  readonly columnLevel: boolean;
}

const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'MEDIUMINT',
  'INT',
  'INTEGER',
  'BIGINT',
  'INT1',
  'INT2',
  'INT3',
  'INT4',
  'INT8',
]);

export function isIntegerType(type: string): boolean {
  return INTEGER_TYPES.has(type);
}

/** The number in `(n)` at code[k] … code[k+2], or null. */
function lengthAt(code: readonly Token[], k: number): number | null {
  if (!isPunct(code[k], '(') || code[k + 1]?.kind !== 'number' || !isPunct(code[k + 2], ')')) return null;
  return Number(code[k + 1]!.text);
}

/** How few values a type allows: BOOLEAN, TINYINT(1), BIT(n ≤ 4), ENUM, SET, CHAR(1); else null. */
function typeFewValues(code: readonly Token[], typeAt: number, type: string, argsOpen: number): FewValues | null {
  const length = argsOpen < 0 ? null : lengthAt(code, argsOpen);
  switch (type) {
    case 'BOOL':
    case 'BOOLEAN':
      return { values: 2, what: type };
    case 'TINYINT':
    case 'INT1':
      return length === 1 ? { values: 2, what: `${code[typeAt]!.text.toUpperCase()}(1), MySQL's BOOLEAN` } : null;
    case 'BIT': {
      const bits = argsOpen < 0 ? 1 : length;
      return bits !== null && bits <= 4 ? { values: 2 ** bits, what: `BIT(${bits})` } : null;
    }
    case 'ENUM':
    case 'SET': {
      if (argsOpen < 0) return null;
      const close = matchParen(code, argsOpen);
      const members = splitTopLevel(code, argsOpen + 1, close).length;
      if (members === 0) return null;
      const values = type === 'ENUM' ? members : 2 ** Math.min(members, 30);
      return { values, what: `${type} of ${members} member${members === 1 ? '' : 's'}` };
    }
    case 'CHAR':
    case 'CHARACTER':
    case 'NCHAR':
    case 'VARCHAR':
    case 'NVARCHAR':
      return length === 1 || (argsOpen < 0 && type !== 'VARCHAR' && type !== 'NVARCHAR')
        ? { values: null, what: `${type}(1)` }
        : null;
    default:
      return null;
  }
}

/** Reads one column definition (code[def.from] is the name). */
export function columnInfo(code: readonly Token[], def: Definition): ColumnInfo | null {
  const nameToken = code[def.from];
  if (nameToken === undefined || (nameToken.kind !== 'word' && nameToken.kind !== 'quotedIdent')) return null;
  let k = def.from + 1;
  const typeFrom = k;
  if (isWord(code[k], 'NATIONAL')) k++;
  const typeToken = code[k];
  if (typeToken?.kind !== 'word' || k >= def.to) return null;
  const type = typeToken.text.toUpperCase();
  k++;
  if (isWord(code[k], 'VARYING')) k++;
  let argsOpen = -1;
  if (isPunct(code[k], '(')) {
    argsOpen = k;
    k = matchParen(code, k, def.to) + 1;
  }
  let unsigned = false;
  while (k < def.to && (isWord(code[k], 'UNSIGNED') || isWord(code[k], 'SIGNED') || isWord(code[k], 'ZEROFILL'))) {
    if (isWord(code[k], 'UNSIGNED')) unsigned = true;
    k++;
  }
  const typeTo = k;
  let notNull = false;
  let autoIncrement: Token | null = null;
  let primaryKey: Token | null = null;
  let unique = type === 'SERIAL';
  for (; k < def.to; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) {
      k = matchParen(code, k, def.to);
      continue;
    }
    if (t.kind !== 'word') continue;
    const w = t.text.toUpperCase();
    if (w === 'REFERENCES') break;
    if (w === 'NOT' && isWord(code[k + 1], 'NULL')) notNull = true;
    else if (w === 'AUTO_INCREMENT') autoIncrement = t;
    else if (w === 'PRIMARY' && isWord(code[k + 1], 'KEY')) {
      primaryKey = t;
      k++;
    } else if (w === 'KEY' && primaryKey === null && !isWord(code[k - 1], 'UNIQUE')) primaryKey = t;
    else if (w === 'UNIQUE') unique = true;
  }
  if (primaryKey !== null) notNull = true;
  return {
    name: identValue(nameToken),
    nameToken,
    typeFrom,
    typeTo,
    type,
    unsigned,
    notNull,
    autoIncrement,
    primaryKey,
    unique,
    fewValues: typeFewValues(code, typeFrom + (isWord(code[typeFrom], 'NATIONAL') ? 1 : 0), type, argsOpen),
    definition: def,
  };
}

/** The key parts of the list whose `(` is at code[open]. */
function keyParts(code: readonly Token[], open: number, close: number): KeyPart[] {
  return splitTopLevel(code, open + 1, close).map((span) => {
    const first = code[span.from]!;
    const column = first.kind === 'word' || first.kind === 'quotedIdent' ? identValue(first).toLowerCase() : null;
    return { ...span, column };
  });
}

/** The index name after the leading keywords at code[k], or null (a `(` or USING follows instead). */
function nameAtKey(code: readonly Token[], k: number, to: number): string | null {
  const t = code[k];
  if (k >= to || t === undefined || (t.kind !== 'word' && t.kind !== 'quotedIdent') || isWord(t, 'USING')) return null;
  return identValue(t);
}

/** A key defined by a CREATE TABLE item or an ALTER TABLE … ADD: PRIMARY KEY, UNIQUE, KEY/INDEX. */
export function keyOfDefinition(code: readonly Token[], def: Definition): KeyInfo | null {
  if (def.kind !== 'primary' && def.kind !== 'unique' && def.kind !== 'index') return null;
  let k = def.from;
  let name: string | null = null;
  if (isWord(code[k], 'CONSTRAINT')) {
    k++;
    if (!isWord(code[k], 'PRIMARY') && !isWord(code[k], 'UNIQUE')) {
      name = nameAtKey(code, k, def.to);
      k++;
    }
  }
  const keyword = code[k]!;
  k++;
  if (def.kind === 'primary' || def.kind === 'unique') {
    if (isWord(code[k], 'KEY') || isWord(code[k], 'INDEX')) k++;
  }
  if (def.kind !== 'primary') name = nameAtKey(code, k, def.to) ?? name;
  let open = k;
  while (open < def.to && !isPunct(code[open], '(')) open++;
  if (open >= def.to) return null;
  const close = matchParen(code, open, def.to);
  if (close >= def.to) return null;
  const kind = def.kind === 'primary' ? 'primary' : def.kind === 'unique' ? 'unique' : 'index';
  return {
    kind,
    name,
    from: def.from,
    to: def.to,
    keyword,
    open,
    close,
    parts: keyParts(code, open, close),
    columnLevel: false,
  };
}

/** The columns of a CREATE TABLE (or those an ALTER TABLE adds or changes), in order. */
export function tableColumns(stmt: Statement, definitions: readonly Definition[]): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  for (const d of definitions) {
    if (d.kind !== 'column') continue;
    const c = columnInfo(stmt.code, d);
    if (c !== null) out.push(c);
  }
  return out;
}

/** The keys a CREATE TABLE defines: table-level ones, and PRIMARY KEY / UNIQUE written on columns. */
export function tableKeys(stmt: Statement): KeyInfo[] {
  const code = stmt.code;
  const layout = createTableLayout(stmt);
  const out: KeyInfo[] = [];
  for (const d of layout.definitions) {
    const key = keyOfDefinition(code, d);
    if (key !== null) out.push(key);
  }
  for (const c of tableColumns(stmt, layout.definitions)) {
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

/** The index a CREATE [UNIQUE] INDEX statement defines, or null. */
export function createIndexKey(stmt: Statement): KeyInfo | null {
  const code = stmt.code;
  const layout = createIndexLayout(stmt);
  if (layout.indexAt < 0 || layout.keyParts === null) return null;
  const before = code.slice(0, layout.indexAt);
  if (before.some((t) => isWord(t, 'FULLTEXT') || isWord(t, 'SPATIAL'))) return null;
  const open = layout.keyParts.from;
  const close = layout.keyParts.to - 1;
  if (!isPunct(code[close], ')')) return null;
  return {
    kind: before.some((t) => isWord(t, 'UNIQUE')) ? 'unique' : 'index',
    name: nameAtKey(code, layout.indexAt + 1, code.length),
    from: 0,
    to: code.length,
    keyword: code[layout.indexAt]!,
    open,
    close,
    parts: keyParts(code, open, close),
    columnLevel: false,
  };
}

/** The keys an ALTER TABLE adds (ADD PRIMARY KEY / UNIQUE / INDEX / KEY). */
export function addedKeys(stmt: Statement): KeyInfo[] {
  const out: KeyInfo[] = [];
  for (const d of alterTableLayout(stmt).added) {
    const key = keyOfDefinition(stmt.code, d);
    if (key !== null) out.push(key);
  }
  return out;
}

/**
 * The `/*$ … *\/` comment (Xpand's executable comment) in [start, end) of the whole text that
 * sets `option` (e.g. DISTRIBUTE, SLICES), or undefined. From the source's tokens: a comment after
 * a statement's last code token lies outside the statement's own tokens.
 */
export function xpandOption(
  tokens: readonly Token[],
  start: number,
  end: number,
  option: 'DISTRIBUTE' | 'SLICES',
): Token | undefined {
  const sets = option === 'DISTRIBUTE' ? /\bDISTRIBUTE\s*=/i : /\bSLICES\s*=/i;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'comment' && t.text.startsWith('/*$') && sets.test(t.text)) return t;
  }
  return undefined;
}

/**
 * Where to insert text right after `token`: its end, or, when it lies inside an executable comment
 * (`/*!NNNNN … *\/`), the end of that comment — a `/*$ … *\/` written inside would close it early.
 */
export function insertionAfter(tokens: readonly Token[], token: Token): number {
  if (token.exec === null) return token.end;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start <= token.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < tokens.length; k++) if (tokens[k]!.kind === 'execClose') return tokens[k]!.end;
  return token.end;
}
