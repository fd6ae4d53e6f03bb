// The one fixer: applies the fixes of findings as text edits, pass after pass, so that any
// combination of rules keeps its contract: bytes outside an edit are never touched, the output
// means the input minus the reported changes, and fixing twice equals fixing once.
//
// How fixes compose (the model; docs/architecture.md, "How it works", says the same):
// 1. A fix is a set of edits on the text of one pass, applied whole or not at all.
// 2. Each pass takes the findings whose fix the policy allows (safe always, lossy and suggestions
//    only when asked for: see FixPolicy), in order of position (first edit,
//    then rule and message id), and adds a fix to the pass when its edits compose with those
//    already taken (see mergeEdits): disjoint edits compose; an edit inside a deletion is absorbed
//    by it; anything else (two inserts at one place, overlapping replacements, deletions that
//    share some text but not all) waits for the next pass, where the rule computes it again on
//    the new text. So the unwrap of `/*!NNNNN body *\/` (two edits: the opener and the closer)
//    composes in the same pass with edits inside `body`, and a removal of the whole comment
//    absorbs both of its edits.
// 3. The safety net (safety-net.ts), which does not depend on node-sql-parser accepting the
//    statement: the text is cut into units at delimiters and DELIMITER commands (an edit that
//    crosses a cut joins the units it touches), and every unit a pass edits is tokenized again on
//    its own. It must hold the same statements (of the same kinds) minus those removed whole; every
//    token outside the edits must read as before — same kind, same place, inside or outside an
//    executable comment as before — so no string, quoted name, comment or `/*! … *\/` delimiter is
//    orphaned and no words are joined; and a statement node-sql-parser accepted must still parse. A
//    fix that breaks a unit is dropped: the fixes of that unit are added back one by one, in order,
//    and each one that breaks it is left out. The other fixes are applied, and a dropped finding
//    stays in `remaining` with the reason in `unfixed`. InternalError is kept for bugs (an
//    invariant that the safety net should have made impossible).
// 4. Re-lint and repeat until nothing is left to apply, the text repeats, or MAX_PASSES.
// 5. Everything the run reports is placed in the input (fix-map.ts): a later pass's applied fix
//    and every finding left in the output are mapped back through the edits before them.
import { applyEdits, mergeEdits } from './edits.js';
import { InternalError } from './errors.js';
import { FixMap } from './fix-map.js';
import { lowerBound } from './position.js';
import type { Edit, Finding, Fix, FixKind } from './rule.js';
import { overlapsUnit, removedWhole, unitCuts, units, validateUnit } from './safety-net.js';
import { SqlSource } from './source.js';
import type { Statement } from './statements.js';
import type { Token } from './tokenize.js';

export const MAX_PASSES = 10;

/**
 * Which fixes a run applies: safe ones always; lossy ones with `lossy`; suggestions (a change that
 * may help on the target but changes behaviour) with `suggestions` — all of them (true) or those
 * of the named rules. A boolean is the shorthand for `{ lossy }` (no suggestions).
 */
export interface FixPolicy {
  readonly lossy: boolean;
  readonly suggestions?: boolean | ReadonlySet<string>;
}

/** What a run asks of the fixer as plain data (it crosses to worker threads): `suggestions` as rule ids. */
export interface FixMode {
  readonly lossy?: boolean;
  readonly suggestions?: boolean | readonly string[];
}

/** The policy of library-style options (`suggestions` as a list of rule ids). */
export function fixPolicy(options: FixMode): FixPolicy {
  const s = options.suggestions;
  return { lossy: options.lossy === true, suggestions: Array.isArray(s) ? new Set(s) : s === true };
}

/** True when the policy applies this finding's fix. */
export function fixAllowed(policy: FixPolicy | boolean, finding: Finding): boolean {
  const fix = finding.fix;
  if (fix === null) return false;
  const p = typeof policy === 'boolean' ? { lossy: policy } : policy;
  switch (fix.kind) {
    case 'safe':
      return true;
    case 'lossy':
      return p.lossy;
    case 'suggestion': {
      const s = p.suggestions ?? false;
      return typeof s === 'boolean' ? s : s.has(finding.ruleId);
    }
  }
}

/** A fix that was applied, with where its finding was in the text of its pass. */
export interface AppliedFix {
  readonly ruleId: string;
  readonly kind: FixKind;
  readonly title: string;
  readonly message: string;
  /** 1-based pass number; edits are offsets into the text that pass started from. */
  readonly pass: number;
  /** Where the finding was, in the input (a later pass's finding placed back through the passes before it). */
  readonly line: number;
  readonly column: number;
  readonly edits: readonly Edit[];
  /** The statement the fix changed, as it read before the fix (for verify's explanations). */
  readonly statement: { readonly index: number; readonly kind: string; readonly text: string } | null;
}

