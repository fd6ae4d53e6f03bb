// Clause locators over a statement's code tokens: they work whether or not node-sql-parser
// accepted the statement, and return token indices so rules can report exact ranges.
import { identValue, isWord, type Token } from './tokenize.js';
import type { Statement, StatementKind } from './statements.js';

/** A half-open range of indices into `Statement.code`. */
export interface CodeSpan {
  readonly from: number;
  readonly to: number;
}

export type DefinitionKind =
  | 'column'
  | 'index'
  | 'primary'
  | 'unique'
  | 'fulltext'
  | 'spatial'
  | 'foreign'
  | 'check'
  | 'period'
  | 'like'
  | 'unknown';

/** One item of a CREATE TABLE body or one ADD of an ALTER TABLE. */
export interface Definition extends CodeSpan {
  readonly kind: DefinitionKind;
}

export interface PartitionClause extends CodeSpan {
  /** HASH, KEY, RANGE, LIST or SYSTEM_TIME, upper-cased. */
  readonly type: string;
  readonly linear: boolean;
  readonly columns: boolean;
  /** Index of the type word (HASH, KEY, …). */
  readonly typeAt: number;
  readonly subpartition: (CodeSpan & { readonly type: string; readonly typeAt: number }) | null;
  /** The parenthesized partition definitions, `(` to `)` inclusive, if written. */
  readonly definitions: CodeSpan | null;
  /** `(SUBPARTITION …, …)` groups inside the partition definitions. */
  readonly subpartitionDefinitions: readonly CodeSpan[];
}

export interface TableLayout {
  /** Index of the table name's last token, or -1 when none was found. */
  readonly nameAt: number;
  /** The `(` … `)` of the definitions, inclusive, or null (CREATE TABLE … LIKE / AS SELECT). */
  readonly body: CodeSpan | null;
  readonly definitions: readonly Definition[];
  /** Table options: after the body (or name) up to the partition clause or a SELECT. */
  readonly options: CodeSpan;
  readonly partition: PartitionClause | null;
}

export interface AlterTableLayout {
  readonly nameAt: number;
  /** Comma-separated alter specifications (before any partition clause). */
  readonly specs: readonly CodeSpan[];
  /** The definition each `ADD …` spec adds (after ADD [COLUMN]). */
  readonly added: readonly Definition[];
  readonly partition: PartitionClause | null;
}

export interface IndexLayout {
  /** Index of the INDEX word. */
  readonly indexAt: number;
  /** Index of ON, or -1. */
  readonly onAt: number;
  /** The key-part list `(` … `)`, or null. */
  readonly keyParts: CodeSpan | null;
}

/** True when `t` is the punctuation `p`. */
export function isPunct(t: Token | undefined, p: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === p;
}

