// Test data: the coverage tables of the knowledge bases (shared/docs/clustrix-compat.md's summary
// table, shared/docs/xpand-mysql8.md's table and its list of other unsupported DDL), each row
// mapped to the rules that cover it or the reason no rule is needed. test/catalog.test.ts checks
// them against the rule registry and the documents; nothing in src/ uses them, so they stay out of
// the shipped code and the browser bundle.

/**
 * Every construct of the knowledge base's summary table (rows 1–58) and what clustrix-lint does
 * with it: the rules that cover it, or why no rule is needed for schema scripts. A construct the
 * knowledge base describes outside that table, which a rule rests on, names its section instead.
 */
export type Construct = (
  { readonly row: number; readonly section?: never } | { readonly section: string; readonly row?: never }
) & {
  readonly construct: string;
  readonly rules: readonly string[];
  /** Why no rule (or what the rules leave out); required when `rules` is empty. */
  readonly note?: string;
};

export const CONSTRUCTS: readonly Construct[] = [
  { row: 1, construct: '/*!NNNNN … */ executable comments', rules: ['no-executable-comment'] },
  { row: 2, construct: 'Character sets', rules: ['no-unsupported-charset'] },
  { row: 3, construct: 'Collations', rules: ['no-unsupported-collation'] },
  { row: 4, construct: 'utf8mb4_0900_ai_ci and other MySQL 8 collations', rules: ['no-unsupported-collation'] },
  {
    row: 5,
    construct: 'latin1_general_cs',
    rules: [],
    note: 'Supported on every Xpand version; unconfirmed ClustrixDB 7.x/8.x versions get a warning from no-unsupported-collation.',
  },
  {
    row: 6,
    construct: 'utf8_unicode_ci / utf8mb4_unicode_ci',
    rules: [],
    note: 'Supported; checked per version by no-unsupported-collation.',
  },
  { row: 7, construct: 'COLLATE inside SELECT / expressions', rules: ['no-collate-in-expression'] },
  { row: 8, construct: 'ALTER TABLE … CONVERT TO CHARACTER SET', rules: ['no-convert-to-charset'] },
  { row: 9, construct: 'PARTITION BY RANGE', rules: [], note: 'Supported; its restrictions are rows 11–13.' },
  {
    row: 10,
    construct: 'LIST / HASH / KEY / LINEAR partitioning, SUBPARTITION',
    rules: ['no-unsupported-partitioning', 'prefer-distribute-over-partitioning'],
    note: 'prefer-distribute-over-partitioning suggests keeping what HASH/KEY partitioning spread, with the primary key, DISTRIBUTE and SLICES (§4 rewrite guidance, §5.3).',
  },
  { row: 11, construct: 'Functions not allowed in partitioning expressions', rules: ['no-unsupported-partitioning'] },
  { row: 12, construct: 'PARTITION BY RANGE COLUMNS', rules: ['no-unsupported-partitioning'] },
  {
    row: 13,
    construct: 'Partitioned TEMPORARY tables, partition maintenance, partition selection',
    rules: ['no-unsupported-partitioning', 'no-partition-maintenance'],
  },
  { row: 14, construct: 'USING HASH / USING BTREE', rules: ['no-unsupported-index-type'] },
  { row: 15, construct: 'FULLTEXT, MATCH … AGAINST', rules: ['no-fulltext'] },
  { row: 16, construct: 'Spatial types, SPATIAL indexes, GIS functions', rules: ['no-spatial'] },
  {
    row: 17,
    construct: 'Prefix indexes col(N)',
    rules: [],
    note: 'Accepted [I]; ClustrixDB allows longer keys than MySQL, so nothing to report.',
  },
  { row: 18, construct: 'Descending index parts', rules: ['no-descending-key-part'] },
  { row: 19, construct: 'INVISIBLE / VISIBLE indexes', rules: ['no-invisible-index'] },
  { row: 20, construct: 'ENGINE=InnoDB/MyISAM/Aria/NDB/MRG_MyISAM', rules: ['no-unsupported-engine'] },
  { row: 21, construct: 'ENGINE=MEMORY', rules: ['no-unsupported-engine'] },
  { row: 22, construct: 'ENGINE=ARCHIVE/CSV/FEDERATED/BLACKHOLE', rules: ['no-unsupported-engine'] },
  { row: 23, construct: 'Ignored table options', rules: ['no-ignored-table-option'] },
  { row: 24, construct: 'ROW_FORMAT=COMPRESSED, COMPRESSION', rules: ['no-ignored-table-option'] },
  {
    row: 25,
    construct: 'DATA/INDEX DIRECTORY, STATS_*, ENCRYPTION, AUTOEXTEND_SIZE',
    rules: ['no-ignored-table-option'],
  },
  {
    row: 26,
    construct: 'AUTO_INCREMENT=n',
    rules: ['prefer-auto-unique'],
    note: 'Supported; Xpand writes it in its own SHOW CREATE TABLE output. prefer-auto-unique reads a large counter as the trace of a table with many inserts (§6: AUTO_INCREMENT vs AUTO_UNIQUE).',
  },
  {
    row: 27,
    construct: 'Xpand-only options (SLICES, REPLICAS, DISTRIBUTE, AUTO_UNIQUE, …)',
    rules: ['prefer-distribute-over-partitioning', 'prefer-selective-distribution-key', 'prefer-auto-unique'],
    note: 'MySQL rejects them, so a script written for MySQL has them only inside /*$ … */; the advice rules suggest DISTRIBUTE, SLICES and AUTO_UNIQUE there (§3 Xpand-only, §5.3).',
  },
  { row: 28, construct: 'Data types', rules: ['no-unsupported-data-type', 'no-spatial'] },
  { row: 29, construct: 'JSON', rules: ['no-unsupported-data-type'] },
  {
    row: 30,
    construct: 'Generated columns',
    rules: [],
    note: "Supported; their restrictions (no subqueries, variables, stored functions) are MySQL's own, so a MySQL script already obeys them.",
  },
  { row: 31, construct: 'CHECK in CREATE TABLE', rules: ['no-check-constraint'] },
  { row: 32, construct: 'ALTER TABLE … ADD CHECK', rules: ['no-check-constraint'] },
  {
    row: 33,
    construct: 'Foreign keys',
    rules: [],
    note: 'Supported, handled like InnoDB (RESTRICT, CASCADE, foreign_key_checks).',
  },
  {
    row: 34,
    construct: 'Triggers',
    rules: ['no-executable-comment', 'no-unsupported-routine-feature'],
    note: 'Supported; the run-time caveats (NOT NULL in BEFORE triggers, ENUM arithmetic) cannot be seen in the text of a script.',
  },
  { row: 35, construct: 'Stored procedures / functions', rules: ['no-unsupported-routine-feature'] },
  {
    row: 36,
    construct: 'CREATE EVENT / event scheduler',
    rules: ['no-event', 'no-server-variable-difference'],
    note: 'no-server-variable-difference reports a live server whose event_scheduler is ON.',
  },
  {
    row: 37,
    construct: 'Views: WITH CHECK OPTION',
    rules: ['no-view-check-option', 'no-unsupported-view-clause'],
    note: 'no-unsupported-view-clause: the ignored SQL SECURITY and the missing ALGORITHM=UNDEFINED of the same page. A SELECT * view following later changes of its table is not reported: it only matters when the script alters the table afterwards.',
  },
  {
    row: 38,
    construct: 'DEFINER= on triggers/routines',
    rules: [],
    note: 'Undocumented for Xpand; MySQL scripts carry it everywhere and nothing shows it fails, so no rule (stripping it would be a guess). A live check lists the DEFINER accounts referenced (JSON live.definers), to create on the cluster.',
  },
  {
    row: 39,
    construct: 'DELIMITER',
    rules: ['no-multi-statement-request', 'client-command'],
    note: 'DELIMITER and the other client commands (use, source, the sandbox line) are handled by the tokenizer and statement splitter like the mysql client; a delimiter never reset makes one multi-statement request.',
  },
  { row: 40, construct: 'CREATE TEMPORARY TABLE', rules: ['no-unsupported-partitioning', 'no-reserved-identifier'] },
  { row: 41, construct: 'LOCK TABLES / UNLOCK TABLES', rules: ['no-lock-tables'] },
  { row: 42, construct: 'XA', rules: ['no-xa'] },
  {
    row: 43,
    construct: 'SAVEPOINT family',
    rules: ['no-unsupported-routine-feature'],
    note: 'Supported outside routines.',
  },
  {
    row: 44,
    construct: 'Implicit commit on DDL',
    rules: [],
    note: 'Not applicable to schema scripts: a property of how a runner groups statements into transactions.',
  },
  { row: 45, construct: 'SET sql_mode', rules: ['no-discarded-sql-mode'] },
  { row: 46, construct: 'Reserved words', rules: ['no-reserved-identifier'] },
  {
    row: 47,
    construct: 'Identifier length / case',
    rules: ['no-name-case-collision', 'no-server-variable-difference'],
    note: 'Length: 64 as in MySQL, which already rejects longer names. A live server with lower_case_table_names=0 is reported by no-server-variable-difference.',
  },
  {
    row: 48,
    construct: 'Limits (tables, columns, row size)',
    rules: ['max-columns-per-table'],
    note: 'Row size depends on data, not on the script.',
  },
  {
    row: 49,
    construct: 'SHOW WARNINGS',
    rules: [],
    note: 'Not applicable to schema scripts (a session behaviour; it is why static checking matters).',
  },
  { row: 50, construct: 'SET NAMES ascii', rules: ['no-unsupported-charset'] },
  {
    row: 51,
    construct: 'Server version string',
    rules: ['no-server-variable-difference'],
    note: 'Not in schema scripts; reported when checking a live server, whose version clients see change.',
  },
  {
    row: 52,
    construct: 'ENUM quirks',
    rules: ['no-enum-trailing-space'],
    note: 'Defaults outside the member list are rejected by MySQL, so a MySQL script never has them.',
  },
  { row: 53, construct: 'NOT NULL DEFAULT NULL', rules: ['no-not-null-default-null'] },
  { row: 54, construct: 'DECIMAL precision over the maximum', rules: ['no-decimal-overflow'] },
  {
    row: 55,
    construct: 'VARCHAR without length',
    rules: [],
    note: 'Not applicable: MySQL rejects it, so MySQL scripts never have it.',
  },
  { row: 56, construct: 'ALTER TABLE … DROP PRIMARY KEY', rules: ['require-lock-shared-drop-primary-key'] },
  { row: 57, construct: 'CREATE TABLE … SELECT typing', rules: ['no-create-table-select'] },
  { row: 58, construct: 'DML odds (DELETE IGNORE, GROUP BY ASC/DESC, ROLLUP, …)', rules: ['no-unsupported-dml'] },
  {
    section: '7',
    construct: 'PRIMARY KEY: a table without one gets a hidden primary key',
    rules: ['prefer-primary-key'],
    note: 'Row-based replication, which Xpand parallel replication needs, scans a table without a primary key for every row it applies.',
  },
];

