// The only way live checking talks to a server: a session that is read-only twice over. The
// server is told first (`SET SESSION TRANSACTION READ ONLY`), and every statement is checked here
// before it is sent: only SELECT, SHOW and SET SESSION pass, one statement at a time.
import { InternalError } from '../core/errors.js';
import { SqlSource } from '../core/source.js';
import { isWord } from '../core/tokenize.js';
import type { Connect } from './connect.js';

/** The part of a mysql2 promise connection a session uses. */
export interface Queryable {
  query(sql: string | { sql: string; timeout?: number }, values?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}

/**
 * How long one statement may run. A guard against a server that stops answering, not a limit
 * on big schemas: information_schema can take minutes on a server with 100,000 tables.
 */
export const QUERY_TIMEOUT_MS = 10 * 60 * 1000;

export type Row = Record<string, unknown>;

/** True when `sql` is one SELECT, SHOW or SET SESSION statement (what a read-only session may send). */
export function isReadOnlyStatement(sql: string): boolean {
  let source: SqlSource;
  try {
    source = new SqlSource(sql);
  } catch {
    return false;
  }
  if (source.statements.length !== 1) return false;
  const code = source.statements[0]!.code;
  // Executable comments could hide anything: none are sent.
  if (source.tokens.some((t) => t.kind === 'execOpen' || t.kind === 'delimiterCommand')) return false;
  if (isWord(code[0], 'SELECT') || isWord(code[0], 'SHOW')) {
    // SELECT … INTO OUTFILE/DUMPFILE writes a file; FOR UPDATE / LOCK IN SHARE MODE take locks.
    return !code.some((t) => isWord(t, 'OUTFILE') || isWord(t, 'DUMPFILE') || isWord(t, 'UPDATE') || isWord(t, 'LOCK'));
  }
  return isWord(code[0], 'SET') && isWord(code[1], 'SESSION');
}

/** Statements every session starts with, in this order. */
export const SESSION_SETUP: readonly string[] = [
  'SET SESSION TRANSACTION READ ONLY',
  // SHOW CREATE output depends on the session's sql_mode (ANSI_QUOTES, NO_TABLE_OPTIONS, …):
  // the empty mode gives the canonical MySQL text.
  "SET SESSION sql_mode = ''",
  'SET SESSION sql_quote_show_create = 1',
];

export class ReadOnlySession {
  /** Every statement sent, in order (tests and --debug look at it). */
  readonly sent: string[] = [];

  private constructor(private readonly connection: Queryable) {}

  /** Opens a session on `database` (or none) and makes it read-only before anything else. */
  static async open(connect: Connect, database?: string): Promise<ReadOnlySession> {
    const session = new ReadOnlySession(await connect(database));
    try {
      for (const sql of SESSION_SETUP) await session.query(sql);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }

  /** Runs one read-only statement; anything else is a bug and is never sent. */
  async query(sql: string, values?: unknown[]): Promise<Row[]> {
    if (!isReadOnlyStatement(sql))
      throw new InternalError(`refusing to send a statement that is not read-only: ${sql}`);
    this.sent.push(sql);
    const [rows] = await this.connection.query({ sql, timeout: QUERY_TIMEOUT_MS }, values);
    return rows as Row[];
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => undefined);
  }
}
