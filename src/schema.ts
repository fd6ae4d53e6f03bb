// What a script has defined so far, statement by statement: the tables it created, with their
// partitioning and their FULLTEXT and SPATIAL indexes. Rules read it (ctx.schema, as it stands
// before the statement they check) to judge a statement by an earlier one — an ALTER TABLE …
// ADD PARTITION on a table whose HASH partitioning the target cannot take, a DROP INDEX of a
// FULLTEXT index. Pure data, built from tokens; a stream carries it from segment to segment, so
// its memory grows with the schema, not with the data.
import { addedKeys, tableColumns, tableKeys, type FewValues } from './keys.js';
import type { SqlSource } from './source.js';
import type { Statement } from './statements.js';
import {
  alterTableLayout,
  columnDefinitions,
  createIndexLayout,
  createTableLayout,
  isPunct,
  splitTopLevel,
} from './structure.js';
import { identValue, isWord, type Token } from './tokenize.js';

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
}

/** The schema so far. Keys are lower-cased unqualified table names (Xpand compares names case-insensitively). */
export class SchemaModel {
  private readonly tables = new Map<string, TableFacts>();

  /** The facts of a table the script created, or undefined. */
  table(name: string): TableFacts | undefined {
    return this.tables.get(name.toLowerCase());
  }

  get size(): number {
    return this.tables.size;
  }

  clone(): SchemaModel {
    const copy = new SchemaModel();
    for (const [k, v] of this.tables) copy.tables.set(k, v);
    return copy;
  }

  /** Takes what `stmt` defines into account (call after the rules checked it). `lineOffset` places it in the input. */
  apply(stmt: Statement, source: SqlSource, lineOffset = 0): void {
    const code = stmt.code;
    const line = () => source.locOf(stmt.start).line + lineOffset;
    if (stmt.kind === 'create_table') {
      const layout = createTableLayout(stmt);
      const name = nameAt(code, layout.nameAt);
      if (name === null) return;
      const like = layout.body === null ? likeSource(code, layout.nameAt) : null;
      if (like !== null) {
        const from = this.table(like);
        this.tables.set(name.toLowerCase(), { ...(from ?? emptyTable(name, line())), name, line: line() });
        return;
      }
      const indexes = new Map<string, { kind: 'fulltext' | 'spatial'; line: number }>();
      for (const d of layout.definitions) {
        if (d.kind !== 'fulltext' && d.kind !== 'spatial') continue;
        const index = indexName(code, d.from, d.to);
        if (index !== null) indexes.set(index.toLowerCase(), { kind: d.kind, line: line() });
      }
      const p = layout.partition;
      const pk = tableKeys(stmt).find((k) => k.kind === 'primary');
      this.tables.set(name.toLowerCase(), {
        name,
        line: line(),
        partition: p === null ? null : { type: p.type, linear: p.linear, line: line() },
        indexes,
        fewValued: fewValuedColumns(stmt, layout.definitions),
        primaryKey: pk === undefined ? null : pk.parts.map((part) => part.column ?? ''),
      });
      return;
    }
    if (stmt.kind === 'create_index') {
      const layout = createIndexLayout(stmt);
      const kind = code.slice(0, layout.indexAt).find((t) => isWord(t, 'FULLTEXT') || isWord(t, 'SPATIAL'));
      const table = layout.onAt >= 0 ? this.tableAfter(code, layout.onAt + 1) : undefined;
      const index = nameAt(code, layout.indexAt + 1);
      if (kind === undefined || table === undefined || index === null) return;
      this.withIndex(table, index, kind.text.toLowerCase() as 'fulltext' | 'spatial', line());
      return;
    }
    if (stmt.kind === 'alter_table') {
      const layout = alterTableLayout(stmt);
      const table = this.table(nameAt(code, layout.nameAt) ?? '');
      if (table === undefined) return;
      let facts = table;
      for (const spec of layout.specs) {
        const w = code[spec.from];
        if (isWord(w, 'REMOVE') && isWord(code[spec.from + 1], 'PARTITIONING')) facts = { ...facts, partition: null };
        if (isWord(w, 'DROP') && (isWord(code[spec.from + 1], 'INDEX') || isWord(code[spec.from + 1], 'KEY'))) {
          const index = nameAt(code, spec.from + 2);
          if (index !== null && facts.indexes.has(index.toLowerCase())) {
            const indexes = new Map(facts.indexes);
            indexes.delete(index.toLowerCase());
            facts = { ...facts, indexes };
          }
        }
      }
      for (const d of layout.added) {
        if (d.kind !== 'fulltext' && d.kind !== 'spatial') continue;
        const index = indexName(code, d.from, d.to);
        if (index === null) continue;
        facts = { ...facts, indexes: new Map(facts.indexes).set(index.toLowerCase(), { kind: d.kind, line: line() }) };
      }
      const p = layout.partition;
      if (p !== null) facts = { ...facts, partition: { type: p.type, linear: p.linear, line: line() } };
      facts = withColumnsAndKeys(facts, stmt);
      this.tables.set(table.name.toLowerCase(), facts);
      return;
    }
    if (stmt.kind === 'drop') {
      if (isWord(code[1], 'TABLE') || (isWord(code[1], 'TEMPORARY') && isWord(code[2], 'TABLE'))) {
        let k = isWord(code[1], 'TABLE') ? 2 : 3;
        if (isWord(code[k], 'IF')) k += 2;
        for (const span of splitTopLevel(code, k, code.length)) {
          const name = nameAt(code, span.to - 1);
          if (name !== null) this.tables.delete(name.toLowerCase());
        }
      } else if (isWord(code[1], 'INDEX')) {
        const index = nameAt(code, 2);
        const on = code.findIndex((t) => isWord(t, 'ON'));
        const table = on >= 0 ? this.tableAfter(code, on + 1) : undefined;
        if (index === null || table === undefined || !table.indexes.has(index.toLowerCase())) return;
        const indexes = new Map(table.indexes);
        indexes.delete(index.toLowerCase());
        this.tables.set(table.name.toLowerCase(), { ...table, indexes });
      }
    }
  }

