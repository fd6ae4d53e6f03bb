// The one fixer: applies findings' fixes as text edits (sorted, overlaps deferred), re-lints
// and repeats, at most MAX_PASSES times. Bytes outside an edit are never touched.
import { InternalError } from './errors.js';
import type { Edit, Finding, Fix, FixKind } from './rule.js';
import { SqlSource } from './source.js';
import { parseSql, parseView, type Statement } from './statements.js';
import { tokenize, type Token } from './tokenize.js';

export const MAX_PASSES = 10;

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
  /** Findings on the output. */
  readonly remaining: Finding[];
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

/**
 * Chooses which fixes to apply in one pass: by position, skipping any fix that overlaps one
 * already chosen (it stays a finding and is retried on the next pass).
 */
export function selectFixes(
  findings: readonly Finding[],
  allowLossy: boolean,
  textLength: number,
): Array<{ finding: Finding; edits: Edit[] }> {
  const candidates = findings
    .filter((f) => f.fix !== null && (allowLossy || f.fix.kind === 'safe'))
    .map((f) => ({ finding: f, edits: checkFix(f.fix!, f.ruleId, textLength) }))
    .filter((c) => c.edits.length > 0)
    .sort((a, b) => a.edits[0]!.start - b.edits[0]!.start || a.edits[0]!.end - b.edits[0]!.end);
  const chosen: Array<{ finding: Finding; edits: Edit[] }> = [];
  const taken: Edit[] = [];
  for (const c of candidates) {
    const overlaps = c.edits.some((e) =>
      taken.some(
        (t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start && t.start === t.end),
      ),
    );
    if (overlaps) continue;
    chosen.push(c);
    taken.push(...c.edits);
  }
  return chosen;
}

/**
 * Runs lint → apply → re-lint until nothing is left to fix, the text repeats, or MAX_PASSES.
 * Guards the design's promise: a statement node-sql-parser accepted before a pass must still be
 * accepted after it, else this throws InternalError rather than emit a broken script.
 */
export function fixLoop(
  text: string,
  lint: (source: SqlSource) => Finding[],
  allowLossy: boolean,
  delimiter = ';',
  tokens?: Token[],
): FixLoopResult {
  let source = new SqlSource(text, { delimiter, tokens });
  let findings = lint(source);
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const chosen = selectFixes(findings, allowLossy, source.text.length);
    if (chosen.length === 0) break;
    passes++;
    const edits = chosen.flatMap((c) => c.edits).sort((a, b) => a.start - b.start);
    const next = applyEdits(source.text, edits);
    const ruleIds = chosen.map((c) => c.finding.ruleId);
    guardParses(source, edits, ruleIds);
    const nextSource = new SqlSource(next, { delimiter });
    guardStatementCount(source, nextSource, edits, ruleIds);
    for (const c of chosen) {
      const at = c.edits[0]!.start;
      const stmt = source.statements.find((st) => at <= (st.delimiter?.end ?? st.end)) ?? null;
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
    if (seen.has(next)) break;
    seen.add(next);
    findings = lint(source);
  }
  return { output: source.text, applied, remaining: passes === 0 ? findings : lint(source), passes };
}

/** Throws when an edited statement that parsed before no longer parses. */
function guardParses(source: SqlSource, edits: readonly Edit[], ruleIds: readonly string[]): void {
  for (const stmt of source.statements) {
    const inside = edits.filter((e) => e.start >= stmt.start && e.end <= stmt.end);
    if (inside.length === 0 || inside.every((e) => isValueSwap(source.text, e))) continue;
    if (!stmt.parse().ok) continue;
    const local = inside.map((e) => ({ start: e.start - stmt.start, end: e.end - stmt.start, text: e.text }));
    const after = applyEdits(source.text.slice(stmt.start, stmt.end), local);
    if (!reparses(after, stmt)) {
      const at = source.locOf(stmt.start);
      throw new InternalError(
        `a fix by ${[...new Set(ruleIds)].join(', ')} would make the statement at line ${at.line} unparsable; nothing was written`,
      );
    }
  }
}

/** Throws when a pass merged or split statements (e.g. a delimiter swallowed by a comment). */
function guardStatementCount(
  before: SqlSource,
  after: SqlSource,
  edits: readonly Edit[],
  ruleIds: readonly string[],
): void {
  const removed = before.statements.filter((st) =>
    edits.some((e) => e.start <= st.start && e.end >= (st.delimiter?.end ?? st.end)),
  ).length;
  if (after.statements.length !== before.statements.length - removed) {
    throw new InternalError(
      `a fix by ${[...new Set(ruleIds)].join(', ')} would change the script from ${before.statements.length - removed} to ${after.statements.length} statements; nothing was written`,
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

function reparses(text: string, stmt: Statement): boolean {
  if (text.trim() === '') return true; // the whole statement was removed
  const { tokens } = tokenize(text, stmt.delimiter?.text ?? ';');
  return parseSql(parseView(tokens)).ok;
}
