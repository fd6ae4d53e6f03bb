// Streaming: a script is cut at statement boundaries into segments of about SEGMENT_SIZE
// characters, and each segment is checked and fixed on its own, so memory does not grow with the
// input. Findings carry offsets and lines in the whole input.
import { Buffer, isUtf8 } from 'node:buffer';
import { applyDirectives, type Directive } from './directives.js';
import {
  byPlace,
  lintScriptRules,
  lintSourceDetailed,
  unusedDirectiveFinding,
  type EngineOptions,
  type LintResult,
  type SegmentContext,
} from './engine.js';
import { InternalError, SqlSyntaxError } from './errors.js';
import { fixLoop, fixPolicy, type AppliedFix } from './fixer.js';
import { firstInvalidUtf8 } from './utf8.js';
import type { Finding, Fix, Rule } from './rule.js';
import { SqlSource, locateOffset } from './source.js';
import { SchemaModel } from './schema.js';
import { BODY_STATEMENTS } from './structure.js';
import { scanData, tokenize, tokenizePartial, type KnownPayload, type Token } from './tokenize.js';

/** Characters per segment: small enough for constant memory, large enough that a normal schema file is one segment. */
export const SEGMENT_SIZE = 1024 * 1024;

export interface Segment {
  readonly text: string;
  /** Tokens of `text`, offsets relative to it. */
  readonly tokens: Token[];
  /** Offset of the segment in the whole input (UTF-16 code units). */
  readonly base: number;
  /** Line of the segment's first character in the whole input (1-based); segments start at a line start. */
  readonly line: number;
  /** The delimiter active at the start of the segment. */
  readonly delimiter: string;
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Decodes UTF-8 chunks strictly, with `name:line:col` errors for NUL bytes or invalid UTF-8. */
async function* decode(input: AsyncIterable<Uint8Array | string>, name: string): AsyncGenerator<string> {
  let pending: Uint8Array = new Uint8Array(0);
  let first = true;
  let lineCount = 1;
  let column = 1;
  const advance = (text: string) => {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) column += text.length;
    else {
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineCount++;
      column = text.length - nl;
    }
  };
  const fail = (reason: string, bytes: Uint8Array, at: number): never => {
    const before = Buffer.from(bytes.buffer, bytes.byteOffset, at).toString('utf8');
    const loc = locateOffset(before, before.length);
    const line = lineCount + loc.line - 1;
    const col = loc.line === 1 ? column + loc.column - 1 : loc.column;
    throw new SqlSyntaxError(reason, -1).locate(line, col, name);
  };
  const check = (bytes: Uint8Array): string => {
    const nul = bytes.indexOf(0);
    if (nul >= 0) fail('binary file (NUL byte); expected a UTF-8 SQL script', bytes, nul);
    if (!isUtf8(bytes)) {
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      fail(`invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}`, bytes, bad);
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
    advance(text);
    return text;
  };
  for await (const chunk of input) {
    let bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (
      first &&
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    ) {
      throw new SqlSyntaxError('UTF-16 text is not supported; convert the file to UTF-8', 0).locate(1, 1, name);
    }
    first = false;
    if (pending.length > 0) bytes = Buffer.concat([pending, bytes]);
    const cut = completeLength(bytes);
    pending = bytes.subarray(cut);
    if (cut > 0) yield check(bytes.subarray(0, cut));
  }
  if (pending.length > 0) yield check(pending);
}

/** Cuts decoded text into segments at statement boundaries. */
export async function* segments(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  segmentSize = SEGMENT_SIZE,
): AsyncGenerator<Segment> {
  let buffer = '';
  let base = 0;
  let line = 1;
  let delimiter = ';';
  let want = segmentSize;
  // An INSERT payload that ran past the end of the buffer is scanned on as input arrives, only the
  // new text each time (`window` holds buffer[windowBase…], from the last safe restart point), so
  // a payload of any size is scanned once; `known` is its end once found, for the tokenizer.
  // Inside a long string the safe point cannot move; the scan then waits for the window to double
  // (`wait`), so a string of any length costs linear time.
  let open: { from: number; windowBase: number; window: string; wait: number } | null = null;
  let known: KnownPayload | null = null;
  const lines = (s: string) => {
    let n = 0;
    for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
    return n;
  };
  const locate = (e: unknown) => {
    if (e instanceof SqlSyntaxError && e.line === undefined) {
      const at = locateOffset(buffer, e.offset);
      e.locate(line + at.line - 1, at.column, name);
    }
    return e;
  };
  for await (const text of decode(input, name)) {
    buffer += text;
    if (open !== null) {
      const window: string = open.window + text;
      if (window.length < open.wait) {
        open.window = window;
        continue;
      }
      const progress = { safe: 0 };
      const end = scanData(window, 0, delimiter, progress);
      if (end === window.length) {
        open.windowBase += progress.safe;
        open.window = window.slice(progress.safe);
        open.wait = progress.safe === 0 ? window.length * 2 : 0;
        continue;
      }
      known = { from: open.from, end: open.windowBase + end };
      open = null;
    }
    if (buffer.length < want) continue;
    let partial;
    try {
      partial = tokenizePartial(buffer, delimiter, known);
    } catch (e) {
      throw locate(e);
    }
    known = null;
    if (partial.open !== undefined) {
      const at = partial.open.safe;
      open = { from: partial.open.from, windowBase: at, window: buffer.slice(at), wait: 0 };
    }
    if (partial.end === 0) {
      // One statement longer than the segment: wait for more. A data payload is scanned on as it
      // comes (above); anything else is tokenized again, doubling so the retries stay linear.
      want = open === null ? buffer.length * 2 : segmentSize;
      continue;
    }
    const segText = buffer.slice(0, partial.end);
    yield { text: segText, tokens: partial.tokens, base, line, delimiter };
    base += segText.length;
    line += lines(segText);
    delimiter = partial.delimiter;
    buffer = buffer.slice(partial.end);
    if (open !== null) {
      open.from -= partial.end;
      open.windowBase -= partial.end;
    }
    want = Math.max(segmentSize, buffer.length + 1);
  }
  if (buffer.length > 0 || base === 0) {
    let tokens: Token[];
    try {
      tokens = tokenize(buffer, delimiter, known).tokens;
    } catch (e) {
      throw locate(e);
    }
    yield { text: buffer, tokens, base, line, delimiter };
  }
}

/** Moves a segment-relative finding to the whole input (segments start at a line start). */
function shift<T extends { start: number; end: number; line: number; endLine: number; fix?: Fix | null }>(
  f: T,
  seg: Segment,
): T {
  const moved = {
    ...f,
    start: f.start + seg.base,
    end: f.end + seg.base,
    line: f.line + seg.line - 1,
    endLine: f.endLine + seg.line - 1,
  };
  // A fix's edits are offsets too: into the whole input, like the finding.
  if (f.fix !== undefined && f.fix !== null && seg.base !== 0) {
    moved.fix = {
      ...f.fix,
      edits: f.fix.edits.map((e) => ({ start: e.start + seg.base, end: e.end + seg.base, text: e.text })),
    };
  }
  return moved;
}

export interface StreamOptions extends EngineOptions {
  readonly filename?: string;
  /** Characters per segment (default SEGMENT_SIZE). */
  readonly segmentSize?: number;
  /**
   * checkStreamWith only: called after each segment is checked, with the segment, its source and
   * its findings as the engine gave them (offsets, lines and fix edits relative to the segment),
   * for callers that build something from the statements as they stream by (the report).
   */
  readonly onSegment?: (segment: Segment, source: SqlSource, findings: readonly Finding[]) => void;
}

/** Statement kinds whose bodies hold `;`: they cannot be rejoined with `;` for the script-wide rules. */
const BODY_KINDS: ReadonlySet<string> = new Set(BODY_STATEMENTS);

/**
 * What a stream needs beyond its segments, so that it gives what the whole text gives:
 * - inline directives carry across segments (a disable block still open, a disable-file comment);
 * - the script-wide rules (`checkScript`: table count, name collisions) run once at the end over
 *   copies of the statements they look at (CREATE TABLE; memory grows with the schema, not with
 *   the data), with every directive of the input applied at its place;
 * - whether a directive suppressed anything is decided at the end.
 */
class StreamState {
  private inherited: Directive[] = [];
  /** Every directive of the input, at its place in the whole input (or output, for fix), in order. */
  private readonly placed: Directive[] = [];
  private readonly placedOf = new Map<Directive, Directive>();
  private readonly columns = new Map<Directive, { column: number; endColumn: number }>();
  private readonly pending = new Set<Directive>();
  private readonly used = new Set<Directive>();
  private readonly scriptRules: Rule[];
  private readonly scriptKinds: Set<string>;
  private readonly scriptStatements: Array<{ text: string; start: number; line: number; column: number }> = [];

