// The state a stream carries from segment to segment, so that it gives what the whole text gives:
// the directives in effect (a disable block still open, a disable-file comment), the tables the
// segments taken so far defined, and what the script-wide rules read of the statements they look
// at, which they check once at the end.
import { applyDirectives, type Directive } from '../core/directives.js';
import { absolute, FixMap, movedTo, outputPlace, type Place } from '../core/fix-map.js';
import { byPlace, lintScriptRules, unusedDirectiveFinding, type EngineOptions } from '../core/engine.js';
import { InternalError } from '../core/errors.js';
import { lastAtOrBefore } from '../core/position.js';
import type { Finding, Rule } from '../core/rule.js';
import { SchemaModel, sameTable, type TableFacts } from '../core/schema.js';
import type { PiecePlace } from '../core/shift.js';
import { SqlSource } from '../core/source.js';
import type { CarriedDirective } from './job.js';
import { scriptScope, type DirectiveRef, type ScriptStatement, type SegmentResult } from './segment.js';

/** A finding a directive suppressed, with the directive's reason (for SARIF). */
export interface StreamSuppressed {
  readonly finding: Finding;
  readonly reason: string | null;
}

/**
 * What a stream needs beyond its segments, so that it gives what the whole text gives:
 * - inline directives carry across segments (a disable block still open, a disable-file comment);
 * - the script-wide rules (`checkScript`: table count, name collisions) run once at the end over
 *   what they read of the statements they look at (CREATE TABLE … name: memory grows with the
 *   number of tables, not with the data), with every directive of the input applied at its place;
 * - whether a directive suppressed anything is decided at the end.
 */
export class StreamState {
  /** The directives in effect at the end of the last segment taken, by id. */
  private inherited: number[] = [];
  /** Every directive of the input, at its place in the whole input (or output, for fix), by id. */
  private readonly placed: Directive[] = [];
  private readonly columns: Array<{ column: number; endColumn: number }> = [];
  /** fix: where each directive is in the whole input. */
  private readonly inputPlaces: Array<{ from: Place; to: Place } | undefined> = [];
  /** fix: where each script-wide finding (placed in the output) is in the input. */
  private readonly inputOf = new Map<Finding, { from: Place; to: Place }>();
  private readonly pending = new Set<number>();
  private readonly used = new Set<number>();
  private readonly scriptStatements: ScriptStatement[] = [];
  private readonly scope: ReturnType<typeof scriptScope>;
  /** The schema the segments taken so far defined (grows with the schema, not with the data). */
  private readonly schema = new SchemaModel();
  private schemaEntries: ReadonlyArray<readonly [string, TableFacts]> | null = null;

  constructor(
    private readonly rules: readonly Rule[],
    private readonly options: EngineOptions,
  ) {
    this.scope = scriptScope(rules, options);
  }

  /** Ids of the directives a segment after the last one taken inherits. */
  get inheritedIds(): readonly number[] {
    return this.inherited;
  }

  /** The directives a segment after the last one taken inherits. */
  get carried(): CarriedDirective[] {
    return this.inherited.map((id) => {
      const d = this.placed[id]!;
      return { id, kind: d.kind, ruleIds: d.ruleIds, reason: d.reason };
    });
  }

  /** The tables a segment after the last one taken starts from. */
  get tables(): ReadonlyArray<readonly [string, TableFacts]> {
    return (this.schemaEntries ??= this.schema.entries());
  }

