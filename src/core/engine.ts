// The engine: runs rules over the statements of one script and collects sorted findings.
// It takes the rules as an argument and never imports rules/ itself.
import { getTarget, type Target } from './catalog/index.js';
import { nestedStatements } from './compound.js';
import { applyDirectives, parseDirectives, type Directive, type Suppressed } from './directives.js';
import { ConfigError, InternalError } from './errors.js';
import { formatMessage, type Finding, type Rule, type RuleContext, type Severity } from './rule.js';
import type { IndexStatistics } from './statistics.js';
import { SchemaModel } from './schema.js';
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
  /** A live database's index statistics, for the rules that judge a key by its data. */
  readonly statistics?: IndexStatistics;
}

/** Ids of findings the engine itself reports about directives. */
export const DIRECTIVE_RULE_IDS = { unused: 'unused-disable-directive', unknown: 'unknown-rule-in-directive' } as const;

export interface LintResult {
  readonly findings: Finding[];
  /** Findings a directive suppressed, with the directive (for SARIF `suppressions`). */
  readonly suppressed: Suppressed[];
  /**
   * With `segment` (streaming): the block and file directives still in effect at the end of the
   * source, inherited ones included, in order, for the next segment.
   */
  readonly carry?: Directive[];
  /** With `segment`: the directives written in this source. */
  readonly own?: Directive[];
  /** With `segment`: those of `own` whose unused verdict waits for the end of the input (the caller gives it). */
  readonly pending?: Directive[];
  /** With `segment`: the schema after the segment's statements, for the next segment. */
  readonly schema?: SchemaModel;
}

/** How a segment of a longer input continues what came before (see lintSourceDetailed). */
export interface SegmentContext {
  /** Directives of earlier segments still in effect, placed before this segment (start -1). */
  readonly inherited: readonly Directive[];
  /** The schema the earlier segments defined (not changed here: each lint starts from a copy). */
  readonly schema?: SchemaModel;
  /** Lines before the segment in the whole input, for the lines the schema records. */
  readonly lineOffset?: number;
}

/**
 * The block and file directives still in effect after `directives` (in order), as few as give
 * the same suppressions: an enable drops the disables it closes for all their rules, and stays
 * only where it closes some rules of a disable that remains (so memory stays bounded on a long
 * stream of disable/enable pairs).
 */
