// Character sets and collations on each target (knowledge base §2), and the replacement logic
// the charset and collation rules use: the nearest supported character set or collation, whether
// the change keeps meaning, and what changes. Every fact names its source and whether the source
// states it ('sourced') or we inferred it ('inferred').
import { inferredFrom, SOURCES, type Source } from './sources.js';
import { supportAt, type SupportInfo, type Target, type VersionedSupport } from './targets.js';

/** What ClustrixDB versions before Xpand probably had: inferred from the Xpand 5.3 collations page. */
const CLUSTRIX_INFERRED: Source = inferredFrom(SOURCES.collations53);

/** Character sets ClustrixDB/Xpand know, by version. Anything absent is unsupported everywhere. */
const CHARSET_FACTS: Record<string, readonly VersionedSupport[]> = {
  binary: [{ since: 'clustrixdb-7.0', support: 'supported', source: SOURCES.charsets60 }],
  latin1: [{ since: 'clustrixdb-7.0', support: 'supported', source: SOURCES.charsets60 }],
  utf8: [{ since: 'clustrixdb-7.0', support: 'supported', source: SOURCES.charsets60 }],
  utf8mb4: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: CLUSTRIX_INFERRED },
    { since: 'clustrixdb-9.0', until: 'clustrixdb-9.2', support: 'supported', source: CLUSTRIX_INFERRED },
    { since: 'xpand-5.3', support: 'supported', source: SOURCES.charsets60 },
  ],
  koi8r: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: CLUSTRIX_INFERRED },
    { since: 'clustrixdb-9.0', support: 'supported', source: SOURCES.charsets60 },
  ],
  euckr: [
    { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: CLUSTRIX_INFERRED },
    { since: 'clustrixdb-9.0', support: 'supported', source: SOURCES.charsets60 },
  ],
  // Added in 5.3.23 and 6.0.3 (the first 6.0 GA); a 5.3 target may be older than 5.3.23.
  utf8mb3: [{ since: 'xpand-6.0', support: 'supported', source: SOURCES.utf8mb3 }],
  cp850: [{ since: 'xpand-6.1', support: 'supported', source: SOURCES.cp850 }],
};

const everywhere = (source: Source): VersionedSupport[] => [{ since: 'clustrixdb-7.0', support: 'supported', source }];
const verifyBefore9 = (source: Source): VersionedSupport[] => [
  { since: 'clustrixdb-7.0', until: 'clustrixdb-8.5', support: 'unverified', source: CLUSTRIX_INFERRED },
  { since: 'clustrixdb-9.0', until: 'clustrixdb-9.2', support: 'supported', source: CLUSTRIX_INFERRED },
  { since: 'xpand-5.3', support: 'supported', source },
];
const legacy = (): VersionedSupport[] => [
  { since: 'clustrixdb-7.0', until: 'clustrixdb-9.2', support: 'unverified', source: CLUSTRIX_INFERRED },
  { since: 'xpand-5.3', support: 'deprecated', source: SOURCES.collations60 },
];
const utf8mb3Collation = (): VersionedSupport[] => [
  { since: 'xpand-6.0', support: 'supported', source: SOURCES.utf8mb3 },
];

/** Collations by version (knowledge base §2.2 and V.3). Anything absent is unsupported everywhere. */
const COLLATION_FACTS: Record<string, readonly VersionedSupport[]> = {
  binary: everywhere(SOURCES.collations60),
  latin1_swedish_ci: everywhere(SOURCES.collations60),
  latin1_bin: everywhere(SOURCES.collations60),
  utf8_general_ci: everywhere(SOURCES.collations60),
  utf8_bin: everywhere(SOURCES.collations60),
  latin1_general_ci: verifyBefore9(SOURCES.collations60),
  latin1_general_cs: verifyBefore9(SOURCES.collations60),
  utf8_unicode_ci: verifyBefore9(SOURCES.collations60),
  utf8mb4_general_ci: verifyBefore9(SOURCES.collations60),
  utf8mb4_bin: verifyBefore9(SOURCES.collations60),
  utf8mb4_unicode_ci: verifyBefore9(SOURCES.collations60),
  koi8r_general_ci: verifyBefore9(SOURCES.collations60),
  koi8r_bin: verifyBefore9(SOURCES.collations60),
  euckr_korean_ci: verifyBefore9(SOURCES.collations60),
  euckr_bin: verifyBefore9(SOURCES.collations60),
  latin1_swedish_ci_legacy: legacy(),
  latin1_general_ci_legacy: legacy(),
  latin1_general_cs_legacy: legacy(),
  utf8_general_ci_legacy: legacy(),
  utf8mb3_general_ci: utf8mb3Collation(),
  utf8mb3_bin: utf8mb3Collation(),
  utf8mb3_unicode_ci: utf8mb3Collation(),
  cp850_general_ci: [{ since: 'xpand-6.1', support: 'supported', source: SOURCES.cp850Collation }],
  cp850_bin: [{ since: 'xpand-6.1', support: 'unverified', source: SOURCES.cp850Collation }],
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

/** Whether `target` supports the character set `name`, and the source that says so. */
export function charsetSupport(name: string, target: Target): SupportInfo {
  const facts = CHARSET_FACTS[name.toLowerCase()];
  return facts ? supportAt(facts, target) : { support: 'unsupported', source: SOURCES.charsets2309 };
}

/** Whether `target` supports the collation `name`, and the source that says so. */
export function collationSupport(name: string, target: Target): SupportInfo {
  const facts = COLLATION_FACTS[name.toLowerCase()];
  return facts ? supportAt(facts, target) : { support: 'unsupported', source: SOURCES.collations60 };
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
