// The one column model: which definitions of a statement are columns (CREATE TABLE columns, and
// ALTER TABLE ADD, MODIFY and CHANGE), and what a column definition says (its type, NOT NULL,
// AUTO_INCREMENT, a key written on it, how few values its type allows). From tokens, so it works
// on statements node-sql-parser rejects, like structure.ts.
import type { Statement } from './statements.js';
import {
  alterTableLayout,
  createTableLayout,
  isPunct,
  matchParen,
  memo,
  splitTopLevel,
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

/**
 * Column definitions a statement creates or changes: CREATE TABLE columns, and ALTER TABLE
 * ADD [COLUMN], MODIFY [COLUMN] c …, CHANGE [COLUMN] old new …. `from` is the column name.
 */
export const columnDefinitions = memo(computeColumnDefinitions);

function computeColumnDefinitions(stmt: Statement): Definition[] {
  const code = stmt.code;
  if (stmt.kind === 'create_table') return createTableLayout(stmt).definitions.filter((d) => d.kind === 'column');
  if (stmt.kind !== 'alter_table') return [];
  const layout = alterTableLayout(stmt);
  const out: Definition[] = layout.added.filter((d) => d.kind === 'column');
  for (const spec of layout.specs) {
    let k = spec.from;
    if (isWord(code[k], 'MODIFY') || isWord(code[k], 'CHANGE')) {
      const change = isWord(code[k], 'CHANGE');
      k++;
      if (isWord(code[k], 'COLUMN')) k++;
      if (isWord(code[k], 'IF') && isWord(code[k + 1], 'EXISTS')) k += 2;
      if (change) k++;
      if (k < spec.to) out.push({ from: k, to: spec.to, kind: 'column' });
    }
  }
  return out;
}

/** The columns a statement defines or changes (see columnDefinitions), in order. */
export function tableColumns(stmt: Statement): ColumnInfo[] {
  return columnsOf(stmt.code, columnDefinitions(stmt));
}

/** The columns among `definitions` (those of kind `column` that read as one), in order. */
export function columnsOf(code: readonly Token[], definitions: readonly Definition[]): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  for (const d of definitions) {
    if (d.kind !== 'column') continue;
    const c = columnInfo(code, d);
    if (c !== null) out.push(c);
  }
  return out;
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
