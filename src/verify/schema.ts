// A comparable picture of one database's schema, read from information_schema, and the
// differences between two such pictures.
//
// Names are kept exactly as the server reports them and compared in JavaScript, never in SQL:
// information_schema compares with case-insensitive PAD SPACE collations, so `WHERE name = ?`,
// `GROUP BY name` or a join on names would take `T1` for `t1`, `Ö` for `ö` and the CHECK
// constraint `c ` for `c` (MariaDB allows trailing spaces in constraint names). Rows are fetched
// per schema only, and grouped and ordered here.

/** The part of mysql2's promise connection this module uses. */
export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
}

/**
 * The kind of a snapshot's object: every fact information_schema gives one row or group of rows
 * (columns, indexes, constraints and partitioning as well as tables, views, triggers, routines and
 * events). Not ObjectKind (src/core/objects.ts), the kind of object a statement defines.
 */
export type SnapshotKind =
  | 'table'
  | 'column'
  | 'index'
  | 'foreign key'
  | 'check'
  | 'partitioning'
  | 'view'
  | 'trigger'
  | 'procedure'
  | 'function'
  | 'event';

/** Every kind, in report order. */
export const SNAPSHOT_KINDS: readonly SnapshotKind[] = [
  'table',
  'column',
  'index',
  'foreign key',
  'check',
  'partitioning',
  'view',
  'trigger',
  'procedure',
  'function',
  'event',
];

/** One schema object and its facts (property → value). */
export interface SchemaObject {
  readonly kind: SnapshotKind;
  /** The table it belongs to (a table's and a partitioning's own name, a trigger's table), else null. */
  readonly table: string | null;
  /** Its own name (a column's, index's, constraint's name without the table). */
  readonly name: string;
  readonly props: Map<string, string>;
}

/** A schema, keyed by objectKey(kind, table, name). */
export type Snapshot = Map<string, SchemaObject>;

export interface Difference {
  /** For people: e.g. `table reg_log`, `column reg_log.reg_path`, ``index `a b`.`k` ``. */
  readonly object: string;
  readonly kind: SnapshotKind;
  /** The table the object belongs to, exactly as the server names it, or null for views, routines, events. */
  readonly table: string | null;
  /** The object's own name, exactly as the server names it. */
  readonly name: string;
  /** `exists` when the object is on one side only, else the differing property. */
  readonly property: string;
  readonly original: string | null;
  readonly clean: string | null;
}

type Row = Record<string, unknown>;

/** The snapshot key: NUL cannot occur in a MySQL identifier, so the parts never run together. */
export function objectKey(kind: SnapshotKind, table: string | null, name: string): string {
  return `${kind}\u0000${table ?? ''}\u0000${name}`;
}

/** A name as people read it: plain when it is a plain identifier, else backquoted (`` ` `` doubled). */
export function displayName(name: string): string {
  return /^[A-Za-z0-9_$]+$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

/** `column t.c`, `` index `a b`.k ``, `view v`. */
export function describeObject(kind: SnapshotKind, table: string | null, name: string): string {
  const sub = kind !== 'table' && kind !== 'partitioning' && kind !== 'trigger' && table !== null;
  return `${kind} ${sub ? `${displayName(table)}.` : ''}${displayName(name)}`;
}

async function rows(db: Queryable, sql: string, schema: string): Promise<Row[]> {
  const [result] = await db.query(sql, [schema]);
  return result as Row[];
}

// information_schema columns come from the driver as strings, numbers, bigints or Dates.
const str = (v: unknown): string =>
  v === null || v === undefined
    ? '∅'
    : Buffer.isBuffer(v)
      ? v.toString('utf8')
      : // eslint-disable-next-line @typescript-eslint/no-base-to-string
        String(v);

const num = (v: unknown): number => Number(str(v));

/** Groups rows by an exact (JavaScript) key, keeping each group in `order`. */
function groups(list: Row[], key: (r: Row) => string, order: (r: Row) => number): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of list) {
    const k = key(r);
    const g = out.get(k);
    if (g === undefined) out.set(k, [r]);
    else g.push(r);
  }
  for (const g of out.values()) g.sort((a, b) => order(a) - order(b));
  return out;
}

/** Separates a table's name from an object's in a map key (no name holds it). */
const sep = '\u0000';

