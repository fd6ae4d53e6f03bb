// MySQL tokenizer with exact offsets: the concatenation of its tokens is always the input.
import { SqlSyntaxError } from './errors.js';
import {
  clientCommandEnd,
  delimiterCommandEnd,
  findCommentEnd,
  isDigit,
  isNumber,
  isWhitespace,
  isWordChar,
  lineCommentAt,
  lineCommentEnd,
  matchesWordAt,
  numberEnd,
  scanQuoted,
  variableEnd,
  wordEnd,
} from './scan.js';

export type TokenKind =
  | 'bom'
  | 'whitespace'
  | 'comment'
  | 'execOpen'
  | 'execClose'
  | 'string'
  | 'quotedIdent'
  | 'word'
  | 'number'
  | 'variable'
  | 'punct'
  | 'delimiter'
  | 'delimiterCommand'
  /**
   * A command the mysql client runs itself instead of sending it to the server: `use db`,
   * `source file` / `\. file` (at the start of a statement, up to the delimiter or the end of
   * the line), and mariadb-dump's `/*M!999999\- enable the sandbox mode *\/` line.
   */
  | 'clientCommand'
  /** The VALUES payload of an INSERT/REPLACE, kept as one opaque token (see scanData). */
  | 'data';

/** A MySQL executable comment (`/*!NNNNN … *\/` or MariaDB's `/*M!NNNNNN … *\/`). */
export interface ExecComment {
  readonly flavor: 'mysql' | 'mariadb';
  /** The version number after `!`, or null when none was written (always executed by MySQL). */
  readonly version: number | null;
  /** Offset of the `/*!` that opened it. */
  readonly start: number;
}

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The executable comment this token is inside (or opens/closes), else null. */
  readonly exec: ExecComment | null;
}

/** Result of tokenizing a script. */
export interface TokenizeResult {
  readonly tokens: Token[];
  /** The delimiter active at the end of the input (a script may leave `DELIMITER $$` set). */
  readonly finalDelimiter: string;
}

/** Result of tokenizing the complete statements at the start of a buffer that may continue. */
export interface PartialTokenizeResult {
  /** Tokens of src[0, end). */
  readonly tokens: Token[];
  /** Where the complete part ends: after a delimiter (and the rest of its line), at a statement start. */
  readonly end: number;
  /** The delimiter active at `end`. */
  readonly delimiter: string;
  /**
   * When the last statement is an INSERT/REPLACE whose VALUES payload runs past the end of the
   * buffer: `from` is where its payload starts (just after VALUES) and `safe` an offset up to which it
   * is scanned (outside any string or comment), so a caller can continue with scanData from `safe`
   * on more input instead of scanning the payload again.
   */
  readonly open?: { readonly from: number; readonly safe: number };
}

/** The end of a data payload found earlier (see PartialTokenizeResult.open): `from` is where it starts. */
export interface KnownPayload {
  readonly from: number;
  readonly end: number;
}

const MULTI_CHAR_OPERATORS = ['<=>', '->>', '<=', '>=', '<>', '!=', ':=', '||', '&&', '<<', '>>', '->'];

/**
 * Splits `src` into tokens. Strings, quoted identifiers and comments are single tokens; the inside
 * of an executable comment is tokenized as code, each token carrying its `exec` wrapper. The
 * client-side `DELIMITER` command (recognized at the start of a statement) changes the delimiter.
 * Throws SqlSyntaxError (with the offset of the opening quote or comment) on unterminated input.
 */
export function tokenize(src: string, initialDelimiter = ';', known: KnownPayload | null = null): TokenizeResult {
  const tokens: Token[] = [];
  const delimiter = run(src, initialDelimiter, tokens, null, known, null);
  return { tokens, finalDelimiter: delimiter };
}

/** Statement boundaries and INSERT/REPLACE payloads of a text, found without making tokens. */
export interface Boundaries {
  /** Where the complete part ends (see PartialTokenizeResult.end); the whole text when `more` is false. */
  readonly end: number;
  /** The delimiter active at `end`. */
  readonly delimiter: string;
  /** The `data` tokens of src[0, end), as ranges. */
  readonly payloads: KnownPayload[];
  /** See PartialTokenizeResult.open. */
  readonly open?: { readonly from: number; readonly safe: number };
}

/**
 * What the tokenizer would find about statements, without making tokens (for the stream cutter,
 * which only needs where segments may end and where payloads are): with `more` (more input will
 * follow) like tokenizePartial, else like tokenize (which throws on unterminated input).
 */
