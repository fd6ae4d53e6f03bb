// MySQL 8-era DDL on ClustrixDB / Xpand (shared/docs/xpand-mysql8.md): functional and
// descending key parts, invisible columns, expression defaults, CHECK, view clauses, ALTER
// algorithms, foreign key parents. Where the vendor is silent the fact is our inference from its
// grammar pages, and marked so; rules phrase such findings as "not documented, test it on a real
// cluster".
import { inferredFrom, SOURCES } from './sources.js';

/** MySQL 8-era constructs, each with the page its fact rests on (and a workaround, when one is sourced). */
export const MYSQL8_DDL = {
  /** `INDEX ((expr))`: not in the grammar, expect a syntax error [I]; workaround: a generated column [S]. */
  functionalKeyParts: { source: SOURCES.createIndex, workaround: SOURCES.generatedColumns },
  /** `CAST(… AS … ARRAY)` key parts: undocumented, JSON is beta and indexed through generated columns [I]. */
  multiValuedIndexes: { source: SOURCES.jsonXpand },
  /** `col DESC`: one ASC|DESC after the column list in the grammar [S]; per key part and kept order undocumented [I]. */
  descendingKeyParts: { source: SOURCES.createIndex },
  /** INVISIBLE columns (MySQL 8.0.23, MariaDB 10.3): no Xpand page, not in the CREATE TABLE grammar [I]. */
  invisibleColumns: { source: inferredFrom(SOURCES.createTable) },
  /** DEFAULT (expression) (MySQL 8.0.13): no Xpand page; the grammar shows literal defaults [I]. */
  expressionDefaults: { source: inferredFrom(SOURCES.createTable) },
  /** CHECK is parsed in CREATE TABLE and never enforced [S]; whether `[NOT] ENFORCED` parses is unknown [I]. */
  checkEnforced: { source: SOURCES.check },
  /** CHECK syntax in ALTER TABLE (ADD, ALTER, DROP CHECK) is not supported (ClustrixDB 9.2) [S]. */
  alterCheck: { source: SOURCES.ddl92 },
  /** View algorithms in the CREATE VIEW grammar [S]; UNDEFINED (MySQL's default) is not among them [I]. */
  viewAlgorithms: { supported: new Set(['MERGE', 'TEMPTABLE']), source: SOURCES.views },
  /** `SQL SECURITY` and `DEFINER=` on views are accepted and ignored [S]. */
  viewSqlSecurity: { source: SOURCES.views },
  /**
   * Every ALTER is online [S]; `ALGORITHM=INPLACE/INSTANT/COPY` is not documented [I], so it has
   * no purpose there and may not parse.
   */
  alterAlgorithm: { source: inferredFrom(SOURCES.onlineAlter) },
  /**
   * "Xpand does not allow foreign keys with non-unique parents with referential actions CASCADE
   * or SET NULL." [S] (InnoDB allows a parent key that is any index.)
   */
  foreignKeyParents: {
    refusedActions: new Set(['CASCADE', 'SET NULL']),
    source: SOURCES.foreignKeys,
  },
} as const;
