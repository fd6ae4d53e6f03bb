// The one versioned catalog of ClustrixDB / Xpand facts. Rules read it; they never copy it.
// Every fact names its source and whether the source states it ([S]) or we inferred it ([I]),
// as recorded in the project's knowledge base (shared/docs/clustrix-compat.md).
import { ConfigError } from './errors.js';

export interface Target {
  /** Target id as used on the command line, e.g. `xpand-23.09`. */
  readonly id: string;
  /** Human name used in messages, e.g. `Xpand 23.09`. */
  readonly name: string;
  readonly product: 'clustrixdb' | 'xpand';
  /** Position in release order, oldest first. */
  readonly order: number;
}

const TARGET_DEFS: ReadonlyArray<Omit<Target, 'order'>> = [
  { id: 'clustrixdb-7.0', name: 'ClustrixDB 7.0', product: 'clustrixdb' },
  { id: 'clustrixdb-7.5', name: 'ClustrixDB 7.5', product: 'clustrixdb' },
  { id: 'clustrixdb-8.0', name: 'ClustrixDB 8.0', product: 'clustrixdb' },
  { id: 'clustrixdb-8.5', name: 'ClustrixDB 8.5', product: 'clustrixdb' },
  { id: 'clustrixdb-9.0', name: 'ClustrixDB 9.0', product: 'clustrixdb' },
  { id: 'clustrixdb-9.1', name: 'ClustrixDB 9.1', product: 'clustrixdb' },
  { id: 'clustrixdb-9.2', name: 'ClustrixDB 9.2', product: 'clustrixdb' },
  { id: 'xpand-5.3', name: 'Xpand 5.3', product: 'xpand' },
  { id: 'xpand-6.0', name: 'Xpand 6.0', product: 'xpand' },
  { id: 'xpand-6.1', name: 'Xpand 6.1', product: 'xpand' },
  { id: 'xpand-23.09', name: 'Xpand 23.09', product: 'xpand' },
];

/** All targets, oldest first. */
export const TARGETS: readonly Target[] = TARGET_DEFS.map((t, order) => ({ ...t, order }));

export const DEFAULT_TARGET_ID = 'xpand-23.09';

/** Looks a target up by id; throws ConfigError naming the valid ids otherwise. */
export function getTarget(id: string = DEFAULT_TARGET_ID): Target {
  const t = TARGETS.find((x) => x.id === id.toLowerCase());
  if (t === undefined) {
    throw new ConfigError(`unknown target "${id}" (expected one of: ${TARGETS.map((x) => x.id).join(', ')})`);
  }
  return t;
}

/** A vendor source for a fact. */
export interface Source {
  readonly url: string;
  /** 'sourced': the page states it; 'inferred': our conclusion from sourced facts. */
  readonly evidence: 'sourced' | 'inferred';
}

export type Support = 'supported' | 'deprecated' | 'unverified' | 'unsupported';

/** A fact that holds from `since` (target id, inclusive) up to `until` (inclusive), if given. */
interface VersionedSupport {
  readonly since: string;
  readonly until?: string;
  readonly support: Support;
  readonly source: Source;
}

function order(id: string): number {
  return getTarget(id).order;
}

function supportAt(facts: readonly VersionedSupport[], target: Target): { support: Support; source: Source | null } {
  // The last matching fact wins, so later ranges refine earlier ones.
  let found: VersionedSupport | undefined;
  for (const f of facts) {
    if (target.order >= order(f.since) && (f.until === undefined || target.order <= order(f.until))) found = f;
  }
  return found ? { support: found.support, source: found.source } : { support: 'unsupported', source: null };
}

