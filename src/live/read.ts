// Reads the schema of a live server through a read-only session: the server variables that
// matter to the target, then for each database its SHOW CREATE texts (tables, sequences, views,
// routines, triggers, events) and the information_schema facts DDL text does not show. An object
// the account may not read is recorded with the server's answer; it never stops the reading.
import { UsageError } from '../node/io.js';
import type { Connect } from './connect.js';
import { allowsGlobally, allowsOnDatabase, parseGrants, type Grant } from './grants.js';
import { ReadOnlySession, type Row } from './session.js';
import type {
  DefinerUse,
  HiddenKind,
  LiveDatabase,
  LiveIndex,
  LiveObject,
  LivePartition,
  LiveSchema,
  LiveServer,
  LiveTableFacts,
} from './types.js';

/** The server variables read, in the order the server report lists them. */
export const SERVER_VARIABLES = [
  'version',
  'character_set_server',
  'collation_server',
  'sql_mode',
  'lower_case_table_names',
  'default_storage_engine',
  'event_scheduler',
] as const;

/** Schemas `--all-databases` leaves out: the server's own. */
export const SYSTEM_SCHEMAS: ReadonlySet<string> = new Set([
  'mysql',
  'sys',
  'information_schema',
  'performance_schema',
]);

export interface ReadOptions {
  /** `mysql://host[:port]`, for messages. */
  readonly server: string;
  /** The databases to read, or every database but the system ones. */
  readonly databases: readonly string[] | 'all';
}

/** `name` quoted as an identifier. */
export function quoteIdent(name: string): string {
  return '`' + name.split('`').join('``') + '`';
}

// information_schema columns come from the driver as strings, numbers, bigints or Dates.
const str = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : Buffer.isBuffer(v)
      ? v.toString('utf8')
      : // eslint-disable-next-line @typescript-eslint/no-base-to-string
        String(v);
const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const errorText = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim() || 'the server refused';

/** The first value of a row whose column name matches (SHOW output names vary in case). */
function column(row: Row | undefined, name: string): unknown {
  if (row === undefined) return undefined;
  if (name in row) return row[name];
  const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : row[key];
}

const NO_ROUTINE_TEXT =
  'the server returned no definition: another account\u2019s routine can be read with SELECT on mysql.proc (MariaDB before 11.3), SHOW CREATE ROUTINE (MariaDB 11.3 and later) or SHOW_ROUTINE (MySQL 8.0.20 and later)';

/** Reads the server and the databases; the session is closed on return, also on failure. */
export async function readSchema(connect: Connect, options: ReadOptions): Promise<LiveSchema> {
  const main = await ReadOnlySession.open(connect);
  try {
    const server = await readServer(main, options.server);
    const caseInsensitive = server.variables.lower_case_table_names !== '0';
    const schemata = await main.query(
      'SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA ORDER BY BINARY SCHEMA_NAME',
    );
    const known = new Map(schemata.map((r) => [str(r.SCHEMA_NAME)!, r]));
    let names: string[];
    if (options.databases === 'all') {
      names = [...known.keys()].filter((n) => !SYSTEM_SCHEMAS.has(n.toLowerCase()));
    } else {
      names = options.databases.map((d) => {
        if (known.has(d)) return d;
        const folded = caseInsensitive ? [...known.keys()].find((k) => k.toLowerCase() === d.toLowerCase()) : undefined;
        if (folded !== undefined) return folded;
        throw new UsageError(
          `${options.server}/${d}: unknown database '${d}' (or this account has no privilege on it)`,
        );
      });
    }
    let grants: Grant[] = [];
    try {
      grants = parseGrants((await main.query('SHOW GRANTS')).map((r) => str(Object.values(r)[0]) ?? ''));
    } catch {
      grants = [];
    }
    let procReadable = false;
    if (server.flavor === 'mariadb') {
      try {
        await main.query('SELECT 1 FROM mysql.proc LIMIT 0');
        procReadable = true;
      } catch {
        procReadable = false;
      }
    }
    const databases: LiveDatabase[] = [];
    for (const name of names) {
      const row = known.get(name)!;
      const session = await ReadOnlySession.open(connect, name);
      try {
        databases.push(
          await readOneDatabase(session, name, {
            charset: str(row.DEFAULT_CHARACTER_SET_NAME),
            collation: str(row.DEFAULT_COLLATION_NAME),
            grants,
            procReadable,
            flavor: server.flavor,
          }),
        );
      } finally {
        await session.close();
      }
    }
    return { server, databases, definers: definersOf(databases, options.server) };
  } finally {
    await main.close();
  }
}