export interface FixLoopResult {
  readonly output: string;
  readonly applied: AppliedFix[];
  /**
   * Findings left in the output, placed in the input, with their place in the output as `output`;
   * those whose fix could not be applied safely carry `unfixed`.
   */
  readonly remaining: Finding[];
  /** Maps positions of the output back to the input. */
  readonly map: FixMap;
  /**
   * Suggestions on the input that the policy did not apply and that `remaining` no longer shows,
   * because another fix took away what they were about (the lossy removal of PARTITION BY HASH
   * takes the advice on keeping its distribution with it). Positioned in the input.
   */
  readonly superseded: Finding[];
  readonly passes: number;
}

function checkFix(fix: Fix, ruleId: string, textLength: number): Edit[] {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k]!;
    if (e.start < 0 || e.end > textLength || e.start > e.end) {
      throw new InternalError(`rule ${ruleId} produced an edit outside the text (${e.start}-${e.end})`);
    }
    if (k > 0 && e.start < edits[k - 1]!.end)
      throw new InternalError(`rule ${ruleId} produced overlapping edits in one fix`);
  }
  return edits;
}

interface Candidate {
  readonly finding: Finding;
  readonly edits: Edit[];
}

const byCandidateOrder = (a: Candidate, b: Candidate): number =>
  a.edits[0]!.start - b.edits[0]!.start ||
  a.edits[0]!.end - b.edits[0]!.end ||
  (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0) ||
  (a.finding.messageId < b.finding.messageId ? -1 : a.finding.messageId > b.finding.messageId ? 1 : 0);

/** The findings whose fix the policy allows, with checked edits, in the order a pass considers them. */
function candidates(findings: readonly Finding[], policy: FixPolicy | boolean, textLength: number): Candidate[] {
  return findings
    .filter((f) => fixAllowed(policy, f))
    .map((f) => ({ finding: f, edits: checkFix(f.fix!, f.ruleId, textLength) }))
    .filter((c) => c.edits.length > 0)
    .sort(byCandidateOrder);
}

/** Adds candidates in order while their edits compose with those taken (see the model above). */
function compose(list: readonly Candidate[]): { chosen: Candidate[]; edits: Edit[] } {
  const chosen: Candidate[] = [];
  let edits: Edit[] = [];
  for (const c of list) {
    const last = edits[edits.length - 1];
    const first = c.edits[0]!;
    // Fast path: candidates come in order, and most fixes lie after everything taken.
    if (last === undefined || first.start > last.end || (first.start === last.end && last.start < last.end)) {
      const own = mergeEdits(c.edits);
      if (own === null) continue;
      edits.push(...own);
    } else {
      const merged = mergeEdits([...edits, ...c.edits]);
      if (merged === null) continue;
      edits = merged;
    }
    chosen.push(c);
  }
  return { chosen, edits };
}

/**
 * Chooses which fixes one pass would apply, before the safety net: by position, each fix whose
 * edits compose with those already chosen (the others wait for the next pass).
 */
export function selectFixes(
  findings: readonly Finding[],
  policy: FixPolicy | boolean,
  textLength: number,
): Array<{ finding: Finding; edits: Edit[] }> {
  return compose(candidates(findings, policy, textLength)).chosen;
}

/**
 * Runs lint → apply → re-lint until nothing is left to fix, the text repeats, or MAX_PASSES.
 * A fix the safety net refuses is dropped and its finding is returned in `remaining` with the
 * reason in `unfixed`; the other fixes are applied.
 */
export function fixLoop(
  text: string,
  lint: (source: SqlSource) => Finding[],
  policy: FixPolicy | boolean,
  delimiter = ';',
  tokens?: Token[],
): FixLoopResult {
  let source = new SqlSource(text, { delimiter, tokens });
  const input = source;
  const inputLoc = (offset: number) => input.locOf(offset);
  let map = FixMap.identity(text.length);
  let findings = lint(source);
  const initial = findings;
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let passes = 0;
  let dropped = new Map<Finding, string>();
  let settled = false;
  while (passes < MAX_PASSES) {
    const plan = planPass(source, delimiter, candidates(findings, policy, source.text.length));
    dropped = plan.dropped;
    if (plan.chosen.length === 0) {
      settled = true;
      break;
    }
    passes++;
    const next = applyEdits(source.text, plan.edits);
    const nextSource = new SqlSource(next, { delimiter });
    assertStatementCount(source, nextSource, plan.edits, plan.chosen);
    for (const c of plan.chosen) {
      const stmt = statementAt(source.statements, c.edits[0]!.start);
      const at = map.toInput(c.finding.start, c.finding.line, c.finding.column, 'start');
      applied.push({
        statement:
          stmt === null ? null : { index: stmt.index, kind: stmt.kind, text: source.text.slice(stmt.start, stmt.end) },
        ruleId: c.finding.ruleId,
        kind: c.finding.fix!.kind,
        title: c.finding.fix!.title,
        message: c.finding.message,
        pass: passes,
        line: at.line,
        column: at.column,
        edits: c.edits,
      });
    }
    map = map.then(plan.edits, next.length, (offset) => nextSource.locOf(offset), inputLoc);
    source = nextSource;
    findings = lint(source);
    if (seen.has(next)) break;
    seen.add(next);
  }
  if (!settled) {
    // Stopped by the pass limit or a cycle: say why each fixable finding left was not applied.
    const plan = planPass(source, delimiter, candidates(findings, policy, source.text.length));
    dropped = plan.dropped;
    const waiting = `its fix did not settle within ${MAX_PASSES} passes (other fixes kept changing the same text)`;
    for (const c of plan.chosen) dropped.set(c.finding, waiting);
  }
  const left = dropped.size === 0 ? findings : findings.map((f) => withReason(f, dropped.get(f)));
  const superseded = passes === 0 ? [] : supersededSuggestions(initial, left, policy);
  const remaining = left.map((f) => map.finding(f));
  return { output: source.text, applied, remaining, map, superseded, passes };
}

