// The one fixer: applies the fixes of findings as text edits, pass after pass, so that any
// combination of rules keeps its contract: bytes outside an edit are never touched, the output
// means the input minus the reported changes, and fixing twice equals fixing once.
//
// How fixes compose (the model; the README's "how fixes work" says the same):
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
// 3. The safety net, which does not depend on node-sql-parser accepting the statement: the text is
//    cut into units at delimiters and DELIMITER commands (an edit that crosses a cut joins the
//    units it touches), and every unit a pass edits is tokenized again on its own. It must hold the
//    same statements (of the same kinds) minus those removed whole; every token outside the
//    edits must read as before — same kind, same place, inside or outside an executable comment as
//    before — so no string, quoted name, comment or `/*! … *\/` delimiter is orphaned and no words
//    are joined; and a statement node-sql-parser accepted must still parse. A fix that breaks a
//    unit is dropped: the fixes of that unit are added back one by one, in order, and each one that
//    breaks it is left out. The other fixes are applied, and a dropped finding stays in `remaining`
//    with the reason in `unfixed`. InternalError is kept for bugs (an invariant that the safety net
//    should have made impossible).
// 4. Re-lint and repeat until nothing is left to apply, the text repeats, or MAX_PASSES.
import { InternalError, SqlSyntaxError } from './errors.js';
import { mergeEdits, type Edit, type Finding, type Fix, type FixKind } from './rule.js';
import { SqlSource } from './source.js';
import { parseSql, parseView, splitStatements, type Statement } from './statements.js';
import { tokenize, type Token } from './tokenize.js';

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
  readonly line: number;
  readonly column: number;
  readonly edits: readonly Edit[];
  /** The statement the fix changed, as it read before the fix (for verify's explanations). */
  readonly statement: { readonly index: number; readonly kind: string; readonly text: string } | null;
}

export interface FixLoopResult {
  readonly output: string;
  readonly applied: AppliedFix[];
  /** Findings on the output; those whose fix could not be applied safely carry `unfixed`. */
  readonly remaining: Finding[];
  /**
   * Suggestions on the input that the policy did not apply and that `remaining` no longer shows,
   * because another fix took away what they were about (the lossy removal of PARTITION BY HASH
   * takes the advice on keeping its distribution with it). Positioned in the input.
   */
  readonly superseded: Finding[];
  readonly passes: number;
}

