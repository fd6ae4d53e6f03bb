// The one finder of the schema objects a statement names, read from its tokens. It answers three
// questions, each for one user:
// - statementShape: what a statement defines or changes, what it needs to exist when it runs and
//   what it drops. The report ties findings to objects with it and tells an incidental failure
//   (one that only happens because an earlier statement failed) from a statement's own.
// - changedObjects: the objects a statement creates or changes (and a trigger's table), whose
//   differences verify lets a fix to that statement explain.
// - namesAfter: every place after a word where an object may be named, erring wide: verify's
//   scope check (src/verify/scope.ts) looks there for names qualified with another database.
// The word lists of all three are here, side by side; so are the name readers they share (names.ts's nameAt,
// skipIfExists, the walk along a comma-separated list of tables). Portable: no Node.
import { isName, nameAt } from './names.js';
import type { Statement, StatementKind } from './statements.js';
import { alterTableLayout, createIndexLayout, createTableLayout, isPunct } from './structure.js';
import { identValue, isWord, type Token } from './tokenize.js';

/** The kinds of schema objects a statement defines, in report order. */
export const OBJECT_KINDS = ['table', 'view', 'routine', 'trigger', 'event'] as const;

/** The kind of a schema object a statement defines (procedures and functions are routines). */
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Name spaces: tables and views share one, as in MySQL; procedures and functions have their own. */
export type Namespace = 'relation' | 'procedure' | 'function' | 'trigger' | 'event';

/** A schema object as a statement names it. */
export interface NamedObject {
  readonly kind: ObjectKind;
  readonly ns: Namespace;
  /** As written (quotes removed); compared case-insensitively, as ClustrixDB/Xpand compare names. */
  readonly name: string;
}

export interface StatementShape {
  /** The object a CREATE statement defines. */
  readonly defines: NamedObject | null;
  /** The object whose findings this statement's findings are: the one it defines or changes. */
  readonly subject: NamedObject | null;
  /** The table of a trigger. */
  readonly table: string | null;
  /** Objects that must exist for the statement to succeed when it runs. */
  readonly uses: ReadonlyArray<{ readonly ns: Namespace; readonly name: string }>;
  /** Objects a DROP removes. */
  readonly drops: readonly NamedObject[];
}

const NONE: StatementShape = { defines: null, subject: null, table: null, uses: [], drops: [] };

/** The key two names share when ClustrixDB/Xpand take them for the same object. */
export const nameKey = (name: string): string => name.toLowerCase();

/** Skips `IF EXISTS` / `IF NOT EXISTS` at code[k]: the index after it, or k. */
export function skipIfExists(code: readonly Token[], k: number): number {
  if (!isWord(code[k], 'IF')) return k;
  return isWord(code[k + 1], 'NOT') ? k + 3 : k + 2;
}

/** The name after the first occurrence of `word` (e.g. VIEW, PROCEDURE) among the first tokens. */
function nameAfterWord(code: readonly Token[], word: string): { name: string; next: number } | null {
  const k = code.findIndex((t, i) => i < 24 && isWord(t, word));
  return k < 0 ? null : nameAt(code, skipIfExists(code, k + 1));
}

/**
 * Where the names of a comma-separated list of tables continue: the index after each comma at
 * `depth` in code[from, to), until the list ends (a `)` closing `depth`, a `;` or a word of `end`).
 */
function listContinuations(
  code: readonly Token[],
  from: number,
  to: number,
  depth: number,
  end: ReadonlySet<string>,
): number[] {
  const out: number[] = [];
  let d = depth;
  for (let m = from; m < to; m++) {
    const u = code[m]!;
    if (isPunct(u, '(')) d++;
    else if (isPunct(u, ')')) {
      if (--d < depth) break;
    } else if (d === depth && (isPunct(u, ';') || (u.kind === 'word' && end.has(u.text.toUpperCase())))) {
      break;
    } else if (d === depth && isPunct(u, ',')) {
      out.push(m + 1);
    }
  }
  return out;
}

