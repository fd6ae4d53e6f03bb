// Running one segment's job (in this thread or a worker thread): pure, plain data in and out. The
// job is linted (or fixed) with the directives and the tables the segments before it leave; its
// result places everything in the segment's own text and holds no string of it, since it may
// outlive the text (the records of a long stream).
import { detach } from '../core/detach.js';
import type { Directive } from '../core/directives.js';
import { lintSourceDetailed, type EngineOptions, type LintResult, type SegmentContext } from '../core/engine.js';
import { InternalError } from '../core/errors.js';
import type { Change, FixMap } from '../core/fix-map.js';
import { fixLoop, fixPolicy, type AppliedFix, type FixMode } from '../core/fixer.js';
import { lineStarts } from '../core/position.js';
import type { Finding, Rule } from '../core/rule.js';
import { SchemaModel, type SchemaChange, type TableFacts } from '../core/schema.js';
import { SqlSource } from '../core/source.js';
import type { Statement } from '../core/statements.js';
import { BODY_STATEMENTS, createTableLayout } from '../core/structure.js';
import { tokenize, type Token } from '../core/tokenize.js';
import { countNewlines } from './bytes.js';
import type { Payload, SegmentJob } from './job.js';
import { OffsetMap, placeApplied, placeFinding } from './place.js';

/** A directive written in a segment, placed in the segment's (output) text (lines 1-based in it). */
export interface OwnDirective extends Omit<Directive, 'ruleIds'> {
  readonly ruleIds: string[] | null;
  readonly column: number;
  readonly endColumn: number;
  /** fix: where it is in the segment's input text. */
  readonly input?: Omit<OwnDirective, 'kind' | 'ruleIds' | 'reason' | 'input'>;
}

/** A directive, by its index in the segment's own ones, or by its id in the stream. */
export type DirectiveRef = { readonly own: number } | { readonly id: number };

/** A statement kept for the script-wide rules, placed in the segment's (output) text. */
export interface ScriptStatement {
  readonly text: string;
  readonly start: number;
  readonly line: number;
  readonly column: number;
  /**
   * fix: where it starts in the segment's input text, and the changes the fixes made in `text`
   * (relative to its start, see FixMap.slice), if any, to place what is found in it in the input.
   */
  readonly input?: {
    readonly start: number;
    readonly line: number;
    readonly column: number;
    readonly changes?: Change[];
  };
}

/** fix: the way back from the final job text to the segment's input text. */
interface Back {
  /** Final job text → input job text. */
  readonly map: FixMap;
  /** Input job text → the segment's input text. */
  readonly inputMap: OffsetMap;
}

/** What running a segment's job gives: plain data, placed in the segment's text. */
export interface SegmentResult {
  readonly index: number;
  /** Set when a fix edited a placeholder: the job must run again on the whole text. */
  readonly retry?: true;
  /**
   * check: the findings; fix: those left in the output, placed in the segment's input text, with
   * `output` and their fix's edits in its output text.
   */
  readonly findings: Finding[];
  /** Findings a directive suppressed (check only), with the directive's reason. */
  readonly suppressed: Array<{ readonly finding: Finding; readonly reason: string | null }>;
  /** fix: the fixes applied, in the segment's input text. */
  readonly applied: AppliedFix[];
  /** fix: suggestions not applied whose subject another fix removed, in the segment's input text. */
  readonly superseded: Finding[];
  /** fix: the output, as text pieces and payload numbers; null when the segment is unchanged. */
  readonly output: Array<string | number> | null;
  /** fix: the length of the output in UTF-16 code units, and its line breaks. */
  readonly outLength: number;
  readonly outBreaks: number;
  /** Statements of the segment's input. */
  readonly statements: number;
  readonly own: OwnDirective[];
  /** Indexes of `own` whose unused verdict waits for the end of the input. */
  readonly pending: number[];
  /** Directives that suppressed something. */
  readonly used: DirectiveRef[];
  /** Directives still in effect at the end of the segment, for the next one. */
  readonly carry: DirectiveRef[];
  readonly script: ScriptStatement[];
  /** The schema lookups that reached what earlier segments defined, with what they found. */
  readonly schemaReads: Array<[string, TableFacts | undefined]>;
  /** What the segment's statements (as read, before any fix) changed in the schema. */
  readonly schemaChanges: SchemaChange[];
  /** With `keep`: the final lint's source and findings (offsets in the segment's text). */
  readonly kept?: { readonly source: SqlSource; readonly findings: readonly Finding[] };
}

