// The one versioned catalog of ClustrixDB / Xpand facts. Rules read it; they never copy it.
// Every fact names its source (one registry: sources.ts) and whether the source states it
// ('sourced', [S]) or we inferred it ('inferred', [I]), as recorded in the project's knowledge base
// (shared/docs/clustrix-compat.md, shared/docs/xpand-mysql8.md). Import the catalog from here:
//   targets.ts       the versions checked, in release order, and versioned facts
//   sources.ts       every page cited, once
//   charsets.ts      character sets and collations, with their replacements
//   tables.ts        engines, table options, partitioning, index types, reserved words, limits, …
//   server.ts        a live server's variables, sql_mode values, skippable dump code
//   distribution.ts  distribution keys and slices, AUTO_UNIQUE, primary keys (the advice rules)
//   mysql8.ts        MySQL 8-era DDL
export {
  DEFAULT_TARGET_ID,
  TARGETS,
  VERSIONED_FEATURES,
  getTarget,
  targetInRange,
  type Support,
  type SupportInfo,
  type Target,
} from './targets.js';
export { SOURCES, inferredFrom, type Source } from './sources.js';
export {
  MYSQL_CHARSETS,
  charsetSupport,
  collationSupport,
  isMysqlCharset,
  replacementCharset,
  replacementCollation,
  type CharsetReplacement,
  type CollationReplacement,
} from './charsets.js';
export {
  ENGINES,
  INDEX_TYPES,
  PARTITIONING,
  PARTITION_FUNCTIONS_UNSUPPORTED,
  RESERVED_WORDS,
  SEQUENCES,
  SPATIAL_TYPES,
  TABLE_OPTIONS,
  TARGET_LIMITS,
  isKnownEngine,
} from './tables.js';
export { SKIPPABLE_DUMP_CODE, SQL_MODES, TARGET_SERVER_VARIABLES } from './server.js';
export { AUTO_UNIQUE, DISTRIBUTION, PRIMARY_KEY } from './distribution.js';
export { MYSQL8_DDL } from './mysql8.js';
