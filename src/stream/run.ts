// Running a stream: a script is read as bytes and cut at statement boundaries into segments of
// about SEGMENT_SIZE bytes (cut.ts); each segment's job (job.ts) is checked (and fixed) on its own
// (segment.ts), in this thread or in a pool of worker threads (executor.ts, pool.ts), and the
// results are taken in input order, so memory does not grow with the input. What the segments
// pass on to each other is kept in state.ts. Findings carry offsets (UTF-16 code units) and lines
// in the whole input.
//
// The data path is kept cheap: the input is checked (NUL bytes and bytes that are not UTF-8 outside
// string literals) but never decoded to find the statement boundaries; the VALUES payload of an INSERT, which no rule looks into, reaches the
// rules as a short placeholder instead of its text; and a segment no fix changed is written out
// as the bytes it was read as.
import { Buffer } from 'node:buffer';
import { getTarget } from '../core/catalog/index.js';
import { byPlace, validateRuleSettings, type EngineOptions } from '../core/engine.js';
import { InternalError, SqlSyntaxError } from '../core/errors.js';
import type { AppliedFix, FixMode } from '../core/fixer.js';
import type { Finding, Rule } from '../core/rule.js';
import { shiftFinding, shiftLeft, type PiecePlace } from '../core/shift.js';
import { locateOffset, type SqlSource } from '../core/source.js';
import { decodeScript, encodeScript } from '../node/encoding.js';
import { cutSegments, type RawSegment, type Segment } from './cut.js';
import { IN_THREAD, type SegmentExecutor } from './executor.js';
import { prepare, wholeJob, type Layout, type PreparedJob } from './job.js';
import type { SegmentResult } from './segment.js';
import { StreamState, type StreamSuppressed } from './state.js';

/** How a stream is read, cut and run (the engine's options, and the stream's own). */
export interface StreamOptions extends EngineOptions {
  readonly filename?: string;
  /** Bytes per segment (default SEGMENT_SIZE). */
  readonly segmentSize?: number;
  /** Runs the jobs (default: this thread, one at a time). */
  readonly executor?: SegmentExecutor;
  /** Called with the number of bytes of each chunk read. */
  readonly onBytes?: (n: number) => void;
  /**
   * Check only, in this thread only: called after each segment is checked, in input order, with
   * where it is, its source (the segment's whole text) and its findings as the engine gave them
   * (offsets, lines and fix edits relative to the segment), for callers that build something from
   * the statements as they stream by (the report).
   */
  readonly onSegment?: (
    segment: Pick<Segment, 'base' | 'line'>,
    source: SqlSource,
    findings: readonly Finding[],
  ) => void;
}

/** Where the records of a stream go as they are made, in input order. */
export interface StreamSink {
  finding(f: Finding): void;
  suppressed?(s: StreamSuppressed): void;
  applied?(a: AppliedFix): void;
  /** fix: a suggestion not applied whose subject another fix removed (positioned in the input). */
  superseded?(f: Finding): void;
  /**
   * At the end: the findings of the script-wide rules and the unused-directive reports, sorted;
   * they belong among the others by position (byPlace). `suppressed` likewise, after the others.
   */
  late(findings: Finding[], suppressed: StreamSuppressed[]): void;
}

/** Where the clean script of a fix goes: text pieces, or bytes as read (a payload, an unchanged segment). */
export type StreamWrite = (chunk: string | Uint8Array) => void | Promise<void>;

/** A segment between being cut and being taken. */
interface InFlight {
  readonly bytes: Uint8Array;
  readonly line: number;
  readonly delimiter: string;
  readonly layout: Layout;
  job: PreparedJob;
  /** Whether its text holds a directive comment (then the segments after it wait for its result). */
  readonly directives: boolean;
  /** The ids of the directives it was given, once started. */
  inheritedIds: readonly number[] | null;
  result: Promise<SegmentResult> | null;
}