/**
 * Every row of the MySQL 8-era table in shared/docs/xpand-mysql8.md (rows 1a–21f) and what
 * clustrix-lint does with it: the rules that cover it, or why no rule is needed (or possible).
 */
export interface Mysql8Construct {
  readonly row: string;
  readonly construct: string;
  readonly rules: readonly string[];
  /** Why no rule (or what the rules leave out); required when `rules` is empty. */
  readonly note?: string;
}

export const MYSQL8_CONSTRUCTS: readonly Mysql8Construct[] = [
  { row: '1a', construct: 'Functional key parts INDEX ((expr))', rules: ['no-functional-key-part'] },
  {
    row: '1b',
    construct: 'Functional-index workaround (generated column)',
    rules: ['no-functional-key-part'],
    note: 'The workaround itself is supported; no-functional-key-part points to it.',
  },
  { row: '2', construct: 'Multi-valued index CAST(… AS … ARRAY)', rules: ['no-functional-key-part'] },
  { row: '3', construct: 'Descending key parts KEY k (a DESC)', rules: ['no-descending-key-part'] },
  {
    row: '4a',
    construct: 'ON UPDATE CURRENT_TIMESTAMP / NOW()',
    rules: [],
    note: 'Supported. The trigger bug fixed in 6.0.5 (XPT-416) depends on the patch release, which a target id (xpand-6.0) does not name, and its status before 6.0 is not documented: run 6.0.5 or later.',
  },
  {
    row: '4b',
    construct: 'DEFAULT CURRENT_TIMESTAMP(6)',
    rules: ['no-expression-default'],
    note: "Likely accepted [I] (the function takes a precision of 0–6) and not reported; MySQL 8.0.13's DEFAULT (expression), on the doc's not-found list, is.",
  },
  { row: '4c', construct: 'Fractional seconds', rules: [], note: 'Supported up to microseconds, as in MySQL.' },
  { row: '5a', construct: 'INVISIBLE / VISIBLE indexes', rules: ['no-invisible-index'] },
  { row: '5b', construct: 'INVISIBLE columns', rules: ['no-invisible-column'] },
  { row: '6a', construct: 'CHECK constraints', rules: ['no-check-constraint'] },
  { row: '6b', construct: 'CHECK in ALTER TABLE', rules: ['no-check-constraint'] },
  { row: '6c', construct: 'CHECK … [NOT] ENFORCED', rules: ['no-check-constraint'] },
  {
    row: '7a',
    construct: 'Generated columns: STORED vs VIRTUAL, restrictions',
    rules: [],
    note: "Supported; the restrictions (no subqueries, variables, UDFs, AUTO_INCREMENT columns) are MySQL's own, so a MySQL script already obeys them.",
  },
  {
    row: '7b',
    construct: 'Primary key / index on a generated column',
    rules: [],
    note: 'Only STORED generated columns in a primary key: InnoDB has the same restriction, so MySQL scripts obey it.',
  },
  {
    row: '7c',
    construct: 'Optimizer use of a generated-column index',
    rules: [],
    note: 'A query-plan matter: a query naming the expression instead of the column is slower, not wrong; not visible in DDL.',
  },
  { row: '8a', construct: 'utf8mb4_0900_ai_ci and other _0900_ collations', rules: ['no-unsupported-collation'] },
  { row: '8b', construct: 'utf8mb3', rules: ['no-unsupported-charset', 'no-unsupported-collation'] },
  {
    row: '8c',
    construct: 'Server default charset / collation',
    rules: [],
    note: "A property of the server or database, not of the script: tables without a charset take the database's.",
  },
  { row: '9a', construct: 'Spatial types', rules: ['no-spatial'] },
  {
    row: '9b',
    construct: 'SRID attribute, SPATIAL indexes',
    rules: ['no-spatial'],
    note: 'SRID only appears on spatial columns, which no-spatial reports.',
  },
  { row: '10a', construct: 'FULLTEXT indexes / full-text search', rules: ['no-fulltext'] },
  {
    row: '10b',
    construct: 'WITH PARSER ngram, MATCH … AGAINST',
    rules: ['no-fulltext'],
    note: 'WITH PARSER is part of a FULLTEXT index definition and goes with it.',
  },
  { row: '11a', construct: 'View ALGORITHM=', rules: ['no-unsupported-view-clause'] },
  {
    row: '11b',
    construct: 'View DEFINER=, SQL SECURITY',
    rules: ['no-unsupported-view-clause'],
    note: "Only SQL SECURITY INVOKER is reported: DEFINER and SQL SECURITY DEFINER (MySQL's default) are ignored harmlessly.",
  },
  { row: '11c', construct: 'View WITH CHECK OPTION', rules: ['no-view-check-option'] },
  {
    row: '11d',
    construct: 'Triggers (general)',
    rules: ['no-unsupported-routine-feature'],
    note: 'Multiple triggers per event and timing, FOLLOWS / PRECEDES: not documented either way; a rule would be a guess.',
  },
  {
    row: '11e',
    construct: 'Stored routines: unsupported statements and features',
    rules: ['no-unsupported-routine-feature'],
    note: 'Querying a view that calls a routine and preparing a CALL are run-time uses, not schema DDL.',
  },
  { row: '11f', construct: 'SIGNAL', rules: [], note: 'Present in every Xpand reference from 5.3.13 on.' },
  {
    row: '11g',
    construct: 'Handlers',
    rules: [],
    note: 'Supported; duplicate handlers, which Xpand allows, are rejected by MySQL, so MySQL scripts have none.',
  },
  {
    row: '11h',
    construct: 'Routine characteristics DETERMINISTIC, READS SQL DATA',
    rules: [],
    note: 'Probably parsed [I] (ALTER PROCEDURE changes them); nothing documented to report.',
  },
  { row: '12', construct: 'CREATE EVENT, event scheduler', rules: ['no-event'] },
  {
    row: '13a',
    construct: 'Online ALTER in general',
    rules: ['no-alter-algorithm'],
    note: 'Every ALTER is online, so ALGORITHM= has no purpose there.',
  },
  {
    row: '13b',
    construct: 'LOCK= clause',
    rules: [],
    note: 'Documented (alter_lock, 6.1.0 on); LOCK=SHARED for DROP PRIMARY KEY is row 13c.',
  },
  {
    row: '13c',
    construct: 'DROP PRIMARY KEY needs LOCK=SHARED',
    rules: ['require-lock-shared-drop-primary-key'],
  },
  {
    row: '13d',
    construct: 'ALTER TABLE … DISABLE KEYS / ENABLE KEYS',
    rules: [],
    note: "In the ALTER TABLE grammar [S], a no-op for InnoDB tables; mysqldump's /*!40000 … */ form is an executable comment (no-executable-comment).",
  },
  { row: '14a', construct: 'Ignored table options', rules: ['no-ignored-table-option'] },
  { row: '14b', construct: 'ROW_FORMAT=COMPRESSED / compression', rules: ['no-ignored-table-option'] },
  {
    row: '14c',
    construct: 'AUTO_INCREMENT=n',
    rules: ['prefer-auto-unique'],
    note: 'Supported; Xpand writes it in its own SHOW CREATE TABLE output. prefer-auto-unique reads a large counter as the trace of a table with many inserts.',
  },
  { row: '14d', construct: 'COMPRESSION=, ENCRYPTION=, STATS_*', rules: ['no-ignored-table-option'] },
  { row: '14e', construct: "/*!80016 DEFAULT ENCRYPTION='N' */ on CREATE DATABASE", rules: ['no-executable-comment'] },
  { row: '15a', construct: 'ENGINE=MyISAM / MERGE / NDB', rules: ['no-unsupported-engine'] },
  { row: '15b', construct: 'ENGINE=MEMORY', rules: ['no-unsupported-engine'] },
  { row: '15c', construct: 'ENGINE=ARCHIVE / CSV / BLACKHOLE / FEDERATED', rules: ['no-unsupported-engine'] },
  {
    row: '16',
    construct: 'Multi-statement COM_QUERY',
    rules: [],
    note: 'A client-protocol matter, not documented for Xpand; verify sends one statement per query.',
  },
  { row: '17a', construct: 'LOCK TABLES / UNLOCK TABLES', rules: ['no-lock-tables'] },
  {
    row: '17b',
    construct: 'FLUSH',
    rules: [],
    note: 'Accepted with no effect: it acts on caches and logs, never on the schema a script creates.',
  },
  {
    row: '17c',
    construct: 'SET SQL_LOG_BIN',
    rules: [],
    note: 'Not documented; the Xpand alternative (sql_log_skip_binlogs) is not equivalent, so a rule could only guess.',
  },
  {
    row: '17d',
    construct: 'SET FOREIGN_KEY_CHECKS',
    rules: [],
    note: 'Exists on every version; its caveat (no re-validation) concerns data loaded while off, not DDL.',
  },
  {
    row: '17e',
    construct: 'SET UNIQUE_CHECKS',
    rules: [],
    note: "Not documented; mysqldump's form is inside /*!40014 … */ (no-executable-comment), and a rule on the bare form would be a guess.",
  },
  { row: '17f', construct: 'SET sql_mode values', rules: ['no-discarded-sql-mode'] },
  { row: '17g', construct: 'SET NAMES / client charset', rules: ['no-unsupported-charset'] },
  {
    row: '18a',
    construct: 'Foreign keys',
    rules: [],
    note: 'Supported, handled like InnoDB.',
  },
  {
    row: '18b',
    construct: 'FK actions SET NULL, CASCADE, SET DEFAULT',
    rules: ['no-cascade-to-non-unique-key'],
    note: 'SET DEFAULT: row 18c.',
  },
  {
    row: '18c',
    construct: 'FK SET DEFAULT',
    rules: [],
    note: 'InnoDB rejects SET DEFAULT on MySQL and MariaDB, and MySQL ignores inline column REFERENCES, so MySQL scripts never rely on it.',
  },
  {
    row: '19a',
    construct: 'AUTO_INCREMENT behaviour',
    rules: ['prefer-auto-unique'],
    note: 'Unique and increasing, as MySQL scripts expect; prefer-auto-unique explains the cost of keeping them consecutive.',
  },
  {
    row: '19b',
    construct: 'AUTO_UNIQUE (Xpand-specific)',
    rules: ['prefer-auto-unique'],
    note: 'Xpand-only: MySQL rejects it, so prefer-auto-unique suggests it inside /*$ … */.',
  },
  {
    row: '19c',
    construct: 'SERIAL',
    rules: [],
    note: 'Rewritten to BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE, as MySQL does.',
  },
  {
    row: '20a',
    construct: '/*$ … */ comments',
    rules: [],
    note: 'Xpand-only executable comments: the tokenizer keeps them, no rule needed.',
  },
  {
    row: '20b',
    construct: 'SLICES, REPLICAS, HASHES, PAYLOAD, CONTAINER',
    rules: ['prefer-distribute-over-partitioning'],
    note: 'Xpand-only options: MySQL rejects them, so they never appear outside /*$ … */; prefer-distribute-over-partitioning suggests SLICES there.',
  },
  {
    row: '20c',
    construct: 'DISTRIBUTE=',
    rules: ['prefer-selective-distribution-key', 'prefer-distribute-over-partitioning'],
    note: 'Xpand-only option, as row 20b: the advice rules suggest it inside /*$ … */.',
  },
  {
    row: '20d',
    construct: 'PARTITION BY HASH/KEY and what replaces it',
    rules: ['no-unsupported-partitioning', 'prefer-distribute-over-partitioning'],
  },
  {
    row: '20e',
    construct: 'Partitioning for performance',
    rules: ['no-unsupported-partitioning'],
    note: 'The lossy fix drops HASH/KEY partitioning, which Xpand does not need for distribution.',
  },
  { row: '20f', construct: 'Partition count', rules: ['no-unsupported-partitioning'] },
  {
    row: '21a',
    construct: 'Identifier length',
    rules: ['no-name-case-collision'],
    note: 'Length: 64 as in MySQL, which already rejects longer names; case: names compare case-insensitively.',
  },
  { row: '21b', construct: 'Number of tables / columns', rules: ['max-columns-per-table'] },
  {
    row: '21c',
    construct: 'Row size',
    rules: [],
    note: 'Depends on the data, not on the script (the 32K in-memory row cap is in no-unsupported-engine).',
  },
  {
    row: '21d',
    construct: 'Index key length',
    rules: [],
    note: "Longer than MySQL's limit, so every MySQL index fits.",
  },
  {
    row: '21e',
    construct: 'VARCHAR without length',
    rules: [],
    note: 'MySQL rejects it, so MySQL scripts never have it.',
  },
  {
    row: '21f',
    construct: 'Reported server version',
    rules: [],
    note: 'Not applicable to schema scripts: it concerns client tools.',
  },
];