/** Statement kinds whose bodies hold `;`: they cannot be rejoined with `;` for the script-wide rules. */
const BODY_KINDS: ReadonlySet<string> = new Set(BODY_STATEMENTS);

/** The script-wide rules of a run, and the statement kinds they look at. */
export function scriptScope(
  rules: readonly Rule[],
  options: EngineOptions,
): { rules: Rule[]; all: boolean; kinds: Set<string>; namesOnly: boolean } {
  const scriptRules = rules.filter((r) => r.checkScript !== undefined && options.rules?.[r.meta.id] !== 'off');
  const kinds = new Set(
    scriptRules.flatMap((r): string[] => (r.meta.statements === 'all' ? [] : [...r.meta.statements])),
  );
  return {
    rules: scriptRules,
    all: scriptRules.some((r) => r.meta.statements === 'all'),
    kinds,
    namesOnly: scriptRules.every((r) => r.meta.scriptReads === 'name'),
  };
}

/**
 * What the script-wide rules keep of a statement: for CREATE TABLE, when they read only names
 * (table count, name collisions: `scriptReads: 'name'`), the text up to the end of the table name,
 * so their memory grows with the number of tables, not with the size of their definitions; else,
 * and for any other statement, the whole text (no-cascade-to-non-unique-key reads every key).
 */
function scriptText(source: SqlSource, st: Statement, namesOnly: boolean): string {
  if (namesOnly && st.kind === 'create_table') {
    const name = st.code[createTableLayout(st).nameAt];
    if (name !== undefined && name.exec === null) return source.text.slice(st.start, name.end);
  }
  return source.text.slice(st.start, st.end);
}

/** The lints of one job (the fixer's passes), each source's offset map made once. */
class Lints {
  /** The lints in the order they ran; the last is the final text's. */
  readonly done: Array<{ source: SqlSource; result: LintResult }> = [];
  private readonly maps = new Map<SqlSource, OffsetMap | null>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly options: EngineOptions,
    private readonly context: SegmentContext,
    private readonly payloads: readonly Payload[],
  ) {}

  /** Lints `source`; the fixer lints its final text twice when the last pass changed something, once is enough. */
  readonly lint = (source: SqlSource): Finding[] => {
    const last = this.done[this.done.length - 1];
    if (last !== undefined && last.source === source) return last.result.findings;
    const result = lintSourceDetailed(source, this.rules, this.options, this.context);
    this.done.push({ source, result });
    return result.findings;
  };

  /** The offset map of a source linted here (null when a fix touched a placeholder). */
  mapOf(source: SqlSource): OffsetMap | null {
    if (!this.maps.has(source)) this.maps.set(source, OffsetMap.of(source, this.payloads));
    return this.maps.get(source)!;
  }
}

/**
 * Checks (mode null) or fixes one segment (lossy fixes and suggestions as `mode` says). `options`
 * must have been validated. The result holds no string of the segment's text: it may outlive it
 * (records of a long stream).
 */
