// Builds, from what was read, the schema script (SHOW CREATE texts verbatim, ordered so it loads,
// DELIMITER blocks around bodies) and the server report (the server variables and what could not
// be read, as statements the server rules check). Both come with a map from each part of the text
// to the object it belongs to, so findings can name the object and a line inside its text.
import { tokenize } from '../core/tokenize.js';
import { keyOf, topological, viewReferences } from './order.js';
import { quoteIdent, SERVER_VARIABLES } from './read.js';
import type { LiveDatabase, LiveObject, LiveSchema, ObjectType } from './types.js';

/** An object as findings name it. */
export interface LiveObjectRef {
  readonly name: string;
  readonly type: ObjectType;
  readonly database: string | null;
  readonly object: string | null;
}

/** One object's part of a text. */
export interface TextSegment {
  /** The part of the text that belongs to the object (generated lines around its text included). */
  readonly start: number;
  readonly end: number;
  /** Where positions inside the object are counted from: its SHOW CREATE text (or the report). */
  readonly textStart: number;
  readonly textEnd: number;
  readonly ref: LiveObjectRef;
}

export interface LiveText {
  readonly text: string;
  /** Sorted by start, not overlapping. */
  readonly segments: readonly TextSegment[];
}

export interface LiveScript {
  /** The schema script (`--dump` writes it; `fix` cleans it). */
  readonly script: LiveText;
  /** The server report, checked by the server rules; never part of the script. */
  readonly report: LiveText;
  /** The script's name in reports: `mysql://host[:port]/db1,db2`. */
  readonly name: string;
}

const DELIMITERS = [';;', '$$', '//', '$$$', ';;;'];

export function objectRef(server: string, o: Pick<LiveObject, 'type' | 'database' | 'name'>): LiveObjectRef {
  return { name: `${server}/${o.database}/${o.name}`, type: o.type, database: o.database, object: o.name };
}

function databaseRef(server: string, db: string): LiveObjectRef {
  return { name: `${server}/${db}`, type: 'database', database: db, object: null };
}

function serverRef(server: string): LiveObjectRef {
  return { name: `${server}/`, type: 'server', database: null, object: null };
}

/** A text built piece by piece, recording which object each piece belongs to. */
class Builder {
  text = '';
  readonly segments: TextSegment[] = [];

  add(piece: string): void {
    this.text += piece;
  }

  /** Adds `before`, then the object's `body` (positions count from here), then `after`. */
  object(ref: LiveObjectRef, before: string, body: string, after: string): void {
    const start = this.text.length;
    this.text += before;
    const textStart = this.text.length;
    this.text += body;
    const textEnd = this.text.length;
    this.text += after;
    this.segments.push({ start, end: this.text.length, textStart, textEnd, ref });
  }
}

const sqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when the text ends in a `--` or `#` comment, which would swallow a delimiter on its line. */
function endsInLineComment(text: string): boolean {
  try {
    const tokens = tokenize(text, '\u0000').tokens;
    const last = [...tokens].reverse().find((t) => t.kind !== 'whitespace');
    return last !== undefined && last.kind === 'comment' && !last.text.startsWith('/*');
  } catch {
    return false;
  }
}

/** An object with the database it belongs to. */
interface Placed {
  readonly db: LiveDatabase;
  readonly o: LiveObject;
}

/** The script's text as it is built, and the database its statements run in so far. */
class ScriptBuilder extends Builder {
  /** The database of the last USE, null before the first. */
  current: string | null = null;

  constructor(
    readonly server: string,
    /** True when the script holds several databases (it creates them and switches with USE). */
    readonly several: boolean,
  ) {
    super();
  }

  /** True when the objects of `db` need a USE before them. */
  switches(db: LiveDatabase): boolean {
    return this.several && this.current !== db.name;
  }

  /** Adds `USE db` when the script holds several databases and `db` is not the current one. */
  use(db: LiveDatabase): void {
    if (!this.switches(db)) return;
    this.add(`USE ${quoteIdent(db.name)};\n\n`);
    this.current = db.name;
  }
}

/** How the script's comments name an object: `table db.t`. */
const describe = (o: LiveObject) => `${o.type} ${o.database}.${o.name}`;