  constructor(
    private readonly rules: readonly Rule[],
    private readonly options: EngineOptions,
  ) {
    this.scriptRules = rules.filter((r) => r.checkScript !== undefined && options.rules?.[r.meta.id] !== 'off');
    this.scriptKinds = new Set(
      this.scriptRules.flatMap((r): string[] => (r.meta.statements === 'all' ? ['all'] : [...r.meta.statements])),
    );
  }

  /** The schema the segments so far defined (grows with the schema, not with the data). */
  private schema: SchemaModel = new SchemaModel();

  /** What the next segment continues; `line` is its first line in the whole input. */
  context(line: number): SegmentContext {
    return { inherited: this.inherited, schema: this.schema, lineOffset: line - 1 };
  }

  /** Takes a segment's (final) lint result; `at` places the segment in the whole input. */
  after(result: LintResult, source: SqlSource, at: { base: number; line: number }): void {
    if (result.schema !== undefined) this.schema = result.schema;
    for (const d of result.own ?? []) {
      const from = source.locOf(d.start);
      const to = source.locOf(d.end);
      const p: Directive = {
        ...d,
        start: d.start + at.base,
        end: d.end + at.base,
        line: from.line + at.line - 1,
        endLine: to.line + at.line - 1,
      };
      this.placed.push(p);
      this.placedOf.set(d, p);
      this.columns.set(p, { column: from.column, endColumn: to.column });
    }
    for (const d of result.pending ?? []) this.pending.add(this.placedOf.get(d)!);
    for (const s of result.suppressed) this.used.add(this.placedOf.get(s.directive)!);
    this.inherited = (result.carry ?? []).map((d) => {
      if (d.start < 0) return d; // carried from an earlier segment already
      // Before any finding of the next segments: the engine reads start -1 as "above this text".
      const carried: Directive = { ...d, start: -1, end: -1, line: 0, endLine: 0 };
      this.placedOf.set(carried, this.placedOf.get(d)!);
      return carried;
    });
    if (this.scriptRules.length === 0) return;
    for (const st of source.statements) {
      if (!(this.scriptKinds.has(st.kind) || this.scriptKinds.has('all')) || BODY_KINDS.has(st.kind)) continue;
      const loc = source.locOf(st.start);
      // A copy, so the segment's text is not kept alive by a slice of it.
      const text = Buffer.from(source.text.slice(st.start, st.end), 'utf8').toString('utf8');
      this.scriptStatements.push({ text, start: st.start + at.base, line: loc.line + at.line - 1, column: loc.column });
    }
  }