export function runSegment(
  job: SegmentJob,
  rules: readonly Rule[],
  options: EngineOptions,
  mode: FixMode | null,
): SegmentResult {
  const tokens = job.tokens ?? tokenize(job.text, job.delimiter).tokens;
  const inherited: Directive[] = job.inherited.map((w) => ({
    kind: w.kind,
    ruleIds: w.ruleIds,
    reason: w.reason,
    start: -1,
    end: -1,
    line: 0,
    endLine: 0,
  }));
  const idOf = new Map(inherited.map((d, i) => [d, job.inherited[i]!.id]));
  const reads = new Map<string, TableFacts | undefined>();
  const schema = new SchemaModel(job.schema, reads);
  const lints = new Lints(rules, options, { inherited, schema, lineOffset: job.lineOffset }, job.payloads);

  const input = new SqlSource(job.text, { tokens, delimiter: job.delimiter });
  let fixed: FixOutcome = { applied: [], superseded: [], output: null, outLength: 0, outBreaks: 0, map: null };
  if (mode === null) lints.lint(input);
  else {
    const outcome = fixSegment(job, input, tokens, mode, lints);
    if (outcome === null) return { ...EMPTY_RESULT, index: job.index, retry: true };
    fixed = outcome;
  }
  const { source, result } = lints.done[lints.done.length - 1]!;
  const map = lints.mapOf(source)!;
  const back: Back | null = fixed.map === null ? null : { map: fixed.map, inputMap: lints.mapOf(input)! };
  if (fixed.output === null) {
    fixed.outLength = map.offset(source.text.length);
    fixed.outBreaks = mode === null ? 0 : countNewlines(source.text);
  }
  return {
    index: job.index,
    findings:
      back === null
        ? result.findings.map((f) => placeFinding(f, map))
        : result.findings.map((f) => placeFinding(back.map.finding(f), back.inputMap, map)),
    suppressed:
      mode === null
        ? result.suppressed.map((s) => ({
            finding: placeFinding(s.finding, map),
            reason: s.directive.reason === null ? null : detach(s.directive.reason),
          }))
        : [],
    applied: fixed.applied,
    superseded: fixed.superseded,
    output: fixed.output,
    outLength: fixed.outLength,
    outBreaks: fixed.outBreaks,
    statements: input.statements.length,
    ...placeDirectives(source, map, result, idOf, back),
    script: scriptStatements(source, map, rules, options, back),
    schemaReads: [...reads],
    // Later statements depend on what the script defines as written (a DROP INDEX of a FULLTEXT
    // index a lossy fix removes), as the whole-text fixer's first pass sees it: the schema the next
    // segment gets is that of this segment's text before its fixes.
    schemaChanges: lints.done[0]!.result.schema?.changesSince(schema) ?? [],
    ...(job.keep === true ? { kept: { source, findings: result.findings } } : {}),
  };
}

/** What a segment's fix did, placed in the segment's text (`output` null: the text is unchanged). */
interface FixOutcome {
  applied: AppliedFix[];
  superseded: Finding[];
  output: Array<string | number> | null;
  outLength: number;
  outBreaks: number;
  /** fix: the final job text's way back to the input job text. */
  map: FixMap | null;
}

/** Fixes a job's text; null when a fix edited a placeholder (the job must run on the whole text). */
function fixSegment(
  job: SegmentJob,
  input: SqlSource,
  tokens: Token[],
  mode: FixMode,
  lints: Lints,
): FixOutcome | null {
  const r = fixLoop(job.text, lints.lint, fixPolicy(mode), job.delimiter, tokens);
  // Suggestions another fix took away, placed in the segment's input text.
  const inputMap = r.superseded.length === 0 ? null : lints.mapOf(input);
  const superseded = inputMap === null ? [] : r.superseded.map((f) => placeFinding(f, inputMap));
  if (r.passes === 0) return { applied: [], superseded, output: null, outLength: 0, outBreaks: 0, map: r.map };
  const final = lints.done[lints.done.length - 1]!.source;
  const finalMap = lints.mapOf(final);
  const sources = lints.done.map((l) => l.source);
  if (finalMap === null || r.applied.some((a) => lints.mapOf(sources[a.pass - 1]!) === null)) return null;
  // An applied fix's line and column are in the input, its edits in the text of its pass.
  const inputStarts = lineStarts(input.text);
  const applied = r.applied.map((a) => {
    const pass = sources[a.pass - 1]!;
    return placeApplied(
      a,
      { source: input, map: inputMap ?? lints.mapOf(input)!, starts: inputStarts },
      pass,
      lints.mapOf(pass)!,
    );
  });
  const output: Array<string | number> = [];
  let at = 0;
  if (job.payloads.length > 0) {
    for (const t of final.tokens) {
      if (t.kind !== 'data') continue;
      output.push(final.text.slice(at, t.start), finalMap.order[output.length >> 1]!);
      at = t.end;
    }
  }
  output.push(final.text.slice(at));
  return {
    applied,
    superseded,
    output,
    outLength: finalMap.offset(final.text.length),
    outBreaks: countNewlines(final.text),
    map: r.map,
  };
}

