// What a script has defined so far, statement by statement: the tables it created, with their
// partitioning and their FULLTEXT and SPATIAL indexes. Rules read it (ctx.schema, as it stands
// before the statement they check) to judge a statement by an earlier one — an ALTER TABLE …
// ADD PARTITION on a table whose HASH partitioning the target cannot take, a DROP INDEX of a
// FULLTEXT index. Pure data, built from tokens; a stream carries it from segment to segment, so
// its memory grows with the schema, not with the data. A segment that may run before the ones
// ahead of it are done (a pool of workers) records the lookups that reached what it was given and
// what it changed: the stream runs it again if the lookups find otherwise once those are taken.
import { columnDefinitions, tableColumns, type FewValues } from './columns.js';
import { detach } from './detach.js';
import { addedKeys, indexesOf, tableKeys, type KeyInfo } from './keys.js';
import { nameAt } from './names.js';
import type { SqlSource } from './source.js';
import type { Statement } from './statements.js';
import { alterTableLayout, createIndexLayout, createTableLayout, isPunct, splitTopLevel } from './structure.js';
import { isWord, type Token } from './tokenize.js';

export interface TableFacts {
  /** The name as written (unquoted). */
  readonly name: string;
  /** 1-based line of the CREATE TABLE (in the whole input). */
  readonly line: number;
  /** HASH, KEY, RANGE, LIST, … (upper case), with LINEAR; null when not partitioned. */
  readonly partition: { readonly type: string; readonly linear: boolean; readonly line: number } | null;
  /** FULLTEXT and SPATIAL indexes by lower-cased name. */
  readonly indexes: ReadonlyMap<string, { readonly kind: 'fulltext' | 'spatial'; readonly line: number }>;
  /**
   * For the distribution advice: the columns whose type allows only a few values (BOOLEAN, a
   * small ENUM, CHAR(1), …) by lower-cased name, and the primary key's columns (lower case, in
   * order; null when the table has none). Absent when not known.
   */
  readonly fewValued?: ReadonlyMap<string, FewValues>;
  readonly primaryKey?: readonly string[] | null;
  /** For a table without a primary key: a unique key on NOT NULL columns (InnoDB's stand-in), else null. */
  readonly candidateKey?: { readonly name: string; readonly columns: readonly string[] } | null;
}

/** A table set (its new facts) or dropped (null), by lower-cased name. */
export type SchemaChange = readonly [string, TableFacts | null];

/** The schema so far. Keys are lower-cased unqualified table names (Xpand compares names case-insensitively). */
export class SchemaModel {
  private readonly tables: Map<string, TableFacts>;
  /** Names this model (or the one it was cloned from) set or dropped: their lookups read no base. */
  private readonly touched = new Set<string>();

  /**
   * @param entries the tables to start from (`entries()` of another model)
   * @param reads where to record the lookups of names not set or dropped here, with what they
   *   found (shared by clones)
   */
  constructor(
    entries: Iterable<readonly [string, TableFacts]> = [],
    private readonly reads: Map<string, TableFacts | undefined> | null = null,
  ) {
    this.tables = new Map(entries);
  }

  /** The facts of a table the script created, or undefined. */
  table(name: string): TableFacts | undefined {
    const key = name.toLowerCase();
    const facts = this.tables.get(key);
    if (this.reads !== null && !this.touched.has(key) && !this.reads.has(key)) this.reads.set(key, facts);
    return facts;
  }

  private set(key: string, facts: TableFacts): void {
    this.touched.add(key);
    this.tables.set(key, facts);
  }

  private drop(key: string): void {
    this.touched.add(key);
    this.tables.delete(key);
  }

  entries(): Array<[string, TableFacts]> {
    return [...this.tables];
  }

  /** What this model, a clone of `base` (or of a clone of it), changed. */
  changesSince(base: SchemaModel): SchemaChange[] {
    const out: SchemaChange[] = [];
    for (const key of this.touched) {
      const facts = this.tables.get(key);
      if (facts !== base.tables.get(key)) out.push([key, facts ?? null]);
    }
    return out;
  }

