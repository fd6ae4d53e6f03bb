// The tokenizer's scanners: character classes and the functions that find where one token ends
// (a quoted text, a comment, a variable, a number, a client command). Pure functions of the text
// and an offset: the tokenizer's loop (tokenize.ts) calls them without allocating.
import { SqlSyntaxError } from './errors.js';

/** Whitespace as MySQL reads it: space, \t, \n, \v, \f, \r. */
export function isWhitespace(c: number): boolean {
  // space, \t, \n, \v, \f, \r
  return c === 32 || (c >= 9 && c <= 13);
}

/** A character of an unquoted word (or number): letters, digits, `_`, `$` and anything non-ASCII. */
export function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 95 || // _
    c === 36 || // $
    c >= 0x80
  );
}

/** 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NUMBER_RE = /^(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|0x[0-9a-fA-F]+|0b[01]+)$/;

/**
 * End of a client command starting at `i` (at the start of a statement), or `i` when there is
 * none. Like the mysql client: `use` and `source` only at the start of a line, the short forms
 * `\u` and `\.` anywhere; the command runs to the delimiter or the end of the line (trailing
 * spaces left out). mariadb-dump's sandbox line runs to its `*\/`.
 */
export function clientCommandEnd(src: string, i: number, delimiter: string): number {
  if (src.startsWith('/*M!999999\\-', i)) {
    const k = src.indexOf('*/', i);
    return k < 0 ? i : k + 2;
  }
  const c = src.charCodeAt(i);
  let named = false;
  if (c === 92 /* \ */) {
    const next = src[i + 1];
    if (next !== '.' && next !== 'u') return i;
  } else if (c === 117 || c === 85 || c === 115 || c === 83) {
    // u/U, s/S: `use` or `source`, as a whole word followed by a blank, at the start of a line.
    const word = matchesWordAt(src, i, 'USE') ? 3 : matchesWordAt(src, i, 'SOURCE') ? 6 : 0;
    if (word === 0 || (src[i + word] !== ' ' && src[i + word] !== '\t')) return i;
    let b = i - 1;
    while (b >= 0 && (src[b] === ' ' || src[b] === '\t' || src.charCodeAt(b) === 0xfeff)) b--;
    if (b >= 0 && src[b] !== '\n') return i;
    named = true;
  } else return i;
  let j = i + (named ? 3 : 2);
  const n = src.length;
  while (j < n && src[j] !== '\n' && !src.startsWith(delimiter, j)) j++;
  while (j > i && (src[j - 1] === ' ' || src[j - 1] === '\t' || src[j - 1] === '\r')) j--;
  return j;
}

/** A blank or control character: what must follow `--` for it to open a comment. */
export function isWhitespaceOrControl(c: number): boolean {
  return c <= 32;
}

/** True when the word `word` (upper case) is written at `i`, not followed by a word character. */
export function matchesWordAt(src: string, i: number, word: string): boolean {
  if (src.length < i + word.length) return false;
  if (src.slice(i, i + word.length).toUpperCase() !== word) return false;
  return i + word.length >= src.length || !isWordChar(src.charCodeAt(i + word.length));
}

/** True when a delimiter other than `;` starts at `i` (it then ends a word or variable name). */
export function delimiterStartsAt(src: string, i: number, delimiter: string): boolean {
  return delimiter !== ';' && src.startsWith(delimiter, i);
}

/** Offset just past the `*\/` closing a block comment whose body starts at `from`, or -1. */
export function findCommentEnd(src: string, from: number): number {
  const k = src.indexOf('*/', from);
  return k < 0 ? -1 : k + 2;
}