async function readServer(session: ReadOnlySession, url: string): Promise<LiveServer> {
  const rows = await session.query(
    `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${SERVER_VARIABLES.map(() => '?').join(', ')})`,
    [...SERVER_VARIABLES],
  );
  const variables: Record<string, string> = {};
  for (const r of rows) {
    const name = str(column(r, 'Variable_name'))?.toLowerCase();
    const value = str(column(r, 'Value'));
    if (name !== undefined && value !== null) variables[name] = value;
  }
  const version = variables.version ?? '';
  return { url, version, flavor: /mariadb/i.test(version) ? 'mariadb' : 'mysql', variables };
}

interface DatabaseContext {
  readonly charset: string | null;
  readonly collation: string | null;
  readonly grants: readonly Grant[];
  readonly procReadable: boolean;
  readonly flavor: LiveServer['flavor'];
}

/**
 * An object as SHOW CREATE gave it (its text, or why not), with the statement that read it, its
 * DEFINER and the sql_mode it was created under.
 */
function shown(
  type: LiveObject['type'],
  database: string,
  name: string,
  readWith: string,
  got: { text: string | null; error: string | null },
  definer: string | null,
  sqlMode: string | null,
): LiveObject {
  return { type, database, name, createText: got.text, error: got.error, readWith, definer, sqlMode };
}

/** Runs a SHOW CREATE and returns the text in `textColumn`, or the reason there is none. */
async function showCreate(
  session: ReadOnlySession,
  sql: string,
  textColumn: string,
  noText: string,
): Promise<{ text: string | null; error: string | null; row: Row | undefined }> {
  try {
    const rows = await session.query(sql);
    const row = rows[0];
    const text = str(column(row, textColumn));
    if (text === null || text === '') return { text: null, error: noText, row };
    return { text, error: null, row };
  } catch (e) {
    return { text: null, error: errorText(e), row: undefined };
  }
}

const NO_TEXT = 'the server returned no definition';

/**
 * Reads one database: its SHOW CREATE DATABASE text, then its tables, sequences and views, its
 * routines, its triggers and its events, in that order, with the kinds the account cannot list.
 */
async function readOneDatabase(session: ReadOnlySession, db: string, ctx: DatabaseContext): Promise<LiveDatabase> {
  const database = await showCreate(session, `SHOW CREATE DATABASE ${quoteIdent(db)}`, 'Create Database', NO_TEXT);
  const objects: LiveObject[] = [];
  const hidden: HiddenKind[] = [];
  objects.push(...(await readRelations(session, db)));
  objects.push(...(await readRoutines(session, db)));
  const routines = hiddenRoutines(db, ctx);
  if (routines !== null) hidden.push(routines);
  objects.push(...(await readTriggers(session, db)));
  const triggers = hiddenTriggers(db, ctx);
  if (triggers !== null) hidden.push(triggers);
  const events = await readEvents(session, db);
  if (events.hidden !== null) hidden.push(events.hidden);
  objects.push(...events.objects);
  return {
    name: db,
    charset: ctx.charset,
    collation: ctx.collation,
    createText: database.text,
    objects,
    hidden,
  };
}

/** A table's index statistics, by index name: unique or not, and its key parts in order. */
type IndexStatistics = Map<string, { unique: boolean; columns: LiveIndex['columns'][number][] }>;

/** The information_schema facts of a database's tables and views, by table name. */
interface RelationFacts {
  readonly references: Map<string, Array<{ database: string; table: string }>>;
  readonly partitions: Map<string, LivePartition[]>;
  readonly indexes: Map<string, IndexStatistics>;
  readonly viewDefiners: Map<string, string | null>;
}

/** Appends `item` to the list of `key` in `map`. */
function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key) ?? [];
  list.push(item);
  map.set(key, list);
}