// --- What a statement needs (statementShape) -----------------------------------------------------

/** Words after which a table or view is named in a statement that needs it. */
const NEEDED_AFTER = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE', 'REFERENCES', 'TABLE', 'TABLES', 'LIKE']);

/** After these, a comma-separated list of tables may follow (FROM a, b / LOCK TABLES a READ, b WRITE). */
const NEEDED_LISTS = new Set(['FROM', 'TABLES', 'UPDATE', 'TABLE']);

/** Words that end a list of table names in every statement (clause and query words). */
const LIST_END = [
  'WHERE',
  'SET',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'ON',
  'USING',
  'UNION',
  'VALUES',
  'VALUE',
  'SELECT',
];

/** Words that end such a list. */
const NEEDED_LIST_END = new Set([
  ...LIST_END,
  'PARTITION',
  'WINDOW',
  'FOR',
  'INTO',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'CROSS',
  'NATURAL',
  'STRAIGHT_JOIN',
]);

/**
 * The tables and views code[from, to) names where a statement needs them (after FROM, JOIN, INTO,
 * UPDATE, REFERENCES, LIKE, TABLE, in comma lists of tables) and the procedures it CALLs.
 */
function usesIn(code: readonly Token[], from: number, to: number): Array<{ ns: Namespace; name: string }> {
  const out: Array<{ ns: Namespace; name: string }> = [];
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    if (t.kind !== 'word') continue;
    const word = t.text.toUpperCase();
    if (word === 'CALL') {
      const n = nameAt(code, k + 1);
      if (n !== null) out.push({ ns: 'procedure', name: n.name });
      continue;
    }
    if (!NEEDED_AFTER.has(word)) continue;
    // ON UPDATE CASCADE / ON UPDATE CURRENT_TIMESTAMP name no table.
    if (word === 'UPDATE' && isWord(code[k - 1], 'ON')) continue;
    const first = nameAt(code, skipIfExists(code, k + 1));
    if (first === null) continue;
    out.push({ ns: 'relation', name: first.name });
    if (!NEEDED_LISTS.has(word)) continue;
    for (const m of listContinuations(code, first.next, to, depth, NEEDED_LIST_END)) {
      const n = nameAt(code, m);
      if (n !== null) out.push({ ns: 'relation', name: n.name });
    }
  }
  return out;
}

const named = (kind: ObjectKind, ns: Namespace, name: string): NamedObject => ({ kind, ns, name });

/** What each word after DROP [TEMPORARY] drops. */
const DROP_KINDS: Readonly<Record<string, readonly [ObjectKind, Namespace]>> = {
  TABLE: ['table', 'relation'],
  TABLES: ['table', 'relation'],
  VIEW: ['view', 'relation'],
  PROCEDURE: ['routine', 'procedure'],
  FUNCTION: ['routine', 'function'],
  TRIGGER: ['trigger', 'trigger'],
  EVENT: ['event', 'event'],
};

/** Objects a DROP statement removes: DROP [TEMPORARY] TABLE|VIEW [IF EXISTS] a, b / DROP PROCEDURE … */
function dropped(code: readonly Token[]): NamedObject[] {
  let k = 1;
  if (isWord(code[k], 'TEMPORARY')) k++;
  const what = code[k]?.text.toUpperCase();
  const kind = what === undefined ? undefined : DROP_KINDS[what];
  if (kind === undefined) return [];
  const out: NamedObject[] = [];
  let n = nameAt(code, skipIfExists(code, k + 1));
  while (n !== null) {
    out.push(named(kind[0], kind[1], n.name));
    n = isPunct(code[n.next], ',') ? nameAt(code, n.next + 1) : null;
  }
  return out;
}