  /**
   * Of those, the ones whose names occur in `text` (a job's text, payloads left out): all a job
   * can look up, since a lookup is by a name its statements write. A job sent to a worker is
   * copied, so sending every table made each job cost as much as the schema is large (2,500 tables
   * on every ~1 MB segment of a many-tables dump). A table missed here would only make the job run
   * again (sameSchema).
   */
  tablesNamedIn(text: string): ReadonlyArray<readonly [string, TableFacts]> {
    const all = this.tables;
    if (all.length === 0) return all;
    const names = new Set<string>();
    // Quoted names whole (with ANSI_QUOTES a double-quoted one is a name), every other word too.
    for (const m of text.matchAll(/`((?:[^`]|``)+)`|"((?:[^"]|"")+)"|[\p{L}\p{N}_$]+/gu)) {
      const name = m[1] !== undefined ? m[1].replace(/``/g, '`') : m[2] !== undefined ? m[2].replace(/""/g, '"') : m[0];
      names.add(name.toLowerCase());
    }
    return all.filter(([key]) => names.has(key));
  }

  /** Whether a job's schema lookups found what the segments before it define. */
  sameSchema(reads: ReadonlyArray<readonly [string, TableFacts | undefined]>): boolean {
    return reads.every(([name, facts]) => sameTable(this.schema.table(name), facts));
  }

  /**
   * Takes a segment's (final) result; `at` places the segment's (output) text in the whole output,
   * `inAt` its input text in the whole input (the same for check).
   */
  take(r: SegmentResult, at: PiecePlace, inAt: PiecePlace = at): void {
    const ids = r.own.map((d) => {
      const id = this.placed.length;
      this.placed.push({
        kind: d.kind,
        ruleIds: d.ruleIds,
        reason: d.reason,
        start: d.start + at.base,
        end: d.end + at.base,
        line: d.line + at.line - 1,
        endLine: d.endLine + at.line - 1,
      });
      this.columns.push({ column: d.column, endColumn: d.endColumn });
      const i = d.input;
      this.inputPlaces.push(
        i === undefined
          ? undefined
          : {
              from: { offset: i.start + inAt.base, line: i.line + inAt.line - 1, column: i.column },
              to: { offset: i.end + inAt.base, line: i.endLine + inAt.line - 1, column: i.endColumn },
            },
      );
      return id;
    });
    const idOf = (x: DirectiveRef) => ('own' in x ? ids[x.own]! : x.id);
    for (const i of r.pending) this.pending.add(ids[i]!);
    for (const u of r.used) this.used.add(idOf(u));
    this.inherited = r.carry.map(idOf);
    if (r.schemaChanges.length > 0) {
      this.schema.change(r.schemaChanges);
      this.schemaEntries = null;
    }
    for (const s of r.script) {
      this.scriptStatements.push({
        text: s.text,
        start: s.start + at.base,
        line: s.line + at.line - 1,
        column: s.column,
        ...(s.input === undefined
          ? {}
          : { input: { ...s.input, start: s.input.start + inAt.base, line: s.input.line + inAt.line - 1 } }),
      });
    }
  }

  /**
   * The script-wide findings and the unused-directive verdicts, at their places in the whole input
   * (for fix, with their places in the output as `output`).
   */
  finish(): { findings: Finding[]; suppressed: StreamSuppressed[] } {
    const out = this.scriptFindings();
    const inline = this.options.inlineDirectives !== false;
    const applied = inline ? this.applyPlaced(out) : { kept: out, suppressed: [] };
    // Directives apply where they are in the output, as the findings were found; then (fix) both go to the input.
    const toInput = (f: Finding) => {
      const i = this.inputOf.get(f);
      return i === undefined ? f : inInput(f, i.from, i.to);
    };
    const kept = applied.kept.map(toInput);
    const suppressed = applied.suppressed.map((x) => ({ ...x, finding: toInput(x.finding) }));
    const severity = this.options.reportUnusedDirectives;
    if (inline && severity !== undefined) {
      this.placed.forEach((p, id) => {
        if (!this.pending.has(id) || this.used.has(id)) return;
        const { column, endColumn } = this.columns[id]!;
        const f = unusedDirectiveFinding(
          p,
          { start: p.start, end: p.end, line: p.line, column, endLine: p.endLine, endColumn },
          severity,
        );
        const i = this.inputPlaces[id];
        kept.push(i === undefined ? f : inInput(f, i.from, i.to));
      });
    }
    return { findings: kept.sort(byPlace), suppressed };
  }

  /** Runs the script-wide rules over the collected statements, rejoined, and maps findings back. */
  private scriptFindings(): Finding[] {
    if (this.scriptStatements.length === 0 || this.scope.rules.length === 0) return [];
    const starts: number[] = [];
    let digest = '';
    for (const st of this.scriptStatements) {
      starts.push(digest.length);
      digest += st.text + ';\n';
    }
    const source = new SqlSource(digest);
    if (source.statements.length !== this.scriptStatements.length) {
      throw new InternalError('the statements kept for the script-wide rules did not split back into themselves');
    }
    const lines = source.statements.map((st) => source.locOf(st.start).line);
    const map = (offset: number, line: number, column: number, i: number) => {
      const st = this.scriptStatements[i]!;
      return {
        offset: st.start + offset - starts[i]!,
        line: st.line + line - lines[i]!,
        column: line === lines[i] ? st.column + column - 1 : column,
      };
    };
    const inputOf = this.inputOf;
    const found = lintScriptRules(source, this.rules, this.options, this.schema).map((f) => {
      // The statement the finding starts in: the last one starting at or before it.
      const i = Math.max(
        0,
        lastAtOrBefore(starts, f.start, (s) => s),
      );
      const from = map(f.start, f.line, f.column, i);
      const to = map(f.end, f.endLine, f.endColumn, i);
      const placed = movedTo(f, from, to);
      const input = this.scriptStatements[i]!.input;
      if (input === undefined) return placed;
      // fix: placed in the input through the changes the fixes made in the statement's text.
      const back = FixMap.of(input.changes ?? []);
      const inStart = { offset: input.start, line: input.line, column: input.column };
      const rel = (offset: number, line: number, column: number, bias: 'start' | 'end') =>
        absolute(back.toInput(offset - starts[i]!, line - lines[i]! + 1, column, bias), inStart);
      const a = rel(f.start, f.line, f.column, 'start');
      const b = rel(f.end, f.endLine, f.endColumn, 'end');
      inputOf.set(placed, { from: a, to: b.offset < a.offset ? a : b });
      return placed;
    });
    return found;
  }

  /** Applies every directive of the input, at its place, to findings placed in the whole input. */
  private applyPlaced(findings: Finding[]): { kept: Finding[]; suppressed: StreamSuppressed[] } {
    if (findings.length === 0 || this.placed.length === 0) return { kept: findings, suppressed: [] };
    const { kept, suppressed } = applyDirectives(findings, this.placed);
    for (const s of suppressed) this.used.add(this.placed.indexOf(s.directive));
    return { kept, suppressed: suppressed.map((s) => ({ finding: s.finding, reason: s.directive.reason })) };
  }
}

/** A finding of the output (fix) placed in the input at [from, to), with its place in the output as `output`. */
function inInput(f: Finding, from: Place, to: Place): Finding {
  return { ...movedTo(f, from, to), output: outputPlace(f) };
}