/** Applies non-overlapping edits (already sorted, checked) to text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
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
      applied.push({
        statement:
          stmt === null ? null : { index: stmt.index, kind: stmt.kind, text: source.text.slice(stmt.start, stmt.end) },
        ruleId: c.finding.ruleId,
        kind: c.finding.fix!.kind,
        title: c.finding.fix!.title,
        message: c.finding.message,
        pass: passes,
        line: c.finding.line,
        column: c.finding.column,
        edits: c.edits,
      });
    }
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
  const remaining = dropped.size === 0 ? findings : findings.map((f) => withReason(f, dropped.get(f)));
  const superseded = passes === 0 ? [] : supersededSuggestions(initial, remaining, policy);
  return { output: source.text, applied, remaining, superseded, passes };
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
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const st = statements[mid]!;
    if ((st.delimiter?.end ?? st.end) < at) lo = mid + 1;
    else hi = mid;
  }
  return statements[lo] ?? null;
}

function withReason(f: Finding, reason: string | undefined): Finding {
  return reason === undefined ? f : { ...f, unfixed: `not fixed automatically: ${reason}` };
}

/** True when an edit of a fix falls in the unit (the units of a pass contain their edits whole). */
function overlapsUnit(unit: Unit, e: Edit): boolean {
  return e.start >= unit.from && e.end <= unit.to && (e.start < unit.to || e.start === e.end);
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

/**
 * Where the text may be cut into independently tokenizable units: around every delimiter (outside
 * executable comments) and every DELIMITER command; with the delimiter active at each cut.
 */
interface Cuts {
  /** Sorted offsets; the text is [0, n) and units run between consecutive cuts. */
  readonly at: number[];
  /** delimiterAt[i] is the delimiter active at at[i]. */
  readonly delimiterAt: string[];
}

function unitCuts(source: SqlSource, delimiter: string): Cuts {
  const at = [0];
  const delimiterAt = [delimiter];
  let current = delimiter;
  for (const t of source.tokens) {
    if (t.kind === 'delimiter' && t.exec === null) {
      at.push(t.start, t.end);
      delimiterAt.push(current, current);
    } else if (t.kind === 'delimiterCommand') {
      at.push(t.start);
      delimiterAt.push(current);
      current = t.text.slice(9).trim().split(/[ \t]/)[0] ?? current;
      at.push(t.end);
      delimiterAt.push(current);
    }
  }
  at.push(source.text.length);
  delimiterAt.push(current);
  return { at, delimiterAt };
}

/** A stretch of the text between two cuts, with the edits of a pass that fall in it. */
interface Unit {
  readonly from: number;
  readonly to: number;
  /** The delimiter active at `from`, and at `to` (the edits must leave it so for what follows). */
  readonly delimiter: string;
  readonly endDelimiter: string;
  readonly edits: Edit[];
}

/**
 * The units the edits touch: the stretch between the cuts around each edit; an edit across a cut
 * joins the stretches on both sides, and an insert at a cut belongs to both.
 */
function units(cuts: Cuts, edits: readonly Edit[]): Unit[] {
  const out: Unit[] = [];
  const { at } = cuts;
  const last = at.length - 1;
  // Index of the last cut at or before offset x.
  const cutBefore = (x: number): number => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const e of edits) {
    let a: number;
    let b: number;
    if (e.start === e.end) {
      const c = cutBefore(e.start);
      a = at[c] === e.start && c > 0 ? c - 1 : c;
      b = Math.min(c + 1, last);
      if (a === b) a = Math.max(0, b - 1);
    } else {
      a = cutBefore(e.start);
      b = Math.min(cutBefore(e.end - 1) + 1, last);
    }
    const from = at[a]!;
    const to = at[b]!;
    const prev = out[out.length - 1];
    // Units that touch are checked together: an edit on one side may change how the other reads
    // (a DELIMITER command inserted before a statement, its delimiter replaced after it).
    if (prev !== undefined && from <= prev.to) {
      const grows = to > prev.to;
      out[out.length - 1] = {
        ...prev,
        to: grows ? to : prev.to,
        endDelimiter: grows ? cuts.delimiterAt[b]! : prev.endDelimiter,
        edits: [...prev.edits, e],
      };
    } else {
      out.push({ from, to, delimiter: cuts.delimiterAt[a]!, endDelimiter: cuts.delimiterAt[b]!, edits: [e] });
    }
  }
  return out;
}

/** Index of the first token that starts at or after `offset`. */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Checks one unit under the pass's edits; returns why it is broken, or null when it is fine:
 * same statements minus those removed whole, every token outside the edits read as before, and
 * each statement that parsed before still parses.
 */
function validateUnit(source: SqlSource, unit: Unit): string | null {
  const shifted = unit.edits.map((e) => ({ start: e.start - unit.from, end: e.end - unit.from, text: e.text }));
  const after = applyEdits(source.text.slice(unit.from, unit.to), shifted);
  let tokens: Token[];
  try {
    const result = tokenize(after, unit.delimiter);
    tokens = result.tokens;
    if (unit.to < source.text.length && result.finalDelimiter !== unit.endDelimiter) {
      return 'it would change the delimiter for the rest of the script';
    }
  } catch (e) {
    if (e instanceof SqlSyntaxError) return `it would make the text unreadable (${e.reason})`;
    throw e;
  }
  // Every token outside the edits must come out the same: same kind and length at its new place,
  // inside an executable comment exactly when it was (unless the edits removed that comment's opener).
  const all = source.tokens;
  const before: Token[] = [];
  for (let k = firstTokenFrom(all, unit.from); k < all.length && all[k]!.end <= unit.to; k++) before.push(all[k]!);
  const outStart = new Map<number, Token>();
  const data: Token[] = [];
  for (const t of tokens) {
    outStart.set(t.start, t);
    if (t.kind === 'data') data.push(t);
  }
  const covered = (t: Token): boolean => {
    const s0 = t.start - unit.from;
    const e0 = t.end - unit.from;
    return shifted.some((e) => (e.start < e0 && e.end > s0) || (e.start === e.end && e.start > s0 && e.start < e0));
  };
  const goneExec = new Set<number>();
  for (const t of before) if (t.kind === 'execOpen' && covered(t)) goneExec.add(t.start);
  let shift = 0;
  let k = 0;
  for (const t of before) {
    const s0 = t.start - unit.from;
    while (k < shifted.length && shifted[k]!.end <= s0) {
      shift += shifted[k]!.text.length - (shifted[k]!.end - shifted[k]!.start);
      k++;
    }
    if (t.kind === 'whitespace' || covered(t)) continue;
    const at = s0 + shift;
    const o = outStart.get(at);
    // The VALUES payload of an INSERT is one opaque token only where the INSERT starts a client
    // statement: a fix that resets DELIMITER may turn tokens into a payload or back, the same text.
    if (t.kind === 'data' && o !== undefined) continue;
    if ((o === undefined || o.kind === 'data') && insideData(data, at, at + (t.end - t.start))) continue;
    if (o === undefined || o.end - o.start !== t.end - t.start) return describeBreak(t);
    // A `;` may become the delimiter or stop being it (a fix that resets DELIMITER); where
    // statements end is checked below.
    const semicolon = t.text === ';' && (o.kind === 'delimiter' || o.kind === 'punct');
    if (o.kind !== t.kind && !semicolon) return describeBreak(t);
    const inside = t.exec !== null && !goneExec.has(t.exec.start);
    if ((o.exec !== null) !== inside) return describeBreak(t);
  }
  // The same statements, minus those whose code and delimiter the edits removed.
  const statements = source.statements;
  const oldStatements: Statement[] = [];
  for (let i = firstStatementFrom(statements, unit.from); i < statements.length && statements[i]!.start < unit.to; i++)
    oldStatements.push(statements[i]!);
  const kept = oldStatements.filter((st) => !removedWhole(st, unit.edits));
  const newStatements = splitStatements(tokens);
  if (newStatements.length !== kept.length) {
    return newStatements.length > kept.length
      ? 'it would split a statement in two'
      : 'it would merge statements or leave an empty one';
  }
  for (let i = 0; i < kept.length; i++) {
    const old = kept[i]!;
    if (newStatements[i]!.kind !== old.kind) return 'it would change what kind of statement this is';
    const edits = unit.edits.filter((e) => e.start <= old.end && e.end >= old.start);
    if (edits.length === 0 || edits.every((e) => isValueSwap(source.text, e))) continue;
    if (!old.parse().ok) continue;
    if (!reparses(newStatements[i]!)) return 'the statement would no longer parse';
  }
  return null;
}