  private withIndex(table: TableFacts, index: string, kind: 'fulltext' | 'spatial', line: number): void {
    const indexes = new Map(table.indexes).set(index.toLowerCase(), { kind, line });
    this.tables.set(table.name.toLowerCase(), { ...table, indexes });
  }

  /** The table named at code[k] (possibly qualified: the last part counts). */
  tableAfter(code: readonly Token[], k: number): TableFacts | undefined {
    let j = k;
    while (isPunct(code[j + 1], '.') && code[j + 2] !== undefined) j += 2;
    const name = nameAt(code, j);
    return name === null ? undefined : this.table(name);
  }
}

/** The columns of `definitions` whose type allows only a few values. */
function fewValuedColumns(stmt: Statement, definitions: Parameters<typeof tableColumns>[1]): Map<string, FewValues> {
  const out = new Map<string, FewValues>();
  for (const c of tableColumns(stmt, definitions)) if (c.fewValues !== null) out.set(c.name.toLowerCase(), c.fewValues);
  return out;
}

/** An ALTER TABLE's columns (ADD, MODIFY, CHANGE) and primary key (ADD / DROP PRIMARY KEY) taken into the facts. */
function withColumnsAndKeys(facts: TableFacts, stmt: Statement): TableFacts {
  const code = stmt.code;
  let out = facts;
  const changed = tableColumns(stmt, columnDefinitions(stmt));
  if (changed.length > 0 && out.fewValued !== undefined) {
    const few = new Map(out.fewValued);
    for (const c of changed) {
      if (c.fewValues === null) few.delete(c.name.toLowerCase());
      else few.set(c.name.toLowerCase(), c.fewValues);
    }
    out = { ...out, fewValued: few };
  }
  for (const spec of alterTableLayout(stmt).specs) {
    if (isWord(code[spec.from], 'DROP') && isWord(code[spec.from + 1], 'PRIMARY')) out = { ...out, primaryKey: null };
  }
  const pk = addedKeys(stmt).find((k) => k.kind === 'primary');
  if (pk !== undefined) out = { ...out, primaryKey: pk.parts.map((part) => part.column ?? '') };
  return out;
}

function emptyTable(name: string, line: number): TableFacts {
  return { name, line, partition: null, indexes: new Map() };
}

/** The identifier at code[k] (a word or quoted name), or null. */
export function nameAt(code: readonly Token[], k: number): string | null {
  const t = code[k];
  if (t === undefined || (t.kind !== 'word' && t.kind !== 'quotedIdent')) return null;
  return identValue(t);
}

/** CREATE TABLE t LIKE other: the other table's name. */
function likeSource(code: readonly Token[], nameAt_: number): string | null {
  let k = nameAt_ + 1;
  if (isPunct(code[k], '(')) k++;
  if (!isWord(code[k], 'LIKE')) return null;
  k++;
  while (isPunct(code[k + 1], '.') && code[k + 2] !== undefined) k += 2;
  return nameAt(code, k);
}

/** The name of a FULLTEXT/SPATIAL index definition: `FULLTEXT [INDEX|KEY] [name] (cols)`. */
function indexName(code: readonly Token[], from: number, to: number): string | null {
  let k = from;
  if (isWord(code[k], 'CONSTRAINT')) k += 2;
  k++; // FULLTEXT / SPATIAL
  if (isWord(code[k], 'INDEX') || isWord(code[k], 'KEY')) k++;
  if (k >= to || isPunct(code[k], '(')) return null;
  return nameAt(code, k);
}