/**
 * The suggestions of the input the policy left alone that the output no longer shows: matched by
 * rule, message id and message (positions move), each finding on the output matching one.
 */
function supersededSuggestions(
  initial: readonly Finding[],
  remaining: readonly Finding[],
  policy: FixPolicy | boolean,
) {
  const offered = initial.filter((f) => f.fix?.kind === 'suggestion' && !fixAllowed(policy, f));
  if (offered.length === 0) return [];
  const key = (f: Finding) => `${f.ruleId}\u0000${f.messageId}\u0000${f.message}`;
  const left = new Map<string, number>();
  for (const f of remaining) if (f.fix?.kind === 'suggestion') left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of offered) {
    const n = left.get(key(f)) ?? 0;
    if (n > 0) left.set(key(f), n - 1);
    else out.push(f);
  }
  return out;
}

/** The first statement that ends (with its delimiter) at or after `at`, or null. */
function statementAt(statements: readonly Statement[], at: number): Statement | null {
  return statements[lowerBound(statements, at, (st) => st.delimiter?.end ?? st.end)] ?? null;
}

function withReason(f: Finding, reason: string | undefined): Finding {
  return reason === undefined ? f : { ...f, unfixed: `not fixed automatically: ${reason}` };
}

interface PassPlan {
  readonly chosen: Candidate[];
  /** The merged edits of `chosen`, sorted. */
  readonly edits: Edit[];
  /** Fixes the safety net refused, with the reason. */
  readonly dropped: Map<Finding, string>;
}

/** Chooses the fixes of one pass and runs the safety net over every unit they edit. */
function planPass(source: SqlSource, delimiter: string, list: readonly Candidate[]): PassPlan {
  const dropped = new Map<Finding, string>();
  let pool = [...list];
  const cuts = unitCuts(source, delimiter);
  for (;;) {
    const { chosen, edits } = compose(pool);
    if (chosen.length === 0) return { chosen, edits, dropped };
    const failing = units(cuts, edits).filter((u) => validateUnit(source, u) !== null);
    if (failing.length === 0) return { chosen, edits, dropped };
    // Add the fixes touching a failing unit back one by one; each that breaks it is dropped.
    const refused = new Set<Candidate>();
    for (const unit of failing) {
      const inUnit = chosen.filter((c) => c.edits.some((e) => overlapsUnit(unit, e)));
      const kept: Candidate[] = [];
      for (const c of inUnit) {
        const trial = compose([...kept, c]);
        if (trial.chosen.length !== kept.length + 1) {
          refused.add(c);
          dropped.set(c.finding, 'its edits overlap those of another fix in a way that cannot be combined');
          continue;
        }
        const trialUnits = units(cuts, trial.edits).filter((u) => u.from <= unit.to && unit.from <= u.to);
        const why = trialUnits.map((u) => validateUnit(source, u)).find((r) => r !== null);
        if (why === undefined || why === null) kept.push(c);
        else {
          refused.add(c);
          dropped.set(c.finding, why);
        }
      }
    }
    if (refused.size === 0) {
      throw new InternalError('the safety net refused a combination of fixes but none of them alone');
    }
    pool = pool.filter((c) => !refused.has(c));
  }
}

/** Fails (InternalError) when a pass merged or split statements the safety net let through: a bug. */
function assertStatementCount(
  before: SqlSource,
  after: SqlSource,
  edits: readonly Edit[],
  chosen: readonly Candidate[],
): void {
  // Only statements an edit starts at or before can be removed whole: a sweep, not statements × edits.
  let removed = 0;
  let k = 0;
  for (const st of before.statements) {
    while (k < edits.length && edits[k]!.end < st.start) k++;
    if (k < edits.length && removedWhole(st, edits.slice(k, k + 8))) removed++;
  }
  if (after.statements.length !== before.statements.length - removed) {
    const ruleIds = [...new Set(chosen.map((c) => c.finding.ruleId))].join(', ');
    throw new InternalError(
      `fixes by ${ruleIds} changed the script from ${before.statements.length - removed} to ${after.statements.length} statements`,
    );
  }
}
