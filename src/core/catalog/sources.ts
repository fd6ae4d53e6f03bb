// The one registry of the pages the catalog and the rules cite: vendor documentation of
// ClustrixDB / Xpand, and the MySQL / MariaDB references for what the clients do. Every URL
// appears here once, under one key; a fact or a rule names its page by key (`SOURCES.views`),
// never by a literal URL. An entry's evidence is how the page is cited where nothing else is said:
// 'sourced' when the page states the fact, 'inferred' when the fact is our conclusion from it.
// A fact that cites a page stated elsewhere for an inference uses `inferredFrom(SOURCES.x)`.

/** A vendor source for a fact. */
export interface Source {
  readonly url: string;
  /** 'sourced': the page states it; 'inferred': our conclusion from sourced facts. */
  readonly evidence: 'sourced' | 'inferred';
}

/** Every page cited, once each (knowledge base: shared/docs/clustrix-compat.md, xpand-mysql8.md). */
export const SOURCES = {
  // Character sets and collations.
  charsets60: { url: 'https://mariadb.com/docs/reference/xpand6.0/character-sets/', evidence: 'sourced' },
  charsets2309: { url: 'https://mariadb.com/docs/reference/xpand23.09/character-sets/', evidence: 'sourced' },
  utf8mb3: { url: 'https://mariadb.com/docs/ent/release-notes/mariadb-xpand-5-3/5-3-23/', evidence: 'sourced' },
  cp850: { url: 'https://mariadb.com/docs/all/ref/xpand/character-sets/cp850/', evidence: 'sourced' },
  collations60: {
    url: 'https://mariadb.com/docs/skysql-previous-release/ref/xpand6.0/collations',
    evidence: 'sourced',
  },
  /** Cited for what ClustrixDB versions before Xpand probably had (inferred, see charsets.ts). */
  collations53: { url: 'https://mariadb.com/docs/reference/xpand5.3/collations/', evidence: 'sourced' },
  cp850Collation: { url: 'https://mariadb.com/docs/reference/xpand/collations/cp850_general_ci/', evidence: 'sourced' },

  // Compatibility overviews.
  compatibility: { url: 'https://docs.clustrix.com/display/CLXDOC/MySQL+Compatibility', evidence: 'sourced' },
  mysqlCompat: { url: 'https://mariadb.com/docs/xpand/migration/to-xpand/compatibility/mysql/', evidence: 'sourced' },
  esCompat: { url: 'https://mariadb.com/docs/xpand/migration/to-xpand/compatibility/es/', evidence: 'sourced' },
  /** Also the source for SET NAMES ascii. */
  unsupported: { url: 'https://mariadb.com/docs/all/ref/xpand/unsupported-features/', evidence: 'sourced' },
  generalDifferences: {
    url: 'https://docs.clustrix.com/display/CLXDOC/General+Differences+from+MySQL',
    evidence: 'sourced',
  },
  /** ClustrixDB 9.2's list of what it does not support (CREATE SEQUENCE, CHECK in ALTER TABLE, …). */
  ddl92: {
    url: 'https://docs.clustrix.com/pages/diffpagesbyversion.action?pageId=10912428&selectedPageVersions=3&selectedPageVersions=4',
    evidence: 'sourced',
  },

  // Tables, columns and indexes.
  dataTypes: { url: 'https://mariadb.com/docs/sql/features/data-types/xpand/', evidence: 'sourced' },
  engines: { url: 'https://docs.clustrix.com/display/SAG90/MySQL+Compatibility', evidence: 'sourced' },
  inMemory: {
    url: 'https://mariadb.com/docs/architecture/components/xpand/features/in-memory-tables/',
    evidence: 'sourced',
  },
  createTable: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/CREATE_TABLE/', evidence: 'sourced' },
  createTableXpand: {
    url: 'https://mariadb.com/docs/sql/statements/schema/tables/xpand/create-table/',
    evidence: 'sourced',
  },
  /** The CREATE INDEX grammar: `(col[, col ...]) [(ASC | DESC)]`, column names only (ref 5.3.13+ … 23.09.1+). */
  createIndex: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/CREATE_INDEX/', evidence: 'inferred' },
  alterDatabase: {
    url: 'https://mariadb.com/docs/reference/xpand/sql-statements/ALTER_DATABASE/',
    evidence: 'sourced',
  },
  alterTable: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/ALTER_TABLE/', evidence: 'inferred' },
  /** "Xpand performs online schema changes without blocking reads or writes to a table." */
  onlineAlter: {
    url: 'https://mariadb.com/docs/all/sql/statements/schema/online-schema-changes/xpand/',
    evidence: 'sourced',
  },
  partitions: {
    url: 'https://mariadb.com/docs/sql/statements/schema/partitions/xpand/limitations/',
    evidence: 'sourced',
  },
  /** "MariaDB Xpand supports the syntax for CHECK constraints, but Xpand does not enforce the CHECK constraint". */
  check: { url: 'https://mariadb.com/docs/sql/features/constraints/xpand/check/', evidence: 'sourced' },
  foreignKeys: { url: 'https://docs.clustrix.com/display/CLXDOC/Foreign+Keys', evidence: 'sourced' },
  /** "Generated columns can be used to simulate the behavior of … a functional index". */
  generatedColumns: {
    url: 'https://mariadb.com/docs/ent/sql/statements/schema/columns/generated-columns/xpand/',
    evidence: 'sourced',
  },
  invisible: { url: 'https://docs.clustrix.com/display/SAG90/Invisible+Indexes', evidence: 'sourced' },
  json: { url: 'https://docs.clustrix.com/display/SAG90/JSON', evidence: 'sourced' },
  /** JSON is "Beta"; "you can index a JSON attribute by creating a generated column". */
  jsonXpand: { url: 'https://mariadb.com/docs/sql/features/json/xpand/', evidence: 'inferred' },

  // Views, routines, events, statements.
  /** CREATE VIEW: `[ALGORITHM = {MERGE | TEMPTABLE}]`; DEFINER and SQL SECURITY "ignored". */
  views: { url: 'https://mariadb.com/docs/all/ref/xpand/sql-statements/CREATE_VIEW/', evidence: 'sourced' },
  /** Stored routines; also cited for CREATE TABLE … SELECT. */
  routines: { url: 'https://docs.clustrix.com/display/CLXDOC/Stored+Routines', evidence: 'sourced' },
  events: {
    url: 'https://www.mariadb.com/docs/skysql-previous-release/ref/xpand/privileges/EVENT',
    evidence: 'sourced',
  },
  writes: { url: 'https://mariadb.com/docs/xpand/sql/statements/write/xpand/', evidence: 'sourced' },
  reads: { url: 'https://mariadb.com/docs/xpand/sql/statements/read/xpand/', evidence: 'sourced' },
  sqlModes: { url: 'https://mariadb.com/docs/xpand/ref/xpand23.09/sql-modes', evidence: 'sourced' },

  // Distribution and keys.
  distribute: { url: 'https://docs.clustrix.com/display/CLXDOC/DISTRIBUTE', evidence: 'sourced' },
  slices: {
    url: 'https://mariadb.com/docs/xpand/sql/statements/schema/tables/xpand/options/SLICES/',
    evidence: 'sourced',
  },
  clusterSizes: {
    url: 'https://mariadb.com/docs/server/selections/nr-launch-time-xpand-node-count/',
    evidence: 'sourced',
  },
  xpandTables: { url: 'https://mariadb.com/docs/xpand/sql/statements/schema/tables/xpand/', evidence: 'sourced' },
  partitioningXpand: {
    url: 'https://mariadb.com/docs/sql/statements/schema/partitions/xpand/',
    evidence: 'inferred',
  },
  autoUnique: { url: 'https://docs.clustrix.com/display/CLXDOC/Using+AUTO_UNIQUE', evidence: 'sourced' },
  primaryKey: { url: 'https://mariadb.com/docs/sql/features/constraints/xpand/primary-key/', evidence: 'sourced' },
  parallelReplication: {
    url: 'https://mariadb.com/docs/data-operations/replication/xpand/parallel-replication/',
    evidence: 'sourced',
  },

  // The mysql and mariadb clients, and MySQL / MariaDB references.
  /** The client's own commands (use, source, delimiter, …). */
  clientCommands: { url: 'https://dev.mysql.com/doc/refman/8.4/en/mysql-commands.html', evidence: 'sourced' },
  /** mariadb-dump's first line `/*M!999999\- enable the sandbox mode *\/`. */
  dumpSandbox: { url: 'https://mariadb.org/mariadb-dump-file-compatibility-change/', evidence: 'sourced' },
  /**
   * A delimiter other than `;` makes the client send `a; b; c` as one request, which the server
   * runs statement by statement (the client enables multi-statements): sourced for MySQL. Whether
   * Xpand takes multi-statement requests is not documented (xpand-mysql8.md row 16).
   */
  multiStatements: { url: 'https://dev.mysql.com/doc/c-api/8.4/en/c-api-multiple-queries.html', evidence: 'inferred' },
  mysqlStatements: { url: 'https://dev.mysql.com/doc/refman/8.4/en/sql-statements.html', evidence: 'sourced' },
  showCreateProcedure: { url: 'https://mariadb.com/kb/en/show-create-procedure/', evidence: 'sourced' },
} as const satisfies Record<string, Source>;

/** The same page cited for a conclusion we drew from it rather than for what it states. */
export function inferredFrom(source: Source): Source {
  return { url: source.url, evidence: 'inferred' };
}
