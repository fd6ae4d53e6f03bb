// Statement model: split tokens on the active delimiter, classify each statement from its
// tokens, and parse it with node-sql-parser's mysql build on demand.
import { sqlParser } from './deps.js';
import { isTrivia, isWord, type Token } from './tokenize.js';

export type StatementKind =
  | 'create_table'
  | 'create_index'
  | 'create_database'
  | 'create_view'
  | 'create_trigger'
  | 'create_procedure'
  | 'create_function'
  | 'create_event'
  | 'create_other'
  | 'alter_table'
  | 'alter_database'
  | 'alter_other'
  | 'drop'
  | 'set'
  | 'insert'
  | 'replace'
  | 'update'
  | 'delete'
  | 'select'
  | 'lock_tables'
  | 'unlock_tables'
  | 'transaction'
  | 'xa'
  /** A command the mysql client runs itself (`use`, `source`, `\.`, the sandbox line): see the tokenizer. */
  | 'client_command'
  | 'other'
  | 'unknown';

/** The outcome of handing a statement to node-sql-parser. */
export type ParseResult = { ok: true; ast: unknown } | { ok: false; error: string };

export interface Statement {
  /** 0-based position in the script. */
  readonly index: number;
  readonly kind: StatementKind;
  /** Offset of the first token that is not whitespace or a comment. */
  readonly start: number;
  /** Offset just past the last token before the delimiter. */
  readonly end: number;
  /** Every token in [start, end), trivia included. */
  readonly tokens: readonly Token[];
  /** The tokens that carry code: no whitespace, comments or executable-comment wrappers. */
  readonly code: readonly Token[];
  /** The delimiter token ending the statement, or null for a last statement without one. */
  readonly delimiter: Token | null;
  /** The statement as node-sql-parser sees it, parsed on first use. */
  readonly parse: () => ParseResult;
  /**
   * Set when the client sends this statement in one buffer with others: with a delimiter other
   * than `;` (a DELIMITER never reset), `a; b; c//` is one request of three server statements,
   * which the server runs one by one. `index` is the place in the buffer, `count` its size.
   */
  readonly serverPart: { readonly index: number; readonly count: number } | null;
  /**
   * For a statement nested in a routine, trigger or event body (see compound.ts): the CREATE
   * PROCEDURE / FUNCTION / TRIGGER / EVENT statement whose body holds it. It runs when the
   * routine runs, not when the script loads. Absent for the script's own statements.
   */
  readonly within?: Statement;
}

/** Statement kinds never handed to node-sql-parser: data statements, only bulk for it; client commands. */
const UNPARSED_KINDS: ReadonlySet<StatementKind> = new Set(['insert', 'replace', 'client_command']);

/**
 * Groups tokens into the statements the server sees. The client splits at its delimiter; with a
 * delimiter other than `;`, one client statement may hold several server statements, split at
 * `;` outside compound bodies (see serverStatements). DELIMITER commands and trivia between
 * statements belong to none; a client command (`use db`, `source f`) is a statement of its own.
 */
export function splitStatements(tokens: readonly Token[]): Statement[] {
  const statements: Statement[] = [];
  let first = -1;
  let lastCode = -1;
  const push = (from: number, to: number, delimiter: Token | null, part: Statement['serverPart']) => {
    statements.push(makeStatement(statements.length, tokens.slice(from, to + 1), delimiter, part));
  };
  const flush = (delimiter: Token | null): void => {
    if (first >= 0) {
      const parts = serverStatements(tokens, first, lastCode);
      if (parts.length === 1) push(first, lastCode, delimiter, null);
      else {
        parts.forEach((p, i) => {
          const last = i === parts.length - 1;
          push(p.from, p.to, last ? delimiter : tokens[p.semicolon]!, { index: i, count: parts.length });
        });
      }
    }
    first = -1;
    lastCode = -1;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'delimiter') {
      flush(t);
      continue;
    }
    if (t.kind === 'delimiterCommand') {
      flush(null);
      continue;
    }
    if (t.kind === 'clientCommand') {
      flush(null);
      // Its delimiter, if one follows on the same line.
      let d = k + 1;
      if (tokens[d]?.kind === 'whitespace' && !tokens[d]!.text.includes('\n')) d++;
      const delimiter = tokens[d]?.kind === 'delimiter' ? tokens[d]! : null;
      push(k, k, delimiter, null);
      if (delimiter !== null) k = d;
      continue;
    }
    if (t.kind === 'whitespace' || t.kind === 'comment' || t.kind === 'bom') continue;
    if (first < 0) first = k;
    lastCode = k;
  }
  flush(null);
  return statements;
}

/** Statement kinds whose body (BEGIN … END) holds `;` that do not end the statement. */
const COMPOUND_KINDS: ReadonlySet<StatementKind> = new Set([
  'create_procedure',
  'create_function',
  'create_trigger',
  'create_event',
]);