const SRC = {
  charsets60: { url: 'https://mariadb.com/docs/reference/xpand6.0/character-sets/', evidence: 'sourced' },
  charsets2309: { url: 'https://mariadb.com/docs/reference/xpand23.09/character-sets/', evidence: 'sourced' },
  utf8mb3: { url: 'https://mariadb.com/docs/ent/release-notes/mariadb-xpand-5-3/5-3-23/', evidence: 'sourced' },
  cp850: { url: 'https://mariadb.com/docs/all/ref/xpand/character-sets/cp850/', evidence: 'sourced' },
  collations60: {
    url: 'https://mariadb.com/docs/skysql-previous-release/ref/xpand6.0/collations',
    evidence: 'sourced',
  },
  collations53: { url: 'https://mariadb.com/docs/reference/xpand5.3/collations/', evidence: 'sourced' },
  clustrixInferred: { url: 'https://mariadb.com/docs/reference/xpand5.3/collations/', evidence: 'inferred' },
  cp850Collation: { url: 'https://mariadb.com/docs/reference/xpand/collations/cp850_general_ci/', evidence: 'sourced' },
  createIndex: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/CREATE_INDEX/', evidence: 'inferred' },
  partitions: {
    url: 'https://mariadb.com/docs/sql/statements/schema/partitions/xpand/limitations/',
    evidence: 'sourced',
  },
  unsupportedNamesAscii: { url: 'https://mariadb.com/docs/all/ref/xpand/unsupported-features/', evidence: 'sourced' },
} as const satisfies Record<string, Source>;

/** Character sets ClustrixDB/Xpand know, by version. Anything absent is unsupported everywhere. */
const CHARSET_FACTS: Record<string, readonly VersionedSupport[]> = {
  binary: [{ since: 'clustrixdb-7.0', support: 'supported', source: SRC.charsets60 }],
  latin1: [{ since: 'clustrixdb-7.0', support: 'supported', source: SRC.charsets60 }],
  utf8: [{ since: 'clustrixdb-7.0', support: 'supported', source: SRC.charsets60 }],
  utf8mb4: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: SRC.clustrixInferred },
    { since: 'clustrixdb-9.0', until: 'clustrixdb-9.2', support: 'supported', source: SRC.clustrixInferred },
    { since: 'xpand-5.3', support: 'supported', source: SRC.charsets60 },
  ],
  koi8r: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: SRC.clustrixInferred },
    { since: 'clustrixdb-9.0', support: 'supported', source: SRC.charsets60 },
  ],
  euckr: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: SRC.clustrixInferred },
    { since: 'clustrixdb-9.0', support: 'supported', source: SRC.charsets60 },
  ],
  // Added in 5.3.23 and 6.0.3 (the first 6.0 GA); a 5.3 target may be older than 5.3.23.
  utf8mb3: [{ since: 'xpand-6.0', support: 'supported', source: SRC.utf8mb3 }],
  cp850: [{ since: 'xpand-6.1', support: 'supported', source: SRC.cp850 }],
};

const everywhere = (source: Source): VersionedSupport[] => [{ since: 'clustrixdb-7.0', support: 'supported', source }];
const verifyBefore9 = (source: Source): VersionedSupport[] => [
  { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: SRC.clustrixInferred },
  { since: 'clustrixdb-9.0', until: 'clustrixdb-9.2', support: 'supported', source: SRC.clustrixInferred },
  { since: 'xpand-5.3', support: 'supported', source },
];
const legacy = (): VersionedSupport[] => [
  { since: 'clustrixdb-7.0', until: 'clustrixdb-9.2', support: 'unverified', source: SRC.clustrixInferred },
  { since: 'xpand-5.3', support: 'deprecated', source: SRC.collations60 },
];
const utf8mb3Collation = (): VersionedSupport[] => [{ since: 'xpand-6.0', support: 'supported', source: SRC.utf8mb3 }];

