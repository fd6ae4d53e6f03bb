import { describe, expect, it } from 'vitest';
import { InternalError } from '../src/core/errors.js';
import { lintSource } from '../src/core/engine.js';
import { applyEdits, mergeEdits } from '../src/core/edits.js';
import { MAX_PASSES, fixLoop, selectFixes } from '../src/core/fixer.js';
import { defineRule, type Finding, type Rule } from '../src/core/rule.js';
import { SqlSource } from '../src/core/source.js';

function finding(
  start: number,
  end: number,
  text: string,
  kind: 'safe' | 'lossy' = 'safe',
  extra: Array<[number, number, string]> = [],
): Finding {
  return {
    ruleId: 'r',
    messageId: 'm',
    severity: 'error',
    message: 'm',
    start,
    end,
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    fix: {
      kind,
      title: 't',
      edits: [{ start, end, text }, ...extra.map(([s, e, t]) => ({ start: s, end: e, text: t }))],
    },
  };
}

/** A rule that replaces every `x` word with `text`, for driving the loop. */
function replaceWord(word: string, text: string, kind: 'safe' | 'lossy' = 'safe'): Rule {
  return defineRule({
    meta: {
      id: `replace-${word}`,
      description: 'test',
      severity: 'error',
      fixable: [kind],
      statements: 'all',
      messages: { m: 'found {{word}}' },
      source: { url: 'https://example.invalid', evidence: 'inferred' },
    },
    check(stmt, ctx) {
      for (const t of stmt.code) {
        if (t.kind === 'word' && t.text === word) {
          ctx.report({
            messageId: 'm',
            data: { word },
            start: t.start,
            end: t.end,
            fix: { kind, title: `to ${text}`, edits: [{ start: t.start, end: t.end, text }] },
          });
        }
      }
    },
  });
}