/**
 * Where the server splits the client statement tokens[from..to]: at each `;` outside executable
 * comments and outside compound bodies — in CREATE PROCEDURE / FUNCTION / TRIGGER / EVENT (and a
 * MariaDB `BEGIN NOT ATOMIC` block) a `;` ends the statement only when every BEGIN and CASE is
 * closed by its END. Each part runs from its first to its last code token; `semicolon` is the
 * index of the `;` that ends it (for the last part, -1: the client's delimiter ends it).
 */
function serverStatements(
  tokens: readonly Token[],
  from: number,
  to: number,
): Array<{ from: number; to: number; semicolon: number }> {
  const parts: Array<{ from: number; to: number; semicolon: number }> = [];
  let start = -1;
  let lastCode = -1;
  let compound = false;
  let depth = 0;
  let code: Token[] = [];
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (isTrivia(t)) continue;
    if (t.kind === 'punct' && t.text === ';' && t.exec === null && depth === 0) {
      if (start >= 0) parts.push({ from: start, to: lastCode, semicolon: k });
      start = -1;
      lastCode = -1;
      code = [];
      continue;
    }
    if (start < 0) {
      start = k;
      compound = false;
      depth = 0;
    }
    lastCode = k;
    if (code.length < 24) {
      code.push(t);
      if (code.length <= 24 && !compound) {
        compound = COMPOUND_KINDS.has(classify(code)) || (isWord(code[0], 'BEGIN') && isWord(code[1], 'NOT'));
      }
    }
    if (!compound || t.kind !== 'word') continue;
    const w = t.text.toUpperCase();
    if (w === 'BEGIN' || w === 'CASE') depth++;
    else if (w === 'END' && depth > 0) {
      // END IF / END LOOP / END WHILE / END REPEAT close blocks that were never counted.
      let n = k + 1;
      while (n <= to && isTrivia(tokens[n]!)) n++;
      const next = tokens[n];
      if (!['IF', 'LOOP', 'WHILE', 'REPEAT'].some((x) => isWord(next, x))) depth--;
      // The word after END (END CASE, END IF, …) closes, it does not open.
      if (['IF', 'LOOP', 'WHILE', 'REPEAT', 'CASE'].some((x) => isWord(next, x))) {
        lastCode = n;
        k = n;
      }
    }
  }
  if (start >= 0) parts.push({ from: start, to: lastCode, semicolon: -1 });
  return parts.length === 0 ? [{ from, to, semicolon: -1 }] : parts;
}

/**
 * A statement made of `tokens` (a slice of the script's, trivia at neither end). With `within`, a
 * statement nested in that routine's body: it takes the routine's index.
 */
export function makeStatement(
  index: number,
  tokens: Token[],
  delimiter: Token | null,
  serverPart: Statement['serverPart'],
  within?: Statement,
): Statement {
  const code = tokens.filter((t) => !isTrivia(t));
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const kind = classify(code);
  let parsed: ParseResult | undefined;
  return {
    index,
    kind,
    start,
    end,
    tokens,
    code,
    delimiter,
    serverPart,
    ...(within === undefined ? {} : { within }),
    parse: () => {
      if (parsed === undefined) {
        parsed = UNPARSED_KINDS.has(kind)
          ? { ok: false, error: 'data statements are not parsed' }
          : parseSql(parseView(tokens));
      }
      return parsed;
    },
  };
}

/**
 * The statement's text as MySQL executes it, offsets unchanged: comments and the `/*!NNNNN` and
 * `*\/` wrappers of executable comments become spaces (newlines kept).
 */
export function parseView(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'comment' || t.kind === 'execOpen' || t.kind === 'execClose') {
      out += t.text.replace(/[^\n]/g, ' ');
    } else {
      out += t.text;
    }
  }
  return out;
}