/** Builds the script and the report for `schema`; `name` is how reports call the script. */
export function buildScript(schema: LiveSchema, name: string): LiveScript {
  const caseInsensitive = schema.server.variables.lower_case_table_names !== '0';
  const b = new ScriptBuilder(schema.server.url, schema.databases.length !== 1);
  const report = buildReport(schema);
  const all = schema.databases.flatMap((d) => d.objects.map((o) => ({ db: d, o })));
  addPreamble(b, schema, name, report, all);
  const readable = all.filter((x) => x.o.createText !== null);
  addDatabases(b, schema);
  addTables(b, readable, caseInsensitive);
  // Bodies: routines before the views that may call them, triggers and events last.
  const bodied = (types: readonly string[]) => readable.filter((x) => types.includes(x.o.type));
  const routines = bodied(['function', 'procedure']);
  const views = readable.filter((x) => x.o.type === 'view');
  const later = bodied(['trigger', 'event']);
  const texts = [...routines, ...later].map((x) => x.o.createText!);
  const delimiter = DELIMITERS.find((d) => texts.every((t) => !t.includes(d))) ?? ';;;;';
  const globalMode = schema.server.variables.sql_mode ?? null;
  const needsMode = (o: LiveObject) => o.sqlMode !== null && globalMode !== null && o.sqlMode !== globalMode;
  if ([...routines, ...later].some((x) => needsMode(x.o))) b.add('SET @OLD_SQL_MODE = @@SQL_MODE;\n\n');
  addBodies(b, routines, delimiter, needsMode);
  addViews(b, views, caseInsensitive);
  addBodies(b, later, delimiter, needsMode);
  let end = b.text.length;
  while (end > 0 && b.text[end - 1] === '\n') end--;
  const text = b.text.slice(0, end) + '\n';
  const segments = b.segments.map((sg) => ({ ...sg, end: Math.min(sg.end, text.length) }));
  return { script: { text, segments }, report, name };
}

/** Adds the script's head: what it is, the server report as comments, and what could not be read. */
function addPreamble(b: ScriptBuilder, schema: LiveSchema, name: string, report: LiveText, all: Placed[]): void {
  b.add(`-- Schema of ${name} (server version ${schema.server.version}), read by clustrix-lint.\n`);
  b.add('-- The SHOW CREATE texts as the server returned them (read-only), ordered so that the script loads;\n');
  b.add('-- a clean script made from it by `clustrix-lint fix` differs only where a fix applied.\n');
  b.add('--\n-- Server report (checked on its own, not part of the script):\n');
  for (const line of report.text.replace(/\n$/, '').split('\n').slice(1)) b.add(`--   ${line}\n`);
  b.add('\n');
  const unreadable = all.filter((x) => x.o.createText === null);
  for (const x of unreadable) b.add(`-- ${describe(x.o)} could not be read: ${oneLine(x.o.error ?? '')}\n`);
  if (unreadable.length > 0) b.add('\n');
}

/**
 * Adds the databases: created by the script when it holds several; else the one it is loaded
 * into gets the same defaults.
 */
function addDatabases(b: ScriptBuilder, schema: LiveSchema): void {
  for (const db of schema.databases) {
    if (b.several) {
      if (db.createText === null) continue;
      b.object(databaseRef(b.server, db.name), '', db.createText, ';\n\n');
    } else if (db.charset !== null || db.collation !== null) {
      const parts = [
        db.charset === null ? '' : ` CHARACTER SET ${db.charset}`,
        db.collation === null ? '' : ` COLLATE ${db.collation}`,
      ].join('');
      b.object(
        databaseRef(b.server, db.name),
        `-- database ${db.name}: the defaults of the database this script is loaded into\n`,
        `ALTER DATABASE${parts}`,
        ';\n\n',
      );
    }
  }
}

/**
 * Adds the tables and sequences, a table after those its foreign keys reference; foreign key
 * checks are off around them when the references form a cycle or reach a table not in the script.
 */
