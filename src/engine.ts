// The engine: runs rules over the statements of one script and collects sorted findings.
// It takes the rules as an argument and never imports rules/ itself.
import { getTarget, type Target } from './catalog.js';
import { applyDirectives, parseDirectives, type Directive, type Suppressed } from './directives.js';
import { ConfigError, InternalError } from './errors.js';
import { formatMessage, type Finding, type Rule, type RuleContext, type Severity } from './rule.js';
import type { Statement } from './statements.js';
import { SqlSource } from './source.js';

export type RuleSetting = Severity | 'off';

export interface EngineOptions {
  /** Target id; defaults to the newest. */
  readonly target?: string;
  /** Per-rule severity overrides, or 'off'. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Honour `clustrix-lint-disable…` comments (default true). */
  readonly inlineDirectives?: boolean;
  /** Report directives that suppressed nothing, with this severity. */
  readonly reportUnusedDirectives?: Severity;
}

/** Ids of findings the engine itself reports about directives. */
export const DIRECTIVE_RULE_IDS = { unused: 'unused-disable-directive', unknown: 'unknown-rule-in-directive' } as const;

export interface LintResult {
  readonly findings: Finding[];
  /** Findings a directive suppressed, with the directive (for SARIF `suppressions`). */
  readonly suppressed: Suppressed[];
}

/** Checks that every rule id in `settings` exists; throws ConfigError naming the first that does not. */
export function validateRuleSettings(
  rules: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>> = {},
): void {
  const ids = new Set(rules.map((r) => r.meta.id));
  for (const [id, value] of Object.entries(settings)) {
    if (!ids.has(id)) throw new ConfigError(`unknown rule "${id}"`);
    if (!['error', 'warning', 'info', 'off'].includes(value)) {
      throw new ConfigError(`rule "${id}": severity must be error, warning, info or off, not "${String(value)}"`);
    }
  }
}

/** Runs `rules` over `source`; findings are sorted by offset, then rule id. */
export function lintSource(source: SqlSource, rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  return lintSourceDetailed(source, rules, options).findings;
}

/** Like lintSource, and also returns what inline directives suppressed. */
export function lintSourceDetailed(source: SqlSource, rules: readonly Rule[], options: EngineOptions = {}): LintResult {
  const target: Target = getTarget(options.target);
  const settings = options.rules ?? {};
  validateRuleSettings(rules, settings);
  const active = rules.filter((r) => settings[r.meta.id] !== 'off');
  const findings: Finding[] = [];
  const contextFor = (rule: Rule): RuleContext => {
    const meta = rule.meta;
    return {
      target,
      source,
      report(r) {
        const template = meta.messages[r.messageId];
        if (template === undefined)
          throw new InternalError(`rule ${meta.id} reported unknown messageId "${r.messageId}"`);
        if (r.fix && !meta.fixable.includes(r.fix.kind)) {
          throw new InternalError(
            `rule ${meta.id} offered a ${r.fix.kind} fix but does not declare it in meta.fixable`,
          );
        }
        const from = source.locOf(r.start);
        const to = source.locOf(r.end);
        findings.push({
          ruleId: meta.id,
          messageId: r.messageId,
          severity: (settings[meta.id] as Severity | undefined) ?? r.severity ?? meta.severity,
          message: formatMessage(template, { ...r.data, target: target.name }),
          start: r.start,
          end: r.end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          fix: r.fix ?? null,
        });
      },
    };
  };
  const inScope = (rule: Rule, kind: Statement['kind']) =>
    rule.meta.statements === 'all' || rule.meta.statements.includes(kind);
  const contexts = new Map(active.map((r) => [r, contextFor(r)]));
  const guarded = (rule: Rule, at: number, run: () => void) => {
    try {
      run();
    } catch (e) {
      if (e instanceof InternalError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new InternalError(`rule ${rule.meta.id} crashed on the statement at line ${source.locOf(at).line}: ${why}`);
    }
  };
  for (const stmt of source.statements) {
    for (const rule of active) {
      if (inScope(rule, stmt.kind)) guarded(rule, stmt.start, () => rule.check(stmt, contexts.get(rule)!));
    }
  }
  for (const rule of active) {
    if (rule.checkScript === undefined) continue;
    const statements = source.statements.filter((st) => inScope(rule, st.kind));
    guarded(rule, 0, () => rule.checkScript!(statements, contexts.get(rule)!));
  }
  const sort = (list: Finding[]) =>
    list.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  if (options.inlineDirectives === false) return { findings: sort(findings), suppressed: [] };
  const directives = parseDirectives(source);
  if (directives.length === 0) return { findings: sort(findings), suppressed: [] };
  const { kept, suppressed, unused } = applyDirectives(findings, directives);
  const ids = new Set(rules.map((r) => r.meta.id));
  const directiveFinding = (d: Directive, ruleId: string, severity: Severity, message: string): Finding => {
    const from = source.locOf(d.start);
    const to = source.locOf(d.end);
    return {
      ruleId,
      messageId: ruleId,
      severity,
      message,
      start: d.start,
      end: d.end,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      fix: null,
    };
  };
  for (const d of directives) {
    for (const id of d.ruleIds ?? []) {
      if (!ids.has(id)) {
        kept.push(
          directiveFinding(
            d,
            DIRECTIVE_RULE_IDS.unknown,
            'error',
            `Unknown rule "${id}" in a clustrix-lint-${d.kind} comment.`,
          ),
        );
      }
    }
  }
  if (options.reportUnusedDirectives !== undefined) {
    for (const d of unused) {
      const what = d.ruleIds === null ? 'any finding' : d.ruleIds.join(', ');
      const message = `Unused clustrix-lint-${d.kind} directive (no ${what} to suppress).`;
      kept.push(directiveFinding(d, DIRECTIVE_RULE_IDS.unused, options.reportUnusedDirectives, message));
    }
  }
  return { findings: sort(kept), suppressed };
}