/** The body of a routine or event starts at its BEGIN, DO or RETURN; names in it are resolved when it runs. */
function bodyStart(code: readonly Token[]): number {
  const k = code.findIndex((t) => isWord(t, 'BEGIN') || isWord(t, 'DO') || isWord(t, 'RETURN'));
  return k < 0 ? code.length : k;
}

/** The database a CREATE/ALTER DATABASE (or SCHEMA) names, or null. */
export function databaseName(stmt: Statement): string | null {
  const code = stmt.code;
  const k = code.findIndex((t, i) => i < 6 && (isWord(t, 'DATABASE') || isWord(t, 'SCHEMA')));
  return k < 0 ? null : (nameAt(code, skipIfExists(code, k + 1))?.name ?? null);
}

/** What `stmt` defines, changes, needs and drops. */
export function statementShape(stmt: Statement): StatementShape {
  const code = stmt.code;
  const kind: StatementKind = stmt.kind;
  switch (kind) {
    case 'create_table': {
      const token = code[createTableLayout(stmt).nameAt];
      if (token === undefined) return NONE;
      const self = named('table', 'relation', identValue(token));
      const uses = usesIn(code, createTableLayout(stmt).nameAt + 1, code.length).filter(
        (u) => nameKey(u.name) !== nameKey(self.name),
      );
      return { defines: self, subject: self, table: null, uses, drops: [] };
    }
    case 'alter_table': {
      const at = alterTableLayout(stmt).nameAt;
      const token = code[at];
      if (token === undefined) return NONE;
      const self = named('table', 'relation', identValue(token));
      return { defines: null, subject: self, table: null, uses: usesIn(code, 0, code.length), drops: [] };
    }
    case 'create_index': {
      const n = nameAt(code, createIndexLayout(stmt).onAt + 1);
      if (n === null) return NONE;
      const self = named('table', 'relation', n.name);
      return { defines: null, subject: self, table: null, uses: [{ ns: 'relation', name: n.name }], drops: [] };
    }
    case 'create_view': {
      const n = nameAfterWord(code, 'VIEW');
      if (n === null) return NONE;
      const self = named('view', 'relation', n.name);
      const uses = usesIn(code, n.next, code.length).filter((u) => nameKey(u.name) !== nameKey(n.name));
      return { defines: self, subject: self, table: null, uses, drops: [] };
    }
    case 'create_procedure':
    case 'create_function': {
      const word = kind === 'create_procedure' ? 'PROCEDURE' : 'FUNCTION';
      const n = nameAfterWord(code, word);
      if (n === null) return NONE;
      const self = named('routine', kind === 'create_procedure' ? 'procedure' : 'function', n.name);
      return { defines: self, subject: self, table: null, uses: [], drops: [] };
    }
    case 'create_trigger': {
      const n = nameAfterWord(code, 'TRIGGER');
      if (n === null) return NONE;
      const self = named('trigger', 'trigger', n.name);
      const end = bodyStart(code);
      const on = code.findIndex((t, i) => i >= n.next && i < end && isWord(t, 'ON'));
      const table = on < 0 ? null : nameAt(code, on + 1);
      const uses = table === null ? [] : [{ ns: 'relation' as const, name: table.name }];
      return { defines: self, subject: self, table: table?.name ?? null, uses, drops: [] };
    }
    case 'create_event': {
      const n = nameAfterWord(code, 'EVENT');
      if (n === null) return NONE;
      const self = named('event', 'event', n.name);
      return { defines: self, subject: self, table: null, uses: [], drops: [] };
    }
    case 'drop': {
      const drops = dropped(code);
      // DROP … IF EXISTS succeeds whether or not the object is there.
      const ifExists = code.some((t, i) => i < 5 && isWord(t, 'IF'));
      const uses = ifExists ? [] : drops.map((d) => ({ ns: d.ns, name: d.name }));
      return { defines: null, subject: null, table: null, uses, drops };
    }
    case 'insert':
    case 'replace':
    case 'update':
    case 'delete':
    case 'select':
    case 'lock_tables':
    case 'other':
      return { defines: null, subject: null, table: null, uses: usesIn(code, 0, code.length), drops: [] };
    default:
      return NONE;
  }
}