/** Collations by version (knowledge base §2.2 and V.3). Anything absent is unsupported everywhere. */
const COLLATION_FACTS: Record<string, readonly VersionedSupport[]> = {
  binary: everywhere(SRC.collations60),
  latin1_swedish_ci: everywhere(SRC.collations60),
  latin1_bin: everywhere(SRC.collations60),
  utf8_general_ci: everywhere(SRC.collations60),
  utf8_bin: everywhere(SRC.collations60),
  latin1_general_ci: verifyBefore9(SRC.collations60),
  latin1_general_cs: verifyBefore9(SRC.collations60),
  utf8_unicode_ci: verifyBefore9(SRC.collations60),
  utf8mb4_general_ci: verifyBefore9(SRC.collations60),
  utf8mb4_bin: verifyBefore9(SRC.collations60),
  utf8mb4_unicode_ci: verifyBefore9(SRC.collations60),
  koi8r_general_ci: verifyBefore9(SRC.collations60),
  koi8r_bin: verifyBefore9(SRC.collations60),
  euckr_korean_ci: verifyBefore9(SRC.collations60),
  euckr_bin: verifyBefore9(SRC.collations60),
  latin1_swedish_ci_legacy: legacy(),
  latin1_general_ci_legacy: legacy(),
  latin1_general_cs_legacy: legacy(),
  utf8_general_ci_legacy: legacy(),
  utf8mb3_general_ci: utf8mb3Collation(),
  utf8mb3_bin: utf8mb3Collation(),
  utf8mb3_unicode_ci: utf8mb3Collation(),
  cp850_general_ci: [{ since: 'xpand-6.1', support: 'supported', source: SRC.cp850Collation }],
  cp850_bin: [{ since: 'xpand-6.1', support: 'unverified', source: SRC.cp850Collation }],
};

/** Every character set MySQL 8.4 / MariaDB 11 knows (so unknown words are not taken for one). */
export const MYSQL_CHARSETS: ReadonlySet<string> = new Set([
  'armscii8',
  'ascii',
  'big5',
  'binary',
  'cp1250',
  'cp1251',
  'cp1256',
  'cp1257',
  'cp850',
  'cp852',
  'cp866',
  'cp932',
  'dec8',
  'eucjpms',
  'euckr',
  'gb18030',
  'gb2312',
  'gbk',
  'geostd8',
  'greek',
  'hebrew',
  'hp8',
  'keybcs2',
  'koi8r',
  'koi8u',
  'latin1',
  'latin2',
  'latin5',
  'latin7',
  'macce',
  'macroman',
  'sjis',
  'swe7',
  'tis620',
  'ucs2',
  'ujis',
  'utf16',
  'utf16le',
  'utf32',
  'utf8',
  'utf8mb3',
  'utf8mb4',
]);

export interface SupportInfo {
  readonly support: Support;
  readonly source: Source | null;
}

export function charsetSupport(name: string, target: Target): SupportInfo {
  const facts = CHARSET_FACTS[name.toLowerCase()];
  return facts ? supportAt(facts, target) : { support: 'unsupported', source: SRC.charsets2309 };
}

export function collationSupport(name: string, target: Target): SupportInfo {
  const facts = COLLATION_FACTS[name.toLowerCase()];
  return facts ? supportAt(facts, target) : { support: 'unsupported', source: SRC.collations60 };
}

/** True when `name` is a character set MySQL knows. */
export function isMysqlCharset(name: string): boolean {
  return MYSQL_CHARSETS.has(name.toLowerCase());
}

/** Suggested replacement for an unsupported character set, with whether meaning is kept. */
export interface CharsetReplacement {
  readonly name: string;
  readonly safe: boolean;
  /** What changes, for the finding's message. */
  readonly effect: string;
}

/** The nearest supported character set on `target`, or null when a human must decide. */
export function replacementCharset(name: string, target: Target): CharsetReplacement | null {
  const lower = name.toLowerCase();
  const pick = (candidate: string, safe: boolean, effect: string): CharsetReplacement | null =>
    charsetSupport(candidate, target).support === 'supported' ? { name: candidate, safe, effect } : null;
  switch (lower) {
    case 'ascii':
      // The vendor's advice for SET NAMES ascii: use latin1 (a superset; same bytes for ASCII).
      return pick('latin1', true, 'latin1 stores every ASCII character unchanged');
    case 'utf8mb3':
      return pick('utf8', true, 'utf8 is the same 3-byte UTF-8 under its older name');
    case 'ucs2':
    case 'utf16':
    case 'utf16le':
    case 'utf32':
      return (
        pick('utf8mb4', true, 'utf8mb4 stores every Unicode character, but byte lengths and LENGTH() results change') ??
        pick('utf8', false, 'utf8 cannot store characters outside the Basic Multilingual Plane')
      );
    default:
      return null;
  }
}