/** Parses one statement with node-sql-parser's mysql-only build (loaded once, on first use; see deps.ts). */
export function parseSql(sql: string): ParseResult {
  const parser = sqlParser();
  try {
    return { ok: true, ast: parser.astify(sql, { database: 'mysql', trimQuery: false }) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const CREATE_OBJECTS: Record<string, StatementKind> = {
  TABLE: 'create_table',
  INDEX: 'create_index',
  DATABASE: 'create_database',
  SCHEMA: 'create_database',
  VIEW: 'create_view',
  TRIGGER: 'create_trigger',
  PROCEDURE: 'create_procedure',
  FUNCTION: 'create_function',
  EVENT: 'create_event',
  USER: 'create_other',
  ROLE: 'create_other',
  SEQUENCE: 'create_other',
  TABLESPACE: 'create_other',
  SERVER: 'create_other',
  LOGFILE: 'create_other',
  RESOURCE: 'create_other',
};

const ALTER_OBJECTS: Record<string, StatementKind> = {
  TABLE: 'alter_table',
  DATABASE: 'alter_database',
  SCHEMA: 'alter_database',
};

/** Words that may sit between CREATE/ALTER and the object word. */
const CREATE_PREFIX_WORDS = new Set([
  'OR',
  'REPLACE',
  'TEMPORARY',
  'ONLINE',
  'OFFLINE',
  'UNIQUE',
  'FULLTEXT',
  'SPATIAL',
  'ALGORITHM',
  'DEFINER',
  'SQL',
  'SECURITY',
  'AGGREGATE',
  'IGNORE',
  'UNDEFINED',
  'MERGE',
  'TEMPTABLE',
  'INVOKER',
  'CURRENT_USER',
  'NOT',
  'EXISTS',
  'IF',
]);

const SIMPLE_KINDS: Record<string, StatementKind> = {
  SET: 'set',
  INSERT: 'insert',
  REPLACE: 'replace',
  UPDATE: 'update',
  DELETE: 'delete',
  SELECT: 'select',
  WITH: 'select',
  VALUES: 'select',
  TABLE: 'select',
  DROP: 'drop',
  UNLOCK: 'unlock_tables',
  START: 'transaction',
  BEGIN: 'transaction',
  COMMIT: 'transaction',
  ROLLBACK: 'transaction',
  SAVEPOINT: 'transaction',
  RELEASE: 'transaction',
  XA: 'xa',
};

/** Statements the tool recognizes but has no specific kind for. */
const OTHER_STARTERS = new Set([
  'USE',
  'GRANT',
  'REVOKE',
  'CALL',
  'DO',
  'PREPARE',
  'EXECUTE',
  'DEALLOCATE',
  'TRUNCATE',
  'RENAME',
  'SHOW',
  'DESCRIBE',
  'DESC',
  'EXPLAIN',
  'FLUSH',
  'ANALYZE',
  'OPTIMIZE',
  'REPAIR',
  'CHECK',
  'CHECKSUM',
  'HANDLER',
  'LOAD',
  'SOURCE',
  'KILL',
  'RESET',
  'PURGE',
  'CHANGE',
  'INSTALL',
  'UNINSTALL',
  'CACHE',
  'HELP',
  'SIGNAL',
  'RESIGNAL',
  'GET',
  'DECLARE',
  'OPEN',
  'CLOSE',
  'FETCH',
  'LEAVE',
  'ITERATE',
  'RETURN',
  'IF',
  'CASE',
  'LOOP',
  'REPEAT',
  'WHILE',
  'SHUTDOWN',
  'IMPORT',
  'BINLOG',
  'STOP',
  'LOCK',
]);

/** Classifies a statement from its code tokens; the parser is never needed for this. */
export function classify(code: readonly Token[]): StatementKind {
  let k = 0;
  while (code[k]?.kind === 'punct' && code[k]!.text === '(') k++;
  const head = code[k];
  if (head?.kind === 'clientCommand') return 'client_command';
  if (head === undefined || head.kind !== 'word') return 'unknown';
  const word = head.text.toUpperCase();
  if (word === 'CREATE' || word === 'ALTER') {
    const objects = word === 'CREATE' ? CREATE_OBJECTS : ALTER_OBJECTS;
    for (let j = k + 1; j < code.length && j < k + 24; j++) {
      const t = code[j]!;
      if (t.kind === 'punct' && t.text === '(') {
        // DEFINER = CURRENT_USER() is the same account as DEFINER = CURRENT_USER.
        if (isWord(code[j - 1], 'CURRENT_USER') && code[j + 1]?.kind === 'punct' && code[j + 1]!.text === ')') {
          j++;
          continue;
        }
        break;
      }
      if (t.kind !== 'word') continue;
      const w = t.text.toUpperCase();
      const kind = objects[w];
      if (kind !== undefined) return kind;
      if (word === 'ALTER' && w !== 'ONLINE' && w !== 'OFFLINE' && w !== 'IGNORE') return 'alter_other';
      if (!CREATE_PREFIX_WORDS.has(w) && !isDefinerValue(code, j)) break;
    }
    return word === 'CREATE' ? 'create_other' : 'alter_other';
  }
  if (word === 'LOCK') {
    return isWord(code[k + 1], 'TABLES') || isWord(code[k + 1], 'TABLE') ? 'lock_tables' : 'other';
  }
  const simple = SIMPLE_KINDS[word];
  if (simple !== undefined) return simple;
  if (OTHER_STARTERS.has(word)) return 'other';
  return 'unknown';
}

/** True when code[j] is part of a `DEFINER = user@host` value. */
function isDefinerValue(code: readonly Token[], j: number): boolean {
  for (let b = j - 1; b >= 0 && b >= j - 4; b--) {
    if (isWord(code[b], 'DEFINER')) return true;
  }
  return false;
}
