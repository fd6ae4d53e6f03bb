// What verify must not run: statements that would act outside the scratch database it loads a
// script into. verify runs on the user's own server, so this errs on the side of skipping: a
// skipped statement is listed in the report; a statement that runs cannot be taken back. Where a
// statement may name an object comes from the one finder of the objects a statement names
// (namesAfter in src/core/objects.ts); this module decides which of those names reach beyond.
import { namesAfter, skipIfExists } from '../core/objects.js';
import type { Statement, StatementKind } from '../core/statements.js';
import { BODY_STATEMENTS, alterTableLayout, createIndexLayout, createTableLayout, isPunct } from '../core/structure.js';
import { identValue, isWord, type Token } from '../core/tokenize.js';

/** First words of statements that act on the server, not on one database. */
const SERVER_WIDE =
  /^(?:USE|GRANT|REVOKE|FLUSH|RESET|PURGE|KILL|SHUTDOWN|INSTALL|UNINSTALL|CHANGE|STOP|LOAD|(?:CREATE|DROP|ALTER|RENAME)\s+(?:USER|ROLE|SERVER|TABLESPACE|LOGFILE|DATABASE|SCHEMA|INSTANCE)|SET\s+(?:GLOBAL|PERSIST|PASSWORD|@@GLOBAL))\b/i;

/**
 * The same inside a routine, trigger or event body, where any word may start a statement: only
 * word pairs that cannot be anything else (so `ALTER TABLE … CHANGE` or `USE INDEX` do not count;
 * USE is not allowed in stored programs anyway).
 */
const BODY_SERVER_WIDE =
  /^(?:GRANT|REVOKE|FLUSH|PURGE|KILL|SHUTDOWN|INSTALL|UNINSTALL) |^CHANGE (?:MASTER|REPLICATION)$|^(?:START|STOP) (?:SLAVE|REPLICA|GROUP_REPLICATION)$|^RESET (?:MASTER|SLAVE|REPLICA|PERSIST|QUERY)$|^LOAD (?:DATA|XML|INDEX)$|^(?:CREATE|DROP|ALTER|RENAME) (?:USER|ROLE|SERVER|TABLESPACE|LOGFILE|DATABASE|SCHEMA|INSTANCE)$|^SET (?:GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|@@GLOBAL\b.*|@@PERSIST\b.*)$/i;

/** Statements with a body that runs later: when a trigger fires, an event is due, a routine is called. */
const BODY_KINDS: ReadonlySet<StatementKind> = new Set([...BODY_STATEMENTS, 'alter_other']);

const READ_ONLY_SCHEMAS = new Set(['information_schema', 'performance_schema']);

const isName = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'quotedIdent');

/** `db.name` starting at code[k]: its text, else null. In a trigger, NEW.col and OLD.col are its row. */
function qualifiedAt(code: readonly Token[], k: number, trigger: boolean): string | null {
  const a = code[k];
  if (!isName(a) || !isPunct(code[k + 1], '.') || !isName(code[k + 2])) return null;
  if (trigger && (isWord(a, 'NEW') || isWord(a, 'OLD'))) return null;
  const db = identValue(a!);
  // The server's metadata views are read-only: reading them changes nothing.
  if (READ_ONLY_SCHEMAS.has(db.toLowerCase())) return null;
  return `${db}.${identValue(code[k + 2]!)}`;
}

/** True when code[k] starts `PREPARE name FROM` or `EXECUTE IMMEDIATE`: SQL built at run time. */
function dynamicSqlAt(code: readonly Token[], k: number): boolean {
  return (
    (isWord(code[k], 'PREPARE') && isName(code[k + 1]) && isWord(code[k + 2], 'FROM')) ||
    (isWord(code[k], 'EXECUTE') && isWord(code[k + 1], 'IMMEDIATE'))
  );
}

/** The procedure a CREATE PROCEDURE defines (lower case), or null. */
function procedureName(stmt: Statement): string | null {
  if (stmt.kind !== 'create_procedure') return null;
  const code = stmt.code;
  const word = code.findIndex((t) => isWord(t, 'PROCEDURE'));
  if (word < 0) return null;
  const k = skipIfExists(code, word + 1);
  return isName(code[k]) ? identValue(code[k]!).toLowerCase() : null;
}

/** The procedures `stmt` calls (lower case, unqualified ones). */
function callsIn(code: readonly Token[]): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < code.length; k++) {
    if (isWord(code[k], 'CALL') && isName(code[k + 1]) && !isPunct(code[k + 2], '.')) {
      out.push(identValue(code[k + 1]!).toLowerCase());
    }
  }
  return out;
}