/**
 * The same document's list "Other unsupported or caveated DDL named by the Xpand/ClustrixDB
 * guides" (items 1–22), mapped the same way.
 */
export const MYSQL8_OTHER_CONSTRUCTS: readonly Mysql8Construct[] = [
  { row: '1', construct: 'ALTER TABLE … CONVERT TO CHARACTER SET', rules: ['no-convert-to-charset'] },
  { row: '2', construct: 'CREATE SEQUENCE', rules: ['no-sequence'] },
  { row: '3', construct: 'Partitioning limits', rules: ['no-unsupported-partitioning', 'no-partition-maintenance'] },
  { row: '4', construct: 'Materialized views', rules: [], note: 'MySQL has none, so MySQL scripts never define them.' },
  {
    row: '5',
    construct: 'UDFs (external library functions)',
    rules: [],
    note: 'Not reported: CREATE FUNCTION … SONAME needs a plugin file on the server and is not schema DDL a script can carry.',
  },
  { row: '6', construct: 'Stored-routine restrictions', rules: ['no-unsupported-routine-feature'] },
  {
    row: '7',
    construct: 'Triggers that modify ENUM columns; no checks at CREATE TRIGGER',
    rules: [],
    note: 'Run-time behaviour: what a trigger does to an ENUM cannot be seen reliably in its text.',
  },
  { row: '8', construct: 'Foreign key actions and parents', rules: ['no-cascade-to-non-unique-key'] },
  {
    row: '9',
    construct: 'Generated columns in a PRIMARY KEY, restrictions',
    rules: [],
    note: 'The same restrictions as MySQL (InnoDB), which a MySQL script already obeys.',
  },
  {
    row: '10',
    construct: 'AUTO_UNIQUE must be BIGINT(0) UNSIGNED',
    rules: ['prefer-auto-unique'],
    note: 'Xpand-only: MySQL rejects it; prefer-auto-unique changes the type with it.',
  },
  { row: '11', construct: 'DROP PRIMARY KEY requires LOCK=SHARED', rules: ['require-lock-shared-drop-primary-key'] },
  { row: '12', construct: 'Compression', rules: ['no-ignored-table-option'] },
  {
    row: '13',
    construct: 'Spatial types, GIS functions, XML functions, full-text search',
    rules: ['no-spatial', 'no-fulltext'],
    note: 'XML functions (ExtractValue, UpdateXML) in views and routines are not reported yet.',
  },
  {
    row: '14',
    construct: 'XA transactions; MySQL 5.7 GTIDs',
    rules: ['no-xa'],
    note: 'GTIDs concern replication setup, not schema scripts.',
  },
  { row: '15', construct: 'Executable comments other than /*$ … */', rules: ['no-executable-comment'] },
  { row: '16', construct: 'SET NAMES ascii', rules: ['no-unsupported-charset'] },
  { row: '17', construct: 'Reserved words', rules: ['no-reserved-identifier'] },
  {
    row: '18',
    construct: 'INFORMATION_SCHEMA views Xpand does not provide',
    rules: [],
    note: 'Schema scripts rarely query them; verify reads information_schema on the server it is given.',
  },
  {
    row: '19',
    construct: 'SHOW WARNINGS never shows warnings',
    rules: [],
    note: 'A session behaviour, and the reason static checking matters.',
  },
  { row: '20', construct: 'About 2,000 tables, 200 columns per table', rules: ['max-columns-per-table'] },
  {
    row: '21',
    construct: 'ENUM quirks, NOT NULL DEFAULT NULL',
    rules: ['no-enum-trailing-space', 'no-not-null-default-null'],
  },
  {
    row: '22',
    construct: 'A SELECT * view follows its table',
    rules: [],
    note: 'Only matters when the script alters the table after creating the view; not reported yet.',
  },
];