/**
 * The rows of `sql` (about `schema`) grouped by table and the object named in column `name` (an
 * index, a constraint), each group in the order of column `order`: one group per multi-part object.
 */
async function partsOf(
  db: Queryable,
  sql: string,
  schema: string,
  name: string,
  order: string,
): Promise<Map<string, Row[]>> {
  return groups(
    await rows(db, sql, schema),
    (r) => str(r.TABLE_NAME) + sep + str(r[name]),
    (r) => num(r[order]),
  );
}

/** Records one object's facts in the snapshot being read (merged into the object when it is there). */
type Put = (kind: SnapshotKind, table: string | null, name: string, props: Record<string, unknown>) => void;

/** Reads the schema of `schema`; its own name inside definitions becomes `<db>`. */
export async function snapshot(db: Queryable, schema: string): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  const neutral = (v: unknown) => str(v).split(`\`${schema}\`.`).join('').split(`${schema}.`).join('');
  const put: Put = (kind, table, name, props) => {
    const key = objectKey(kind, table, name);
    const o = snap.get(key) ?? { kind, table, name, props: new Map<string, string>() };
    for (const [k, v] of Object.entries(props)) o.props.set(k, neutral(v));
    snap.set(key, o);
  };
  // One reader per kind, in this order: it is the order of the snapshot's keys.
  await readTables(db, schema, put);
  await readColumns(db, schema, put);
  await readIndexes(db, schema, put);
  await readForeignKeys(db, schema, put);
  await readChecks(db, schema, put);
  await readPartitioning(db, schema, put);
  await readViews(db, schema, put);
  await readTriggers(db, schema, put);
  await readRoutines(db, schema, put);
  await readEvents(db, schema, put);
  return snap;
}

/** Puts the base tables of `schema` (views are compared as views, not as tables). */
async function readTables(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    // Views are compared as views (readViews), not as tables.
    if (str(r.TABLE_TYPE) === 'VIEW') continue;
    const name = str(r.TABLE_NAME);
    put('table', name, name, {
      type: r.TABLE_TYPE,
      engine: r.ENGINE,
      collation: r.TABLE_COLLATION,
      options: r.CREATE_OPTIONS,
      comment: r.TABLE_COMMENT,
    });
  }
}

/** Puts the columns of the tables of `schema` (not of its views). */
async function readColumns(db: Queryable, schema: string, put: Put): Promise<void> {
  const views = new Set(
    (await rows(db, 'SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?', schema)).map((r) =>
      str(r.TABLE_NAME),
    ),
  );
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    // A view's columns follow from its definition, which is compared.
    if (views.has(str(r.TABLE_NAME))) continue;
    put('column', str(r.TABLE_NAME), str(r.COLUMN_NAME), {
      position: r.ORDINAL_POSITION,
      type: r.COLUMN_TYPE,
      nullable: r.IS_NULLABLE,
      default: r.COLUMN_DEFAULT,
      charset: r.CHARACTER_SET_NAME,
      collation: r.COLLATION_NAME,
      extra: r.EXTRA,
      generated: r.GENERATION_EXPRESSION,
    });
  }
}

/** Puts one object per index: its parts, in order, with prefix length and direction. */
async function readIndexes(db: Queryable, schema: string, put: Put): Promise<void> {
  const statistics = await partsOf(
    db,
    'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?',
    schema,
    'INDEX_NAME',
    'SEQ_IN_INDEX',
  );
  for (const parts of statistics.values()) {
    const first = parts[0]!;
    put('index', str(first.TABLE_NAME), str(first.INDEX_NAME), {
      kind: str(first.NON_UNIQUE) === '0' ? 'unique' : 'non-unique',
      type: first.INDEX_TYPE,
      columns: parts
        .map(
          (r) =>
            `${displayName(str(r.COLUMN_NAME))}${r.SUB_PART === null ? '' : `(${str(r.SUB_PART)})`}${str(r.COLLATION) === 'D' ? ' DESC' : ''}`,
        )
        .join(', '),
    });
  }
}

