// Shared test helpers: where the WSO2 corpus is, and the project's RuleTester.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { fixLoop } from '../src/core/fixer.js';
import type { FixKind, Rule, Severity } from '../src/core/rule.js';
import { SqlSource } from '../src/core/source.js';
import { runSegment, type SegmentExecutor } from '../src/stream/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'wso2');
export const BIN = join(ROOT, 'bin', 'clustrix-lint.js');

/**
 * The corpus files, or null when ../shared is absent (a user's clone). Under CI the corpus must
 * be there: its absence is a failure, not a skip.
 */
export function corpusFiles(): string[] | null {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the WSO2 corpus is missing at ${CORPUS_DIR}`);
    return null;
  }
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(CORPUS_DIR, f));
}

export const CORPUS_SKIP_REASON = `WSO2 corpus not found at ${CORPUS_DIR} (it lives in ../shared beside the repository); corpus tests skipped`;

export const PUBLIC_CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'public');

/**
 * The public real-world corpus (scripts from other projects, see its MANIFEST.md), or null when
 * ../shared is absent. Under CI its absence is a failure, not a skip.
 */
export function publicCorpusFiles(): string[] | null {
  if (!existsSync(PUBLIC_CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the public corpus is missing at ${PUBLIC_CORPUS_DIR}`);
    return null;
  }
  return readdirSync(PUBLIC_CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(PUBLIC_CORPUS_DIR, f));
}

export const PUBLIC_CORPUS_SKIP_REASON = `public corpus not found at ${PUBLIC_CORPUS_DIR} (it lives in ../shared beside the repository); its tests skipped`;

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

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real clustrix-lint bin (the built one) in a child process. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): RunResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Debian's chromium, which the browser tests drive (never a downloaded browser). */
export const CHROMIUM = process.env.CLUSTRIX_LINT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every test browser starts with: headless, and no call to any network service. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The chromium binary, or null when it is not installed (a failure under CI=true: .ci/run installs it). */
export function chromiumPath(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but chromium is missing at ${CHROMIUM} (.ci/run installs it)`);
  return null;
}

export const CHROMIUM_SKIP_REASON = `chromium not found at ${CHROMIUM} (apt-get install chromium); browser tests of the HTML report skipped`;

/**
 * Runs jobs as the worker pool does, in this thread: jobs and results copied (structured clone,
 * as postMessage does), no tokens from the cutter, and results coming back out of order (each
 * after a few event-loop turns, varying), so the stream must take them in input order.
 */
export function fakePool(parallel = 3): SegmentExecutor {
  let n = 0;
  return {
    parallel,
    local: false,
    run: async (job, rules, options, lossy) => {
      const copy = structuredClone(job);
      for (let k = (n++ * 7) % 5; k > 0; k--) await new Promise((r) => setImmediate(r));
      return structuredClone(runSegment(copy, rules, options, lossy));
    },
  };
}

/**
 * The official SARIF 2.1.0 schema, compiled (the CommonJS packages through require, for their real
 * default exports): `validate(log)` is true for a valid log, and `validate.errors` says why not.
 */
export function sarifValidator() {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}