/** Reads the facts DDL text does not show: foreign key targets, partitions, index statistics, view definers. */
async function readRelationFacts(session: ReadOnlySession, db: string): Promise<RelationFacts> {
  const references = new Map<string, Array<{ database: string; table: string }>>();
  for (const r of await session.query(
    'SELECT DISTINCT TABLE_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY BINARY TABLE_NAME, BINARY REFERENCED_TABLE_SCHEMA, BINARY REFERENCED_TABLE_NAME',
    [db],
  )) {
    append(references, str(r.TABLE_NAME)!, {
      database: str(r.REFERENCED_TABLE_SCHEMA)!,
      table: str(r.REFERENCED_TABLE_NAME)!,
    });
  }
  const partitions = new Map<string, LivePartition[]>();
  for (const r of await session.query(
    'SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION, TABLE_ROWS FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL ORDER BY BINARY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION',
    [db],
  )) {
    append(partitions, str(r.TABLE_NAME)!, {
      name: str(r.PARTITION_NAME)!,
      subpartition: str(r.SUBPARTITION_NAME),
      method: str(r.PARTITION_METHOD),
      subpartitionMethod: str(r.SUBPARTITION_METHOD),
      expression: str(r.PARTITION_EXPRESSION),
      description: str(r.PARTITION_DESCRIPTION),
      rows: num(r.TABLE_ROWS),
    });
  }
  // Index statistics: the leading column of a distribution key needs many distinct values.
  const indexes = new Map<string, IndexStatistics>();
  for (const r of await session.query(
    'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY BINARY TABLE_NAME, BINARY INDEX_NAME, SEQ_IN_INDEX',
    [db],
  )) {
    const table = str(r.TABLE_NAME)!;
    const byName: IndexStatistics = indexes.get(table) ?? (new Map() as IndexStatistics);
    indexes.set(table, byName);
    const name = str(r.INDEX_NAME)!;
    const ix = byName.get(name) ?? { unique: num(r.NON_UNIQUE) === 0, columns: [] };
    byName.set(name, ix);
    ix.columns.push({ column: str(r.COLUMN_NAME), cardinality: num(r.CARDINALITY) });
  }
  const viewDefiners = new Map<string, string | null>();
  for (const r of await session.query(
    'SELECT TABLE_NAME, DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?',
    [db],
  ))
    viewDefiners.set(str(r.TABLE_NAME)!, str(r.DEFINER));
  return { references, partitions, indexes, viewDefiners };
}

/** The facts of one table (a row of information_schema.TABLES) that its text does not show. */
function tableFacts(r: Row, name: string, facts: RelationFacts): LiveTableFacts {
  const dataLength = num(r.DATA_LENGTH);
  const indexLength = num(r.INDEX_LENGTH);
  return {
    engine: str(r.ENGINE),
    rows: num(r.TABLE_ROWS),
    dataLength,
    indexLength,
    size: dataLength === null && indexLength === null ? null : (dataLength ?? 0) + (indexLength ?? 0),
    collation: str(r.TABLE_COLLATION),
    createOptions: str(r.CREATE_OPTIONS),
    partitions: facts.partitions.get(name) ?? [],
    references: facts.references.get(name) ?? [],
    indexes: [...(facts.indexes.get(name)?.entries() ?? [])].map(([index, x]) => ({
      name: index,
      unique: x.unique,
      columns: x.columns,
    })),
  };
}

/** Tables, sequences and views, with the facts their text does not show. */
async function readRelations(session: ReadOnlySession, db: string): Promise<LiveObject[]> {
  const q = quoteIdent(db);
  const tables = await session.query(
    'SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH, TABLE_COLLATION, CREATE_OPTIONS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY BINARY TABLE_NAME',
    [db],
  );
  const facts = await readRelationFacts(session, db);
  const objects: LiveObject[] = [];
  for (const r of tables) {
    const name = str(r.TABLE_NAME)!;
    const tableType = str(r.TABLE_TYPE) ?? '';
    const qualified = `${q}.${quoteIdent(name)}`;
    if (tableType === 'VIEW') {
      const readWith = `SHOW CREATE VIEW ${qualified}`;
      const got = await showCreate(session, readWith, 'Create View', NO_TEXT);
      objects.push(shown('view', db, name, readWith, got, facts.viewDefiners.get(name) ?? null, null));
      continue;
    }
    const sequence = tableType === 'SEQUENCE';
    if (!sequence && tableType !== 'BASE TABLE' && tableType !== 'SYSTEM VERSIONED') continue;
    const readWith = `SHOW CREATE ${sequence ? 'SEQUENCE' : 'TABLE'} ${qualified}`;
    // SHOW CREATE SEQUENCE names its text column `Create Table`, as SHOW CREATE TABLE does.
    const got = await showCreate(session, readWith, 'Create Table', NO_TEXT);
    objects.push({
      ...shown(sequence ? 'sequence' : 'table', db, name, readWith, got, null, null),
      facts: tableFacts(r, name, facts),
    });
  }
  return objects;
}

/** Routines: listed by information_schema; a NULL body means the account may not read it. */
async function readRoutines(session: ReadOnlySession, db: string): Promise<LiveObject[]> {
  const objects: LiveObject[] = [];
  for (const r of await session.query(
    "SELECT ROUTINE_NAME, ROUTINE_TYPE, DEFINER, SQL_MODE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION') ORDER BY ROUTINE_TYPE DESC, BINARY ROUTINE_NAME",
    [db],
  )) {
    const type = str(r.ROUTINE_TYPE) === 'FUNCTION' ? 'function' : 'procedure';
    const name = str(r.ROUTINE_NAME)!;
    const readWith = `SHOW CREATE ${type.toUpperCase()} ${quoteIdent(db)}.${quoteIdent(name)}`;
    const got = await showCreate(
      session,
      readWith,
      type === 'function' ? 'Create Function' : 'Create Procedure',
      NO_ROUTINE_TEXT,
    );
    objects.push(
      shown(type, db, name, readWith, got, str(r.DEFINER), str(column(got.row, 'sql_mode')) ?? str(r.SQL_MODE)),
    );
  }
  return objects;
}