/**
 * One run of a stream: the segments cut and not yet taken, and where the next one taken goes. A
 * segment's job needs the directives in effect at its start: a segment whose text holds no
 * directive comment passes on what it was given, so the jobs after it start at once; after one
 * that holds a directive, they wait for its result. Each result is checked against the
 * directives it should have been given, and run again if they differ, so the results are those
 * of one segment after the other.
 */
class StreamRun {
  readonly executor: SegmentExecutor;
  private readonly engine: EngineOptions;
  private readonly state: StreamState;
  private readonly inline: boolean;
  /** Whether jobs keep their source for onSegment (whole-text jobs, no placeholders). */
  private readonly keep: boolean;
  private readonly queue: InFlight[] = [];
  /** Segments in flight at most. */
  readonly limit: number;
  private inBase = 0;
  private outBase = 0;
  private outLine = 1;
  private statements = 0;

  constructor(
    private readonly rules: readonly Rule[],
    private readonly options: StreamOptions,
    private readonly mode: FixMode | null,
    private readonly sink: StreamSink,
    private readonly write: StreamWrite | null,
  ) {
    getTarget(options.target);
    validateRuleSettings(rules, options.rules);
    const executor = options.executor ?? IN_THREAD;
    if (executor.rules !== undefined && executor.rules !== rules)
      throw new InternalError('the executor runs another rule set than the one the stream is checked with');
    this.executor = executor;
    this.engine = {
      target: options.target,
      rules: options.rules,
      inlineDirectives: options.inlineDirectives,
      reportUnusedDirectives: options.reportUnusedDirectives,
      // A live database's statistics are an object with methods: they do not cross to a worker.
      ...(options.statistics === undefined ? {} : { statistics: options.statistics }),
    };
    if (options.statistics !== undefined && (executor.parallel > 1 || executor.local === false))
      throw new InternalError('index statistics are for a stream checked in this thread');
    this.state = new StreamState(rules, this.engine);
    this.inline = options.inlineDirectives !== false;
    const onSegment = options.onSegment;
    if (onSegment !== undefined && (mode !== null || executor.parallel > 1 || executor.local === false))
      throw new InternalError('onSegment is for a check in this thread');
    this.keep = onSegment !== undefined;
    this.limit = executor.parallel <= 1 ? 1 : executor.parallel * 2;
  }

  /** How many segments are cut and not yet taken. */
  get inFlight(): number {
    return this.queue.length;
  }

  /** Queues a segment just cut, and starts what can start. */
  add(raw: RawSegment): void {
    const { job, layout } = prepare(raw, this.mode !== null, this.keep);
    this.queue.push({
      bytes: raw.bytes,
      line: raw.line,
      delimiter: raw.delimiter,
      layout,
      job,
      directives: this.inline && job.text.includes('clustrix-lint-'),
      inheritedIds: null,
      result: null,
    });
    this.startReady();
  }

  private start(f: InFlight): void {
    const state = this.state;
    const executor = this.executor;
    f.inheritedIds = state.inheritedIds;
    // A job run here shares the tables; one sent to a worker gets those its text names (a copy).
    const shared = executor.parallel <= 1 || executor.local === true;
    const schema = shared ? state.tables : state.tablesNamedIn(f.job.text);
    const job = { ...f.job, inherited: state.carried, schema, lineOffset: f.line - 1, keep: this.keep };
    f.result = executor.run(job, this.rules, this.engine, this.mode);
    // Awaited in order later; a failure of a later job must not count as unhandled meanwhile.
    f.result.catch(() => undefined);
  }

  /** Starts the queued jobs that can start: those after no directive-holding segment still running. */
  private startReady(): void {
    for (const f of this.queue) {
      if (f.result === null) this.start(f);
      if (f.directives) break;
    }
  }