/** How a collation compares text, read from its name. */
interface CollationTraits {
  readonly charset: string;
  readonly caseSensitive: boolean;
  readonly accentSensitive: boolean;
  readonly binary: boolean;
  /** 'uca' for Unicode Collation Algorithm based, 'general' for the simple tables. */
  readonly family: 'uca' | 'general' | 'binary';
  /** A language tailoring (german2, swedish, …) or null. */
  readonly language: string | null;
}

const GENERIC_PARTS = new Set([
  'general',
  'unicode',
  'bin',
  'ci',
  'cs',
  'ai',
  'as',
  'ks',
  'nopad',
  '0900',
  '520',
  'uca1400',
  'mysql500',
  'legacy',
  'pad',
  'space',
]);

function collationTraits(name: string): CollationTraits | null {
  const lower = name.toLowerCase();
  if (lower === 'binary') {
    return {
      charset: 'binary',
      caseSensitive: true,
      accentSensitive: true,
      binary: true,
      family: 'binary',
      language: null,
    };
  }
  const charset = [...MYSQL_CHARSETS].filter((c) => lower.startsWith(c + '_')).sort((a, b) => b.length - a.length)[0];
  if (charset === undefined) return null;
  const parts = lower.slice(charset.length + 1).split('_');
  const binary = parts.includes('bin');
  const caseSensitive = binary || parts.includes('cs');
  const accentSensitive = binary || parts.includes('as') || (parts.includes('cs') && !parts.includes('ai'));
  const family = binary
    ? 'binary'
    : parts.some((p) => p === 'unicode' || p === '0900' || p === '520' || p === 'uca1400')
      ? 'uca'
      : 'general';
  const languageParts = parts.filter((p) => !GENERIC_PARTS.has(p));
  return {
    charset,
    caseSensitive,
    accentSensitive,
    binary,
    family,
    language: languageParts.length > 0 ? languageParts.join('_') : null,
  };
}

export interface CollationReplacement {
  readonly name: string;
  readonly safe: boolean;
  readonly effect: string;
}

/**
 * The nearest supported collation on `target` (knowledge base §2.3), or null when none is close
 * enough to choose without a human. `safe` is true when case and accent sensitivity are kept.
 */
export function replacementCollation(name: string, target: Target): CollationReplacement | null {
  const from = collationTraits(name);
  if (from === null) return null;
  let charset = from.charset;
  if (charsetSupport(charset, target).support !== 'supported') {
    const c = replacementCharset(charset, target);
    if (c === null) return null;
    charset = c.name;
  }
  const supported = (c: string): boolean => collationSupport(c, target).support === 'supported';
  const candidates: string[] = [];
  if (from.binary) candidates.push(`${charset}_bin`);
  else if (from.caseSensitive) candidates.push(`${charset}_general_cs`, `${charset}_bin`);
  else if (from.family === 'uca' || from.language !== null)
    candidates.push(`${charset}_unicode_ci`, `${charset}_general_ci`);
  else candidates.push(`${charset}_general_ci`, `${charset}_unicode_ci`);
  if (charset === 'latin1' && !from.caseSensitive) candidates.push('latin1_swedish_ci');
  const pick = candidates.find(supported);
  if (pick === undefined) return null;
  const to = collationTraits(pick)!;
  const changes: string[] = [];
  if (to.caseSensitive !== from.caseSensitive)
    changes.push(to.caseSensitive ? 'comparisons become case-sensitive' : 'comparisons become case-insensitive');
  if (to.accentSensitive !== from.accentSensitive)
    changes.push(to.accentSensitive ? 'comparisons become accent-sensitive' : 'comparisons become accent-insensitive');
  if (from.language !== null) changes.push(`the ${from.language} language rules for sorting are lost`);
  if (charset !== from.charset) changes.push(`the character set becomes ${charset}`);
  if (changes.length === 0) {
    changes.push(
      to.binary
        ? 'sort order becomes byte order'
        : 'sort order of some characters and trailing-space handling may differ',
    );
  }
  return {
    name: pick,
    safe: to.caseSensitive === from.caseSensitive && to.accentSensitive === from.accentSensitive,
    effect: changes.join('; '),
  };
}