// --- What a statement creates or changes (changedObjects) ----------------------------------------

/** Words after which the object a statement (other than CREATE/ALTER TABLE, CREATE INDEX) acts on is named. */
const CHANGED_AFTER = ['VIEW', 'TRIGGER', 'EVENT', 'PROCEDURE', 'FUNCTION', 'TABLE', 'SEQUENCE'];

/**
 * The tables, sequences, views, triggers, routines and events `stmt` creates or changes (as
 * written, quotes removed, in statement order), and for a CREATE TRIGGER its table.
 */
export function changedObjects(stmt: Statement): string[] {
  const code = stmt.code;
  const out: string[] = [];
  const add = (n: { name: string } | null) => {
    if (n !== null) out.push(n.name);
  };
  const addToken = (t: Token | undefined) => {
    if (isName(t)) out.push(identValue(t));
  };
  if (stmt.kind === 'create_table') addToken(code[createTableLayout(stmt).nameAt]);
  else if (stmt.kind === 'alter_table') addToken(code[alterTableLayout(stmt).nameAt]);
  else if (stmt.kind === 'create_index') {
    const on = createIndexLayout(stmt).onAt;
    if (on >= 0) add(nameAt(code, on + 1));
  } else {
    const kw = code.findIndex((t) => CHANGED_AFTER.some((w) => isWord(t, w)));
    if (kw >= 0) add(nameAt(code, skipIfExists(code, kw + 1)));
    const on = code.findIndex((t) => isWord(t, 'ON'));
    if (stmt.kind === 'create_trigger' && on >= 0) add(nameAt(code, on + 1));
  }
  return out;
}

// --- Every place an object may be named (namesAfter) ---------------------------------------------

/** Words after which a table (or view, routine, trigger, event) name may follow. */
const NAMED_AFTER = new Set([
  'INTO',
  'UPDATE',
  'TABLE',
  'TABLES',
  'FROM',
  'JOIN',
  'CALL',
  'REFERENCES',
  'TO',
  'VIEW',
  'TRIGGER',
  'PROCEDURE',
  'FUNCTION',
  'EVENT',
  'DELETE',
  'USING',
]);

/** Words that may stand between such a word and the name. */
const NAMED_MODIFIERS = new Set(['IF', 'NOT', 'EXISTS', 'LOW_PRIORITY', 'HIGH_PRIORITY', 'DELAYED', 'IGNORE', 'QUICK']);

/** Words that end a comma-separated list of such names. */
const NAMED_LIST_END = new Set([
  ...LIST_END,
  'FROM',
  'PARTITION',
  'WINDOW',
  'FOR',
  'INTO',
  'AS',
  'DO',
  'BEGIN',
  'RETURNS',
]);

/**
 * Every index where an object name may start after the word at code[k] (at parenthesis `depth`),
 * erring wide: after INTO, UPDATE, TABLE(S), FROM, JOIN, CALL, REFERENCES, TO, VIEW, TRIGGER,
 * PROCEDURE, FUNCTION, EVENT, DELETE or USING and their modifiers (IF NOT EXISTS, IGNORE, …), and
 * after each comma of a list that follows (FROM a, b / DROP TABLE a, b). The first is where the
 * name right after the word would be, whether or not one is there; none when code[k] is no such word.
 */
export function namesAfter(code: readonly Token[], k: number, depth: number): number[] {
  const t = code[k];
  if (t === undefined || t.kind !== 'word' || !NAMED_AFTER.has(t.text.toUpperCase())) return [];
  let j = k + 1;
  while (isName(code[j]) && NAMED_MODIFIERS.has(code[j]!.text.toUpperCase()) && !isPunct(code[j + 1], '.')) j++;
  return [j, ...listContinuations(code, j, code.length, depth, NAMED_LIST_END)];
}
