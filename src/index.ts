// The public API: string in, findings or a clean script out. No I/O.
import { DEFAULT_TARGET_ID, TARGETS, getTarget } from './catalog.js';
import { lintSource, lintSourceDetailed, type RuleSetting } from './engine.js';
import type { Suppressed } from './directives.js';
import { ConfigError, SqlSyntaxError } from './errors.js';
import { fixLoop, fixPolicy, type AppliedFix } from './fixer.js';
import { unifiedDiff } from './format/diff.js';
import type { Finding, Severity } from './rule.js';
import { SqlSource, locateOffset } from './source.js';
import { checkStreamWith, fixStreamWith, type StreamFixResult } from './stream.js';
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
  /**
   * Also apply suggestions (changes that may help on the target but change behaviour): all of them
   * (true), or those of the rules named (default: none).
   */
  readonly suggestions?: boolean | readonly string[];
}

export interface FixResult {
  /** The clean script. Equal to the input when nothing was fixed. */
  readonly output: string;
  /** The fixes applied, in order. */
  readonly applied: readonly AppliedFix[];
  /** Findings left in `output`. */
  readonly remaining: readonly Finding[];
  /**
   * Suggestions on the input that were not applied and that `remaining` no longer shows because
   * another fix removed what they were about (positioned in the input).
   */
  readonly superseded: readonly Finding[];
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

/** Throws ConfigError when `suggestions` names a rule that does not exist or never suggests. */
function checkSuggestionRules(options: FixOptions): void {
  if (!Array.isArray(options.suggestions)) return;
  for (const id of options.suggestions as readonly string[]) {
    const rule = rules.find((r) => r.meta.id === id);
    if (rule === undefined) throw new ConfigError(`suggestions: unknown rule "${id}"`);
    if (!rule.meta.fixable.includes('suggestion')) {
      throw new ConfigError(`suggestions: rule "${id}" makes no suggestions`);
    }
  }
}

/**
 * Fixes `sql` for the target: safe fixes always, lossy ones when `lossy` is set, suggestions when
 * `suggestions` asks for them.
 */
export function fix(sql: string, options: FixOptions = {}): FixResult {
  getTarget(options.target);
  checkSuggestionRules(options);
  return withLocation(sql, options.filename, () => {
    const result = fixLoop(sql, (source) => lintSource(source, rules, options), fixPolicy(options));
    return {
      output: result.output,
      applied: result.applied,
      remaining: result.remaining,
      superseded: result.superseded,
      diff: unifiedDiff(sql, result.output, options.filename),
    };
  });
}

/**
 * Checks a script read from a stream (file, stdin, …) in constant memory, segment by segment.
 * The findings are those of `check` on the whole text, except that a disable-file comment does
 * not reach back into segments (about 1 MB each) before the one it is written in.
 */
export function checkStream(
  input: AsyncIterable<Uint8Array | string>,
  options: CheckOptions & { segmentSize?: number } = {},
): Promise<Finding[]> {
  getTarget(options.target);
  return checkStreamWith(rules, input, options);
}

/** Fixes a script read from a stream, handing the clean script to `write` as it is produced. */
export function fixStream(
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: FixOptions & { segmentSize?: number } = {},
): Promise<StreamFixResult> {
  getTarget(options.target);
  checkSuggestionRules(options);
  return fixStreamWith(rules, input, write, options);
}

export { rules, TARGETS, DEFAULT_TARGET_ID };
export type { StreamFixResult } from './stream.js';
export { ConfigError, InternalError, SqlSyntaxError } from './errors.js';
export { defineRule } from './rule.js';
export type { Edit, Finding, Fix, FixKind, Rule, RuleCategory, RuleContext, RuleMeta, Severity } from './rule.js';
export type { AppliedFix, FixPolicy } from './fixer.js';
export type { Target } from './catalog.js';
export type { RuleSetting } from './engine.js';
export type { Directive, Suppressed } from './directives.js';