  /** The script-wide findings and the unused-directive verdicts, at their places in the whole input. */
  finish(): Finding[] {
    const out = this.scriptFindings();
    const inline = this.options.inlineDirectives !== false;
    const kept = inline ? this.applyPlaced(out) : out;
    const severity = this.options.reportUnusedDirectives;
    if (inline && severity !== undefined) {
      for (const p of this.placed) {
        if (!this.pending.has(p) || this.used.has(p)) continue;
        const { column, endColumn } = this.columns.get(p)!;
        kept.push(
          unusedDirectiveFinding(
            p,
            { start: p.start, end: p.end, line: p.line, column, endLine: p.endLine, endColumn },
            severity,
          ),
        );
      }
    }
    return kept;
  }

  /** Runs the script-wide rules over the collected statements, rejoined, and maps findings back. */
  private scriptFindings(): Finding[] {
    if (this.scriptStatements.length === 0) return [];
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
    return lintScriptRules(source, this.rules, this.options).map((f) => {
      let i = 0;
      for (let lo = 0, hi = starts.length - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= f.start) {
          i = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const from = map(f.start, f.line, f.column, i);
      const to = map(f.end, f.endLine, f.endColumn, i);
      return {
        ...f,
        start: from.offset,
        end: to.offset,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
      };
    });
  }

  /** Applies every directive of the input, at its place, to findings placed in the whole input. */
  private applyPlaced(findings: Finding[]): Finding[] {
    if (findings.length === 0 || this.placed.length === 0) return findings;
    const { kept, suppressed } = applyDirectives(findings, this.placed);
    for (const s of suppressed) this.used.add(s.directive);
    return kept;
  }
}

/**
 * Checks a script read from a stream, with the findings the whole text gives (see StreamState),
 * except that a disable-file comment does not reach back into segments before its own.
 */
export async function checkStreamWith(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  options: StreamOptions = {},
): Promise<Finding[]> {
  const out: Finding[] = [];
  const state = new StreamState(rules, options);
  for await (const seg of segments(input, options.filename ?? '<input>', options.segmentSize)) {
    const source = new SqlSource(seg.text, { tokens: seg.tokens, delimiter: seg.delimiter });
    const result = lintSourceDetailed(source, rules, options, state.context(seg.line));
    options.onSegment?.(seg, source, result.findings);
    for (const f of result.findings) out.push(shift(f, seg));
    state.after(result, source, seg);
  }
  const late = state.finish();
  return late.length === 0 ? out : [...out, ...late].sort(byPlace);
}

export interface StreamFixResult {
  readonly applied: AppliedFix[];
  readonly remaining: Finding[];
  /** Suggestions not applied whose subject another fix removed (see FixLoopResult), in the input. */
  readonly superseded: Finding[];
}

/** Fixes a script read from a stream, writing the clean script segment by segment. */
export async function fixStreamWith(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: StreamOptions & { lossy?: boolean; suggestions?: boolean | readonly string[] } = {},
): Promise<StreamFixResult> {
  const applied: AppliedFix[] = [];
  const remaining: Finding[] = [];
  const superseded: Finding[] = [];
  const policy = fixPolicy(options);
  const state = new StreamState(rules, options);
  let outBase = 0;
  let outLine = 1;
  for await (const seg of segments(input, options.filename ?? '<input>', options.segmentSize)) {
    // The last lint of the loop is of the final output: its directives go on to the next segment.
    let last: { result: LintResult; source: SqlSource } | undefined;
    // Later statements depend on what the script defines as written (a DROP INDEX of a FULLTEXT
    // index a lossy fix removes), as the whole-text fixer's first pass sees it: the schema the
    // next segment gets is that of this segment's text before its fixes.
    let schema: SchemaModel | undefined;
    const lint = (source: SqlSource) => {
      last = { result: lintSourceDetailed(source, rules, options, state.context(seg.line)), source };
      schema ??= last.result.schema;
      return last.result.findings;
    };
    const result = fixLoop(seg.text, lint, policy, seg.delimiter, seg.tokens);
    for (const a of result.applied) applied.push({ ...a, line: a.line + seg.line - 1 });
    for (const f of result.superseded) superseded.push(shift(f, seg));
    // Remaining findings are positioned in the output.
    const outSeg = { ...seg, base: outBase, line: outLine };
    for (const f of result.remaining) remaining.push(shift(f, outSeg));
    if (last !== undefined) state.after({ ...last.result, schema }, last.source, outSeg);
    await write(result.output);
    outBase += result.output.length;
    for (let k = result.output.indexOf('\n'); k >= 0; k = result.output.indexOf('\n', k + 1)) outLine++;
  }
  const late = state.finish();
  return { applied, remaining: late.length === 0 ? remaining : [...remaining, ...late].sort(byPlace), superseded };
}
