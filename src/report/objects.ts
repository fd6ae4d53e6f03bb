// What a statement does to the schema objects of its script, read from its tokens: the object it
// defines or changes, the objects it needs to exist when it runs, and those it drops. The report
// uses this to tie findings to objects and to tell an incidental failure (one that only happens
// because an earlier statement failed) from a statement's own.
import type { Statement, StatementKind } from '../core/statements.js';
import { alterTableLayout, createIndexLayout, createTableLayout, isPunct } from '../core/structure.js';
import { identValue, isWord, type Token } from '../core/tokenize.js';

export type ObjectKind = 'table' | 'view' | 'routine' | 'trigger' | 'event';

/** Name spaces: tables and views share one, as in MySQL; procedures and functions have their own. */
export type Namespace = 'relation' | 'procedure' | 'function' | 'trigger' | 'event';

export interface ObjectRef {
  readonly kind: ObjectKind;
  readonly ns: Namespace;
  /** As written (quotes removed); compared case-insensitively, as ClustrixDB/Xpand compare names. */
  readonly name: string;
}

export interface StatementShape {
  /** The object a CREATE statement defines. */
  readonly defines: ObjectRef | null;
  /** The object whose findings this statement's findings are: the one it defines or changes. */
  readonly subject: ObjectRef | null;
  /** The table of a trigger. */
  readonly table: string | null;
  /** Objects that must exist for the statement to succeed when it runs. */
  readonly uses: ReadonlyArray<{ readonly ns: Namespace; readonly name: string }>;
  /** Objects a DROP removes. */
  readonly drops: readonly ObjectRef[];
}

const NONE: StatementShape = { defines: null, subject: null, table: null, uses: [], drops: [] };

const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'word' || t.kind === 'quotedIdent');

/** The key two names share when ClustrixDB/Xpand take them for the same object. */
export const nameKey = (name: string): string => name.toLowerCase();

/** The object name at code[k] (`name` or `db.name`: the last part), with the index after it, or null. */
function nameAt(code: readonly Token[], k: number): { name: string; next: number } | null {
  if (!isName(code[k])) return null;
  let j = k;
  while (isPunct(code[j + 1], '.') && isName(code[j + 2])) j += 2;
  return { name: identValue(code[j]!), next: j + 1 };
}

/** Skips `IF EXISTS` / `IF NOT EXISTS` at code[k]. */
function skipIfExists(code: readonly Token[], k: number): number {
  if (!isWord(code[k], 'IF')) return k;
  return isWord(code[k + 1], 'NOT') ? k + 3 : k + 2;
}

/** The name after the first occurrence of `word` (e.g. VIEW, PROCEDURE) among the first tokens. */
function nameAfterWord(code: readonly Token[], word: string): { name: string; next: number } | null {
  const k = code.findIndex((t, i) => i < 24 && isWord(t, word));
  return k < 0 ? null : nameAt(code, skipIfExists(code, k + 1));
}

/** Words after which a table or view is named in a statement that needs it. */
const RELATION_AFTER = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE', 'REFERENCES', 'TABLE', 'TABLES', 'LIKE']);

/** After these, a comma-separated list of tables may follow (FROM a, b / LOCK TABLES a READ, b WRITE). */
const LIST_AFTER = new Set(['FROM', 'TABLES', 'UPDATE', 'TABLE']);

/** Words that end such a list. */
const LIST_END = new Set([
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
    if (!RELATION_AFTER.has(word)) continue;
    // ON UPDATE CASCADE / ON UPDATE CURRENT_TIMESTAMP name no table.
    if (word === 'UPDATE' && isWord(code[k - 1], 'ON')) continue;
    const first = nameAt(code, skipIfExists(code, k + 1));
    if (first === null) continue;
    out.push({ ns: 'relation', name: first.name });
    if (!LIST_AFTER.has(word)) continue;
    // The rest of a comma list at this depth.
    let d = depth;
    for (let m = first.next; m < to; m++) {
      const u = code[m]!;
      if (isPunct(u, '(')) d++;
      else if (isPunct(u, ')')) {
        if (--d < depth) break;
      } else if (d === depth && (isPunct(u, ';') || (u.kind === 'word' && LIST_END.has(u.text.toUpperCase())))) {
        break;
      } else if (d === depth && isPunct(u, ',')) {
        const n = nameAt(code, m + 1);
        if (n !== null) out.push({ ns: 'relation', name: n.name });
      }
    }
  }
  return out;
}

