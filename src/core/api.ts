// The portable API, shared by both entry points: string in, findings or a clean script out. No
// I/O and no Node built-in, so it runs in browsers, web workers, Deno and Node alike. It is
// reached through src/index.ts (Node) or src/core.ts (everywhere); each sets up how the parser and
// diff libraries are loaded (deps.ts) before anything here needs them.
import { DEFAULT_TARGET_ID, TARGETS, getTarget } from './catalog/index.js';
import { lintSource, lintSourceDetailed, settingsFor, type RuleSetting } from './engine.js';
import type { Suppressed } from './directives.js';
import { fixLoop, fixPolicy, type AppliedFix } from './fixer.js';
import { unifiedDiff } from '../format/diff.js';
import type { Finding, Severity } from './rule.js';
import { SqlSource, withLocation } from './source.js';
import { checkSuggestionRules } from './suggestions.js';
import { allRules, rules } from '../../rules/index.js';

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
  /** The fixes applied, in order (each at its finding's line and column in the input). */
  readonly applied: readonly AppliedFix[];
  /**
   * Findings left in `output`, placed in the input (where `check` has them); each one's place in
   * `output` is its `output`, and its fix's edits are offsets into `output`.
   */
  readonly remaining: readonly Finding[];
  /**
   * Suggestions on the input that were not applied and that `remaining` no longer shows because
   * another fix removed what they were about (positioned in the input).
   */
  readonly superseded: readonly Finding[];
  /** Unified diff from input to output ('' when unchanged). */
  readonly diff: string;
}

/** The options with the rule settings that concern script rules (a config may also set server rules). */
export function forScripts<O extends CheckOptions>(options: O): O {
  return options.rules === undefined ? options : { ...options, rules: settingsFor(rules, allRules, options.rules) };
}

/** Checks `sql` against the target; findings are sorted by position. Throws SqlSyntaxError on bad input. */
export function check(sql: string, options: CheckOptions = {}): Finding[] {
  getTarget(options.target);
  return withLocation(sql, options.filename, () => lintSource(new SqlSource(sql), rules, forScripts(options)));
}

/** Like `check`, and also returns the findings inline directives suppressed. */
export function checkDetailed(sql: string, options: CheckOptions = {}): CheckResult {
  getTarget(options.target);
  return withLocation(sql, options.filename, () => lintSourceDetailed(new SqlSource(sql), rules, forScripts(options)));
}

/**
 * Fixes `sql` for the target: safe fixes always, lossy ones when `lossy` is set, suggestions when
 * `suggestions` asks for them.
 */
export function fix(sql: string, options: FixOptions = {}): FixResult {
  getTarget(options.target);
  checkSuggestionRules(rules, options);
  return withLocation(sql, options.filename, () => {
    const scriptOptions = forScripts(options);
    const result = fixLoop(sql, (source) => lintSource(source, rules, scriptOptions), fixPolicy(options));
    return {
      output: result.output,
      applied: result.applied,
      remaining: result.remaining,
      superseded: result.superseded,
      diff: unifiedDiff(sql, result.output, options.filename),
    };
  });
}

export { rules, TARGETS, DEFAULT_TARGET_ID };
export { ConfigError, InternalError, SqlSyntaxError } from './errors.js';
export { defineRule } from './rule.js';
export type { Edit, Finding, Fix, FixKind, Rule, RuleCategory, RuleContext, RuleMeta, Severity } from './rule.js';
export type { AppliedFix, FixPolicy } from './fixer.js';
export type { Target } from './catalog/index.js';
export type { RuleSetting } from './engine.js';
export type { Directive, Suppressed } from './directives.js';