/** Offset just past the closing quote of the quoted text opening at `start`. */
export function scanQuoted(src: string, start: number, quote: number, backslash: boolean, what: string): number {
  let j = start + 1;
  const n = src.length;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (backslash && c === 92 /* \ */) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (src.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  throw new SqlSyntaxError(what, start);
}

/**
 * True when a line comment opens at `i` (`c` is the code unit there): `#`, or `--` followed by a
 * blank, a control character or the end of the text.
 */
export function lineCommentAt(src: string, i: number, c: number): boolean {
  return (
    c === 35 /* # */ ||
    (c === 45 && src.charCodeAt(i + 1) === 45 && (i + 2 >= src.length || isWhitespaceOrControl(src.charCodeAt(i + 2))))
  );
}

/**
 * End of the line comment opening at `i`. Only LF ends it, as in the mysql client: a bare CR
 * (mysqldump writes table names with control characters into `-- Table structure` lines) does
 * not; the CR of a CRLF stays out of it.
 */
export function lineCommentEnd(src: string, i: number): number {
  const j = src.indexOf('\n', i + 1);
  if (j < 0) return src.length;
  return src[j - 1] === '\r' && j - 1 > i ? j - 1 : j;
}

/**
 * End of the mysql client's `DELIMITER x` command whose word starts at `i` (the end of its line,
 * a CRLF's CR left out), or -1 when the word is not followed by a blank or the end of the text.
 */
export function delimiterCommandEnd(src: string, i: number): number {
  const after = i + 9;
  const n = src.length;
  if (after < n && src[after] !== ' ' && src[after] !== '\t') return -1;
  let j = after;
  while (j < n && src[j] !== '\n') j++;
  if (j > after && src[j - 1] === '\r') j--; // a CRLF line end stays whitespace
  return j;
}

/** End of the `@name`, `@@name`, `@'name'` or `@@session.name` variable starting at `i`. */
export function variableEnd(src: string, i: number, delimiter: string): number {
  const n = src.length;
  let j = i + 1;
  if (src.charCodeAt(j) === 64) j++;
  const q = src.charCodeAt(j);
  if (q === 39 || q === 34 || q === 96) return scanQuoted(src, j, q, q !== 96, 'unterminated quoted variable name');
  while (j < n && (isWordChar(src.charCodeAt(j)) || src[j] === '.')) {
    if (delimiterStartsAt(src, j, delimiter)) break;
    j++;
  }
  return j;
}

/**
 * End of the word (or number) starting at `i`: a run of word characters (after a leading point,
 * for `.5`), cut short by a delimiter other than `;`.
 */
export function wordEnd(src: string, i: number, delimiter: string): number {
  const n = src.length;
  let j = i;
  if (src.charCodeAt(i) === 46) j++;
  while (j < n && isWordChar(src.charCodeAt(j))) {
    if (j > i && delimiterStartsAt(src, j, delimiter)) break;
    j++;
  }
  return j;
}

/**
 * End of a number whose word runs over [i, j) (it starts with a digit or a point): a decimal point
 * or an exponent sign continues it (1.5, 1., 1e-3).
 */
export function numberEnd(src: string, i: number, j: number): number {
  const n = src.length;
  const digits = allDigits(src, i, j);
  if (digits && src[j] === '.' && !isWordChar(src.charCodeAt(j + 1) || 0)) return j + 1;
  if (digits && src[j] === '.' && isDigit(src.charCodeAt(j + 1))) {
    j++;
    while (j < n && isDigit(src.charCodeAt(j))) j++;
    if (
      (src[j] === 'e' || src[j] === 'E') &&
      (isDigit(src.charCodeAt(j + 1)) || ((src[j + 1] === '+' || src[j + 1] === '-') && isDigit(src.charCodeAt(j + 2))))
    ) {
      j += 2;
      while (j < n && isDigit(src.charCodeAt(j))) j++;
    }
    return j;
  }
  const e = src.charCodeAt(j - 1);
  if (
    (e === 101 || e === 69) &&
    allDigits(src, i, j - 1) &&
    (src[j] === '+' || src[j] === '-') &&
    isDigit(src.charCodeAt(j + 1))
  ) {
    j += 1;
    while (j < n && isDigit(src.charCodeAt(j))) j++;
  }
  return j;
}

/** True when src[from, to) is one or more digits. */
function allDigits(src: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (!isDigit(src.charCodeAt(k))) return false;
  return true;
}

/** True when a word (see numberEnd) reads as a number: 1, 1.5, 1e-3, .5, 0x1F, 0b101. */
export function isNumber(word: string): boolean {
  return NUMBER_RE.test(word) || /^\.\d+(?:[eE][+-]?\d+)?$/.test(word);
}