  /** Takes changes another model made (changesSince). */
  change(changes: readonly SchemaChange[]): void {
    for (const [key, facts] of changes) {
      if (facts === null) this.drop(key);
      else this.set(key, facts);
    }
  }

  get size(): number {
    return this.tables.size;
  }

  clone(): SchemaModel {
    const copy = new SchemaModel(this.tables, this.reads);
    for (const k of this.touched) copy.touched.add(k);
    return copy;
  }

  /** Takes what `stmt` defines into account (call after the rules checked it). `lineOffset` places it in the input. */
  apply(stmt: Statement, source: SqlSource, lineOffset = 0): void {
    const line = () => source.locOf(stmt.start).line + lineOffset;
    if (stmt.kind === 'create_table') this.applyCreateTable(stmt, line);
    else if (stmt.kind === 'create_index') this.applyCreateIndex(stmt, line);
    else if (stmt.kind === 'alter_table') this.applyAlterTable(stmt, line);
    else if (stmt.kind === 'drop') this.applyDrop(stmt);
  }

  private applyCreateTable(stmt: Statement, line: () => number): void {
    const code = stmt.code;
    const layout = createTableLayout(stmt);
    const name = nameAt(code, layout.nameAt)?.name ?? null;
    if (name === null) return;
    const like = layout.body === null ? likeSource(code, layout.nameAt) : null;
    if (like !== null) {
      const from = this.table(like);
      this.set(name.toLowerCase(), { ...(from ?? emptyTable(name, line())), name, line: line() });
      return;
    }
    const indexes = new Map<string, { kind: 'fulltext' | 'spatial'; line: number }>();
    for (const d of indexesOf(stmt)) {
      if (d.kind !== 'fulltext' && d.kind !== 'spatial') continue;
      if (d.name !== null) indexes.set(d.name.toLowerCase(), { kind: d.kind, line: line() });
    }
    const p = layout.partition;
    const keys = tableKeys(stmt);
    const pk = keys.find((k) => k.kind === 'primary');
    this.set(name.toLowerCase(), {
      name,
      line: line(),
      partition: p === null ? null : { type: p.type, linear: p.linear, line: line() },
      indexes,
      fewValued: fewValuedColumns(stmt),
      // CREATE TABLE … AS SELECT without a column list: its keys are not known from the script.
      primaryKey:
        layout.body === null ? undefined : pk === undefined ? null : pk.parts.map((part) => detach(part.column ?? '')),
      candidateKey: pk === undefined && layout.body !== null ? candidateKey(stmt, keys) : null,
    });
  }

  private applyCreateIndex(stmt: Statement, line: () => number): void {
    const code = stmt.code;
    const layout = createIndexLayout(stmt);
    const kind = code.slice(0, layout.indexAt).find((t) => isWord(t, 'FULLTEXT') || isWord(t, 'SPATIAL'));
    const table = layout.onAt >= 0 ? this.tableAfter(code, layout.onAt + 1) : undefined;
    const index = nameAt(code, layout.indexAt + 1)?.name ?? null;
    if (kind === undefined || table === undefined || index === null) return;
    this.withIndex(table, index, kind.text.toLowerCase() as 'fulltext' | 'spatial', line());
  }