const ref = (kind: ObjectKind, ns: Namespace, name: string): ObjectRef => ({ kind, ns, name });

/** Objects a DROP statement removes: DROP [TEMPORARY] TABLE|VIEW [IF EXISTS] a, b / DROP PROCEDURE … */
function dropped(code: readonly Token[]): ObjectRef[] {
  let k = 1;
  if (isWord(code[k], 'TEMPORARY')) k++;
  const what = code[k]?.text.toUpperCase();
  const kinds: Record<string, [ObjectKind, Namespace]> = {
    TABLE: ['table', 'relation'],
    TABLES: ['table', 'relation'],
    VIEW: ['view', 'relation'],
    PROCEDURE: ['routine', 'procedure'],
    FUNCTION: ['routine', 'function'],
    TRIGGER: ['trigger', 'trigger'],
    EVENT: ['event', 'event'],
  };
  const kind = what === undefined ? undefined : kinds[what];
  if (kind === undefined) return [];
  const out: ObjectRef[] = [];
  let n = nameAt(code, skipIfExists(code, k + 1));
  while (n !== null) {
    out.push(ref(kind[0], kind[1], n.name));
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
      const self = ref('table', 'relation', identValue(token));
      const uses = usesIn(code, createTableLayout(stmt).nameAt + 1, code.length).filter(
        (u) => nameKey(u.name) !== nameKey(self.name),
      );
      return { defines: self, subject: self, table: null, uses, drops: [] };
    }
    case 'alter_table': {
      const at = alterTableLayout(stmt).nameAt;
      const token = code[at];
      if (token === undefined) return NONE;
      const self = ref('table', 'relation', identValue(token));
      return { defines: null, subject: self, table: null, uses: usesIn(code, 0, code.length), drops: [] };
    }
    case 'create_index': {
      const n = nameAt(code, createIndexLayout(stmt).onAt + 1);
      if (n === null) return NONE;
      const self = ref('table', 'relation', n.name);
      return { defines: null, subject: self, table: null, uses: [{ ns: 'relation', name: n.name }], drops: [] };
    }
    case 'create_view': {
      const n = nameAfterWord(code, 'VIEW');
      if (n === null) return NONE;
      const self = ref('view', 'relation', n.name);
      const uses = usesIn(code, n.next, code.length).filter((u) => nameKey(u.name) !== nameKey(n.name));
      return { defines: self, subject: self, table: null, uses, drops: [] };
    }
    case 'create_procedure':
    case 'create_function': {
      const word = kind === 'create_procedure' ? 'PROCEDURE' : 'FUNCTION';
      const n = nameAfterWord(code, word);
      if (n === null) return NONE;
      const self = ref('routine', kind === 'create_procedure' ? 'procedure' : 'function', n.name);
      return { defines: self, subject: self, table: null, uses: [], drops: [] };
    }
    case 'create_trigger': {
      const n = nameAfterWord(code, 'TRIGGER');
      if (n === null) return NONE;
      const self = ref('trigger', 'trigger', n.name);
      const end = bodyStart(code);
      const on = code.findIndex((t, i) => i >= n.next && i < end && isWord(t, 'ON'));
      const table = on < 0 ? null : nameAt(code, on + 1);
      const uses = table === null ? [] : [{ ns: 'relation' as const, name: table.name }];
      return { defines: self, subject: self, table: table?.name ?? null, uses, drops: [] };
    }
    case 'create_event': {
      const n = nameAfterWord(code, 'EVENT');
      if (n === null) return NONE;
      const self = ref('event', 'event', n.name);
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

/** Words in a statement label, e.g. `CREATE TABLE`, for each kind that has one. */
export const KIND_LABELS: Partial<Record<StatementKind, string>> = {
  create_table: 'CREATE TABLE',
  create_index: 'CREATE INDEX',
  create_database: 'CREATE DATABASE',
  create_view: 'CREATE VIEW',
  create_trigger: 'CREATE TRIGGER',
  create_procedure: 'CREATE PROCEDURE',
  create_function: 'CREATE FUNCTION',
  create_event: 'CREATE EVENT',
  alter_table: 'ALTER TABLE',
  alter_database: 'ALTER DATABASE',
  drop: 'DROP',
  set: 'SET',
  insert: 'INSERT',
  replace: 'REPLACE',
  update: 'UPDATE',
  delete: 'DELETE',
  select: 'SELECT',
  lock_tables: 'LOCK TABLES',
  unlock_tables: 'UNLOCK TABLES',
  transaction: 'transaction',
  xa: 'XA',
};