describe('fixer', () => {
  it('applies sorted edits and leaves every other byte alone', () => {
    expect(
      applyEdits('abcdef', [
        { start: 1, end: 2, text: 'X' },
        { start: 4, end: 4, text: '+' },
      ]),
    ).toBe('aXcd+ef');
  });

  it('defers a fix that overlaps one already chosen, and keeps lossy fixes out unless asked', () => {
    const chosen = selectFixes(
      [finding(0, 5, 'a'), finding(3, 8, 'b'), finding(8, 9, 'c'), finding(10, 11, 'd', 'lossy')],
      false,
      20,
    );
    expect(chosen.map((c) => c.edits[0]!.text)).toEqual(['a', 'c']);
    expect(selectFixes([finding(10, 11, 'd', 'lossy')], true, 20)).toHaveLength(1);
  });

  it('treats a multi-edit fix as one: it is deferred whole when any edit overlaps', () => {
    const chosen = selectFixes([finding(0, 2, 'a'), finding(5, 6, 'b', 'safe', [[1, 3, 'z']])], false, 20);
    expect(chosen.map((c) => c.edits.map((e) => e.text).join())).toEqual(['a']);
  });

  it('merges edits: identical once, inside a deletion absorbed, any other overlap refused', () => {
    const e = (start: number, end: number, text = '') => ({ start, end, text });
    expect(mergeEdits([e(5, 6, 'x'), e(0, 2), e(5, 6, 'x')])).toEqual([e(0, 2), e(5, 6, 'x')]);
    expect(mergeEdits([e(3, 4, 'y'), e(0, 10), e(4, 4, '+')])).toEqual([e(0, 10)]);
    // An insert at the start or end of a deletion is not inside it.
    expect(mergeEdits([e(2, 5), e(2, 2, 'a'), e(5, 5, 'b')])).toEqual([e(2, 2, 'a'), e(2, 5), e(5, 5, 'b')]);
    // Inserts at different offsets combine; at one offset they do not.
    expect(mergeEdits([e(7, 7, 'a'), e(3, 3, 'b')])).toEqual([e(3, 3, 'b'), e(7, 7, 'a')]);
    expect(mergeEdits([e(3, 3, 'a'), e(3, 3, 'b')])).toBeNull();
    // Two list-item removals sharing a comma: each was computed without the other.
    expect(mergeEdits([e(0, 6), e(4, 9)])).toBeNull();
    expect(mergeEdits([e(0, 6, 'r'), e(2, 3)])).toBeNull();
  });

  it('rejects edits outside the text or overlapping inside one fix', () => {
    expect(() => selectFixes([finding(0, 50, '')], false, 10)).toThrow(InternalError);
    expect(() => selectFixes([finding(0, 5, '', 'safe', [[3, 6, '']])], false, 10)).toThrow(InternalError);
  });

  it('re-lints between passes until nothing is left, and fixing twice equals fixing once', () => {
    const rules = [replaceWord('a', 'b'), replaceWord('b', 'c')];
    const lint = (s: SqlSource) => lintSource(s, rules);
    const once = fixLoop('SELECT a;', lint, false);
    expect(once.output).toBe('SELECT c;');
    expect(once.passes).toBe(2);
    expect(once.applied.map((a) => [a.ruleId, a.pass])).toEqual([
      ['replace-a', 1],
      ['replace-b', 2],
    ]);
    expect(fixLoop(once.output, lint, false).output).toBe(once.output);
  });

  it(`stops on a cycle and never runs more than ${MAX_PASSES} passes`, () => {
    const cycle = [replaceWord('a', 'b'), replaceWord('b', 'a')];
    const r = fixLoop('SELECT a;', (s) => lintSource(s, cycle), false);
    expect(r.passes).toBeLessThanOrEqual(MAX_PASSES);
    expect(r.passes).toBe(2);
    let n = 0;
    const growing = defineRule({
      ...replaceWord('q', 'q'),
      check(stmt, ctx) {
        const t = stmt.code[stmt.code.length - 1]!;
        n++;
        ctx.report({
          messageId: 'm',
          data: { word: 'q' },
          start: t.end,
          end: t.end,
          fix: { kind: 'safe', title: 'grow', edits: [{ start: t.end, end: t.end, text: ` /* ${n} */` }] },
        });
      },
    });
    const g = fixLoop('SELECT 1;', (s) => lintSource(s, [growing]), false);
    expect(g.passes).toBe(MAX_PASSES);
  });

  it('drops a fix that makes a parsed statement unparsable, says why, and applies the others', () => {
    // Same kind of statement, but no longer SQL: only the parser can tell.
    const breaker = replaceWord('INT', 'INT INT');
    const other = replaceWord('a', 'b');
    const r = fixLoop('CREATE TABLE t (a INT);\nSELECT a;', (s) => lintSource(s, [breaker, other]), false);
    expect(r.output).toBe('CREATE TABLE t (b INT);\nSELECT b;');
    const left = r.remaining.filter((f) => f.ruleId === 'replace-INT');
    expect(left).toHaveLength(1);
    expect(left[0]!.unfixed).toMatch(/no longer parse/);
    // A fix that turns it into another kind of statement is dropped too.
    const kind = fixLoop('CREATE TABLE t (a INT);', (s) => lintSource(s, [replaceWord('TABLE', 'TABEL')]), false);
    expect(kind.output).toBe('CREATE TABLE t (a INT);');
    expect(kind.remaining[0]!.unfixed).toMatch(/kind of statement/);
  });

  it('drops a fix that merges statements (a comment swallowing the delimiter)', () => {
    const swallow = defineRule({
      ...replaceWord('x', 'x'),
      check(stmt, ctx) {
        if (stmt.index !== 0) return;
        ctx.report({
          messageId: 'm',
          data: { word: '' },
          start: stmt.end,
          end: stmt.end,
          fix: { kind: 'safe', title: 'comment', edits: [{ start: stmt.end, end: stmt.end, text: ' -- ' }] },
        });
      },
    });
    const r = fixLoop('SELECT 1;\nSELECT 2;', (s) => lintSource(s, [swallow]), false);
    expect(r.output).toBe('SELECT 1;\nSELECT 2;');
    expect(r.passes).toBe(0);
    expect(r.remaining[0]!.unfixed).toMatch(/statement|delimiter|comment/);
  });

  it('drops a fix that orphans a quote, a comment or an executable-comment delimiter', () => {
    const cut = (pattern: string, title: string) =>
      defineRule({
        ...replaceWord('x', 'x'),
        meta: { ...replaceWord('x', 'x').meta, id: `cut-${title}` },
        check(stmt, ctx) {
          const at = ctx.source.text.indexOf(pattern, stmt.start);
          if (at < 0 || at >= stmt.end) return;
          ctx.report({
            messageId: 'm',
            data: { word: title },
            start: at,
            end: at + pattern.length,
            fix: { kind: 'safe', title, edits: [{ start: at, end: at + pattern.length, text: '' }] },
          });
        },
      });
    const cases: Array<[string, string, RegExp]> = [
      ["SELECT 'a', 'b';", "'a", /quoted|unreadable/],
      ['CREATE TABLE t (a INT /*!50100 , b INT */);', '/*!50100', /executable comment/],
      ['CREATE TABLE t (a INT /*!50100 , b INT */);', '*/', /executable comment/],
      ['SELECT 1 -- c\n, 2;', '\n', /comment|reads/],
      ['CREATE TABLE t (a INT);', ' TABLE', /parse|kind of statement/],
      ['SELECT a b;', ' ', /reads|parse/],
    ];
    for (const [code, pattern, why] of cases) {
      const r = fixLoop(code, (s) => lintSource(s, [cut(pattern, 'cut')]), false);
      expect(r.output, code).toBe(code);
      expect(r.remaining, code).toHaveLength(1);
      expect(r.remaining[0]!.unfixed, code).toMatch(why);
    }
  });

  it('when fixes are fine alone but break a statement together, keeps the first and drops the next', () => {
    // Each removes one of the two spaces between SELECT and 1: together they join the words.
    const space = (at: number, id: string) =>
      defineRule({
        ...replaceWord('x', 'x'),
        meta: { ...replaceWord('x', 'x').meta, id },
        check(stmt, ctx) {
          if (stmt.index !== 0) return;
          ctx.report({
            messageId: 'm',
            data: { word: id },
            start: at,
            end: at + 1,
            fix: { kind: 'safe', title: id, edits: [{ start: at, end: at + 1, text: '' }] },
          });
        },
      });
    const r = fixLoop('SELECT  1;', (s) => lintSource(s, [space(6, 'one'), space(7, 'two')]), false);
    expect(r.output).toBe('SELECT 1;');
    expect(r.applied.map((a) => a.ruleId)).toEqual(['one']);
  });
  it('keeps a BOM and CRLF line endings', () => {
    const r = fixLoop('\uFEFFSELECT a;\r\nSELECT a;\r\n', (s) => lintSource(s, [replaceWord('a', 'bb')]), false);
    expect(r.output).toBe('\uFEFFSELECT bb;\r\nSELECT bb;\r\n');
  });
});