/** True when [start, end) lies inside one of the (sorted) payload tokens. */
function insideData(data: readonly Token[], start: number, end: number): boolean {
  let lo = 0;
  let hi = data.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = data[mid]!;
    if (d.end <= start) lo = mid + 1;
    else if (d.start > start) hi = mid - 1;
    else return end <= d.end;
  }
  return false;
}

function firstStatementFrom(statements: readonly Statement[], offset: number): number {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function describeBreak(t: Token): string {
  switch (t.kind) {
    case 'execOpen':
    case 'execClose':
      return 'it would leave an executable comment (/*! … */) open or closed on one side only';
    case 'string':
    case 'quotedIdent':
      return 'it would change where a quoted string or name ends';
    case 'comment':
      return 'it would change where a comment ends';
    case 'delimiter':
      return 'it would change where statements end';
    default:
      return `it would change how "${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}" reads (text outside the edit)`;
  }
}

/** True when deletions (touching ones joined) cover all of a statement's code and its delimiter. */
function removedWhole(st: Statement, edits: readonly Edit[]): boolean {
  const end = st.delimiter?.end ?? st.end;
  let reach = -1;
  for (const e of edits) {
    if (e.text !== '' || e.end <= e.start) continue;
    if (reach >= 0 && e.start <= reach) reach = Math.max(reach, e.end);
    else if (e.start <= st.start) reach = e.end;
    else if (reach >= 0) break;
    if (reach >= end) return true;
  }
  return false;
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

/**
 * An edit that swaps one plain name for another in a value position (after `=`, ENGINE, CHARSET,
 * CHARACTER SET, COLLATE or NAMES: an engine, charset or collation name) cannot change how the
 * statement parses, so the guard skips the parser for it: the parse is the costly part of fixing
 * a dump whose every CREATE TABLE says ENGINE=NDB. Any other edit is checked.
 */
function isValueSwap(text: string, e: Edit): boolean {
  const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const QUOTED = /^(['"`])[A-Za-z0-9_]+\1$/;
  const before = text.slice(e.start, e.end);
  const sameShape =
    (NAME.test(before) && NAME.test(e.text)) || (QUOTED.test(before) && QUOTED.test(e.text) && before[0] === e.text[0]);
  if (!sameShape) return false;
  const head = text
    .slice(Math.max(0, e.start - 16), e.start)
    .trimEnd()
    .toUpperCase();
  return /(?:=|\bENGINE|\bCHARSET|\bSET|\bCOLLATE|\bNAMES)$/.test(head);
}

function reparses(stmt: Statement): boolean {
  return parseSql(parseView(stmt.tokens)).ok;
}