/**
 * The procedures of a script that run SQL built at run time (PREPARE … FROM, EXECUTE IMMEDIATE),
 * themselves or through the procedures they call: what such SQL does cannot be known beforehand.
 */
export function dynamicProcedures(statements: readonly Statement[]): Set<string> {
  const procedures = new Map<string, { dynamic: boolean; calls: string[] }>();
  for (const stmt of statements) {
    const name = procedureName(stmt);
    if (name === null) continue;
    const code = stmt.code;
    procedures.set(name, { dynamic: code.some((_, k) => dynamicSqlAt(code, k)), calls: callsIn(code) });
  }
  const out = new Set([...procedures].filter(([, p]) => p.dynamic).map(([n]) => n));
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, p] of procedures) {
      if (!out.has(name) && p.calls.some((c) => out.has(c))) {
        out.add(name);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Why running `stmt` in the scratch database could act outside it, or null when it cannot: a
 * server-wide statement, a name qualified with a database where a table, view, routine, trigger or
 * event is named (also in a comma list of tables and inside bodies), a call of `db.func(…)`; in
 * bodies that run later also server-wide statements; and SQL built at run time, which cannot be
 * checked: in an event's body (events run by themselves) or by calling one of `dynamic`, the
 * script's procedures that do so (see dynamicProcedures). Creating such a procedure is harmless.
 */
export function reachesBeyond(stmt: Statement, dynamic: ReadonlySet<string> = new Set()): string | null {
  const code = stmt.code;
  if (code.length === 0) return null;
  const head = code
    .slice(0, 2)
    .map((t) => t.text)
    .join(' ');
  const server = SERVER_WIDE.exec(head);
  if (server !== null || stmt.kind === 'create_database' || stmt.kind === 'alter_database') {
    return `acts on the server, not on one database (${server?.[0] ?? head})`;
  }
  const named = (q: string) => `names another database (${q})`;
  // Names the statement layouts already locate.
  const at =
    stmt.kind === 'create_table'
      ? createTableLayout(stmt).nameAt
      : stmt.kind === 'alter_table'
        ? alterTableLayout(stmt).nameAt
        : stmt.kind === 'create_index'
          ? createIndexLayout(stmt).onAt + 1
          : -1;
  const trigger = stmt.kind === 'create_trigger';
  const qualified = (k: number) => qualifiedAt(code, k, trigger);
  if (at > 0) {
    const q = qualified(isPunct(code[at - 1], '.') ? at - 2 : at);
    if (q !== null) return named(q);
  }
  const body = BODY_KINDS.has(stmt.kind);
  const event = stmt.kind === 'create_event' || (stmt.kind === 'alter_other' && code.some((t) => isWord(t, 'EVENT')));
  let triggerOn = trigger;
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    // `db.func(` calls a routine of another database.
    const call = qualified(k);
    if (call !== null && isPunct(code[k + 3], '(')) return named(call);
    if (t.kind !== 'word') continue;
    const word = t.text.toUpperCase();
    if (body && k > 0) {
      const next = code[k + 1];
      const pair = `${word} ${next?.text.toUpperCase() ?? ''}`;
      if (BODY_SERVER_WIDE.test(pair)) return `runs a server-wide statement in its body (${pair})`;
      if (event && dynamicSqlAt(code, k)) return `runs SQL built at run time (${word}), which cannot be checked`;
    }
    // A CALL runs now (top level) or by itself (an event); in a trigger or function dynamic SQL is
    // refused at run time, and a procedure's body runs only when it is called.
    if (
      word === 'CALL' &&
      (!body || event) &&
      isName(code[k + 1]) &&
      dynamic.has(identValue(code[k + 1]!).toLowerCase())
    ) {
      return `calls ${identValue(code[k + 1]!)}, which runs SQL built at run time that cannot be checked`;
    }
    // The table of a trigger: CREATE TRIGGER … {BEFORE|AFTER} event ON tbl.
    if (word === 'ON' && triggerOn) {
      triggerOn = false;
      const q = qualified(k + 1);
      if (q !== null) return named(q);
      continue;
    }
    // A name where the statement may name an object, also in a comma list of tables at this depth:
    // FROM a, db.b / UPDATE a, db.b / DROP TABLE a, db.b.
    for (const j of namesAfter(code, k, depth)) {
      const q = qualified(j);
      if (q !== null) return named(q);
    }
  }
  return null;
}