/** Partition types: only RANGE is supported on every ClustrixDB/Xpand version. */
export const PARTITIONING = {
  supportedTypes: new Set(['RANGE']),
  subpartitions: false,
  source: SRC.partitions,
} as const;

/** Index structures: every ClustrixDB/Xpand index is a B+tree; a requested HASH is not honoured. */
export const INDEX_TYPES = {
  supported: new Set(['BTREE']),
  source: SRC.createIndex,
} as const;

/** Source for SET NAMES ascii and other unsupported features. */
export const UNSUPPORTED_FEATURES_SOURCE = SRC.unsupportedNamesAscii;

/** True when `target` is at or after the target `since` (and at or before `until`, if given). */
export function targetInRange(target: Target, since: string, until?: string): boolean {
  return target.order >= order(since) && (until === undefined || target.order <= order(until));
}

const MORE = {
  compatibility: { url: 'https://docs.clustrix.com/display/CLXDOC/MySQL+Compatibility', evidence: 'sourced' },
  esCompat: { url: 'https://mariadb.com/docs/xpand/migration/to-xpand/compatibility/es/', evidence: 'sourced' },
  unsupported: { url: 'https://mariadb.com/docs/all/ref/xpand/unsupported-features/', evidence: 'sourced' },
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
  ddl92: {
    url: 'https://docs.clustrix.com/pages/diffpagesbyversion.action?pageId=10912428&selectedPageVersions=3&selectedPageVersions=4',
    evidence: 'sourced',
  },
  check: { url: 'https://mariadb.com/docs/sql/features/constraints/xpand/check/', evidence: 'sourced' },
  events: {
    url: 'https://www.mariadb.com/docs/skysql-previous-release/ref/xpand/privileges/EVENT',
    evidence: 'sourced',
  },
  views: { url: 'https://mariadb.com/docs/all/ref/xpand/sql-statements/CREATE_VIEW/', evidence: 'sourced' },
  routines: { url: 'https://docs.clustrix.com/display/CLXDOC/Stored+Routines', evidence: 'sourced' },
  writes: { url: 'https://mariadb.com/docs/xpand/sql/statements/write/xpand/', evidence: 'sourced' },
  reads: { url: 'https://mariadb.com/docs/xpand/sql/statements/read/xpand/', evidence: 'sourced' },
  sqlModes: { url: 'https://mariadb.com/docs/xpand/ref/xpand23.09/sql-modes', evidence: 'sourced' },
  generalDifferences: {
    url: 'https://docs.clustrix.com/display/CLXDOC/General+Differences+from+MySQL',
    evidence: 'sourced',
  },
  invisible: { url: 'https://docs.clustrix.com/display/SAG90/Invisible+Indexes', evidence: 'sourced' },
  json: { url: 'https://docs.clustrix.com/display/SAG90/JSON', evidence: 'sourced' },
  createTableSelect: { url: 'https://docs.clustrix.com/display/CLXDOC/Stored+Routines', evidence: 'sourced' },
} as const satisfies Record<string, Source>;

export const SOURCES = MORE;

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
  source: MORE.engines,
  memorySource: MORE.inMemory,
} as const;

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
  source: MORE.createTable,
} as const;

/** Words reserved in ClustrixDB/Xpand but not in MySQL/MariaDB. */
export const RESERVED_WORDS = {
  words: new Set(['COMPLEMENT', 'FULL', 'LEGACY', 'SIGNED', 'TEMPORARY']),
  source: MORE.esCompat,
} as const;

/** Documented limits (knowledge base row 48, §4). */
export const LIMITS = {
  columnsPerTable: 200,
  tablesPerCluster: 2000,
  partitionsPerTable: 64,
  decimalPrecision: 65,
  decimalScale: 30,
  source: MORE.generalDifferences,
  partitionSource: SRC.partitions,
  decimalSource: MORE.createTableXpand,
} as const;

/**
 * How ClustrixDB/Xpand treat the server variables a live server is checked for (knowledge base
 * rows 36, 47, 51 and xpand-mysql8 rows 8c, 21a, 21f). sql_mode is SQL_MODES, engines ENGINES.
 */