/** Index of the `)` matching the `(` at `open`, or `to` when unbalanced. */
export function matchParen(code: readonly Token[], open: number, to = code.length): number {
  let depth = 0;
  for (let k = open; k < to; k++) {
    const t = code[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return to;
}

/** Splits [from, to) on commas at parenthesis depth 0. Empty items are dropped. */
export function splitTopLevel(code: readonly Token[], from: number, to: number): CodeSpan[] {
  const out: CodeSpan[] = [];
  let depth = 0;
  let start = from;
  for (let k = from; k < to; k++) {
    const t = code[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth === 0) {
      if (k > start) out.push({ from: start, to: k });
      start = k + 1;
    }
  }
  if (to > start) out.push({ from: start, to });
  return out;
}

/** Index just past a possibly qualified name (`db`.`t`) starting at `k`. */
function skipName(code: readonly Token[], k: number): number {
  let j = k + 1;
  while (isPunct(code[j], '.') && code[j + 1] !== undefined) j += 2;
  return j;
}

/** The kind of a CREATE TABLE item or ALTER TABLE ADD target, from its leading words. */
export function definitionKind(code: readonly Token[], from: number, to: number): DefinitionKind {
  let k = from;
  if (isWord(code[k], 'CONSTRAINT')) {
    k++;
    const t = code[k];
    // CONSTRAINT [symbol] PRIMARY|UNIQUE|FOREIGN|CHECK
    if (t !== undefined && !['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'].some((w) => isWord(t, w))) k++;
  }
  const t = code[k];
  if (t === undefined || k >= to) return 'unknown';
  if (t.kind !== 'word') return 'column';
  switch (t.text.toUpperCase()) {
    case 'INDEX':
    case 'KEY':
      return 'index';
    case 'PRIMARY':
      return 'primary';
    case 'UNIQUE':
      return 'unique';
    case 'FULLTEXT':
      return 'fulltext';
    case 'SPATIAL':
      return 'spatial';
    case 'FOREIGN':
      return 'foreign';
    case 'CHECK':
      return 'check';
    case 'PERIOD':
      return 'period';
    case 'LIKE':
      return 'like';
    default:
      return 'column';
  }
}

/** Words that end the table-option list of CREATE TABLE and start its query part. */
const QUERY_STARTERS = new Set(['SELECT', 'AS', 'IGNORE', 'REPLACE', 'WITH', 'TABLE', 'VALUES']);

/** Layouts are pure functions of a statement, asked for by many rules: computed once each. */
export function memo<T>(compute: (stmt: Statement) => T): (stmt: Statement) => T {
  const cache = new WeakMap<Statement, T>();
  return (stmt) => {
    let v = cache.get(stmt);
    if (v === undefined) {
      v = compute(stmt);
      cache.set(stmt, v);
    }
    return v;
  };
}

/**
 * Index of the table name's last part after the word TABLE and an `IF [NOT] EXISTS` of `ifWords`
 * words, or -1 when the statement ends before a name.
 */
function tableNameAt(code: readonly Token[], ifWords: number): number {
  let k = 0;
  while (k < code.length && !isWord(code[k], 'TABLE')) k++;
  k++;
  if (isWord(code[k], 'IF')) k += ifWords;
  return k < code.length ? skipName(code, k) - 1 : -1;
}

/** Layout of a CREATE TABLE statement. */
export const createTableLayout = memo(computeCreateTableLayout);

function computeCreateTableLayout(stmt: Statement): TableLayout {
  const code = stmt.code;
  const nameAt = tableNameAt(code, 3); // IF NOT EXISTS
  let k = nameAt + 1;
  let body: CodeSpan | null = null;
  const definitions: Definition[] = [];
  if (
    isPunct(code[k], '(') &&
    !isWord(code[k + 1], 'SELECT') &&
    !isWord(code[k + 1], 'WITH') &&
    !isPunct(code[k + 1], '(')
  ) {
    const close = matchParen(code, k);
    body = { from: k, to: close + 1 };
    for (const item of splitTopLevel(code, k + 1, close)) {
      definitions.push({ ...item, kind: definitionKind(code, item.from, item.to) });
    }
    k = close + 1;
  }
  let optionsEnd = k;
  while (optionsEnd < code.length) {
    const t = code[optionsEnd]!;
    if (isWord(t, 'PARTITION') && isWord(code[optionsEnd + 1], 'BY')) break;
    if (t.kind === 'word' && QUERY_STARTERS.has(t.text.toUpperCase())) break;
    if (isPunct(t, '(')) break; // (SELECT …)
    optionsEnd++;
  }
  const partition = isWord(code[optionsEnd], 'PARTITION') ? partitionClause(code, optionsEnd) : null;
  return { nameAt, body, definitions, options: { from: k, to: optionsEnd }, partition };
}

/** Layout of an ALTER TABLE statement. */
export const alterTableLayout = memo(computeAlterTableLayout);

function computeAlterTableLayout(stmt: Statement): AlterTableLayout {
  const code = stmt.code;
  const nameAt = tableNameAt(code, 2); // IF EXISTS (MariaDB)
  const k = nameAt + 1;
  let end = k;
  let depth = 0;
  for (; end < code.length; end++) {
    const t = code[end]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isWord(t, 'PARTITION') && isWord(code[end + 1], 'BY')) break;
  }
  const specs = splitTopLevel(code, k, end);
  const added: Definition[] = [];
  for (const spec of specs) {
    if (!isWord(code[spec.from], 'ADD')) continue;
    let from = spec.from + 1;
    if (isWord(code[from], 'COLUMN')) from++;
    if (isWord(code[from], 'IF') && isWord(code[from + 1], 'NOT')) from += 3;
    if (isPunct(code[from], '(')) {
      // ADD (col def, col def)
      const close = matchParen(code, from, spec.to);
      for (const item of splitTopLevel(code, from + 1, close)) {
        added.push({ ...item, kind: definitionKind(code, item.from, item.to) });
      }
      continue;
    }
    if (isWord(code[from], 'PARTITION')) continue;
    added.push({ from, to: spec.to, kind: definitionKind(code, from, spec.to) });
  }
  const partition = end < code.length ? partitionClause(code, end) : null;
  return { nameAt, specs, added, partition };
}

/** Layout of a CREATE INDEX statement. */
export const createIndexLayout = memo(computeCreateIndexLayout);

function computeCreateIndexLayout(stmt: Statement): IndexLayout {
  const code = stmt.code;
  const indexAt = code.findIndex((t) => isWord(t, 'INDEX'));
  let onAt = -1;
  for (let k = indexAt + 1; k < code.length; k++) {
    if (isWord(code[k], 'ON')) {
      onAt = k;
      break;
    }
  }
  let keyParts: CodeSpan | null = null;
  if (onAt >= 0) {
    const open = code.findIndex((t, k) => k > onAt && isPunct(t, '('));
    if (open >= 0) keyParts = { from: open, to: matchParen(code, open) + 1 };
  }
  return { indexAt, onAt, keyParts };
}

/**
 * Parses `PARTITION BY …` starting at `at` (the PARTITION word). The clause runs to the end of
 * its partition definitions, or of its PARTITIONS/SUBPARTITIONS count.
 */
export function partitionClause(code: readonly Token[], at: number): PartitionClause {
  let k = at + 2;
  let linear = false;
  if (isWord(code[k], 'LINEAR')) {
    linear = true;
    k++;
  }
  const typeAt = k;
  const type = code[k]?.kind === 'word' ? code[k]!.text.toUpperCase() : '';
  k++;
  let columns = false;
  if (isWord(code[k], 'COLUMNS')) {
    columns = true;
    k++;
  }
  k = skipPartitionFunction(code, k);
  if (isWord(code[k], 'PARTITIONS')) k += 2;
  let subpartition: PartitionClause['subpartition'] = null;
  if (isWord(code[k], 'SUBPARTITION') && isWord(code[k + 1], 'BY')) {
    const subFrom = k;
    k += 2;
    if (isWord(code[k], 'LINEAR')) k++;
    const subTypeAt = k;
    const subType = code[k]?.kind === 'word' ? code[k]!.text.toUpperCase() : '';
    k = skipPartitionFunction(code, k + 1);
    if (isWord(code[k], 'SUBPARTITIONS')) k += 2;
    subpartition = { from: subFrom, to: Math.min(k, code.length), type: subType, typeAt: subTypeAt };
  }
  let definitions: CodeSpan | null = null;
  const subpartitionDefinitions: CodeSpan[] = [];
  if (isPunct(code[k], '(')) {
    const close = matchParen(code, k);
    definitions = { from: k, to: close + 1 };
    for (let j = k + 1; j < close; j++) {
      if (isPunct(code[j], '(') && isWord(code[j + 1], 'SUBPARTITION')) {
        const subClose = matchParen(code, j, close);
        subpartitionDefinitions.push({ from: j, to: subClose + 1 });
        j = subClose;
      }
    }
    k = Math.min(close + 1, code.length);
  }
  return {
    from: at,
    to: Math.min(k, code.length),
    type,
    linear,
    columns,
    typeAt,
    subpartition,
    definitions,
    subpartitionDefinitions,
  };
}

/** Skips `[ALGORITHM = n] (expr)` after a partition type. */
function skipPartitionFunction(code: readonly Token[], k: number): number {
  if (isWord(code[k], 'ALGORITHM')) k += isPunct(code[k + 1], '=') ? 3 : 2;
  if (isPunct(code[k], '(')) return matchParen(code, k) + 1;
  return k;
}

/** Statement kinds with a body of statements of their own: routines, triggers, events. */
export const BODY_STATEMENTS: readonly StatementKind[] = [
  'create_procedure',
  'create_function',
  'create_trigger',
  'create_event',
];

/** Statement kinds that can hold a query: DML, views, and routine, trigger and event bodies. */
export const QUERY_STATEMENTS: readonly StatementKind[] = [
  'select',
  'insert',
  'replace',
  'update',
  'delete',
  'create_view',
  'create_procedure',
  'create_function',
  'create_trigger',
  'create_event',
];

/** Statement kinds that can carry character-set or collation clauses. */
export const CHARSET_STATEMENTS: readonly StatementKind[] = [
  'create_table',
  'alter_table',
  'create_database',
  'alter_database',
  'set',
  'create_view',
  'create_procedure',
  'create_function',
  'create_trigger',
  'create_event',
];

/** A `CHARACTER SET x` / `CHARSET x` / `COLLATE x` / `SET NAMES x` clause found in a statement. */
export interface CharsetClause {
  readonly what: 'charset' | 'collation';
  /** Index of the first keyword (CHARACTER, CHARSET, COLLATE, NAMES or the variable name). */
  readonly keywordAt: number;
  /** Index of the value token. */
  readonly valueAt: number;
  /** The value with quotes removed. */
  readonly value: string;
}

/**
 * Every character-set and collation clause of a DDL or SET statement: column, table, database,
 * ALTER … CONVERT TO, SET NAMES / SET CHARACTER SET and `character_set_*` / `collation_*`
 * variables. `CHARSET` is not reserved in MySQL, so it counts only when followed by a value
 * that names a character set (`knownCharset`), which keeps a column called `charset` out.
 */
export function charsetClauses(stmt: Statement, knownCharset: (name: string) => boolean): CharsetClause[] {
  const code = stmt.code;
  const out: CharsetClause[] = [];
  const valueAfter = (k: number): number => (isPunct(code[k], '=') ? k + 1 : k);
  const isValue = (t: Token | undefined): t is Token =>
    t !== undefined && (t.kind === 'word' || t.kind === 'string' || t.kind === 'quotedIdent') && !isWord(t, 'DEFAULT');
  for (let k = 0; k < code.length; k++) {
    const t = code[k]!;
    if (t.kind === 'word') {
      const w = t.text.toUpperCase();
      let v = -1;
      let what: CharsetClause['what'] = 'charset';
      if ((w === 'CHARACTER' || w === 'CHAR') && isWord(code[k + 1], 'SET')) v = valueAfter(k + 2);
      else if (w === 'CHARSET') v = valueAfter(k + 1);
      else if (w === 'COLLATE') {
        v = valueAfter(k + 1);
        what = 'collation';
      } else if (w === 'NAMES' && stmt.kind === 'set') v = k + 1;
      else if (stmt.kind === 'set' && /^(?:CHARACTER_SET_[A-Z_]+|COLLATION_[A-Z_]+)$/.test(w)) {
        if (!isPunct(code[k + 1], '=') && !isPunct(code[k + 1], ':=')) continue;
        v = k + 2;
        what = w.startsWith('COLLATION') ? 'collation' : 'charset';
      }
      if (v < 0) continue;
      const value = code[v];
      if (!isValue(value)) continue;
      const name = identValue(value);
      if (what === 'charset' && w === 'CHARSET' && value.kind === 'word' && !knownCharset(name)) continue;
      out.push({ what, keywordAt: k, valueAt: v, value: name });
      k = v;
    } else if (t.kind === 'variable' && stmt.kind === 'set') {
      const m = /^@@(?:(?:global|session|local|persist|persist_only)\.)?((?:character_set|collation)_[a-z_]+)$/i.exec(
        t.text,
      );
      if (!m || (!isPunct(code[k + 1], '=') && !isPunct(code[k + 1], ':='))) continue;
      const value = code[k + 2];
      if (!isValue(value)) continue;
      out.push({
        what: m[1]!.toLowerCase().startsWith('collation') ? 'collation' : 'charset',
        keywordAt: k,
        valueAt: k + 2,
        value: identValue(value),
      });
      k += 2;
    }
  }
  return out;
}

/** One table option: its name (upper-cased, `DATA DIRECTORY` as one) and token span. */
export interface TableOption extends CodeSpan {
  readonly name: string;
  /** Index of the value's first token, or -1. */
  readonly valueAt: number;
  /**
   * The name is a backtick identifier: how MariaDB writes an engine-defined option it does not
   * know itself (`` `compression`='tokudb_zlib' `` in a TokuDB table's SHOW CREATE TABLE).
   */
  readonly quoted?: boolean;
}

const TWO_WORD_OPTIONS = new Set(['DATA', 'INDEX', 'CHARACTER', 'START']);

/**
 * Splits a table-option region into options: `[DEFAULT] name [=] value`, with optional commas
 * between them. Values are one token, a parenthesized list (UNION), or `ts STORAGE x`.
 */
export function tableOptions(code: readonly Token[], span: CodeSpan): TableOption[] {
  const out: TableOption[] = [];
  let k = span.from;
  while (k < span.to) {
    if (isPunct(code[k], ',')) {
      k++;
      continue;
    }
    const from = k;
    if (isWord(code[k], 'DEFAULT')) k++;
    const t = code[k];
    if (t !== undefined && t.kind === 'quotedIdent' && isPunct(code[k + 1], '=')) {
      const valueAt = k + 2 < span.to ? k + 2 : -1;
      k = Math.min(k + 3, span.to);
      out.push({ from, to: k, name: identValue(t).toUpperCase(), valueAt, quoted: true });
      continue;
    }
    if (t === undefined || t.kind !== 'word') {
      k++;
      continue;
    }
    let name = t.text.toUpperCase();
    k++;
    if (TWO_WORD_OPTIONS.has(name) && code[k]?.kind === 'word' && !isPunct(code[k + 1], '(')) {
      name = `${name} ${code[k]!.text.toUpperCase()}`;
      k++;
    }
    if (isPunct(code[k], '=')) k++;
    const valueAt = k < span.to ? k : -1;
    if (isPunct(code[k], '(')) k = matchParen(code, k, span.to) + 1;
    else if (k < span.to) k++;
    if (name === 'TABLESPACE' && isWord(code[k], 'STORAGE')) k += 2;
    out.push({ from, to: Math.min(k, span.to), name, valueAt });
  }
  return out;
}

/** The statements inside a routine, trigger or event body: spans split on `;` at depth 0. */
export function bodyStatements(stmt: Statement): CodeSpan[] {
  const code = stmt.code;
  const begin = code.findIndex((t) => isWord(t, 'BEGIN') || isWord(t, 'DO') || isWord(t, 'RETURN'));
  if (begin < 0) return [];
  const out: CodeSpan[] = [];
  let start = begin + 1;
  let depth = 0;
  for (let k = start; k < code.length; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isPunct(t, ';')) {
      if (k > start) out.push({ from: start, to: k });
      start = k + 1;
    }
  }
  if (code.length > start) out.push({ from: start, to: code.length });
  return out;
}