function addTables(b: ScriptBuilder, readable: Placed[], caseInsensitive: boolean): void {
  const tables = readable.filter((x) => x.o.type === 'table' || x.o.type === 'sequence');
  const tableKey = (x: Placed) => keyOf(x.o.database, x.o.name, caseInsensitive);
  const sequencesFirst = [
    ...tables.filter((x) => x.o.type === 'sequence'),
    ...tables.filter((x) => x.o.type === 'table'),
  ];
  const orderedTables = topological(sequencesFirst, tableKey, (x) =>
    (x.o.facts?.references ?? []).map((r) => keyOf(r.database, r.table, caseInsensitive)),
  );
  const readKeys = new Set(tables.map(tableKey));
  const missing = tables.flatMap((x) =>
    (x.o.facts?.references ?? [])
      .filter((r) => !readKeys.has(keyOf(r.database, r.table, caseInsensitive)))
      .map((r) => `${x.o.database}.${x.o.name} → ${r.database}.${r.table}`),
  );
  const fkOff = orderedTables.cyclic.length > 0 || missing.length > 0;
  if (fkOff) {
    const why: string[] = [];
    if (orderedTables.cyclic.length > 0)
      why.push(
        `the foreign keys of ${orderedTables.cyclic.map((x) => `${x.o.database}.${x.o.name}`).join(', ')} form a cycle`,
      );
    if (missing.length > 0) why.push(`some reference tables this script does not create (${missing.join(', ')})`);
    b.add(`-- Foreign key checks are off while the tables are created: ${why.join('; ')}.\n`);
    b.add('SET FOREIGN_KEY_CHECKS = 0;\n\n');
  }
  for (const x of orderedTables.order) {
    b.use(x.db);
    b.object(objectRef(b.server, x.o), `-- ${describe(x.o)}\n`, x.o.createText!, ';\n\n');
  }
  if (fkOff) b.add('SET FOREIGN_KEY_CHECKS = 1;\n\n');
}

/**
 * Adds a block of objects with bodies (routines, or triggers and events) between DELIMITER lines.
 * A body is created under the sql_mode it was created under, when that is not the server's: one
 * SET before each run of objects that share a mode (it belongs to their database).
 */
function addBodies(b: ScriptBuilder, items: Placed[], delimiter: string, needsMode: (o: LiveObject) => boolean): void {
  if (items.length === 0) return;
  let open = false;
  let mode: string | null = null;
  const close = () => {
    if (open) b.add('DELIMITER ;\n');
    open = false;
  };
  /** The SET that changes the session to `want`, '' when it is already that. */
  const setMode = (want: string | null): string => {
    if (want === mode) return '';
    close();
    mode = want;
    return want === null
      ? 'SET SESSION sql_mode = @OLD_SQL_MODE;\n'
      : `-- the sql_mode the following objects were created under\nSET SESSION sql_mode = ${sqlString(want)};\n`;
  };
  for (const x of items) {
    if (b.switches(x.db)) {
      close();
      b.use(x.db);
    }
    // The SET belongs to the first object it is for: a finding on it names that object.
    const set = setMode(needsMode(x.o) ? x.o.sqlMode : null);
    const before = `${set}${open ? '' : `DELIMITER ${delimiter}\n`}-- ${describe(x.o)}\n`;
    open = true;
    const text = x.o.createText!;
    b.object(objectRef(b.server, x.o), before, text, `${endsInLineComment(text) ? '\n' : ''}${delimiter}\n\n`);
  }
  b.add(setMode(null));
  close();
  b.add('\n');
}

/** Adds the views, a view after those it reads from. */
function addViews(b: ScriptBuilder, views: Placed[], caseInsensitive: boolean): void {
  const orderedViews = topological(
    views,
    (x) => keyOf(x.o.database, x.o.name, caseInsensitive),
    (x) => viewReferences(x.o.createText!, x.o.database, caseInsensitive),
  );
  for (const x of orderedViews.order) {
    b.use(x.db);
    b.object(objectRef(b.server, x.o), `-- ${describe(x.o)}\n`, x.o.createText!, ';\n\n');
  }
}

/**
 * The server report: one `SET GLOBAL` per server variable (as read), then one SHOW statement per
 * object, or kind of object, the account could not read, with the server's answer in a comment.
 */
export function buildReport(schema: LiveSchema): LiveText {
  const server = schema.server.url;
  const b = new Builder();
  const vars = schema.server.variables;
  const lines: string[] = [];
  for (const v of SERVER_VARIABLES) {
    const value = vars[v];
    if (value === undefined) continue;
    lines.push(`SET GLOBAL ${v} = ${/^\d+$/.test(value) ? value : sqlString(value)};`);
  }
  // Every variable line is the server's; positions count from the start of the report.
  const header = `-- ${server}\n`;
  const body = lines.map((l) => l + '\n').join('');
  b.add(header);
  const start = b.text.length;
  b.add(body);
  if (body !== '')
    b.segments.push({ start, end: b.text.length, textStart: 0, textEnd: b.text.length, ref: serverRef(server) });
  for (const d of schema.databases) {
    for (const o of d.objects) {
      if (o.createText !== null) continue;
      b.object(objectRef(server, o), '', `${o.readWith};`, ` -- ${oneLine(o.error ?? 'the server refused')}\n`);
    }
    for (const h of d.hidden) b.object(databaseRef(server, d.name), '', `${h.readWith};`, ` -- ${oneLine(h.reason)}\n`);
  }
  return { text: b.text, segments: b.segments };
}