  /** Places bad input a job found (a whole-text job: its offset is in the segment's text). */
  private async located(f: InFlight): Promise<SegmentResult> {
    try {
      return await f.result!;
    } catch (e) {
      if (e instanceof SqlSyntaxError && e.line === undefined && f.job.payloads.length === 0 && e.offset >= 0) {
        const at = locateOffset(f.job.text, e.offset);
        e.locate(f.line + at.line - 1, at.column, this.options.filename ?? '<input>');
      }
      throw e;
    }
  }

  /** The final result of a segment: run again when it was given what the segments ahead do not leave. */
  private async resultOf(f: InFlight): Promise<SegmentResult> {
    let r = await this.located(f);
    const expected = this.state.inheritedIds;
    const given = f.inheritedIds!;
    // A job that started before the segments ahead of it were taken may have been given other
    // directives or found other tables than they leave: then it runs again, with theirs.
    if (
      given.length !== expected.length ||
      given.some((id, i) => id !== expected[i]) ||
      !this.state.sameSchema(r.schemaReads)
    ) {
      this.start(f);
      r = await this.located(f);
    }
    if (r.retry) {
      f.job = wholeJob(f.job.index, f.bytes, f.delimiter);
      this.start(f);
      r = await this.located(f);
      if (r.retry) throw new InternalError('a fix changed an INSERT payload');
    }
    return r;
  }

  /** Takes the first queued segment's result into the sink and the output. */
  async takeFirst(): Promise<void> {
    const f = this.queue[0]!;
    const r = await this.resultOf(f);
    this.queue.shift();
    const inAt: PiecePlace = { base: this.inBase, line: f.line };
    if (this.options.onSegment !== undefined && r.kept !== undefined)
      this.options.onSegment(inAt, r.kept.source, r.kept.findings);
    const outAt = this.mode === null ? inAt : { base: this.outBase, line: this.outLine };
    this.state.take(r, outAt, inAt);
    this.record(f, r, inAt, outAt);
    if (this.write !== null) await this.output(f, r, this.write);
    this.inBase += f.layout.length;
    this.statements += r.statements;
    if (this.mode !== null) {
      this.outBase += r.outLength;
      this.outLine += r.outBreaks;
    }
    this.startReady();
  }

  /**
   * Hands a segment's records to the sink, placed in the whole input (`inAt`); a left finding's
   * place in the output (`output`) and its fix's edits, in the output (`outAt`).
   */
  private record(f: InFlight, r: SegmentResult, inAt: PiecePlace, outAt: PiecePlace): void {
    const sink = this.sink;
    for (const finding of r.findings)
      sink.finding(this.mode === null ? shiftFinding(finding, inAt) : shiftLeft(finding, inAt, outAt));
    if (sink.suppressed) {
      for (const s of r.suppressed) sink.suppressed({ finding: shiftFinding(s.finding, inAt), reason: s.reason });
    }
    if (sink.superseded) for (const s of r.superseded) sink.superseded(shiftFinding(s, inAt));
    if (sink.applied) {
      for (const a of r.applied) {
        sink.applied({
          ...a,
          line: a.line + f.line - 1,
          edits: a.edits.map((e) => ({ ...e, start: e.start + inAt.base, end: e.end + inAt.base })),
          statement: a.statement === null ? null : { ...a.statement, index: a.statement.index + this.statements },
        });
      }
    }
  }