/** Puts the foreign keys: their columns, what they reference and their ON UPDATE / ON DELETE rules. */
async function readForeignKeys(db: Queryable, schema: string, put: Put): Promise<void> {
  const referential = new Map<string, Row>();
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    schema,
  )) {
    referential.set(str(r.TABLE_NAME) + sep + str(r.CONSTRAINT_NAME), r);
  }
  const keyColumns = await partsOf(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
    schema,
    'CONSTRAINT_NAME',
    'ORDINAL_POSITION',
  );
  for (const [key, cols] of keyColumns) {
    const first = cols[0]!;
    const rule = referential.get(key);
    put('foreign key', str(first.TABLE_NAME), str(first.CONSTRAINT_NAME), {
      columns: cols.map((r) => displayName(str(r.COLUMN_NAME))).join(', '),
      references: `${displayName(str(first.REFERENCED_TABLE_NAME))}(${cols.map((r) => displayName(str(r.REFERENCED_COLUMN_NAME))).join(', ')})`,
      onUpdate: rule?.UPDATE_RULE,
      onDelete: rule?.DELETE_RULE,
    });
  }
}

/** Puts the CHECK constraints by their clause. */
async function readChecks(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    schema,
  )) {
    put('check', str(r.TABLE_NAME), str(r.CONSTRAINT_NAME), { clause: r.CHECK_CLAUSE });
  }
}

/** Puts one object per partitioned table: its method, subpartitioning, expression and partition count. */
async function readPartitioning(db: Queryable, schema: string, put: Put): Promise<void> {
  const partitions = groups(
    await rows(
      db,
      'SELECT TABLE_NAME, PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL',
      schema,
    ),
    (r) => str(r.TABLE_NAME),
    () => 0,
  );
  for (const [table, parts] of partitions) {
    const first = parts[0]!;
    put('partitioning', table, table, {
      method: first.PARTITION_METHOD,
      subpartitions: first.SUBPARTITION_METHOD,
      expression: first.PARTITION_EXPRESSION,
      count: parts.length,
    });
  }
}

/** Puts the views by their definition and CHECK OPTION. */
async function readViews(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    put('view', null, str(r.TABLE_NAME), { definition: r.VIEW_DEFINITION, checkOption: r.CHECK_OPTION });
  }
}

/** Puts the triggers: their table, event (timing and statement kind) and body. */
async function readTriggers(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?',
    schema,
  )) {
    put('trigger', str(r.EVENT_OBJECT_TABLE), str(r.TRIGGER_NAME), {
      table: r.EVENT_OBJECT_TABLE,
      event: `${str(r.ACTION_TIMING)} ${str(r.EVENT_MANIPULATION)}`,
      body: r.ACTION_STATEMENT,
    });
  }
}

/** Puts the functions and procedures by their definition. */
async function readRoutines(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?',
    schema,
  )) {
    const kind: SnapshotKind = str(r.ROUTINE_TYPE).toUpperCase() === 'FUNCTION' ? 'function' : 'procedure';
    put(kind, null, str(r.ROUTINE_NAME), { definition: r.ROUTINE_DEFINITION });
  }
}

/** Puts the events by their definition. */
async function readEvents(db: Queryable, schema: string, put: Put): Promise<void> {
  for (const r of await rows(
    db,
    'SELECT EVENT_NAME, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?',
    schema,
  )) {
    put('event', null, str(r.EVENT_NAME), { definition: r.EVENT_DEFINITION });
  }
}

/** How many objects of each kind a snapshot holds (kinds with none included, as 0). */
export function countByKind(snap: Snapshot, only?: (key: string) => boolean): Record<SnapshotKind, number> {
  const out = Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, 0])) as Record<SnapshotKind, number>;
  for (const [key, o] of snap) if (only === undefined || only(key)) out[o.kind]++;
  return out;
}

/** Every fact that differs, objects present on one side only included. */
export function diffSnapshots(original: Snapshot, clean: Snapshot): Difference[] {
  const out: Difference[] = [];
  const keys = [...new Set([...original.keys(), ...clean.keys()])].sort();
  for (const key of keys) {
    const a = original.get(key);
    const b = clean.get(key);
    const { kind, table, name } = (a ?? b)!;
    const object = describeObject(kind, table, name);
    if (a === undefined || b === undefined) {
      out.push({ object, kind, table, name, property: 'exists', original: a ? 'yes' : null, clean: b ? 'yes' : null });
      continue;
    }
    for (const property of [...new Set([...a.props.keys(), ...b.props.keys()])]) {
      const va = a.props.get(property) ?? null;
      const vb = b.props.get(property) ?? null;
      if (va !== vb) out.push({ object, kind, table, name, property, original: va, clean: vb });
    }
  }
  return out;
}
