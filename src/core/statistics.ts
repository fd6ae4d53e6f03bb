// Index statistics of a live database (information_schema.STATISTICS), as the rules see them:
// pure data handed in through the engine options, so a rule stays pure and a script checked from
// a file simply has none.
import type { LiveSchema } from '../live/types.js';

/** One index of a table: its columns in order, each with the server's cardinality estimate. */
export interface IndexStats {
  /** The server's row estimate for the table (information_schema.TABLES.TABLE_ROWS), or null. */
  readonly rows: number | null;
  /**
   * Per key part (SEQ_IN_INDEX order): the column (lower case; null for an expression) and the
   * estimated number of distinct values of the key's first parts up to and including it.
   */
  readonly parts: ReadonlyArray<{ readonly column: string | null; readonly cardinality: number | null }>;
}

export interface IndexStatistics {
  /**
   * The statistics of index `index` (`PRIMARY` for the primary key) of table `table` (both as the
   * script names them; compared case-insensitively), or undefined when not known — also when
   * several databases read have a table of that name.
   */
  index(table: string, index: string): IndexStats | undefined;
}

/** The statistics of the tables of a live schema. */
export function statisticsOf(schema: LiveSchema): IndexStatistics {
  const byTable = new Map<string, Map<string, IndexStats> | null>();
  for (const db of schema.databases) {
    for (const o of db.objects) {
      const indexes = o.type === 'table' ? o.facts?.indexes : undefined;
      if (indexes === undefined) continue;
      const key = o.name.toLowerCase();
      if (byTable.has(key)) {
        byTable.set(key, null); // the same name in two databases: which one a statement means is unknown
        continue;
      }
      const map = new Map<string, IndexStats>();
      for (const ix of indexes) {
        map.set(ix.name.toLowerCase(), {
          rows: o.facts!.rows,
          parts: ix.columns.map((c) => ({ column: c.column?.toLowerCase() ?? null, cardinality: c.cardinality })),
        });
      }
      byTable.set(key, map);
    }
  }
  return { index: (table, index) => byTable.get(table.toLowerCase())?.get(index.toLowerCase()) };
}