  /** Writes a segment's output: the bytes as read when unchanged. */
  private async output(f: InFlight, r: SegmentResult, write: StreamWrite): Promise<void> {
    if (r.output === null) await write(f.bytes);
    else {
      // One write per segment: the changed text, and the payloads as they were read.
      const pieces = r.output.map((piece) => {
        if (typeof piece === 'string') return encodeScript(piece);
        const [from, to] = f.layout.ranges[piece]!;
        return f.bytes.subarray(from, to);
      });
      await write(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
    }
  }

  /** The script-wide findings and unused-directive verdicts, at the end, to the sink. */
  finish(): void {
    const late = this.state.finish();
    this.sink.late(late.findings, late.suppressed);
  }
}

/**
 * Runs a stream: cuts it, runs each segment's job (several at once with a parallel executor) and
 * takes the results in input order into `sink` (and, for fix, `write`); see StreamRun.
 */
async function runStream(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  options: StreamOptions,
  mode: FixMode | null,
  sink: StreamSink,
  write: StreamWrite | null,
): Promise<void> {
  const run = new StreamRun(rules, options, mode, sink, write);
  const executor = run.executor;
  const segments = cutSegments(
    input,
    options.filename ?? '<input>',
    options.segmentSize,
    options.onBytes,
    () => executor.local ?? executor.parallel <= 1,
  );
  for await (const raw of segments) {
    run.add(raw);
    while (run.inFlight >= run.limit) await run.takeFirst();
  }
  while (run.inFlight > 0) await run.takeFirst();
  run.finish();
}

/** A sink that keeps everything (the library's array results). */
class Collect implements StreamSink {
  findings: Finding[] = [];
  suppressedList: StreamSuppressed[] = [];
  appliedList: AppliedFix[] = [];
  supersededList: Finding[] = [];
  constructor(private readonly onFinding?: (f: Finding) => void) {}
  superseded(f: Finding) {
    this.supersededList.push(f);
  }
  finding(f: Finding) {
    if (this.onFinding) this.onFinding(f);
    else this.findings.push(f);
  }
  suppressed(s: StreamSuppressed) {
    this.suppressedList.push(s);
  }
  applied(a: AppliedFix) {
    this.appliedList.push(a);
  }
  late(findings: Finding[], suppressed: StreamSuppressed[]) {
    if (this.onFinding) findings.forEach(this.onFinding);
    else if (findings.length > 0) this.findings = [...this.findings, ...findings].sort(byPlace);
    this.suppressedList.push(...suppressed);
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
  const sink = new Collect();
  await runStream(rules, input, options, null, sink, null);
  return sink.findings;
}

/** Checks a stream into a sink: bounded memory, whatever the number of findings. */
export function checkStreamInto(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  sink: StreamSink,
  options: StreamOptions = {},
): Promise<void> {
  return runStream(rules, input, options, null, sink, null);
}

/** What fixing a stream gives besides the clean script. */
export interface StreamFixResult {
  readonly applied: AppliedFix[];
  /** Findings left in the clean script, placed in the input (their place in the clean script is `output`). */
  readonly remaining: Finding[];
  /** Suggestions not applied whose subject another fix removed (see FixLoopResult), in the input. */
  readonly superseded: Finding[];
}

/** The fix mode of the stream options: lossy fixes and suggestions as asked for. */
const modeOf = (options: { lossy?: boolean; suggestions?: boolean | readonly string[] }): FixMode => ({
  lossy: options.lossy === true,
  suggestions: options.suggestions ?? false,
});

/**
 * Fixes a script read from a stream, handing the clean script to `write` as text. An applied fix's
 * edits are offsets into the input (for a first pass; a later pass's into the segment as the pass
 * before left it), and its statement text is a short excerpt.
 */
export async function fixStreamWith(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: StreamOptions & { lossy?: boolean; suggestions?: boolean | readonly string[] } = {},
): Promise<StreamFixResult> {
  const sink = new Collect();
  await runStream(rules, input, options, modeOf(options), sink, (chunk) =>
    write(typeof chunk === 'string' ? chunk : decodeScript(chunk)),
  );
  return { applied: sink.appliedList, remaining: sink.findings, superseded: sink.supersededList };
}

/** Fixes a stream into a sink, the clean script going to `write` as text or bytes (bounded memory). */
export function fixStreamInto(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  write: StreamWrite,
  sink: StreamSink,
  options: StreamOptions & { lossy?: boolean; suggestions?: boolean | readonly string[] } = {},
): Promise<void> {
  return runStream(rules, input, options, modeOf(options), sink, write);
}