describe('fix kinds and the policy: suggestions', () => {
  /** A rule that reports `word` and offers `edits(token)` as a fix of `kind`. */
  function offering(
    id: string,
    word: string,
    kind: 'safe' | 'lossy' | 'suggestion',
    edits: (t: { start: number; end: number }) => Array<{ start: number; end: number; text: string }>,
    declared: ReadonlyArray<'safe' | 'lossy' | 'suggestion'> = [kind],
  ): Rule {
    return defineRule({
      meta: {
        id,
        description: 'test',
        severity: kind === 'suggestion' ? 'info' : 'error',
        ...(kind === 'suggestion' ? { category: 'advice' as const } : {}),
        fixable: declared,
        statements: 'all',
        messages: { m: 'found {{word}}' },
        source: { url: 'https://example.invalid', evidence: 'inferred' },
      },
      check(stmt, ctx) {
        for (const t of stmt.code) {
          if (t.kind === 'word' && t.text === word) {
            ctx.report({
              messageId: 'm',
              data: { word },
              start: t.start,
              end: t.end,
              fix: { kind, title: id, edits: edits(t) },
            });
          }
        }
      },
    });
  }
  // `SELECT a, b FROM t;` — a lossy rule removes `, b`, a suggestion renames `a`, another inserts before `, b`.
  const sql = 'SELECT a, b FROM t;';
  const dropB = offering('drop-b', 'b', 'lossy', (t) => [{ start: t.start - 2, end: t.end, text: '' }]);
  const renameA = offering('rename-a', 'a', 'suggestion', (t) => [{ start: t.start, end: t.end, text: 'aa' }]);
  const markB = offering('mark-b', 'b', 'suggestion', (t) => [
    { start: t.start - 2, end: t.start - 2, text: ' /*$ x */' },
  ]);
  const lint = (rules: Rule[]) => (s: SqlSource) => lintSource(s, rules);

  it('fixPolicy and fixAllowed: safe always, lossy with lossy, suggestions only when asked, by rule id', async () => {
    const { fixAllowed, fixPolicy } = await import('../src/core/fixer.js');
    const f = (kind: 'safe' | 'lossy' | 'suggestion', ruleId = 'r'): Finding => ({
      ...finding(0, 1, 'x'),
      ruleId,
      fix: { kind, title: 't', edits: [] },
    });
    expect(fixAllowed(false, f('safe'))).toBe(true);
    expect(fixAllowed(false, f('lossy'))).toBe(false);
    expect(fixAllowed(true, f('lossy'))).toBe(true);
    expect(fixAllowed(true, f('suggestion')), 'a boolean never means suggestions').toBe(false);
    expect(fixAllowed({ lossy: true }, f('suggestion'))).toBe(false);
    expect(fixAllowed({ lossy: false, suggestions: true }, f('suggestion'))).toBe(true);
    expect(fixAllowed({ lossy: false, suggestions: true }, f('lossy')), 'suggestions do not imply lossy').toBe(false);
    expect(fixAllowed(fixPolicy({ suggestions: ['a'] }), f('suggestion', 'a'))).toBe(true);
    expect(fixAllowed(fixPolicy({ suggestions: ['a'] }), f('suggestion', 'b'))).toBe(false);
    expect(fixAllowed(fixPolicy({}), f('suggestion'))).toBe(false);
    expect(fixAllowed(fixPolicy({}), { ...f('safe'), fix: null })).toBe(false);
  });

  it('never applies a suggestion unless asked; applies it with all suggestions or its rule named', () => {
    const rules = [renameA];
    for (const policy of [false, true, { lossy: true }, { lossy: true, suggestions: new Set(['other']) }]) {
      const r = fixLoop(sql, lint(rules), policy);
      expect(r.output, JSON.stringify(policy)).toBe(sql);
      expect(r.applied).toEqual([]);
      expect(r.remaining.map((f) => f.fix?.kind)).toEqual(['suggestion']);
    }
    for (const policy of [
      { lossy: false, suggestions: true },
      { lossy: false, suggestions: new Set(['rename-a']) },
    ]) {
      const r = fixLoop(sql, lint(rules), policy);
      expect(r.output).toBe('SELECT aa, b FROM t;');
      expect(r.applied.map((a) => [a.ruleId, a.kind])).toEqual([['rename-a', 'suggestion']]);
      expect(fixLoop(r.output, lint(rules), policy).output, 'idempotent').toBe(r.output);
    }
  });

  it('composes with lossy fixes: disjoint edits in one pass; an insert at the start of a removal stays', () => {
    const rules = [dropB, renameA, markB];
    const all = fixLoop(sql, lint(rules), { lossy: true, suggestions: true });
    expect(all.output).toBe('SELECT aa /*$ x */ FROM t;');
    expect(all.passes).toBe(1);
    expect(all.applied.map((a) => a.ruleId).sort()).toEqual(['drop-b', 'mark-b', 'rename-a']);
    expect(fixLoop(all.output, lint(rules), { lossy: true, suggestions: true }).output).toBe(all.output);
    // Lossy only: `b` goes and so does the suggestion about it, which is then superseded; the other stays.
    const lossy = fixLoop(sql, lint(rules), { lossy: true });
    expect(lossy.output).toBe('SELECT a FROM t;');
    expect(lossy.remaining.map((f) => f.ruleId)).toEqual(['rename-a']);
    expect(lossy.superseded.map((f) => [f.ruleId, f.start])).toEqual([['mark-b', 10]]);
  });

  it('a suggestion inside a lossy removal is absorbed; one that overlaps it partly waits, deterministically', () => {
    // Replaces `, b`, exactly the text the lossy fix deletes: absorbed by the deletion (that text is gone).
    const widenB = offering('widen-b', 'b', 'suggestion', (t) => [{ start: t.start - 2, end: t.end, text: ', bb' }]);
    const inside = fixLoop(sql, lint([widenB, dropB]), { lossy: true, suggestions: true });
    expect(inside.output).toBe('SELECT a FROM t;');
    expect(inside.passes).toBe(1);
    // Replaces `a,` with `A ,`: it shares the comma with the deletion of `, b`, so one of them waits.
    const commaA = offering('comma-a', 'a', 'suggestion', (t) => [{ start: t.start, end: t.end + 1, text: 'A ,' }]);
    for (const order of [
      [dropB, commaA],
      [commaA, dropB],
    ]) {
      const r = fixLoop(sql, lint(order), { lossy: true, suggestions: true });
      // By position: the suggestion's edit comes first and wins the pass; the removal, computed
      // again on the new text, follows in the next.
      expect(r.output).toBe('SELECT A  FROM t;');
      expect(r.applied.map((a) => [a.ruleId, a.pass])).toEqual([
        ['comma-a', 1],
        ['drop-b', 2],
      ]);
      expect(r.remaining).toEqual([]);
    }
  });

  it('the engine refuses a suggestion the rule does not declare in meta.fixable', () => {
    const undeclared = offering('sneaky', 'a', 'suggestion', (t) => [{ ...t, text: 'x' }], ['safe']);
    expect(() => lintSource(new SqlSource(sql), [undeclared])).toThrow(
      /offered a suggestion fix but does not declare it/,
    );
  });

  it('marks the findings of advice rules, and only those', () => {
    const findings = lintSource(new SqlSource(sql), [dropB, renameA]);
    expect(findings.map((f) => [f.ruleId, f.category])).toEqual([
      ['rename-a', 'advice'],
      ['drop-b', undefined],
    ]);
  });
});
