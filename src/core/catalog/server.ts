// What a live ClustrixDB / Xpand server reports in the variables clustrix-lint checks (version,
// default character set and collation, name case, event scheduler), the sql_mode values, and the
// executable-comment code of mysqldump / mariadb-dump the target may go on skipping. Every fact
// names its source (sources.ts) and whether it is stated or inferred.
import { SOURCES, type Source } from './sources.js';

/**
 * How ClustrixDB/Xpand treat the server variables a live server is checked for (knowledge base
 * rows 36, 47, 51 and xpand-mysql8 rows 8c, 21a, 21f). sql_mode is SQL_MODES, engines ENGINES.
 * (The names of the variables a live read asks for are src/live/read.ts's SERVER_VARIABLES.)
 */
export const TARGET_SERVER_VARIABLES = {
  /** `mysql_version`: the MySQL version they report (configurable on the cluster) [S]. */
  reportedVersion: '5.0.45',
  /** How the version string reads, by product [S]. */
  versionString: { clustrixdb: '5.0.45-clustrix-', xpand: '5.0.45-Xpand-' },
  versionSource: SOURCES.mysqlCompat,
  /** The server defaults unless character_set_server / collation_server are changed [S]. */
  defaultCharset: 'utf8',
  defaultCollation: 'utf8_general_ci',
  charsetSource: SOURCES.alterDatabase,
  /** Names compare case-insensitively, stored as written: lower_case_table_names is fixed at 1 [S]. */
  lowerCaseTableNames: '1',
  namesSource: SOURCES.compatibility,
  /** There is no event scheduler [S]. */
  eventScheduler: false,
  eventsSource: SOURCES.events,
} as const satisfies Record<string, unknown>;

/** sql_mode values: the few that act, and every value MySQL/MariaDB know. */
export const SQL_MODES = {
  acting: new Set(['STRICT_TRANS_TABLES', 'STRICT_ALL_TABLES', 'NO_AUTO_VALUE_ON_ZERO', 'TRADITIONAL']),
  known: new Set([
    'ALLOW_INVALID_DATES',
    'ANSI',
    'ANSI_QUOTES',
    'DB2',
    'EMPTY_STRING_IS_NULL',
    'ERROR_FOR_DIVISION_BY_ZERO',
    'HIGH_NOT_PRECEDENCE',
    'IGNORE_BAD_TABLE_OPTIONS',
    'IGNORE_SPACE',
    'MAXDB',
    'MSSQL',
    'MYSQL323',
    'MYSQL40',
    'NO_AUTO_CREATE_USER',
    'NO_AUTO_VALUE_ON_ZERO',
    'NO_BACKSLASH_ESCAPES',
    'NO_DIR_IN_CREATE',
    'NO_ENGINE_SUBSTITUTION',
    'NO_FIELD_OPTIONS',
    'NO_KEY_OPTIONS',
    'NO_TABLE_OPTIONS',
    'NO_UNSIGNED_SUBTRACTION',
    'NO_ZERO_DATE',
    'NO_ZERO_IN_DATE',
    'ONLY_FULL_GROUP_BY',
    'ORACLE',
    'PAD_CHAR_TO_FULL_LENGTH',
    'PIPES_AS_CONCAT',
    'POSTGRESQL',
    'REAL_AS_FLOAT',
    'SIMULTANEOUS_ASSIGNMENT',
    'STRICT_ALL_TABLES',
    'STRICT_TRANS_TABLES',
    'TIME_ROUND_FRACTIONAL',
    'TIME_TRUNCATE_FRACTIONAL',
    'TRADITIONAL',
  ]),
  source: SOURCES.sqlModes,
} as const;

/**
 * What mysqldump and mariadb-dump wrap in executable comments that the target may go on skipping
 * with nothing lost (knowledge base: xpand-mysql8.md rows 13d, 14e, 17e):
 * - session variables that change neither schema nor data — UNIQUE_CHECKS (InnoDB load speed; not
 *   found in any Xpand page, so unwrapping could make the load fail), SQL_NOTES and MariaDB's
 *   NOTE_VERBOSITY (which notes become warnings);
 * - ALTER TABLE … DISABLE KEYS / ENABLE KEYS: in Xpand's ALTER TABLE grammar, what it does there is
 *   not documented; for InnoDB it is a no-op and for MyISAM only a load-speed setting;
 * - `DEFAULT ENCRYPTION='N'` (mysqldump 8 on CREATE DATABASE): the default value, and Xpand's
 *   CREATE DATABASE takes only CHARACTER SET and COLLATE.
 * That skipping them loses nothing is inferred; the grammar facts are sourced.
 */
export const SKIPPABLE_DUMP_CODE = {
  variables: new Set(['UNIQUE_CHECKS', 'SQL_NOTES', 'NOTE_VERBOSITY']),
  /** `/*!50060 USING BTREE *\/` on an index: every Xpand index is a B+tree, so skipping it loses nothing. */
  indexTypes: new Set(['BTREE']),
  source: SOURCES.alterTable,
} as const satisfies { variables: ReadonlySet<string>; indexTypes: ReadonlySet<string>; source: Source };