export function boundaries(
  src: string,
  initialDelimiter: string,
  known: KnownPayload | null,
  more: boolean,
): Boundaries {
  const payloads: KnownPayload[] = [];
  if (!more) {
    const delimiter = run(src, initialDelimiter, null, null, known, payloads);
    return { end: src.length, delimiter, payloads };
  }
  const cut: Cut = { end: 0, count: 0, delimiter: initialDelimiter, open: undefined };
  try {
    run(src, initialDelimiter, null, cut, known, payloads);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError) || !e.reason.startsWith('unterminated')) throw e;
  }
  const result = { end: cut.end, delimiter: cut.delimiter, payloads: payloads.slice(0, cut.count) };
  return cut.open === undefined ? result : { ...result, open: cut.open };
}

/**
 * Tokenizes the complete statements at the start of `src`, a buffer more input will follow:
 * stops at the last statement boundary, so no token is cut by the end of the buffer. Returns
 * end 0 when the buffer holds no complete statement yet.
 */
export function tokenizePartial(
  src: string,
  initialDelimiter = ';',
  known: KnownPayload | null = null,
): PartialTokenizeResult {
  const tokens: Token[] = [];
  const cut: Cut = { end: 0, count: 0, delimiter: initialDelimiter, open: undefined };
  try {
    run(src, initialDelimiter, tokens, cut, known, null);
  } catch (e) {
    // Running into the end of the buffer inside a string or comment: it continues later.
    if (!(e instanceof SqlSyntaxError) || !e.reason.startsWith('unterminated')) throw e;
  }
  const result = { tokens: tokens.slice(0, cut.count), end: cut.end, delimiter: cut.delimiter };
  return cut.open === undefined ? result : { ...result, open: cut.open };
}

interface Cut {
  end: number;
  count: number;
  delimiter: string;
  open: { from: number; safe: number } | undefined;
}

/**
 * The tokenizer proper; records statement boundaries in `cut` when given. Returns the final
 * delimiter. With `tokens` null it makes no tokens and records only the data payloads (in
 * `payloads`; `cut.count` then counts payloads).
 */
function run(
  src: string,
  initialDelimiter: string,
  tokens: Token[] | null,
  cut: Cut | null,
  known: KnownPayload | null,
  payloads: KnownPayload[] | null,
): string {
  let delimiter = initialDelimiter;
  let exec: ExecComment | null = null;
  let atStatementStart = true;
  let i = 0;
  const n = src.length;
  // INSERT/REPLACE payloads after VALUES are scanned in bulk (data token), never word by word.
  let dataStatement = false;
  let depth = 0;
  /** Whether the last token was a name (a word or quoted identifier): `.5` after one is not a number. */
  let afterName = false;
  const boundary = () => {
    // After a delimiter (or DELIMITER command) and the rest of its line, when that line ended
    // inside the buffer: the next segment starts at a line start, outside any comment.
    if (cut === null || exec !== null) return;
    let j = i;
    while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\r')) j++;
    if (j < n && src[j] === '\n') {
      cut.end = j + 1;
      cut.delimiter = delimiter;
      if (tokens === null) {
        cut.count = payloads!.length;
        i = j + 1;
        afterName = false;
        return;
      }
      // Tokens up to the delimiter; the rest of the line is whitespace, tokenized next time.
      cut.count = tokens.length;
      if (j + 1 > i) {
        tokens.push({ kind: 'whitespace', start: i, end: j + 1, text: src.slice(i, j + 1), exec: null });
        cut.count = tokens.length;
        i = j + 1;
        afterName = false;
      }
    }
  };

  const push = (kind: TokenKind, end: number, wrapper: ExecComment | null = exec): void => {
    if (tokens !== null) tokens.push({ kind, start: i, end, text: src.slice(i, end), exec: wrapper });
    else if (kind === 'data') payloads!.push({ from: i, end });
    afterName = kind === 'word' || kind === 'quotedIdent';
    i = end;
  };

  if (n > 0 && src.charCodeAt(0) === 0xfeff) push('bom', 1);

  while (i < n) {
    const c = src.charCodeAt(i);

    if (isWhitespace(c)) {
      let j = i + 1;
      while (j < n && isWhitespace(src.charCodeAt(j))) j++;
      push('whitespace', j);
      continue;
    }

    // The mysql client's DELIMITER command: only where a statement would begin, never inside a
    // /*! */ comment; it runs to the end of the line.
    if (atStatementStart && exec === null && matchesWordAt(src, i, 'DELIMITER')) {
      const j = delimiterCommandEnd(src, i);
      if (j >= 0) {
        // A buffer that more input follows may have cut the command: read it once its line is whole.
        if (cut !== null && j === n) return delimiter;
        delimiter = delimiterArgument(src, i, j);
        push('delimiterCommand', j);
        atStatementStart = true;
        boundary();
        continue;
      }
    }

    if (atStatementStart && exec === null) {
      const end = clientCommandEnd(src, i, delimiter);
      if (end > i) {
        // A buffer that more input follows may have cut the command: read it once its line is whole.
        if (cut !== null && end === n && src.indexOf('\n', i) < 0) return delimiter;
        push('clientCommand', end);
        continue;
      }
    }

    if (src.startsWith(delimiter, i)) {
      push('delimiter', i + delimiter.length);
      atStatementStart = true;
      dataStatement = false;
      depth = 0;
      boundary();
      continue;
    }

    // Comments.
    if (lineCommentAt(src, i, c)) {
      push('comment', lineCommentEnd(src, i));
      continue;
    }
    if (c === 47 /* / */ && src.charCodeAt(i + 1) === 42 /* * */) {
      const execMatch = exec === null ? EXEC_OPENER.exec(src.slice(i, i + 10)) : null;
      if (execMatch) {
        exec = execComment(src, i, execMatch);
        push('execOpen', i + execMatch[0].length, exec);
        continue;
      }
      const end = findCommentEnd(src, i + 2);
      if (end < 0) throw new SqlSyntaxError('unterminated comment', i);
      push('comment', end);
      continue;
    }
    if (exec !== null && c === 42 /* * */ && src.charCodeAt(i + 1) === 47) {
      push('execClose', i + 2);
      exec = null;
      continue;
    }

    if (atStatementStart) {
      dataStatement = matchesWordAt(src, i, 'INSERT') || matchesWordAt(src, i, 'REPLACE');
      depth = 0;
    }
    atStatementStart = false;

    if (c === 39 /* ' */ || c === 34 /* " */) {
      push('string', scanQuoted(src, i, c, true, 'unterminated string literal'));
      continue;
    }
    if (c === 96 /* ` */) {
      push('quotedIdent', scanQuoted(src, i, c, false, 'unterminated quoted identifier'));
      continue;
    }
    if (c === 64 /* @ */) {
      push('variable', variableEnd(src, i, delimiter));
      continue;
    }
    if (isWordChar(c) || (c === 46 /* . */ && isDigit(src.charCodeAt(i + 1)) && !afterName)) {
      let j = wordEnd(src, i, delimiter);
      // Only a word that starts with a digit or a point can be a number (1.5, 1e-3, .5, 0x1F): the
      // others need no second look.
      let kind: TokenKind = 'word';
      if (isDigit(c) || c === 46) {
        j = numberEnd(src, i, j);
        if (isNumber(src.slice(i, j))) kind = 'number';
      }
      const values = dataStatement && depth === 0 && exec === null && isValuesAt(src, i, j);
      push(kind, j);
      if (values) {
        const end = payloadEnd(src, i, delimiter, known, cut);
        if (end > i) push('data', end);
        dataStatement = false;
      }
      continue;
    }
    const op = MULTI_CHAR_OPERATORS.find((o) => src.startsWith(o, i));
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) depth--;
    push('punct', i + (op?.length ?? 1));
  }

  return delimiter;
}