  private applyAlterTable(stmt: Statement, line: () => number): void {
    const code = stmt.code;
    const layout = alterTableLayout(stmt);
    // Only what changes the facts kept needs the table (so DISABLE KEYS reads nothing).
    const relevant =
      layout.partition !== null ||
      layout.added.some((d) => d.kind === 'fulltext' || d.kind === 'spatial') ||
      layout.specs.some(
        (spec) =>
          (isWord(code[spec.from], 'REMOVE') && isWord(code[spec.from + 1], 'PARTITIONING')) ||
          (isWord(code[spec.from], 'DROP') &&
            (isWord(code[spec.from + 1], 'INDEX') ||
              isWord(code[spec.from + 1], 'KEY') ||
              isWord(code[spec.from + 1], 'PRIMARY'))),
      ) ||
      // The distribution advice's facts: the primary key and the columns' types.
      layout.added.some((d) => d.kind === 'primary') ||
      columnDefinitions(stmt).length > 0;
    if (!relevant) return;
    const table = this.table(nameAt(code, layout.nameAt)?.name ?? '');
    if (table === undefined) return;
    let facts = table;
    for (const spec of layout.specs) {
      const w = code[spec.from];
      if (isWord(w, 'REMOVE') && isWord(code[spec.from + 1], 'PARTITIONING')) facts = { ...facts, partition: null };
      if (isWord(w, 'DROP') && (isWord(code[spec.from + 1], 'INDEX') || isWord(code[spec.from + 1], 'KEY'))) {
        const index = nameAt(code, spec.from + 2)?.name ?? null;
        if (index !== null && facts.indexes.has(index.toLowerCase())) {
          const indexes = new Map(facts.indexes);
          indexes.delete(index.toLowerCase());
          facts = { ...facts, indexes };
        }
      }
    }
    for (const d of indexesOf(stmt)) {
      if ((d.kind !== 'fulltext' && d.kind !== 'spatial') || d.name === null) continue;
      facts = { ...facts, indexes: new Map(facts.indexes).set(d.name.toLowerCase(), { kind: d.kind, line: line() }) };
    }
    const p = layout.partition;
    if (p !== null) facts = { ...facts, partition: { type: p.type, linear: p.linear, line: line() } };
    facts = withColumnsAndKeys(facts, stmt);
    this.set(table.name.toLowerCase(), facts);
  }

  private applyDrop(stmt: Statement): void {
    const code = stmt.code;
    if (isWord(code[1], 'TABLE') || (isWord(code[1], 'TEMPORARY') && isWord(code[2], 'TABLE'))) {
      let k = isWord(code[1], 'TABLE') ? 2 : 3;
      if (isWord(code[k], 'IF')) k += 2;
      for (const span of splitTopLevel(code, k, code.length)) {
        const name = nameAt(code, span.to - 1)?.name ?? null;
        if (name !== null) this.drop(name.toLowerCase());
      }
    } else if (isWord(code[1], 'INDEX')) {
      const index = nameAt(code, 2)?.name ?? null;
      const on = code.findIndex((t) => isWord(t, 'ON'));
      const table = on >= 0 ? this.tableAfter(code, on + 1) : undefined;
      if (index === null || table === undefined || !table.indexes.has(index.toLowerCase())) return;
      const indexes = new Map(table.indexes);
      indexes.delete(index.toLowerCase());
      this.set(table.name.toLowerCase(), { ...table, indexes });
    }
  }

  private withIndex(table: TableFacts, index: string, kind: 'fulltext' | 'spatial', line: number): void {
    const indexes = new Map(table.indexes).set(index.toLowerCase(), { kind, line });
    this.set(table.name.toLowerCase(), { ...table, indexes });
  }

  /** The table named at code[k] (possibly qualified: the last part counts). */
  tableAfter(code: readonly Token[], k: number): TableFacts | undefined {
    let j = k;
    while (isPunct(code[j + 1], '.') && code[j + 2] !== undefined) j += 2;
    const name = nameAt(code, j);
    return name === null ? undefined : this.table(name.name);
  }
}

const detachFew = (v: FewValues): FewValues => ({ ...v, what: detach(v.what) });