export const SERVER_VARIABLES = {
  /** `mysql_version`: the MySQL version they report (configurable on the cluster) [S]. */
  reportedVersion: '5.0.45',
  /** How the version string reads, by product [S]. */
  versionString: { clustrixdb: '5.0.45-clustrix-', xpand: '5.0.45-Xpand-' },
  versionSource: { url: 'https://mariadb.com/docs/xpand/migration/to-xpand/compatibility/mysql/', evidence: 'sourced' },
  /** The server defaults unless character_set_server / collation_server are changed [S]. */
  defaultCharset: 'utf8',
  defaultCollation: 'utf8_general_ci',
  charsetSource: {
    url: 'https://mariadb.com/docs/reference/xpand/sql-statements/ALTER_DATABASE/',
    evidence: 'sourced',
  },
  /** Names compare case-insensitively, stored as written: lower_case_table_names is fixed at 1 [S]. */
  lowerCaseTableNames: '1',
  namesSource: MORE.compatibility,
  /** There is no event scheduler [S]. */
  eventScheduler: false,
  eventsSource: MORE.events,
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
  source: MORE.sqlModes,
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

/** Features that exist only from some version on. */
export const VERSIONED_FEATURES = {
  json: { since: 'clustrixdb-9.0', source: MORE.json },
  invisibleIndex: { since: 'clustrixdb-9.0', source: MORE.invisible },
  nationalVarchar: { since: 'xpand-6.1', source: MORE.dataTypes },
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
  source: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/ALTER_TABLE/', evidence: 'inferred' },
} as const satisfies { variables: ReadonlySet<string>; indexTypes: ReadonlySet<string>; source: Source };

/** The mysql and mariadb clients: what they do with a script before the server sees it. */
export const CLIENT_SOURCES = {
  /** The client's own commands (use, source, delimiter, …): sourced. */
  commands: { url: 'https://dev.mysql.com/doc/refman/8.4/en/mysql-commands.html', evidence: 'sourced' },
  /** mariadb-dump's first line `/*M!999999\- enable the sandbox mode *\/`: sourced. */
  sandbox: { url: 'https://mariadb.org/mariadb-dump-file-compatibility-change/', evidence: 'sourced' },
  /**
   * A delimiter other than `;` makes the client send `a; b; c` as one request, which the server
   * runs statement by statement (the client enables multi-statements): sourced for MySQL. Whether
   * Xpand takes multi-statement requests is not documented (xpand-mysql8.md row 16).
   */
  multiStatements: { url: 'https://dev.mysql.com/doc/c-api/8.4/en/c-api-multiple-queries.html', evidence: 'inferred' },
} as const satisfies Record<string, Source>;

/**
 * How Xpand places rows and index entries (knowledge base §5.3, §7; xpand-mysql8.md rows 19–20),
 * read by the advice rules (`prefer-*`):
 * - every index, the primary key included, is a "representation" hash-distributed on its first
 *   column, or on its first n columns with `DISTRIBUTE=n` [S];
 * - DISTRIBUTE of a primary key is at most its own column count; of another index, at most its
 *   columns plus the primary key's [S];
 * - a representation is cut into SLICES (default: one per node); a representation should never
 *   have fewer slices than the cluster has nodes [S]; a slice that grows past
 *   rebalancer_split_threshold_kb (8 GB) is split by hash range [S];
 * - so the rows of one distribution-key value always share one slice, however many they are, and
 *   a key of v values fills at most v slices [I, from the two facts above];
 * - Xpand runs `/*$ … *\/` comments, which every other database ignores [S]: Xpand-only options
 *   written there keep a script loadable on MySQL.
 */
export const DISTRIBUTION = {
  /**
   * The versions whose documentation says all this (ClustrixDB 9.x and Xpand). ClustrixDB 7.0's
   * manual said an index was distributed on all of its columns by default; 7.5–8.5 say nothing
   * found: the advice is given from 9.0 on only.
   */
  since: 'clustrixdb-9.0',
  defaultDistribute: 1,
  /**
   * The most nodes the vendor's own service (SkySQL, Power tier) offers a cluster: 21 [S]. A count
   * that reaches it (slices, distinct key values) cannot leave nodes of such a cluster empty.
   */
  largestOfferedClusterNodes: 21,
  /** Xpand recommends at most 64 partitions per table [S]: SLICES sized from more is not proposed. */
  maxSlicesFromPartitions: 64,
  source: { url: 'https://docs.clustrix.com/display/CLXDOC/DISTRIBUTE', evidence: 'sourced' },
  slicesSource: {
    url: 'https://mariadb.com/docs/xpand/sql/statements/schema/tables/xpand/options/SLICES/',
    evidence: 'sourced',
  },
  clusterSizesSource: {
    url: 'https://mariadb.com/docs/server/selections/nr-launch-time-xpand-node-count/',
    evidence: 'sourced',
  },
  executableCommentSource: {
    url: 'https://mariadb.com/docs/xpand/sql/statements/schema/tables/xpand/',
    evidence: 'sourced',
  },
  /**
   * Xpand distributes data itself and needs no partitioning for it [S]; that HASH/KEY partitioning
   * columns leading the primary key with DISTRIBUTE keep its spreading is our inference [I].
   */
  partitioningSource: { url: 'https://mariadb.com/docs/sql/statements/schema/partitions/xpand/', evidence: 'inferred' },
} as const satisfies Record<string, string | number | Source>;

/**
 * AUTO_INCREMENT and AUTO_UNIQUE (xpand-mysql8.md 19a–19b): Xpand keeps AUTO_INCREMENT values
 * consecutive by serializing their generation, a bottleneck under concurrent inserts; AUTO_UNIQUE
 * values are unique, neither ordered nor consecutive, and cheaper; an AUTO_UNIQUE column must be
 * BIGINT(0) UNSIGNED [S].
 */
export const AUTO_UNIQUE = {
  /** Documented in the ClustrixDB 9.x manual and for Xpand; not found for older versions. */
  since: 'clustrixdb-9.0',
  type: 'BIGINT(0) UNSIGNED',
  source: { url: 'https://docs.clustrix.com/display/CLXDOC/Using+AUTO_UNIQUE', evidence: 'sourced' },
} as const;

/**
 * A table without a primary key gets a hidden one, and the primary key is what distributes the
 * table's rows [S]; row-based replication (which Xpand's parallel replication needs) finds each
 * replicated row by its primary key and scans the table when there is none [S].
 */
export const PRIMARY_KEY = {
  /** Parallel replication and its need of primary keys are documented for Xpand. */
  since: 'xpand-5.3',
  hiddenSource: { url: 'https://mariadb.com/docs/sql/features/constraints/xpand/primary-key/', evidence: 'sourced' },
  source: {
    url: 'https://mariadb.com/docs/data-operations/replication/xpand/parallel-replication/',
    evidence: 'sourced',
  },
} as const satisfies Record<string, string | Source>;

/**
 * MySQL 8-era DDL on ClustrixDB/Xpand (shared/docs/xpand-mysql8.md). Where the vendor is silent
 * the fact is our inference from its grammar pages, and marked so; rules phrase such findings as
 * "not documented, test it on a real cluster".
 */
const MYSQL8_SRC = {
  // The CREATE INDEX grammar: `(col[, col ...]) [(ASC | DESC)]`, column names only (ref 5.3.13+ … 23.09.1+).
  indexGrammar: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/CREATE_INDEX/', evidence: 'inferred' },
  // "Generated columns can be used to simulate the behavior of … a functional index".
  generatedColumns: {
    url: 'https://mariadb.com/docs/ent/sql/statements/schema/columns/generated-columns/xpand/',
    evidence: 'sourced',
  },
  // JSON is "Beta"; "you can index a JSON attribute by creating a generated column".
  json: { url: 'https://mariadb.com/docs/sql/features/json/xpand/', evidence: 'inferred' },
  // No Xpand page mentions INVISIBLE columns or DEFAULT (expression); the CREATE TABLE grammar has neither.
  createTable: { url: 'https://mariadb.com/docs/reference/xpand/sql-statements/CREATE_TABLE/', evidence: 'inferred' },
  // "MariaDB Xpand supports the syntax for CHECK constraints, but Xpand does not enforce the CHECK constraint".
  check: { url: 'https://mariadb.com/docs/sql/features/constraints/xpand/check/', evidence: 'sourced' },
  // ClustrixDB 9.2: "ALTER TABLE does not support the CHECK CONSTRAINT syntax."
  alterCheck: {
    url: 'https://docs.clustrix.com/pages/diffpagesbyversion.action?pageId=10912428&selectedPageVersions=3&selectedPageVersions=4',
    evidence: 'sourced',
  },
  // CREATE VIEW: `[ALGORITHM = {MERGE | TEMPTABLE}]`; DEFINER and SQL SECURITY "ignored".
  views: { url: 'https://mariadb.com/docs/all/ref/xpand/sql-statements/CREATE_VIEW/', evidence: 'sourced' },
  // "Xpand performs online schema changes without blocking reads or writes to a table."
  onlineAlter: {
    url: 'https://mariadb.com/docs/all/sql/statements/schema/online-schema-changes/xpand/',
    evidence: 'sourced',
  },
} as const satisfies Record<string, Source>;

export const MYSQL8_DDL = {
  /** `INDEX ((expr))`: not in the grammar, expect a syntax error [I]; workaround: a generated column [S]. */
  functionalKeyParts: { source: MYSQL8_SRC.indexGrammar, workaround: MYSQL8_SRC.generatedColumns },
  /** `CAST(… AS … ARRAY)` key parts: undocumented, JSON is beta and indexed through generated columns [I]. */
  multiValuedIndexes: { source: MYSQL8_SRC.json },
  /** `col DESC`: one ASC|DESC after the column list in the grammar [S]; per key part and kept order undocumented [I]. */
  descendingKeyParts: { source: MYSQL8_SRC.indexGrammar },
  /** INVISIBLE columns (MySQL 8.0.23, MariaDB 10.3): no Xpand page, not in the CREATE TABLE grammar [I]. */
  invisibleColumns: { source: MYSQL8_SRC.createTable },
  /** DEFAULT (expression) (MySQL 8.0.13): no Xpand page; the grammar shows literal defaults [I]. */
  expressionDefaults: { source: MYSQL8_SRC.createTable },
  /** CHECK is parsed in CREATE TABLE and never enforced [S]; whether `[NOT] ENFORCED` parses is unknown [I]. */
  checkEnforced: { source: MYSQL8_SRC.check },
  /** CHECK syntax in ALTER TABLE (ADD, ALTER, DROP CHECK) is not supported (ClustrixDB 9.2) [S]. */
  alterCheck: { source: MYSQL8_SRC.alterCheck },
  /** View algorithms in the CREATE VIEW grammar [S]; UNDEFINED (MySQL's default) is not among them [I]. */
  viewAlgorithms: { supported: new Set(['MERGE', 'TEMPTABLE']), source: MYSQL8_SRC.views },
  /** `SQL SECURITY` and `DEFINER=` on views are accepted and ignored [S]. */
  viewSqlSecurity: { source: MYSQL8_SRC.views },
  /**
   * Every ALTER is online [S]; `ALGORITHM=INPLACE/INSTANT/COPY` is not documented [I], so it has
   * no purpose there and may not parse.
   */
  alterAlgorithm: { source: { url: MYSQL8_SRC.onlineAlter.url, evidence: 'inferred' } as Source },
  /**
   * "Xpand does not allow foreign keys with non-unique parents with referential actions CASCADE
   * or SET NULL." [S] (InnoDB allows a parent key that is any index.)
   */
  foreignKeyParents: {
    refusedActions: new Set(['CASCADE', 'SET NULL']),
    source: { url: 'https://docs.clustrix.com/display/CLXDOC/Foreign+Keys', evidence: 'sourced' } as Source,
  },
} as const;

/**
 * Sequences (MariaDB 10.3's CREATE SEQUENCE): "ClustrixDB does not support: … CREATE SEQUENCE"
 * (9.2) [S]; Xpand's statement index lists ALTER SEQUENCE from 5.3 on, which no page confirms [I].
 */
export const SEQUENCES = {
  unsupported: { since: 'clustrixdb-7.0', until: 'clustrixdb-9.2' },
  source: MORE.ddl92,
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
