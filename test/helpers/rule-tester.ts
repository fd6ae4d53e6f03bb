// The project's RuleTester: table-driven tests for one rule, with ESLint's hygiene checks.
import { expect, it } from 'vitest';
import { lintSource } from '../../src/core/engine.js';
import { fixLoop } from '../../src/core/fixer.js';
import type { FixKind, Rule, Severity } from '../../src/core/rule.js';
import { SqlSource } from '../../src/core/source.js';

export interface ValidCase {
  readonly code: string;
  readonly target?: string;
  readonly name?: string;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity?: Severity;
  readonly fix?: FixKind | null;
}

export interface InvalidCase {
  readonly code: string;
  readonly target?: string;
  readonly name?: string;
  /** The text after fixing with this rule (lossy fixes and suggestions included), or null when no fix is offered. */
  readonly output: string | null;
  readonly errors: readonly ExpectedFinding[];
}

/**
 * Table-driven tests for one rule, with ESLint's hygiene checks: valid cases have no findings;
 * invalid cases list every finding; `output` must differ from `code`, and the output must be
 * clean for the rule; `output: null` asserts that no fix is offered; duplicate cases fail.
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: ReadonlyArray<string | ValidCase>; invalid: readonly InvalidCase[] },
): void {
  const seen = new Set<string>();
  const key = (code: string, target?: string) => `${target ?? ''}\u0000${code}`;
  for (const raw of cases.valid) {
    const c: ValidCase = typeof raw === 'string' ? { code: raw } : raw;
    const k = key(c.code, c.target);
    it(`valid: ${c.name ?? c.code.slice(0, 80)}${c.target ? ` [${c.target}]` : ''}`, () => {
      expect(seen.has(k), 'duplicate test case').toBe(false);
      seen.add(k);
      const findings = lintSource(new SqlSource(c.code), [rule], { target: c.target });
      expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}: ${f.message}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    const k = key(c.code, c.target);
    it(`invalid: ${c.name ?? c.code.slice(0, 80)}${c.target ? ` [${c.target}]` : ''}`, () => {
      expect(seen.has(k), 'duplicate test case').toBe(false);
      seen.add(k);
      expect(c.output, 'output equal to code: use output: null to assert no fix').not.toBe(c.code);
      const findings = lintSource(new SqlSource(c.code), [rule], { target: c.target });
      expect(findings.length, findings.map((f) => f.message).join('\n')).toBe(c.errors.length);
      c.errors.forEach((e, i) => {
        const f = findings[i]!;
        expect(f.messageId).toBe(e.messageId);
        if (e.line !== undefined) expect(f.line).toBe(e.line);
        if (e.column !== undefined) expect(f.column).toBe(e.column);
        if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
        if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
        if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
        if (e.fix !== undefined) expect(f.fix?.kind ?? null).toBe(e.fix);
      });
      const lint = (s: SqlSource) => lintSource(s, [rule], { target: c.target });
      const all = { lossy: true, suggestions: true };
      const fixed = fixLoop(c.code, lint, all);
      if (c.output === null) {
        expect(
          findings.every((f) => f.fix === null),
          'a fix was offered but output is null',
        ).toBe(true);
        expect(fixed.output).toBe(c.code);
      } else {
        expect(fixed.output).toBe(c.output);
        expect(
          fixed.remaining.filter((f) => f.fix !== null),
          'fixed output still has fixable findings',
        ).toEqual([]);
        expect(fixLoop(fixed.output, lint, all).output, 'fix is not idempotent').toBe(fixed.output);
      }
    });
  }
}