/** The first unique key whose columns are all NOT NULL: what InnoDB uses as the primary key. */
function candidateKey(stmt: Statement, keys: readonly KeyInfo[]): TableFacts['candidateKey'] {
  const notNull = new Set(
    tableColumns(stmt)
      .filter((c) => c.notNull)
      .map((c) => c.name.toLowerCase()),
  );
  const key = keys.find(
    (k) =>
      k.kind === 'unique' && k.parts.length > 0 && k.parts.every((p) => p.column !== null && notNull.has(p.column)),
  );
  return key === undefined
    ? null
    : { name: detach(key.name ?? '(unnamed)'), columns: key.parts.map((p) => detach(p.column!)) };
}

/** The columns of a CREATE TABLE whose type allows only a few values. */
function fewValuedColumns(stmt: Statement): Map<string, FewValues> {
  const out = new Map<string, FewValues>();
  // Detached, as names are: a model that outlives its segment must not keep the segment's text alive.
  for (const c of tableColumns(stmt))
    if (c.fewValues !== null) out.set(detach(c.name.toLowerCase()), detachFew(c.fewValues));
  return out;
}

/** An ALTER TABLE's columns (ADD, MODIFY, CHANGE) and primary key (ADD / DROP PRIMARY KEY) taken into the facts. */
function withColumnsAndKeys(facts: TableFacts, stmt: Statement): TableFacts {
  const code = stmt.code;
  let out = facts;
  const changed = tableColumns(stmt);
  if (changed.length > 0 && out.fewValued !== undefined) {
    const few = new Map(out.fewValued);
    for (const c of changed) {
      if (c.fewValues === null) few.delete(c.name.toLowerCase());
      else few.set(detach(c.name.toLowerCase()), detachFew(c.fewValues));
    }
    out = { ...out, fewValued: few };
  }
  for (const spec of alterTableLayout(stmt).specs) {
    if (isWord(code[spec.from], 'DROP') && isWord(code[spec.from + 1], 'PRIMARY')) out = { ...out, primaryKey: null };
  }
  const pk = addedKeys(stmt).find((k) => k.kind === 'primary');
  if (pk !== undefined)
    out = { ...out, primaryKey: pk.parts.map((part) => detach(part.column ?? '')), candidateKey: null };
  return out;
}

/** Whether two facts of a table are the same (one may have crossed a thread: compared by value). */
export function sameTable(a: TableFacts | undefined, b: TableFacts | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.name !== b.name || a.line !== b.line || a.indexes.size !== b.indexes.size) return false;
  const p = a.partition;
  const q = b.partition;
  if (p === null || q === null ? p !== q : p.type !== q.type || p.linear !== q.linear || p.line !== q.line)
    return false;
  for (const [name, i] of a.indexes) {
    const j = b.indexes.get(name);
    if (j === undefined || j.kind !== i.kind || j.line !== i.line) return false;
  }
  // The distribution advice's facts.
  const pa = a.primaryKey;
  const pb = b.primaryKey;
  if (pa == null || pb == null ? pa !== pb : pa.length !== pb.length || pa.some((c, k) => c !== pb[k])) return false;
  const ca = a.candidateKey;
  const cb = b.candidateKey;
  if (ca == null || cb == null ? ca !== cb : ca.name !== cb.name || ca.columns.join() !== cb.columns.join())
    return false;
  const fa = a.fewValued;
  const fb = b.fewValued;
  if (fa === undefined || fb === undefined) return fa === fb;
  if (fa.size !== fb.size) return false;
  for (const [name, v] of fa) {
    const w = fb.get(name);
    if (w === undefined || w.values !== v.values || w.what !== v.what) return false;
  }
  return true;
}

function emptyTable(name: string, line: number): TableFacts {
  return { name, line, partition: null, indexes: new Map() };
}

/** CREATE TABLE t LIKE other: the other table's name. */
function likeSource(code: readonly Token[], at: number): string | null {
  let k = at + 1;
  if (isPunct(code[k], '(')) k++;
  if (!isWord(code[k], 'LIKE')) return null;
  k++;
  while (isPunct(code[k + 1], '.') && code[k + 2] !== undefined) k += 2;
  return nameAt(code, k)?.name ?? null;
}
