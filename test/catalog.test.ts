import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARGET_ID,
  TARGETS,
  charsetSupport,
  collationSupport,
  getTarget,
  replacementCharset,
  replacementCollation,
} from '../src/catalog.js';
import { ConfigError } from '../src/errors.js';

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
    const { CONSTRUCTS } = await import('../src/catalog.js');
    const { rules } = await import('../rules/index.js');
    const ids = new Set(rules.map((r) => r.meta.id));
    const rows = CONSTRUCTS.filter((c) => 'row' in c);
    expect(rows.map((c) => c.row)).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
    for (const c of CONSTRUCTS) {
      const where = 'row' in c ? `row ${c.row}` : `§${c.section}`;
      for (const id of c.rules) expect(ids.has(id), `${where}: unknown rule ${id}`).toBe(true);
      if (c.rules.length === 0) expect(c.note, `${where} needs a reason`).toMatch(/\S.{20,}/);
      // A construct outside the summary table is there because a rule rests on it.
      if (!('row' in c)) expect(c.rules.length, where).toBeGreaterThan(0);
    }
    const covered = new Set(CONSTRUCTS.flatMap((c) => c.rules));
    const unused = [...ids].filter((id) => !covered.has(id) && id !== 'unrecognized-statement');
    expect(unused, 'rules that no construct row mentions').toEqual([]);
  });
});
