// Compound statements: the statements nested in a routine, trigger or event body. A CREATE
// PROCEDURE / FUNCTION / TRIGGER / EVENT is one statement of the script, and its body is a
// statement of its own — often a compound one (`BEGIN … END` with labels, IF / ELSEIF / ELSE, CASE,
// LOOP, WHILE, REPEAT, MariaDB's FOR, handler bodies, cursor declarations) — that holds simple
// statements. This module reads that grammar from the routine's code tokens and gives each simple
// statement as a Statement of its own: its kind classified from its tokens, its exact offsets in
// the script, the `;` that ends it as its delimiter, and `within` the routine. The conditions of
// IF, CASE, WHILE and UNTIL are expressions, not statements: they belong to no nested statement.
//
// A nested statement runs when the routine runs (is called, fires, is scheduled), not when the
// script loads: the engine runs the statement-level rules over it at its own place (see engine.ts)
// and its findings say so; the script-wide rules and the schema model read only the script's own
// statements.
import { isPunct, matchParen } from './structure.js';
import { makeStatement, type Statement, type StatementKind } from './statements.js';
import { isWord, type Token } from './tokenize.js';
import { lowerBound } from './position.js';

/** Statement kinds whose body holds statements: routines, triggers, events. */
export const ROUTINE_KINDS: ReadonlySet<StatementKind> = new Set([
  'create_procedure',
  'create_function',
  'create_trigger',
  'create_event',
]);

/** A routine's body: where it starts in the routine's code tokens, and its simple statements in order. */
export interface RoutineBody {
  /** Index in `stmt.code` of the body's first token (code.length when there is none). */
  readonly from: number;
  readonly statements: readonly Statement[];
}

const cache = new WeakMap<Statement, RoutineBody>();

/** The body of a CREATE PROCEDURE / FUNCTION / TRIGGER / EVENT, or null for any other statement. */
export function routineBody(stmt: Statement): RoutineBody | null {
  if (!ROUTINE_KINDS.has(stmt.kind)) return null;
  let body = cache.get(stmt);
  if (body === undefined) {
    const from = bodyStart(stmt);
    const reader = new BodyReader(stmt);
    if (from < stmt.code.length) reader.statement(from);
    body = { from, statements: reader.out };
    cache.set(stmt, body);
  }
  return body;
}

/** The statements nested in `stmt`'s body (empty for a statement that is not a routine, trigger or event). */
export function nestedStatements(stmt: Statement): readonly Statement[] {
  return routineBody(stmt)?.statements ?? [];
}

/** Routine characteristics and how many words each takes (COMMENT takes its string). */
const CHARACTERISTICS: Readonly<Record<string, number>> = {
  COMMENT: 2,
  LANGUAGE: 2,
  NOT: 1,
  DETERMINISTIC: 1,
  CONTAINS: 2,
  NO: 2,
  READS: 3,
  MODIFIES: 3,
  SQL: 3,
};

/** Type attributes after RETURNS and how many tokens each takes. */
const TYPE_ATTRIBUTES: Readonly<Record<string, number>> = {
  UNSIGNED: 1,
  SIGNED: 1,
  ZEROFILL: 1,
  BINARY: 1,
  ASCII: 1,
  UNICODE: 1,
  PRECISION: 1,
  VARYING: 1,
  CHARSET: 2,
  CHARACTER: 3,
  COLLATE: 2,
};