function inEffect(directives: readonly Directive[]): Directive[] {
  const out: Directive[] = [];
  const closes = (enable: Directive, id: string) => enable.ruleIds === null || enable.ruleIds.includes(id);
  for (const d of directives) {
    if (d.kind === 'disable-file' || d.kind === 'disable') out.push(d);
    else if (d.kind === 'enable') {
      for (let i = out.length - 1; i >= 0; i--) {
        const x = out[i]!;
        if (x.kind !== 'disable') continue;
        if (d.ruleIds === null || (x.ruleIds !== null && x.ruleIds.every((id) => closes(d, id)))) out.splice(i, 1);
      }
      const partly = out.some(
        (x) => x.kind === 'disable' && (x.ruleIds === null || x.ruleIds.some((id) => closes(d, id))),
      );
      if (partly) out.push(d);
    }
  }
  return out;
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

/**
 * The settings that concern `rules`, after checking every id against `known` (a config may name
 * rules of another set, e.g. the server rules, which the engine must not take for unknown ones).
 */
export function settingsFor(
  rules: readonly Rule[],
  known: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>> | undefined,
): Readonly<Record<string, RuleSetting>> | undefined {
  if (settings === undefined) return undefined;
  validateRuleSettings(known, settings);
  const ids = new Set(rules.map((r) => r.meta.id));
  return Object.fromEntries(Object.entries(settings).filter(([id]) => ids.has(id)));
}

/** Runs `rules` over `source`; findings are sorted by offset, then rule id. */
export function lintSource(source: SqlSource, rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  return lintSourceDetailed(source, rules, options).findings;
}

/** Which rule callbacks to run: all, the per-statement `check`s only (a stream segment), or `checkScript` only. */
type Phase = 'all' | 'statements' | 'script';

/** Runs the callbacks of `phase` of the active rules over `source`; unsorted findings. */
function runRules(
  source: SqlSource,
  rules: readonly Rule[],
  options: EngineOptions,
  phase: Phase,
  schema: SchemaModel = new SchemaModel(),
  lineOffset = 0,
): Finding[] {
  const target: Target = getTarget(options.target);
  const settings = options.rules ?? {};
  validateRuleSettings(rules, settings);
  const active = rules.filter((r) => settings[r.meta.id] !== 'off');
  const findings: Finding[] = [];
  // Where the findings of the statement being checked begin in `findings` (for ctx.findingsIn).
  let statementFindings = 0;
  const noFindings: readonly Finding[] = [];
  const contextFor = (rule: Rule, within?: Statement): RuleContext => {
    const meta = rule.meta;
    return {
      target,
      source,
      schema,
      statistics: options.statistics ?? null,
      findingsIn(start, end) {
        if (meta.composes !== true) return noFindings;
        const out: Finding[] = [];
        for (let k = statementFindings; k < findings.length; k++) {
          const f = findings[k]!;
          if (f.ruleId !== meta.id && f.start >= start && f.end <= end) out.push(f);
        }
        return out;
      },
      report(r) {
        findings.push(findingOf(meta, r, source, target, settings[meta.id] as Severity | undefined, within));
      },
    };
  };
  const contexts = new Map(active.map((r) => [r, contextFor(r)]));
  // The contexts of nested statements, by the kind of routine that holds them (their message says so).
  const nestedContexts = new Map<string, RuleContext>();
  const nestedContext = (rule: Rule, within: Statement): RuleContext => {
    const key = `${rule.meta.id}\u0000${within.kind}`;
    let ctx = nestedContexts.get(key);
    if (ctx === undefined) nestedContexts.set(key, (ctx = contextFor(rule, within)));
    return ctx;
  };
  const guarded = (rule: Rule, at: number, run: () => void) => {
    try {
      run();
    } catch (e) {
      if (e instanceof InternalError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new InternalError(`rule ${rule.meta.id} crashed on the statement at line ${source.locOf(at).line}: ${why}`);
    }
  };
  if (phase !== 'script') {
    // Rules that compose run after the others on each statement, and see their findings.
    const ordered = [...active.filter((r) => r.meta.composes !== true), ...active.filter((r) => r.meta.composes)];
    // The rules that look at each kind of statement, in order: worked out once per kind.
    const byKind = new Map<Statement['kind'], Rule[]>();
    const nestedByKind = new Map<Statement['kind'], Rule[]>();
    for (const stmt of source.statements) {
      statementFindings = findings.length;
      let forKind = byKind.get(stmt.kind);
      if (forKind === undefined) byKind.set(stmt.kind, (forKind = ordered.filter((r) => inScope(r, stmt.kind))));
      const nested = nestedStatements(stmt);
      if (nested.length === 0) {
        for (const rule of forKind) guarded(rule, stmt.start, () => rule.check(stmt, contexts.get(rule)!));
      } else {
        // A routine: its rules (those that compose last), and between them every statement of its
        // body through the rules of that statement's kind.
        for (const rule of forKind) {
          if (rule.meta.composes !== true) guarded(rule, stmt.start, () => rule.check(stmt, contexts.get(rule)!));
        }
        const own = findings.length;
        for (const inner of nested) {
          let rules = nestedByKind.get(inner.kind);
          if (rules === undefined)
            nestedByKind.set(inner.kind, (rules = ordered.filter((r) => inNestedScope(r, inner.kind))));
          for (const rule of rules) guarded(rule, inner.start, () => rule.check(inner, nestedContext(rule, stmt)));
        }
        dropRepeats(findings, statementFindings, own);
        for (const rule of forKind) {
          if (rule.meta.composes === true) guarded(rule, stmt.start, () => rule.check(stmt, contexts.get(rule)!));
        }
      }
      schema.apply(stmt, source, lineOffset);
    }
  }
  if (phase !== 'statements') {
    for (const rule of active) {
      if (rule.checkScript === undefined) continue;
      const statements = source.statements.filter((st) => inScope(rule, st.kind));
      guarded(rule, 0, () => rule.checkScript!(statements, contexts.get(rule)!));
    }
  }
  return findings;
}

/** What a rule reports, as the engine gets it. */
type Report = Parameters<RuleContext['report']>[0];

/**
 * The finding of report `r` by the rule of `meta`: its message in the target's words (and, for a
 * statement nested in a routine, when it fails), its place in `source`, its severity (`setting`, the
 * user's, first).
 */
function findingOf(
  meta: Rule['meta'],
  r: Report,
  source: SqlSource,
  target: Target,
  setting: Severity | undefined,
  within: Statement | undefined,
): Finding {
  const template = meta.messages[r.messageId];
  if (template === undefined) throw new InternalError(`rule ${meta.id} reported unknown messageId "${r.messageId}"`);
  if (r.fix && !meta.fixable.includes(r.fix.kind)) {
    throw new InternalError(`rule ${meta.id} offered a ${r.fix.kind} fix but does not declare it in meta.fixable`);
  }
  const from = source.locOf(r.start);
  const to = source.locOf(r.end);
  const severity = setting ?? r.severity ?? meta.severity;
  return {
    ruleId: meta.id,
    messageId: r.messageId,
    severity,
    message:
      formatMessage(template, { ...r.data, target: target.name }) +
      (within === undefined ? '' : runsWhen(within, severity)),
    start: r.start,
    end: r.end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    fix: r.fix ?? null,
    ...(meta.category === 'advice' ? { category: 'advice' as const } : {}),
  };
}

/**
 * The end of a nested finding's message, by the kind of routine that holds the statement: the
 * statement fails when the routine runs, not when the script loads.
 */
const RUNS_WHEN: Readonly<Partial<Record<Statement['kind'], readonly [string, string]>>> = {
  create_procedure: ['a procedure', 'the procedure is called'],
  create_function: ['a function', 'the function is called'],
  create_trigger: ['a trigger', 'the trigger fires'],
  create_event: ['an event', 'the event runs'],
};

/** The end of a nested finding's message: an error fails when the routine runs, anything else applies then. */
function runsWhen(within: Statement, severity: Severity): string {
  const [what, when] = RUNS_WHEN[within.kind] ?? RUNS_WHEN.create_procedure!;
  return ` (In ${what} body: this ${severity === 'error' ? 'fails' : 'applies'} when ${when}, not when the script loads.)`;
}

/**
 * True when `rule` looks at a statement of `kind` nested in a routine body: a rule that names the
 * kind or checks every statement, except a rule that composes (it reads the routine whole, with
 * every finding inside it), and never a nested statement the tool could not classify.
 */
function inNestedScope(rule: Rule, kind: Statement['kind']): boolean {
  if (kind === 'unknown') return false;
  return rule.meta.statements === 'all' ? rule.meta.composes !== true : rule.meta.statements.includes(kind);
}

/**
 * Removes from findings[from, own) — a routine's own findings — each one that a rule also reported
 * at the same place on a nested statement (findings from `own` on): a rule that reads the whole
 * routine (charsets, MATCH … AGAINST) finds what it finds on the nested statement too, and the
 * nested finding is the one that says when it fails.
 */
function dropRepeats(findings: Finding[], from: number, own: number): void {
  if (findings.length === own || own === from) return;
  const nested = new Set<string>();
  for (let k = own; k < findings.length; k++) nested.add(placeKey(findings[k]!));
  let kept = from;
  for (let k = from; k < findings.length; k++) {
    const f = findings[k]!;
    if (k < own && nested.has(placeKey(f))) continue;
    findings[kept++] = f;
  }
  findings.length = kept;
}

const placeKey = (f: Finding): string => `${f.ruleId}\u0000${f.start}\u0000${f.end}`;

/** True when `rule` looks at statements of `kind`. */
function inScope(rule: Rule, kind: Statement['kind']): boolean {
  return rule.meta.statements === 'all' || rule.meta.statements.includes(kind);
}

/** The order of findings in every report: by offset, then end, then rule id. */
export const byPlace = (a: Finding, b: Finding): number =>
  a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/**
 * The findings of the script-wide rules (`checkScript`) alone, without inline directives: for a
 * stream, whose segments run the per-statement checks (see lintSourceDetailed's `segment`).
 */
export function lintScriptRules(
  source: SqlSource,
  rules: readonly Rule[],
  options: EngineOptions = {},
  schema?: SchemaModel,
): Finding[] {
  // `schema`: what the whole input defined, which a script-wide rule may read (ctx.schema).
  return runRules(source, rules, options, 'script', schema).sort(byPlace);
}

/**
 * Like lintSource, and also returns what inline directives suppressed. With `segment`, `source` is
 * one segment of a longer input: the script-wide rules do not run (the caller runs them over the
 * whole input, see lintScriptRules), directives of earlier segments apply, and the verdict on a
 * directive that may still suppress something later is left to the caller (`pending`).
 */
export function lintSourceDetailed(
  source: SqlSource,
  rules: readonly Rule[],
  options: EngineOptions = {},
  segment?: SegmentContext,
): LintResult {
  const schema = segment?.schema?.clone() ?? new SchemaModel();
  const findings = runRules(
    source,
    rules,
    options,
    segment === undefined ? 'all' : 'statements',
    schema,
    segment?.lineOffset ?? 0,
  );
  const sort = (list: Finding[]) => list.sort(byPlace);
  if (options.inlineDirectives === false) {
    return { findings: sort(findings), suppressed: [], ...(segment === undefined ? {} : { schema }) };
  }
  const own = parseDirectives(source);
  const inherited = segment?.inherited ?? [];
  const directives = inherited.length === 0 ? own : [...inherited, ...own];
  const carry = segment === undefined ? undefined : inEffect(directives);
  // In a segment, a directive that is carried on, or that covers a script-wide rule (whose findings
  // come at the end), may still suppress something: its verdict waits.
  const scriptRules = rules.filter((r) => r.checkScript !== undefined && options.rules?.[r.meta.id] !== 'off');
  const pending =
    segment === undefined
      ? undefined
      : own.filter(
          (d) =>
            d.kind !== 'enable' &&
            (carry!.includes(d) || scriptRules.some((r) => d.ruleIds === null || d.ruleIds.includes(r.meta.id))),
        );
  const streamParts = segment === undefined ? {} : { carry: carry!, own, pending: pending!, schema };
  if (directives.length === 0) return { findings: sort(findings), suppressed: [], ...streamParts };
  const { kept, suppressed, unused } = applyDirectives(findings, directives);
  const deferred = new Set<Directive>([...inherited, ...(pending ?? [])]);
  const ids = new Set(rules.map((r) => r.meta.id));
  const where = (d: Directive) => {
    const from = source.locOf(d.start);
    const to = source.locOf(d.end);
    return { start: d.start, end: d.end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
  const directiveFinding = (d: Directive, ruleId: string, severity: Severity, message: string): Finding => ({
    ruleId,
    messageId: ruleId,
    severity,
    message,
    ...where(d),
    fix: null,
  });
  for (const d of own) {
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
      if (!deferred.has(d)) kept.push(unusedDirectiveFinding(d, where(d), options.reportUnusedDirectives));
    }
  }
  return { findings: sort(kept), suppressed, ...streamParts };
}

/** The finding that reports an unused directive (also used by the stream layer at the end of an input). */
export function unusedDirectiveFinding(
  d: Directive,
  at: Pick<Finding, 'start' | 'end' | 'line' | 'column' | 'endLine' | 'endColumn'>,
  severity: Severity,
): Finding {
  const what = d.ruleIds === null ? 'any finding' : d.ruleIds.join(', ');
  return {
    ruleId: DIRECTIVE_RULE_IDS.unused,
    messageId: DIRECTIVE_RULE_IDS.unused,
    severity,
    message: `Unused clustrix-lint-${d.kind} directive (no ${what} to suppress).`,
    ...at,
    fix: null,
  };
}