/** `/*!NNNNN` or `/*M!NNNNNN` (the version is optional), read from the opener's first 10 characters. */
const EXEC_OPENER = /^\/\*(M?)!(\d{5,6})?/;

/** The executable comment `match` (EXEC_OPENER) opens at `i`; throws when it is never closed. */
function execComment(src: string, i: number, match: RegExpExecArray): ExecComment {
  // Find the closing */ now, to report an unterminated comment at its start.
  if (findCommentEnd(src, i + 2) < 0) throw new SqlSyntaxError('unterminated executable comment', i);
  return {
    flavor: match[1] === 'M' ? 'mariadb' : 'mysql',
    version: match[2] === undefined ? null : Number(match[2]),
    start: i,
  };
}

/**
 * The delimiter a `DELIMITER x` command sets (its word at `i`, its line ending at `end`); throws
 * when none is written.
 */
function delimiterArgument(src: string, i: number, end: number): string {
  const arg =
    src
      .slice(i + 9, end)
      .trim()
      .split(/[ \t]/)[0] ?? '';
  if (arg === '') throw new SqlSyntaxError('DELIMITER must be followed by a delimiter string', i);
  return arg;
}

/** True when the word src[i, j) is VALUE or VALUES (any case). */
function isValuesAt(src: string, i: number, j: number): boolean {
  return (j - i === 6 || j - i === 5) && /^VALUES?$/i.test(src.slice(i, j));
}

/**
 * End of the INSERT/REPLACE payload starting at `i` (just after VALUES): known from an earlier
 * scan, or scanned now; with `cut` (more input follows) it may run past the end of the buffer, and
 * `cut.open` remembers how far it is scanned.
 */
function payloadEnd(src: string, i: number, delimiter: string, known: KnownPayload | null, cut: Cut | null): number {
  if (known !== null && known.from === i) return known.end;
  if (cut === null) return scanData(src, i, delimiter);
  const progress: ScanProgress = { safe: i };
  const end = scanData(src, i, delimiter, progress);
  if (end === src.length) cut.open = { from: i, safe: progress.safe };
  return end;
}