/** Index in stmt.code where the body starts (code.length when none is found). */
function bodyStart(stmt: Statement): number {
  const code = stmt.code;
  const n = code.length;
  const find = (word: string, from: number): number => {
    let depth = 0;
    for (let k = from; k < n; k++) {
      if (isPunct(code[k], '(')) depth++;
      else if (isPunct(code[k], ')')) depth--;
      else if (depth === 0 && isWord(code[k], word)) return k;
    }
    return n;
  };
  if (stmt.kind === 'create_event') return find('DO', 0) + 1;
  if (stmt.kind === 'create_trigger') {
    const each = find('EACH', 0);
    let k = isWord(code[each + 1], 'ROW') ? each + 2 : n;
    if (isWord(code[k], 'FOLLOWS') || isWord(code[k], 'PRECEDES')) k += 2;
    return Math.min(k, n);
  }
  const word = stmt.kind === 'create_procedure' ? 'PROCEDURE' : 'FUNCTION';
  const at = find(word, 0);
  let k = at + 1;
  while (k < n && !isPunct(code[k], '(')) k++;
  if (k >= n) return n;
  k = matchParen(code, k) + 1;
  if (isWord(code[k], 'RETURNS')) {
    k += 2;
    if (isPunct(code[k], '(')) k = matchParen(code, k) + 1;
    for (let size = TYPE_ATTRIBUTES[code[k]?.text.toUpperCase() ?? '']; size !== undefined;) {
      k += size;
      size = code[k]?.kind === 'word' ? TYPE_ATTRIBUTES[code[k]!.text.toUpperCase()] : undefined;
    }
  }
  for (;;) {
    const t = code[k];
    const size = t?.kind === 'word' ? CHARACTERISTICS[t.text.toUpperCase()] : undefined;
    if (size === undefined) break;
    // `SQL SECURITY x` is a characteristic; any other SQL word starts nothing a body starts with.
    k += size;
  }
  return Math.min(k, n);
}

/** Reads the statements of a body, recursively, into `out`. */
class BodyReader {
  readonly out: Statement[] = [];
  private readonly code: readonly Token[];
  private readonly n: number;

  constructor(private readonly stmt: Statement) {
    this.code = stmt.code;
    this.n = stmt.code.length;
  }

  private word(k: number): string {
    const t = this.code[k];
    return t?.kind === 'word' ? t.text.toUpperCase() : '';
  }

  /** Reads one statement at k; returns the index just past it (at its `;`, if any). */
  statement(k: number): number {
    const code = this.code;
    // A label: `name:` before BEGIN, LOOP, WHILE, REPEAT or FOR.
    if ((code[k]?.kind === 'word' || code[k]?.kind === 'quotedIdent') && isPunct(code[k + 1], ':')) k += 2;
    const w = this.word(k);
    switch (w) {
      case 'BEGIN':
        if (!isWord(code[k + 1], 'WORK')) {
          k++;
          if (isWord(code[k], 'NOT') && isWord(code[k + 1], 'ATOMIC')) k += 2;
          return this.closing(this.list(k, ['END']), '');
        }
        break;
      case 'IF': {
        k = this.list(this.scanTo(k + 1, ['THEN']) + 1, ['ELSEIF', 'ELSE', 'END']);
        while (this.word(k) === 'ELSEIF') k = this.list(this.scanTo(k + 1, ['THEN']) + 1, ['ELSEIF', 'ELSE', 'END']);
        if (this.word(k) === 'ELSE') k = this.list(k + 1, ['END']);
        return this.closing(k, 'IF');
      }
      case 'CASE': {
        k = this.scanTo(k + 1, ['WHEN']);
        while (this.word(k) === 'WHEN') k = this.list(this.scanTo(k + 1, ['THEN']) + 1, ['WHEN', 'ELSE', 'END']);
        if (this.word(k) === 'ELSE') k = this.list(k + 1, ['END']);
        return this.closing(k, 'CASE');
      }
      case 'LOOP':
        return this.closing(this.list(k + 1, ['END']), 'LOOP');
      case 'WHILE':
      case 'FOR':
        return this.closing(this.list(this.scanTo(k + 1, ['DO']) + 1, ['END']), w);
      case 'REPEAT':
        return this.closing(this.scanTo(this.list(k + 1, ['UNTIL']) + 1, ['END']), 'REPEAT');
      case 'DECLARE':
        return this.declare(k);
      default:
        break;
    }
    return this.simple(k);
  }

  /** DECLARE: a handler's body and a cursor's query are statements; other declarations are one simple statement. */
  private declare(k: number): number {
    const code = this.code;
    if (isWord(code[k + 2], 'HANDLER')) {
      let j = k + 3;
      if (!isWord(code[j], 'FOR')) return this.simple(k);
      j++;
      // The conditions: SQLSTATE [VALUE] 'x', NOT FOUND, SQLWARNING, SQLEXCEPTION, a name or an error code.
      for (;;) {
        if (isWord(code[j], 'SQLSTATE')) j += isWord(code[j + 1], 'VALUE') ? 3 : 2;
        else if (isWord(code[j], 'NOT')) j += 2;
        else j++;
        if (!isPunct(code[j], ',')) break;
        j++;
      }
      return j < this.n ? this.statement(j) : j;
    }
    if (isWord(code[k + 2], 'CURSOR')) {
      let j = k + 3;
      if (isPunct(code[j], '(')) j = matchParen(code, j) + 1;
      if (isWord(code[j], 'FOR') || isWord(code[j], 'IS')) return this.simple(j + 1);
    }
    return this.simple(k);
  }

