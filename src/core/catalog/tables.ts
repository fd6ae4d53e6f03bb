// Facts about tables, their columns and indexes on ClustrixDB / Xpand: storage engines, table
// options, partitioning, index structures, spatial types, reserved words, documented limits and
// sequences. Every fact names its source (sources.ts) and whether it is stated or inferred.
import { SOURCES } from './sources.js';

/** Storage engines: what ClustrixDB/Xpand do with each name MySQL/MariaDB scripts use. */
export const ENGINES = {
  /** Accepted as written (the Xpand engine is used). */
  native: new Set(['INNODB']),
  /** Accepted and ignored: the table becomes an ordinary durable, transactional Xpand table. */
  ignored: new Set([
    'MYISAM',
    'ARIA',
    'NDB',
    'NDBCLUSTER',
    'MRG_MYISAM',
    'MERGE',
    'ARCHIVE',
    'CSV',
    'TOKUDB',
    'ROCKSDB',
  ]),
  /** Become Xpand in-memory tables: not durable, rows ≤ 32 KB. */
  memory: new Set(['MEMORY', 'HEAP']),
  /** Semantics that cannot survive (remote tables, discarded rows, …): a human decides. */
  manual: new Set([
    'FEDERATED',
    'FEDERATEDX',
    'BLACKHOLE',
    'CONNECT',
    'SPIDER',
    'EXAMPLE',
    'OQGRAPH',
    'SEQUENCE',
    'S3',
    'COLUMNSTORE',
    'MROONGA',
    'SPHINX',
  ]),
  source: SOURCES.engines,
  memorySource: SOURCES.inMemory,
} as const;

/** True when `name` is a storage engine the catalog classifies (native, ignored, memory or manual). */
export function isKnownEngine(name: string): boolean {
  const u = name.toUpperCase();
  return ENGINES.native.has(u) || ENGINES.ignored.has(u) || ENGINES.memory.has(u) || ENGINES.manual.has(u);
}

/** Table options (knowledge base §5.2). */
export const TABLE_OPTIONS = {
  /** Parsed and silently ignored. */
  ignored: new Set([
    'AVG_ROW_LENGTH',
    'CHECKSUM',
    'CONNECTION',
    'DELAY_KEY_WRITE',
    'INSERT_METHOD',
    'KEY_BLOCK_SIZE',
    'MAX_ROWS',
    'MIN_ROWS',
    'PACK_KEYS',
    'PAGE_CHECKSUM',
    'PASSWORD',
    'ROW_FORMAT',
    'TABLESPACE',
    'UNION',
  ]),
  /** In neither the accepted nor the ignored list: treated as rejected [I]. */
  unknown: new Set([
    'DATA',
    'INDEX',
    'STATS_PERSISTENT',
    'STATS_AUTO_RECALC',
    'STATS_SAMPLE_PAGES',
    'COMPRESSION',
    'ENCRYPTION',
    'AUTOEXTEND_SIZE',
    'SECONDARY_ENGINE',
    'PAGE_COMPRESSED',
    'PAGE_COMPRESSION_LEVEL',
    'TRANSACTIONAL',
    'ENCRYPTION_KEY_ID',
    'ENCRYPTED',
    'IETF_QUOTES',
    'SECONDARY_ENGINE_ATTRIBUTE',
    'ENGINE_ATTRIBUTE',
    'START',
  ]),
  source: SOURCES.createTable,
} as const;

/** Words reserved in ClustrixDB/Xpand but not in MySQL/MariaDB. */
export const RESERVED_WORDS = {
  words: new Set(['COMPLEMENT', 'FULL', 'LEGACY', 'SIGNED', 'TEMPORARY']),
  source: SOURCES.esCompat,
} as const;

/** Documented limits (knowledge base row 48, §4). */
export const TARGET_LIMITS = {
  columnsPerTable: 200,
  tablesPerCluster: 2000,
  partitionsPerTable: 64,
  decimalPrecision: 65,
  decimalScale: 30,
  source: SOURCES.generalDifferences,
  partitionSource: SOURCES.partitions,
  decimalSource: SOURCES.createTableXpand,
} as const;

/** Partition types: only RANGE is supported on every ClustrixDB/Xpand version. */
export const PARTITIONING = {
  supportedTypes: new Set(['RANGE']),
  subpartitions: false,
  source: SOURCES.partitions,
} as const;

/** Index structures: every ClustrixDB/Xpand index is a B+tree; a requested HASH is not honoured. */
export const INDEX_TYPES = {
  supported: new Set(['BTREE']),
  source: SOURCES.createIndex,
} as const;

/** Functions RANGE partitioning may not use (knowledge base row 11). */
export const PARTITION_FUNCTIONS_UNSUPPORTED = new Set([
  'ABS',
  'DAYOFMONTH',
  'DAYOFWEEK',
  'DAYOFYEAR',
  'DATEDIFF',
  'EXTRACT',
  'MICROSECOND',
  'MINUTE',
  'MOD',
  'MONTH',
  'HOUR',
  'SECOND',
  'QUARTER',
  'TIME_TO_SEC',
  'WEEKDAY',
]);

/**
 * Sequences (MariaDB 10.3's CREATE SEQUENCE): "ClustrixDB does not support: … CREATE SEQUENCE"
 * (9.2) [S]; Xpand's statement index lists ALTER SEQUENCE from 5.3 on, which no page confirms [I].
 */
export const SEQUENCES = {
  unsupported: { since: 'clustrixdb-7.0', until: 'clustrixdb-9.2' },
  source: SOURCES.ddl92,
} as const;

/** Spatial (GIS) column types, unsupported everywhere. */
export const SPATIAL_TYPES = new Set([
  'GEOMETRY',
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
  'GEOMCOLLECTION',
]);
