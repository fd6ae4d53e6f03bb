// A comparable picture of one database's schema, read from information_schema, and the
// differences between two such pictures.

/** The part of mysql2's promise connection this module uses. */
export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
}

/** One fact of a schema: `object` (e.g. `column reg_log.reg_path`) has `property` = value. */
export type Snapshot = Map<string, Map<string, string>>;

export interface Difference {
  /** e.g. `table reg_log`, `column reg_log.reg_path`, `index reg_log.ft_body`. */
  readonly object: string;
  /** The table the object belongs to (lower case), or null for views, routines, events. */
  readonly table: string | null;
  /** `exists` when the object is on one side only, else the differing property. */
  readonly property: string;
  readonly original: string | null;
  readonly clean: string | null;
}

type Row = Record<string, unknown>;

async function rows(db: Queryable, sql: string, schema: string): Promise<Row[]> {
  const [result] = await db.query(sql, [schema]);
  return result as Row[];
}

const str = (v: unknown): string =>
  v === null || v === undefined ? '∅' : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);

/** Reads the schema of `schema`; its own name inside definitions becomes `<db>`. */
export async function snapshot(db: Queryable, schema: string): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  const neutral = (v: unknown) => str(v).split(`\`${schema}\`.`).join('').split(`${schema}.`).join('');
  const put = (object: string, props: Record<string, unknown>) => {
    const m = snap.get(object) ?? new Map<string, string>();
    for (const [k, v] of Object.entries(props)) m.set(k, neutral(v));
    snap.set(object, m);
  };
  const lc = (v: unknown) => str(v).toLowerCase();

  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    put(`table ${lc(r.TABLE_NAME)}`, {
      type: r.TABLE_TYPE,
      engine: r.ENGINE,
      collation: r.TABLE_COLLATION,
      options: r.CREATE_OPTIONS,
      comment: r.TABLE_COMMENT,
    });
  }
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    put(`column ${lc(r.TABLE_NAME)}.${lc(r.COLUMN_NAME)}`, {
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
  // Indexes: one object per index; its parts, in order, with prefix length and direction.
  const indexes = new Map<string, { unique: string; type: string; parts: string[] }>();
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX',
    schema,
  )) {
    const key = `index ${lc(r.TABLE_NAME)}.${lc(r.INDEX_NAME)}`;
    const ix = indexes.get(key) ?? {
      unique: str(r.NON_UNIQUE) === '0' ? 'unique' : 'non-unique',
      type: str(r.INDEX_TYPE),
      parts: [],
    };
    ix.parts.push(
      `${lc(r.COLUMN_NAME)}${r.SUB_PART === null ? '' : `(${str(r.SUB_PART)})`}${str(r.COLLATION) === 'D' ? ' DESC' : ''}`,
    );
    indexes.set(key, ix);
  }
  for (const [key, ix] of indexes) put(key, { kind: ix.unique, type: ix.type, columns: ix.parts.join(', ') });

  const fks = new Map<string, { table: string; cols: string[]; refTable: string; refCols: string[] }>();
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION',
    schema,
  )) {
    const key = `foreign key ${lc(r.TABLE_NAME)}.${lc(r.CONSTRAINT_NAME)}`;
    const fk = fks.get(key) ?? {
      table: lc(r.TABLE_NAME),
      cols: [],
      refTable: lc(r.REFERENCED_TABLE_NAME),
      refCols: [],
    };
    fk.cols.push(lc(r.COLUMN_NAME));
    fk.refCols.push(lc(r.REFERENCED_COLUMN_NAME));
    fks.set(key, fk);
  }
  const rules = new Map<string, Row>();
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    schema,
  )) {
    rules.set(`foreign key ${lc(r.TABLE_NAME)}.${lc(r.CONSTRAINT_NAME)}`, r);
  }
  for (const [key, fk] of fks) {
    const rule = rules.get(key);
    put(key, {
      columns: fk.cols.join(', '),
      references: `${fk.refTable}(${fk.refCols.join(', ')})`,
      onUpdate: rule?.UPDATE_RULE,
      onDelete: rule?.DELETE_RULE,
    });
  }
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    schema,
  )) {
    put(`check ${lc(r.TABLE_NAME)}.${lc(r.CONSTRAINT_NAME)}`, { clause: r.CHECK_CLAUSE });
  }
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION, COUNT(*) AS N FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL GROUP BY TABLE_NAME, PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION',
    schema,
  )) {
    put(`partitioning ${lc(r.TABLE_NAME)}`, {
      method: r.PARTITION_METHOD,
      subpartitions: r.SUBPARTITION_METHOD,
      expression: r.PARTITION_EXPRESSION,
      count: r.N,
    });
  }
  for (const r of await rows(
    db,
    'SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?',
    schema,
  )) {
    put(`view ${lc(r.TABLE_NAME)}`, { definition: r.VIEW_DEFINITION, checkOption: r.CHECK_OPTION });
  }
  for (const r of await rows(
    db,
    'SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?',
    schema,
  )) {
    put(`trigger ${lc(r.TRIGGER_NAME)}`, {
      table: lc(r.EVENT_OBJECT_TABLE),
      event: `${str(r.ACTION_TIMING)} ${str(r.EVENT_MANIPULATION)}`,
      body: r.ACTION_STATEMENT,
    });
  }
  for (const r of await rows(
    db,
    'SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?',
    schema,
  )) {
    put(`${lc(r.ROUTINE_TYPE)} ${lc(r.ROUTINE_NAME)}`, { definition: r.ROUTINE_DEFINITION });
  }
  for (const r of await rows(
    db,
    'SELECT EVENT_NAME, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?',
    schema,
  )) {
    put(`event ${lc(r.EVENT_NAME)}`, { definition: r.EVENT_DEFINITION });
  }
  return snap;
}

/** The table an object key belongs to, if any. */
export function tableOf(object: string, snap: Snapshot): string | null {
  const [kind, name] = [object.slice(0, object.lastIndexOf(' ')), object.slice(object.lastIndexOf(' ') + 1)];
  if (kind === 'table' || kind === 'partitioning') return name;
  if (kind === 'trigger') return snap.get(object)?.get('table') ?? null;
  if (['column', 'index', 'foreign key', 'check'].includes(kind)) return name.split('.')[0]!;
  return null;
}

/** Every fact that differs, objects present on one side only included. */
export function diffSnapshots(original: Snapshot, clean: Snapshot): Difference[] {
  const out: Difference[] = [];
  const keys = [...new Set([...original.keys(), ...clean.keys()])].sort();
  for (const object of keys) {
    const a = original.get(object);
    const b = clean.get(object);
    const table = tableOf(object, a !== undefined ? original : clean);
    if (a === undefined || b === undefined) {
      out.push({ object, table, property: 'exists', original: a ? 'yes' : null, clean: b ? 'yes' : null });
      continue;
    }
    for (const property of [...new Set([...a.keys(), ...b.keys()])]) {
      const va = a.get(property) ?? null;
      const vb = b.get(property) ?? null;
      if (va !== vb) out.push({ object, table, property, original: va, clean: vb });
    }
  }
  return out;
}