/** The directives of a segment's final lint: its own placed in its text, the others by reference. */
function placeDirectives(
  source: SqlSource,
  map: OffsetMap,
  result: LintResult,
  idOf: ReadonlyMap<Directive, number>,
  back: Back | null,
): Pick<SegmentResult, 'own' | 'pending' | 'used' | 'carry'> {
  const own = result.own ?? [];
  const ownIndex = new Map(own.map((d, i) => [d, i]));
  const ref = (d: Directive): DirectiveRef => {
    const i = ownIndex.get(d);
    if (i !== undefined) return { own: i };
    const id = idOf.get(d);
    if (id === undefined) throw new InternalError('a directive of a segment is neither its own nor carried into it');
    return { id };
  };
  const ownPlaced: OwnDirective[] = own.map((d) => {
    const from = source.locOf(d.start);
    const to = source.locOf(d.end);
    let input: OwnDirective['input'];
    if (back !== null) {
      const a = back.map.toInput(d.start, from.line, from.column, 'start');
      const b = back.map.toInput(d.end, to.line, to.column, 'end');
      const m = back.inputMap;
      input = {
        start: m.offset(a.offset),
        end: m.offset(b.offset),
        line: a.line,
        endLine: b.line,
        column: m.column(a.offset, a.column),
        endColumn: m.column(b.offset, b.column),
      };
    }
    return {
      ...(input === undefined ? {} : { input }),
      kind: d.kind,
      ruleIds: d.ruleIds === null ? null : d.ruleIds.map(detach),
      reason: d.reason === null ? null : detach(d.reason),
      start: map.offset(d.start),
      end: map.offset(d.end),
      line: from.line,
      endLine: to.line,
      column: map.column(d.start, from.column),
      endColumn: map.column(d.end, to.column),
    };
  });
  const used = new Map<Directive, DirectiveRef>();
  for (const s of result.suppressed) if (!used.has(s.directive)) used.set(s.directive, ref(s.directive));
  return {
    own: ownPlaced,
    pending: (result.pending ?? []).map((d) => ownIndex.get(d)!),
    used: [...used.values()],
    carry: (result.carry ?? []).map(ref),
  };
}

/** The statements of a segment the script-wide rules look at, placed in the segment's text. */
function scriptStatements(
  source: SqlSource,
  map: OffsetMap,
  rules: readonly Rule[],
  options: EngineOptions,
  back: Back | null,
): ScriptStatement[] {
  const script: ScriptStatement[] = [];
  const scope = scriptScope(rules, options);
  if (scope.rules.length === 0) return script;
  for (const st of source.statements) {
    if (!(scope.all || scope.kinds.has(st.kind)) || BODY_KINDS.has(st.kind)) continue;
    const loc = source.locOf(st.start);
    const text = detach(scriptText(source, st, scope.namesOnly));
    let input: ScriptStatement['input'];
    if (back !== null) {
      const from = { offset: st.start, ...loc };
      const at = back.map.toInput(st.start, loc.line, loc.column, 'start');
      const changes = back.map.slice(from, st.start + text.length, at);
      const m = back.inputMap;
      input = {
        start: m.offset(at.offset),
        line: at.line,
        column: m.column(at.offset, at.column),
        ...(changes.length === 0 ? {} : { changes }),
      };
    }
    script.push({
      text,
      start: map.offset(st.start),
      line: loc.line,
      column: map.column(st.start, loc.column),
      ...(input === undefined ? {} : { input }),
    });
  }
  return script;
}

const EMPTY_RESULT: SegmentResult = {
  index: -1,
  findings: [],
  suppressed: [],
  applied: [],
  superseded: [],
  output: null,
  outLength: 0,
  outBreaks: 0,
  statements: 0,
  own: [],
  pending: [],
  used: [],
  carry: [],
  script: [],
  schemaReads: [],
  schemaChanges: [],
};