  /** Reads statements from k until a word of `until` starts one (or the body ends); returns where it stopped. */
  private list(k: number, until: readonly string[]): number {
    while (k < this.n) {
      if (isPunct(this.code[k], ';')) {
        k++;
        continue;
      }
      if (until.includes(this.word(k))) return k;
      const next = this.statement(k);
      k = next > k ? next : k + 1;
    }
    return k;
  }

  /** At `END` [what] [label]: returns the index past them. */
  private closing(k: number, what: string): number {
    if (this.word(k) !== 'END') return k;
    k++;
    if (what !== '' && this.word(k) === what) k++;
    const t = this.code[k];
    if (what !== 'IF' && what !== 'CASE' && t !== undefined && (t.kind === 'word' || t.kind === 'quotedIdent')) k++;
    return k;
  }

  /**
   * The first of `words` at k or after, outside parentheses and CASE … END expressions (a condition
   * may hold `CASE WHEN … THEN … END`); the body's end when there is none.
   */
  private scanTo(k: number, words: readonly string[]): number {
    let depth = 0;
    let cases = 0;
    for (; k < this.n; k++) {
      const t = this.code[k]!;
      if (t.kind === 'punct') {
        if (t.text === '(') depth++;
        else if (t.text === ')') depth--;
        continue;
      }
      if (depth !== 0 || t.kind !== 'word') continue;
      const w = t.text.toUpperCase();
      if (w === 'CASE') cases++;
      else if (w === 'END' && cases > 0) cases--;
      else if (cases === 0 && words.includes(w)) return k;
    }
    return k;
  }

  /** A simple statement from k to the `;` outside parentheses (or the body's end); returns the index of that `;`. */
  private simple(k: number): number {
    const code = this.code;
    let depth = 0;
    let j = k;
    for (; j < this.n; j++) {
      const t = code[j]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (t.text === ';' && depth <= 0) break;
    }
    if (j > k) this.push(k, j);
    return j;
  }

  /** Makes the statement of code[from, to) with the `;` after it, if any, as its delimiter. */
  private push(from: number, to: number): void {
    const tokens = this.stmt.tokens;
    const key = (t: Token): number => t.start;
    const first = lowerBound(tokens, this.code[from]!.start, key);
    const last = lowerBound(tokens, this.code[to - 1]!.start, key);
    const semicolon = this.code[to];
    const delimiter = semicolon !== undefined && isPunct(semicolon, ';') ? semicolon : null;
    this.out.push(makeStatement(this.stmt.index, tokens.slice(first, last + 1), delimiter, null, this.stmt));
  }
}

/** Words after which a statement list must hold a statement, and the words that would end it empty. */
const NON_EMPTY: Readonly<Record<string, readonly string[]>> = {
  THEN: ['ELSEIF', 'ELSE', 'END', 'WHEN'],
  ELSE: ['END'],
  LOOP: ['END'],
  DO: ['END'],
  REPEAT: ['UNTIL'],
};

/**
 * How many statement lists in a routine's code are empty where the grammar wants one statement at
 * least (`THEN END IF`, `LOOP END LOOP`, `REPEAT UNTIL`): a fix that removes the only statement of
 * a branch must not make one (only BEGIN … END may be empty).
 */
export function emptyLists(code: readonly Token[]): number {
  let count = 0;
  for (let k = 0; k + 1 < code.length; k++) {
    const t = code[k]!;
    if (t.kind !== 'word') continue;
    const ends = NON_EMPTY[t.text.toUpperCase()];
    if (ends === undefined || isWord(code[k - 1], 'END')) continue;
    const next = code[k + 1]!;
    if (next.kind === 'word' && ends.includes(next.text.toUpperCase())) count++;
  }
  return count;
}
