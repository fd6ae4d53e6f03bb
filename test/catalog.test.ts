import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARGET_ID,
  TARGETS,
  charsetSupport,
  collationSupport,
  getTarget,
  replacementCharset,
  replacementCollation,
} from '../src/core/catalog/index.js';
import { ConfigError } from '../src/core/errors.js';
import { ROOT } from './helpers/paths.js';

describe('catalog', () => {
  it('lists targets oldest first, ClustrixDB 7.0 through Xpand 23.09, newest as default', () => {
    expect(TARGETS[0]!.id).toBe('clustrixdb-7.0');
    expect(TARGETS.at(-1)!.id).toBe(DEFAULT_TARGET_ID);
    expect(TARGETS.map((t) => t.id)).toContain('clustrixdb-9.2');
    expect(TARGETS.map((t) => t.id)).toContain('xpand-6.1');
    expect(getTarget().id).toBe('xpand-23.09');
    expect(getTarget('XPAND-6.1').name).toBe('Xpand 6.1');
    expect(() => getTarget('mysql-8.0')).toThrow(ConfigError);
  });

  it.each([
    ['utf8mb3', 'xpand-5.3', 'unsupported'],
    ['utf8mb3', 'xpand-6.0', 'supported'],
    ['cp850', 'xpand-6.0', 'unsupported'],
    ['cp850', 'xpand-6.1', 'supported'],
    ['utf8mb4', 'clustrixdb-8.5', 'unverified'],
    ['utf8mb4', 'clustrixdb-9.2', 'supported'],
    ['ascii', 'xpand-23.09', 'unsupported'],
    ['latin1', 'clustrixdb-7.0', 'supported'],
  ])('charset %s on %s is %s', (name, target, support) => {
    expect(charsetSupport(name, getTarget(target)).support).toBe(support);
  });

  it.each([
    ['latin1_general_cs', 'xpand-23.09', 'supported'],
    ['latin1_general_cs', 'clustrixdb-8.0', 'unverified'],
    ['utf8_general_ci_legacy', 'xpand-6.0', 'deprecated'],
    ['utf8mb4_0900_ai_ci', 'xpand-23.09', 'unsupported'],
    ['UTF8_BIN', 'clustrixdb-7.0', 'supported'],
  ])('collation %s on %s is %s', (name, target, support) => {
    expect(collationSupport(name, getTarget(target)).support).toBe(support);
  });

  it('every fact names an https source', () => {
    for (const t of TARGETS) {
      for (const name of ['latin1', 'utf8mb4', 'utf8mb3', 'cp850', 'ascii']) {
        const s = charsetSupport(name, t).source;
        if (s) expect(s.url).toMatch(/^https:\/\//);
      }
    }
  });

  it.each([
    ['utf8mb4_0900_ai_ci', 'utf8mb4_unicode_ci', true],
    ['utf8mb4_0900_as_cs', 'utf8mb4_bin', true],
    ['utf8mb4_0900_bin', 'utf8mb4_bin', true],
    ['utf8mb4_0900_as_ci', 'utf8mb4_unicode_ci', false],
    ['utf8mb4_general_nopad_ci', 'utf8mb4_general_ci', true],
    ['utf8mb4_de_pb_0900_ai_ci', 'utf8mb4_unicode_ci', true],
    ['utf8_unicode_520_ci', 'utf8_unicode_ci', true],
    ['latin1_german2_ci', 'latin1_general_ci', true],
    ['ascii_general_ci', 'latin1_general_ci', true],
    ['ascii_bin', 'latin1_bin', true],
    ['utf16_general_ci', 'utf8mb4_general_ci', true],
  ])('replaces %s with %s (safe: %s) on the newest target', (from, to, safe) => {
    const r = replacementCollation(from, getTarget());
    expect(r?.name).toBe(to);
    expect(r?.safe).toBe(safe);
    expect(r?.effect.length).toBeGreaterThan(10);
  });

  it('has no replacement for charsets without an equivalent', () => {
    expect(replacementCollation('gbk_chinese_ci', getTarget())).toBeNull();
    expect(replacementCharset('latin2', getTarget())).toBeNull();
    expect(replacementCharset('ascii', getTarget())?.name).toBe('latin1');
  });
});

describe('constructs of the knowledge base', () => {
  it('covers rows 1–58, each by existing rules or with a reason', async () => {
    const { CONSTRUCTS } = await import('./data/constructs.js');
    const { allRules } = await import('../rules/index.js');
    const ids = new Set(allRules.map((r) => r.meta.id));
    const rows = CONSTRUCTS.filter((c) => 'row' in c);
    expect(rows.map((c) => c.row)).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
    for (const c of CONSTRUCTS) {
      const where = 'row' in c ? `row ${c.row}` : `§${c.section}`;
      for (const id of c.rules) expect(ids.has(id), `${where}: unknown rule ${id}`).toBe(true);
      if (c.rules.length === 0) expect(c.note, `${where} needs a reason`).toMatch(/\S.{20,}/);
      // A construct outside the summary table is there because a rule rests on it.
      if (!('row' in c)) expect(c.rules.length, where).toBeGreaterThan(0);
    }
  });

  it('every rule covers a row of one of the two knowledge bases', async () => {
    const { CONSTRUCTS, MYSQL8_CONSTRUCTS, MYSQL8_OTHER_CONSTRUCTS } = await import('./data/constructs.js');
    const { allRules } = await import('../rules/index.js');
    const covered = new Set([...CONSTRUCTS, ...MYSQL8_CONSTRUCTS, ...MYSQL8_OTHER_CONSTRUCTS].flatMap((c) => c.rules));
    // Not constructs of the knowledge bases: what the tool cannot read, or cannot classify.
    const unused = allRules
      .map((r) => r.meta.id)
      .filter((id) => !covered.has(id) && id !== 'unrecognized-statement' && id !== 'unreadable-object');
    expect(unused, 'rules that no construct row mentions').toEqual([]);
  });
});

/** The row ids of shared/docs/xpand-mysql8.md's table, in order. */
const MYSQL8_ROWS = [
  ...['1a', '1b', '2', '3', '4a', '4b', '4c', '5a', '5b', '6a', '6b', '6c', '7a', '7b', '7c', '8a', '8b', '8c'],
  ...['9a', '9b', '10a', '10b', '11a', '11b', '11c', '11d', '11e', '11f', '11g', '11h', '12'],
  ...['13a', '13b', '13c', '13d', '14a', '14b', '14c', '14d', '14e', '15a', '15b', '15c', '16'],
  ...['17a', '17b', '17c', '17d', '17e', '17f', '17g', '18a', '18b', '18c', '19a', '19b', '19c'],
  ...['20a', '20b', '20c', '20d', '20e', '20f', '21a', '21b', '21c', '21d', '21e', '21f'],
];
const MYSQL8_DOC = join(ROOT, '..', 'shared', 'docs', 'xpand-mysql8.md');
const mysql8Doc = existsSync(MYSQL8_DOC) ? readFileSync(MYSQL8_DOC, 'utf8') : null;
if (mysql8Doc === null && process.env.CI === 'true') throw new Error(`CI=true but ${MYSQL8_DOC} is missing`);

describe('MySQL 8-era constructs (shared/docs/xpand-mysql8.md)', () => {
  it('covers rows 1a–21f, each by existing rules or with a reason', async () => {
    const { MYSQL8_CONSTRUCTS } = await import('./data/constructs.js');
    const { rules } = await import('../rules/index.js');
    const ids = new Set(rules.map((r) => r.meta.id));
    expect(MYSQL8_CONSTRUCTS.map((c) => c.row)).toEqual(MYSQL8_ROWS);
    for (const c of MYSQL8_CONSTRUCTS) {
      for (const id of c.rules) expect(ids.has(id), `row ${c.row}: unknown rule ${id}`).toBe(true);
      if (c.rules.length === 0) expect(c.note, `row ${c.row} needs a reason`).toMatch(/\S.{20,}/);
    }
  });

  it('covers the other list, items 1–22, each by existing rules or with a reason', async () => {
    const { MYSQL8_OTHER_CONSTRUCTS } = await import('./data/constructs.js');
    const { rules } = await import('../rules/index.js');
    const ids = new Set(rules.map((r) => r.meta.id));
    expect(MYSQL8_OTHER_CONSTRUCTS.map((c) => c.row)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    for (const c of MYSQL8_OTHER_CONSTRUCTS) {
      for (const id of c.rules) expect(ids.has(id), `item ${c.row}: unknown rule ${id}`).toBe(true);
      if (c.rules.length === 0) expect(c.note, `item ${c.row} needs a reason`).toMatch(/\S.{20,}/);
    }
  });

  it.skipIf(mysql8Doc === null)(
    `the row list is the document's (${mysql8Doc === null ? `${MYSQL8_DOC} absent; skipped` : 'present'})`,
    () => {
      const rows = [...mysql8Doc!.matchAll(/^\| (\d+[a-z]?) \|/gm)].map((m) => m[1]);
      expect(rows).toEqual(MYSQL8_ROWS);
      const other = /^## Other unsupported[^\n]*\n([\s\S]*?)^## /m.exec(mysql8Doc!)![1]!;
      expect([...other.matchAll(/^(\d+)\. /gm)].map((m) => m[1])).toEqual(
        Array.from({ length: 22 }, (_, i) => String(i + 1)),
      );
    },
  );
});