/** How far a payload scan got; see scanData. */
export interface ScanProgress {
  /** Raised to the furthest offset from which scanning can restart once more input is appended. */
  safe: number;
  /** Set when the input ended inside a string, quoted name or comment (scanData then returns the end). */
  unterminated?: boolean;
}

/**
 * End of an INSERT/REPLACE payload starting at `from`: the offset of the next delimiter outside
 * strings, quoted identifiers and comments (or the end of `src`). Plain characters are skipped in
 * a tight loop and strings with indexOf jumps, so a multi-gigabyte dump of extended INSERTs costs
 * little more than a memory scan. Throws SqlSyntaxError for an unterminated string or comment,
 * like the tokenizer — unless `progress` is given (the input may continue): then it returns the
 * end of `src` with `progress.unterminated` set.
 *
 * `progress.safe` is raised to the furthest offset from which scanning can restart with the same
 * result once more input is appended to `src`: outside any string or comment, and far enough from
 * the end that no decision up to it looked at a character past the end.
 */
export function scanData(src: string, from: number, delimiter: string, progress?: ScanProgress): number {
  const n = src.length;
  const d0 = delimiter.charCodeAt(0);
  // Decisions look at most delimiter.length + 1 characters ahead (a doubled quote, `--` plus a space).
  const lastSafe = n - delimiter.length - 4;
  const unterminated = (reason: string, at: number): number => {
    if (progress === undefined) throw new SqlSyntaxError(reason, at);
    progress.unterminated = true;
    return n;
  };
  let i = from;
  while (i < n) {
    if (progress !== undefined && i <= lastSafe && i > progress.safe) progress.safe = i;
    // Skip to the next character that can start a string, comment, quoted name or the delimiter.
    const top = i;
    let c = src.charCodeAt(i);
    while (c !== 39 && c !== 34 && c !== 96 && c !== 35 && c !== 47 && c !== 45 && c !== d0) {
      if (++i === n) {
        // No special character in [top, n): any offset there is outside strings and comments.
        if (progress !== undefined && lastSafe >= top && lastSafe > progress.safe) progress.safe = lastSafe;
        return n;
      }
      c = src.charCodeAt(i);
    }
    if (c === 39 || c === 34) {
      // A string: jump from quote to quote; a backslash or a doubled quote escapes.
      const q = c === 39 ? "'" : '"';
      let j = i + 1;
      for (;;) {
        const k = src.indexOf(q, j);
        if (k < 0) return unterminated('unterminated string literal', i);
        let backslashes = 0;
        for (let b = k - 1; b > i && src.charCodeAt(b) === 92; b--) backslashes++;
        if (backslashes % 2 === 1) {
          j = k + 1;
          continue;
        }
        if (src.charCodeAt(k + 1) === c) {
          j = k + 2;
          continue;
        }
        i = k + 1;
        break;
      }
      continue;
    }
    if (c === 96) {
      const k = src.indexOf('`', i + 1);
      if (k < 0) return unterminated('unterminated quoted identifier', i);
      i = k + 1;
      continue;
    }
    if (c === 47) {
      if (src.charCodeAt(i + 1) !== 42) {
        if (src.startsWith(delimiter, i)) return i;
        i++;
        continue;
      }
      const k = src.indexOf('*/', i + 2);
      if (k < 0) return unterminated('unterminated comment', i);
      i = k + 2;
      continue;
    }
    if (c === 35 || (c === 45 && src.charCodeAt(i + 1) === 45 && (i + 2 >= n || src.charCodeAt(i + 2) <= 32))) {
      const k = src.indexOf('\n', i);
      i = k < 0 ? n : k;
      continue;
    }
    if (src.startsWith(delimiter, i)) return i;
    i++;
  }
  return n;
}

/** True for tokens that carry no code: whitespace, comments, BOM and executable-comment wrappers. */
export function isTrivia(t: Token): boolean {
  return (
    t.kind === 'whitespace' ||
    t.kind === 'comment' ||
    t.kind === 'bom' ||
    t.kind === 'execOpen' ||
    t.kind === 'execClose'
  );
}

/** Case-insensitive keyword test on a word token. */
export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'word' && t.text.length === word.length && t.text.toUpperCase() === word;
}

/** The identifier a word, quoted identifier or string token names (quotes removed, escapes undone). */
export function identValue(t: Token): string {
  if (t.kind === 'quotedIdent') return t.text.slice(1, -1).replace(/``/g, '`');
  if (t.kind === 'string') {
    const q = t.text[0]!;
    return t.text
      .slice(1, -1)
      .split(q + q)
      .join(q)
      .replace(/\\(.)/g, '$1');
  }
  return t.text;
}