/** The routines the account may not see all of (by what it may read and its grants), or null. */
function hiddenRoutines(db: string, ctx: DatabaseContext): HiddenKind | null {
  const visible =
    ctx.procReadable ||
    allowsGlobally(ctx.grants, ['SELECT']) ||
    allowsOnDatabase(ctx.grants, db, [
      'EXECUTE',
      'ALTER ROUTINE',
      'CREATE ROUTINE',
      'SHOW CREATE ROUTINE',
      'SHOW_ROUTINE',
    ]);
  if (visible) return null;
  return {
    database: db,
    kind: 'routines',
    readWith: `SHOW PROCEDURE STATUS WHERE Db = '${db.replace(/'/g, "''")}'`,
    reason:
      'this account sees only the routines it may execute or alter, or defined itself; ' +
      (ctx.flavor === 'mariadb'
        ? 'grant SELECT on mysql.proc (MariaDB before 11.3) or SHOW CREATE ROUTINE (11.3 and later) to read them all'
        : 'grant SHOW_ROUTINE (MySQL 8.0.20 and later) to read them all'),
  };
}

/** Triggers, in the order they fire (FOLLOWS/PRECEDES need it when they are created). */
async function readTriggers(session: ReadOnlySession, db: string): Promise<LiveObject[]> {
  const objects: LiveObject[] = [];
  for (const r of await session.query(
    'SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, DEFINER, SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY BINARY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER',
    [db],
  )) {
    const name = str(r.TRIGGER_NAME)!;
    const readWith = `SHOW CREATE TRIGGER ${quoteIdent(db)}.${quoteIdent(name)}`;
    const got = await showCreate(session, readWith, 'SQL Original Statement', NO_TEXT);
    objects.push({
      ...shown('trigger', db, name, readWith, got, str(r.DEFINER), str(r.SQL_MODE)),
      table: str(r.EVENT_OBJECT_TABLE) ?? undefined,
    });
  }
  return objects;
}

/** The triggers the account may not list all of (it has no TRIGGER privilege on `db`), or null. */
function hiddenTriggers(db: string, ctx: DatabaseContext): HiddenKind | null {
  if (allowsGlobally(ctx.grants, ['TRIGGER']) || allowsOnDatabase(ctx.grants, db, ['TRIGGER'])) return null;
  return {
    database: db,
    kind: 'triggers',
    readWith: `SHOW TRIGGERS FROM ${quoteIdent(db)}`,
    reason: `this account has no TRIGGER privilege on ${db}, so only the triggers of tables it holds TRIGGER on are listed`,
  };
}

/** Events, and the server's answer when SHOW EVENTS refuses (it does outright without the EVENT privilege). */
async function readEvents(
  session: ReadOnlySession,
  db: string,
): Promise<{ objects: LiveObject[]; hidden: HiddenKind | null }> {
  const q = quoteIdent(db);
  let events: Row[] = [];
  let hidden: HiddenKind | null = null;
  try {
    events = await session.query(`SHOW EVENTS FROM ${q}`);
  } catch (e) {
    hidden = { database: db, kind: 'events', readWith: `SHOW EVENTS FROM ${q}`, reason: errorText(e) };
  }
  // In name order, byte by byte (SHOW EVENTS promises no order; names may differ only in case).
  const byName = (r: Row) => str(column(r, 'Name'))!;
  events.sort((a, b) => (byName(a) < byName(b) ? -1 : byName(a) > byName(b) ? 1 : 0));
  const objects: LiveObject[] = [];
  for (const r of events) {
    const name = str(column(r, 'Name'))!;
    const readWith = `SHOW CREATE EVENT ${q}.${quoteIdent(name)}`;
    const got = await showCreate(session, readWith, 'Create Event', NO_TEXT);
    objects.push(shown('event', db, name, readWith, got, str(column(r, 'Definer')), str(column(got.row, 'sql_mode'))));
  }
  return { objects, hidden };
}

function definersOf(databases: readonly LiveDatabase[], server: string): DefinerUse[] {
  const uses = new Map<string, string[]>();
  for (const d of databases) {
    for (const o of d.objects) {
      if (o.definer === null) continue;
      const list = uses.get(o.definer) ?? [];
      list.push(`${server}/${d.name}/${o.name}`);
      uses.set(o.definer, list);
    }
  }
  return [...uses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([account, objects]) => ({ account, objects }));
}
