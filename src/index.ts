// The public API: string in, findings or a clean script out. No I/O.
import { DEFAULT_TARGET_ID, TARGETS, getTarget } from './catalog.js';
import { lintSource, lintSourceDetailed, type RuleSetting } from './engine.js';
import type { Suppressed } from './directives.js';
import { SqlSyntaxError } from './errors.js';
import { fixLoop, type AppliedFix } from './fixer.js';
import { unifiedDiff } from './format/diff.js';
import type { Finding, Severity } from './rule.js';
import { SqlSource, locateOffset } from './source.js';
import { checkStreamWith, fixStreamWith, type SegmentExecutor, type StreamFixResult } from './stream.js';
import { rules } from '../rules/index.js';

export interface CheckOptions {
  /** Target id such as `xpand-23.09` (the default) or `clustrixdb-9.2`. */
  readonly target?: string;
  /** Used in error messages and the diff header. */
  readonly filename?: string;
  /** Per-rule severity overrides, or 'off'. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Honour `clustrix-lint-disable…` comments (default true). */
  readonly inlineDirectives?: boolean;
  /** Report directives that suppressed nothing, with this severity. */
  readonly reportUnusedDirectives?: Severity;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Findings suppressed by `clustrix-lint-disable…` comments, with the directive. */
  readonly suppressed: readonly Suppressed[];
}

export interface FixOptions extends CheckOptions {
  /** Also apply fixes that drop a feature the target lacks (default false). */
  readonly lossy?: boolean;
}

export interface FixResult {
  /** The clean script. Equal to the input when nothing was fixed. */
  readonly output: string;
  /** The fixes applied, in order. */
  readonly applied: readonly AppliedFix[];
  /** Findings left in `output`. */
  readonly remaining: readonly Finding[];
  /** Unified diff from input to output ('' when unchanged). */
  readonly diff: string;
}

function withLocation<T>(sql: string, filename: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof SqlSyntaxError && e.line === undefined) {
      const at = locateOffset(sql, e.offset);
      e.locate(at.line, at.column, filename);
    }
    throw e;
  }
}

/** Checks `sql` against the target; findings are sorted by position. Throws SqlSyntaxError on bad input. */
export function check(sql: string, options: CheckOptions = {}): Finding[] {
  getTarget(options.target);
  return withLocation(sql, options.filename, () => lintSource(new SqlSource(sql), rules, options));
}

/** Like `check`, and also returns the findings inline directives suppressed. */
export function checkDetailed(sql: string, options: CheckOptions = {}): CheckResult {
  getTarget(options.target);
  return withLocation(sql, options.filename, () => lintSourceDetailed(new SqlSource(sql), rules, options));
}

/** Fixes `sql` for the target: safe fixes always, lossy ones when `lossy` is set. */
export function fix(sql: string, options: FixOptions = {}): FixResult {
  getTarget(options.target);
  return withLocation(sql, options.filename, () => {
    const result = fixLoop(sql, (source) => lintSource(source, rules, options), options.lossy === true);
    return {
      output: result.output,
      applied: result.applied,
      remaining: result.remaining,
      diff: unifiedDiff(sql, result.output, options.filename),
    };
  });
}

/** Options of the stream functions. */
export interface StreamApiOptions {
  /** Bytes per segment (default 1 MiB). */
  readonly segmentSize?: number;
  /**
   * Worker threads that check (and fix) segments in parallel; 1 (the default) runs everything in
   * this thread. The results are those of one segment after the other, whatever the number.
   */
  readonly concurrency?: number;
}

/** Runs `run` with the executor `concurrency` asks for, closing its workers afterwards. */
async function withExecutor<T>(concurrency: number | undefined, run: (executor?: SegmentExecutor) => Promise<T>) {
  if (concurrency === undefined || concurrency <= 1) return run();
  const { WorkerPool } = await import('./pool.js');
  if (!WorkerPool.available()) return run();
  const pool = new WorkerPool(concurrency);
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}

/**
 * Checks a script read from a stream (file, stdin, …) in constant memory, segment by segment.
 * The findings are those of `check` on the whole text, except that a disable-file comment does
 * not reach back into segments (about 1 MB each) before the one it is written in.
 */
export function checkStream(
  input: AsyncIterable<Uint8Array | string>,
  options: CheckOptions & StreamApiOptions = {},
): Promise<Finding[]> {
  getTarget(options.target);
  return withExecutor(options.concurrency, (executor) => checkStreamWith(rules, input, { ...options, executor }));
}

/**
 * Fixes a script read from a stream, handing the clean script to `write` as it is produced. The
 * edits of an applied fix are offsets into the input (for a first pass), and its statement text
 * is an excerpt of at most 200 characters.
 */
export function fixStream(
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: FixOptions & StreamApiOptions = {},
): Promise<StreamFixResult> {
  getTarget(options.target);
  return withExecutor(options.concurrency, (executor) => fixStreamWith(rules, input, write, { ...options, executor }));
}

export { rules, TARGETS, DEFAULT_TARGET_ID };
export type { StreamFixResult } from './stream.js';
export { ConfigError, InternalError, SqlSyntaxError } from './errors.js';
export { defineRule } from './rule.js';
export type { Edit, Finding, Fix, FixKind, Rule, RuleContext, RuleMeta, Severity } from './rule.js';
export type { AppliedFix } from './fixer.js';
export type { Target } from './catalog.js';
export type { RuleSetting } from './engine.js';
export type { Directive, Suppressed } from './directives.js';
