// Streaming: a script is read as bytes and cut at statement boundaries into segments of about
// SEGMENT_SIZE bytes; each segment is checked (and fixed) on its own, in this thread or in a pool
// of worker threads, and the results are taken in input order, so memory does not grow with the
// input. Findings carry offsets (UTF-16 code units) and lines in the whole input.
//
// The data path is kept cheap: the input is validated as UTF-8 but never decoded to find the
// statement boundaries (the tokenizer runs over a one-byte "view" of the bytes, in which every
// byte is one character, so its offsets are byte offsets); the VALUES payload of an INSERT, which
// no rule looks into, reaches the rules as a short placeholder instead of its text; and a segment
// no fix changed is written out as the bytes it was read as.
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { getTarget } from '../core/catalog/index.js';
import { applyDirectives, type Directive, type DirectiveKind } from '../core/directives.js';
import {
  byPlace,
  lintScriptRules,
  lintSourceDetailed,
  unusedDirectiveFinding,
  validateRuleSettings,
  type EngineOptions,
  type LintResult,
} from '../core/engine.js';
import { InternalError, SqlSyntaxError } from '../core/errors.js';
import { fixLoop, fixPolicy, type AppliedFix, type FixMode } from '../core/fixer.js';
import { firstInvalidUtf8, utf16Length as countUtf16 } from '../core/utf8.js';
import type { Edit, Finding, Rule } from '../core/rule.js';
import { SqlSource, locateOffset } from '../core/source.js';
import { detach } from '../core/detach.js';
import { SchemaModel, sameTable, type SchemaChange, type TableFacts } from '../core/schema.js';
import { BODY_STATEMENTS, createTableLayout } from '../core/structure.js';
import type { Statement } from '../core/statements.js';
import { boundaries, scanData, tokenize, tokenizePartial, type KnownPayload, type Token } from '../core/tokenize.js';

/** Bytes per segment: small enough for constant memory, large enough that a normal schema file is one segment. */
export const SEGMENT_SIZE = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Reading and cutting.

/** A segment as cut from the input: its bytes, and the tokens of their one-byte view. */
export interface RawSegment {
  readonly index: number;
  readonly bytes: Uint8Array;
  /** `bytes` as a one-byte (latin1) string: one character per byte, so offsets are byte offsets. */
  readonly view: string;
  /**
   * The INSERT/REPLACE payloads (`data` tokens) of the segment, as byte ranges; null when they
   * were not looked for (an input that is one segment: its job is its whole text, tokenized once).
   */
  readonly payloads: readonly KnownPayload[] | null;
  /** With `tokens` asked for: the tokens of `view` (byte offsets, texts in the view's characters). */
  readonly tokens: Token[] | null;
  /** Offset of the segment in the whole input, in bytes. */
  readonly byteBase: number;
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

/** UTF-16 length of valid UTF-8 bytes, ASCII answered natively. */
const utf16Length = (b: Uint8Array): number => (isAscii(b) ? b.length : countUtf16(b));

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length));

/** The one-byte view of `bytes`: a string with one character per byte. */
const viewOf = (b: Uint8Array): string => asBuffer(b).toString('latin1');

function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

interface Chunk {
  readonly bytes: Uint8Array;
  readonly view: string;
}

/**
 * Validates UTF-8 chunks strictly (`name:line:col` errors for NUL bytes or invalid UTF-8) and
 * yields them whole-character aligned, each with its one-byte view. A BOM reads as three spaces
 * in the view (the tokenizer gives a BOM token only in decoded text; here it must not look like
 * the start of a word).
 */
async function* validated(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  onBytes?: (n: number) => void,
): AsyncGenerator<Chunk> {
  let pending: Uint8Array = new Uint8Array(0);
  let first = true;
  let start = true;
  let lineCount = 1;
  let column = 1;
  const advance = (bytes: Uint8Array, view: string) => {
    const nl = view.lastIndexOf('\n');
    if (nl < 0) column += utf16Length(bytes);
    else {
      lineCount += countNewlines(view);
      column = utf16Length(bytes.subarray(nl + 1)) + 1;
    }
  };
  const fail = (reason: string, bytes: Uint8Array, at: number): never => {
    const before = asBuffer(bytes).toString('utf8', 0, at);
    const loc = locateOffset(before, before.length);
    const line = lineCount + loc.line - 1;
    const col = loc.line === 1 ? column + loc.column - 1 : loc.column;
    throw new SqlSyntaxError(reason, -1).locate(line, col, name);
  };
  const check = (bytes: Uint8Array): Chunk => {
    const nul = bytes.indexOf(0);
    if (nul >= 0) fail('binary file (NUL byte); expected a UTF-8 SQL script', bytes, nul);
    if (!isUtf8(bytes)) {
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      fail(`invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}`, bytes, bad);
    }
    let view = viewOf(bytes);
    if (start && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) view = '   ' + view.slice(3);
    if (bytes.length > 0) start = false;
    advance(bytes, view);
    return { bytes, view };
  };
  for await (const chunk of input) {
    let bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    onBytes?.(bytes.length);
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

/** Bytes kept in pieces, joined only when a segment is cut from them. */
class ByteQueue {
  private parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }
  /** All the bytes as one array (joined once). */
  all(): Uint8Array {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts)];
    return this.parts[0] ?? new Uint8Array(0);
  }
  /** Takes the first `n` bytes off. */
  take(n: number): Uint8Array {
    const all = this.all();
    this.parts = n < all.length ? [all.subarray(n)] : [];
    this.length -= n;
    return all.subarray(0, n);
  }
}

/**
 * Cuts the input into segments at statement boundaries, from the one-byte view of its bytes (no
 * UTF-8 decoding: every decision the tokenizer makes is about ASCII characters, and a multi-byte
 * character is, in both forms, word characters the tokenizer skips over).
 */
export async function* cutSegments(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  segmentSize = SEGMENT_SIZE,
  onBytes?: (n: number) => void,
  /** Whether to make the tokens too (a job run in this thread can use them; a worker's cannot). */
  withTokens: () => boolean = () => false,
): AsyncGenerator<RawSegment> {
  const bytes = new ByteQueue();
  let buffer = '';
  let byteBase = 0;
  let line = 1;
  let index = 0;
  let delimiter = ';';
  let want = segmentSize;
  // An INSERT payload that ran past the end of the buffer is scanned on as input arrives, only the
  // new text each time (`window` holds buffer[windowBase…], from the last safe restart point), so
  // a payload of any size is scanned once; `known` is its end once found, for the tokenizer.
  // Inside a long string the safe point cannot move; the scan then waits for the window to double
  // (`wait`), so a string of any length costs linear time.
  let open: { from: number; windowBase: number; window: string; wait: number } | null = null;
  let known: KnownPayload | null = null;
  const locate = (e: unknown) => {
    if (e instanceof SqlSyntaxError && e.line === undefined) {
      const at = placeInView(buffer, bytes.all(), e.offset, byteBase === 0);
      e.locate(line + at.line - 1, at.column, name);
    }
    return e;
  };
  for await (const chunk of validated(input, name, onBytes)) {
    buffer += chunk.view;
    bytes.push(chunk.bytes);
    if (open !== null) {
      const window: string = open.window + chunk.view;
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
    let partial: { end: number; delimiter: string; open?: { from: number; safe: number } };
    let payloads: KnownPayload[] | null = null;
    let tokens: Token[] | null = null;
    try {
      if (withTokens()) {
        const p = tokenizePartial(buffer, delimiter, known);
        partial = p;
        tokens = p.tokens;
      } else {
        const p = boundaries(buffer, delimiter, known, true);
        partial = p;
        payloads = p.payloads;
      }
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
    const view = buffer.slice(0, partial.end);
    yield {
      index: index++,
      bytes: bytes.take(partial.end),
      view,
      payloads,
      tokens,
      byteBase,
      line,
      delimiter,
    };
    byteBase += view.length;
    line += countNewlines(view);
    delimiter = partial.delimiter;
    buffer = buffer.slice(partial.end);
    if (open !== null) {
      open.from -= partial.end;
      open.windowBase -= partial.end;
    }
    want = Math.max(segmentSize, buffer.length + 1);
  }
  if (buffer.length > 0 || index === 0) {
    let payloads: KnownPayload[] | null = null;
    let tokens: Token[] | null = null;
    // A whole input in one segment is tokenized once, by its job (which reports bad input).
    const make = withTokens();
    if (index > 0 || make) {
      try {
        if (make) tokens = tokenize(buffer, delimiter, known).tokens;
        else payloads = boundaries(buffer, delimiter, known, false).payloads;
      } catch (e) {
        throw locate(e);
      }
    }
    yield { index, bytes: bytes.take(bytes.length), view: buffer, payloads, tokens, byteBase, line, delimiter };
  }
}

/** Line and UTF-16 column of byte `offset` in a view whose bytes are `bytes` (`bom`: the input's start). */
function placeInView(view: string, bytes: Uint8Array, offset: number, bom: boolean): { line: number; column: number } {
  const at = Math.min(Math.max(0, offset), view.length);
  const lineStart = view.lastIndexOf('\n', at - 1) + 1;
  const line = 1 + countNewlines(view, 0, at);
  let column = asBuffer(bytes).toString('utf8', lineStart, at).length + 1;
  if (bom && lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && at > 0) column--;
  return { line, column };
}

/** A segment as text, with the tokens of that text (for tests and tools; the checks use cutSegments). */
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

/** Cuts decoded text into segments at statement boundaries. */
export async function* segments(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  segmentSize = SEGMENT_SIZE,
): AsyncGenerator<Segment> {
  let base = 0;
  for await (const raw of cutSegments(input, name, segmentSize)) {
    const text = asBuffer(raw.bytes).toString('utf8');
    let tokens: Token[];
    try {
      tokens = tokenize(text, raw.delimiter).tokens;
    } catch (e) {
      // Only an input that is one segment gets here with bad input (the cutter found no payloads in it).
      if (e instanceof SqlSyntaxError && e.line === undefined) {
        const at = locateOffset(text, e.offset);
        e.locate(raw.line + at.line - 1, at.column, name);
      }
      throw e;
    }
    yield { text, tokens, base, line: raw.line, delimiter: raw.delimiter };
    base += text.length;
  }
}

// ---------------------------------------------------------------------------------------------
// A segment's job: the text the rules see, with its payloads as placeholders.

/** An INSERT/REPLACE payload of a segment, which the rules see as a placeholder. */
export interface Payload {
  /** Length of the payload in UTF-16 code units. */
  readonly length: number;
  /** Length of its part after its last line break, in UTF-16 code units (its length when it has none). */
  readonly tail: number;
  /** The placeholder standing in for it in the job's text. */
  readonly placeholder: string;
}

/** A directive carried into a segment from earlier ones (`id`: its number in the stream). */
export interface CarriedDirective {
  readonly id: number;
  readonly kind: DirectiveKind;
  readonly ruleIds: readonly string[] | null;
  readonly reason: string | null;
}

/** What a segment is checked (or fixed) from: plain data, so a worker thread can take it. */
export interface SegmentJob {
  readonly index: number;
  /** The segment's text, with each payload replaced by its placeholder. */
  readonly text: string;
  readonly delimiter: string;
  readonly payloads: readonly Payload[];
  readonly inherited: readonly CarriedDirective[];
  /** The tables earlier segments defined, as known when the job started (see StreamState). */
  readonly schema: ReadonlyArray<readonly [string, TableFacts]>;
  /** Lines of the input before the segment (the schema records lines in the whole input). */
  readonly lineOffset: number;
  /** Keep the final lint's source and findings in the result (`kept`): in this thread only. */
  readonly keep?: boolean;
  /** The tokens of `text`, when the cutter made them (a job run in this thread; never sent to a worker). */
  readonly tokens?: Token[];
}

/** A job before it starts: what the segments ahead of it leave is added then. */
type PreparedJob = Omit<SegmentJob, 'inherited' | 'schema' | 'lineOffset' | 'keep'>;

/** Where a segment's payloads are in its bytes, and its length: what the main thread keeps. */
interface Layout {
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  /** The segment's length in UTF-16 code units. */
  readonly length: number;
}

/** The placeholder of payload `k`: ` k` and the payload's line breaks, so lines stay where they are. */
function placeholderOf(k: number, breaks: string): string {
  return ` ${k}${breaks}`;
}

/**
 * The job of a raw segment. The rules never look into an INSERT/REPLACE payload (the `data`
 * token), so each one is replaced by a placeholder holding its line breaks: the segment then
 * costs the rules what its other statements cost. With `whole` (or when a placeholder could be
 * mistaken for the delimiter), the job is the whole decoded text.
 */
function prepare(raw: RawSegment, fixing: boolean, whole = false): { job: PreparedJob; layout: Layout } {
  const ascii = isAscii(raw.bytes);
  const decode = (from: number, to: number): string => {
    if (ascii || isAscii(raw.bytes.subarray(from, to))) return raw.view.slice(from, to);
    return asBuffer(raw.bytes).toString('utf8', from, to);
  };
  let data: readonly KnownPayload[];
  if (raw.tokens === null) data = raw.payloads ?? [];
  else {
    data = raw.tokens.filter((t) => t.kind === 'data').map((t) => ({ from: t.start, end: t.end }));
    // An ASCII segment is its own text, and its tokens are made: a check needs nothing else. A fix
    // re-tokenizes its text after each pass, which placeholders make cheap when payloads are most
    // of it; when they are not (one row per INSERT), that costs less than tokenizing again here.
    let size = 0;
    for (const p of data) size += p.end - p.from;
    if (!whole && ascii && (!fixing || size * 2 < raw.view.length)) {
      const text = raw.view;
      return {
        job: { index: raw.index, text, delimiter: raw.delimiter, payloads: [], tokens: raw.tokens },
        layout: { ranges: [], length: text.length },
      };
    }
  }
  if (whole || data.length === 0 || /[\s0-9]/.test(raw.delimiter)) {
    const text = decode(0, raw.view.length);
    return {
      job: { index: raw.index, text, delimiter: raw.delimiter, payloads: [] },
      layout: { ranges: [], length: text.length },
    };
  }
  const parts: string[] = [];
  const payloads: Payload[] = [];
  const ranges: Array<[number, number]> = [];
  let length = 0;
  let at = 0;
  for (const p of data) {
    const t = { start: p.from, end: p.end };
    const head = decode(at, t.start);
    parts.push(head);
    length += head.length;
    let breaks = '';
    let lastBreak = -1;
    for (let k = raw.view.indexOf('\n', t.start); k >= 0 && k < t.end; k = raw.view.indexOf('\n', k + 1)) {
      breaks += k > t.start && raw.view.charCodeAt(k - 1) === 13 ? '\r\n' : '\n';
      lastBreak = k;
    }
    const payload = raw.bytes.subarray(t.start, t.end);
    const size = ascii ? payload.length : utf16Length(payload);
    const tail =
      lastBreak < 0 ? size : ascii ? t.end - lastBreak - 1 : utf16Length(raw.bytes.subarray(lastBreak + 1, t.end));
    const placeholder = placeholderOf(payloads.length, breaks);
    payloads.push({ length: size, tail, placeholder });
    parts.push(placeholder);
    ranges.push([t.start, t.end]);
    length += size;
    at = t.end;
  }
  const rest = decode(at, raw.view.length);
  parts.push(rest);
  length += rest.length;
  return {
    job: { index: raw.index, text: parts.join(''), delimiter: raw.delimiter, payloads },
    layout: { ranges, length },
  };
}

/**
 * Maps offsets and columns in a job's text (payloads as placeholders) to the segment's own text.
 * Built from the data tokens of a text: the first job text or a text the fixer made from it.
 */
class OffsetMap {
  /** Per placeholder, in text order: its range in this text, and what it stands for. */
  private readonly spans: Array<{ start: number; end: number; shift: number; tailShift: number; breaks: boolean }> = [];
  /** Sum of the shifts of the spans before each one (index k: spans 0 … k-1). */
  private readonly before: number[] = [0];
  /** The payload index of each placeholder, in text order. */
  readonly order: number[] = [];

  /** Null when the text's data tokens are not the job's placeholders, in order (a fix touched one). */
  static of(source: SqlSource, payloads: readonly Payload[]): OffsetMap | null {
    const map = new OffsetMap(source.text);
    if (payloads.length === 0) return map; // the whole text: nothing stands in for anything
    let next = 0;
    for (const t of source.tokens) {
      if (t.kind !== 'data') continue;
      const k = next++;
      const p = payloads[k];
      if (p === undefined || t.text !== p.placeholder) return null;
      map.add(t, p, k);
    }
    return next === payloads.length ? map : null;
  }

  private constructor(private readonly text: string) {}

  private add(t: Token, p: Payload, k: number): void {
    const nl = t.text.lastIndexOf('\n');
    const breaks = nl >= 0;
    const phTail = breaks ? t.text.length - nl - 1 : t.text.length;
    const shift = p.length - t.text.length;
    this.spans.push({ start: t.start, end: t.end, shift, tailShift: p.tail - phTail, breaks });
    this.before.push(this.before[this.before.length - 1]! + shift);
    this.order.push(k);
  }

  /** Number of spans that end at or before `p`. */
  private count(p: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  offset(p: number): number {
    if (this.spans.length === 0) return p;
    const k = this.count(p);
    const inside = this.spans[k];
    if (inside !== undefined && inside.start < p) {
      // Inside a placeholder (no rule reports there): its start, moved by as much as it can be.
      return inside.start + this.before[k]! + Math.min(p - inside.start, inside.end - inside.start + inside.shift);
    }
    return p + this.before[k]!;
  }

  /** The column of `p` (given its column in this text): placeholders earlier on its line count at their true length. */
  column(p: number, column: number): number {
    if (this.spans.length === 0) return column;
    const lineStart = this.text.lastIndexOf('\n', p - 1) + 1;
    let c = column;
    for (let k = this.count(p) - 1; k >= 0; k--) {
      const s = this.spans[k]!;
      // A placeholder ends with its payload's line breaks: the line may start right after it, and
      // then (in the segment's text) inside the payload, after its last line break.
      if (s.end < lineStart) break;
      if (s.breaks) {
        c += s.tailShift;
        break;
      }
      c += s.shift;
    }
    return c;
  }
}

// ---------------------------------------------------------------------------------------------
// Running a job (in this thread or a worker): pure, plain data in and out.

/** A directive written in a segment, placed in the segment's text (lines 1-based in it). */
export interface OwnDirective extends Omit<Directive, 'ruleIds'> {
  readonly ruleIds: string[] | null;
  readonly column: number;
  readonly endColumn: number;
}

/** A directive, by its index in the segment's own ones, or by its id in the stream. */
export type DirectiveRef = { readonly own: number } | { readonly id: number };

/** A statement kept for the script-wide rules, placed in the segment's text. */
export interface ScriptStatement {
  readonly text: string;
  readonly start: number;
  readonly line: number;
  readonly column: number;
}

export interface SegmentResult {
  readonly index: number;
  /** Set when a fix edited a placeholder: the job must run again on the whole text. */
  readonly retry?: true;
  /** check: the findings; fix: those left in the output. Offsets and lines are in the segment's (output) text. */
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

export { detach };

/** Longest statement excerpt an applied fix of a stream keeps. */
const EXCERPT = 200;

/** Statement kinds whose bodies hold `;`: they cannot be rejoined with `;` for the script-wide rules. */
const BODY_KINDS: ReadonlySet<string> = new Set(BODY_STATEMENTS);

/** The script-wide rules of a run, and the statement kinds they look at. */
function scriptScope(
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

function placeFinding(f: Finding, map: OffsetMap): Finding {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: detach(f.message),
    start: map.offset(f.start),
    end: map.offset(f.end),
    line: f.line,
    column: map.column(f.start, f.column),
    endLine: f.endLine,
    endColumn: map.column(f.end, f.endColumn),
    fix:
      f.fix === null
        ? null
        : {
            kind: f.fix.kind,
            title: detach(f.fix.title),
            edits: f.fix.edits.map((e) => placeEdit(e, map)),
          },
    ...(f.unfixed === undefined ? {} : { unfixed: detach(f.unfixed) }),
    ...(f.category === undefined ? {} : { category: f.category }),
  };
}

const placeEdit = (e: Edit, map: OffsetMap): Edit => ({
  start: map.offset(e.start),
  end: map.offset(e.end),
  text: detach(e.text),
});

/** Offsets where the lines of `text` start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return starts;
}

/**
 * Checks (mode null) or fixes one segment (lossy fixes and suggestions as `mode` says). `options` must have been validated. The result holds
 * no string of the segment's text: it may outlive it (records of a long stream).
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
  const context = { inherited, schema, lineOffset: job.lineOffset };
  // The fixer lints its final text twice when the last pass changed something; once is enough.
  const lints: Array<{ source: SqlSource; result: LintResult }> = [];
  const lint = (source: SqlSource): Finding[] => {
    const last = lints[lints.length - 1];
    if (last !== undefined && last.source === source) return last.result.findings;
    const result = lintSourceDetailed(source, rules, options, context);
    lints.push({ source, result });
    return result.findings;
  };
  const maps = new Map<SqlSource, OffsetMap | null>();
  const mapOf = (source: SqlSource): OffsetMap | null => {
    if (!maps.has(source)) maps.set(source, OffsetMap.of(source, job.payloads));
    return maps.get(source)!;
  };

  let applied: AppliedFix[] = [];
  let output: Array<string | number> | null = null;
  let outLength = 0;
  let outBreaks = 0;
  const input = new SqlSource(job.text, { tokens, delimiter: job.delimiter });
  let superseded: Finding[] = [];
  if (mode === null) lint(input);
  else {
    const r = fixLoop(job.text, lint, fixPolicy(mode), job.delimiter, tokens);
    // Suggestions another fix took away, placed in the segment's input text.
    const inputMap = r.superseded.length === 0 ? null : mapOf(input);
    if (inputMap !== null) superseded = r.superseded.map((f) => placeFinding(f, inputMap));
    if (r.passes > 0) {
      const final = lints[lints.length - 1]!.source;
      const finalMap = mapOf(final);
      const sources = lints.map((l) => l.source);
      if (finalMap === null || r.applied.some((a) => mapOf(sources[a.pass - 1]!) === null)) {
        return { ...EMPTY_RESULT, index: job.index, retry: true };
      }
      const starts = new Map<SqlSource, number[]>();
      applied = r.applied.map((a) => {
        const pass = sources[a.pass - 1]!;
        if (!starts.has(pass)) starts.set(pass, lineStarts(pass.text));
        return placeApplied(a, pass, mapOf(pass)!, starts.get(pass)!);
      });
      output = [];
      let at = 0;
      if (job.payloads.length > 0) {
        for (const t of final.tokens) {
          if (t.kind !== 'data') continue;
          output.push(final.text.slice(at, t.start), finalMap.order[output.length >> 1]!);
          at = t.end;
        }
      }
      output.push(final.text.slice(at));
      outLength = finalMap.offset(final.text.length);
      outBreaks = countNewlines(final.text);
    }
  }
  const { source, result } = lints[lints.length - 1]!;
  const map = mapOf(source)!;
  if (output === null) {
    outLength = map.offset(source.text.length);
    outBreaks = mode === null ? 0 : countNewlines(source.text);
  }

  // Directives: placed in the segment's text, referred to by index or by id.
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
    return {
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

  const script: ScriptStatement[] = [];
  const scope = scriptScope(rules, options);
  if (scope.rules.length > 0) {
    for (const st of source.statements) {
      if (!(scope.all || scope.kinds.has(st.kind)) || BODY_KINDS.has(st.kind)) continue;
      const loc = source.locOf(st.start);
      script.push({
        text: detach(scriptText(source, st, scope.namesOnly)),
        start: map.offset(st.start),
        line: loc.line,
        column: map.column(st.start, loc.column),
      });
    }
  }
  return {
    index: job.index,
    findings: result.findings.map((f) => placeFinding(f, map)),
    suppressed:
      mode === null
        ? result.suppressed.map((s) => ({
            finding: placeFinding(s.finding, map),
            reason: s.directive.reason === null ? null : detach(s.directive.reason),
          }))
        : [],
    applied,
    superseded,
    output,
    outLength,
    outBreaks,
    statements: input.statements.length,
    own: ownPlaced,
    pending: (result.pending ?? []).map((d) => ownIndex.get(d)!),
    used: [...used.values()],
    carry: (result.carry ?? []).map(ref),
    script,
    schemaReads: [...reads],
    // Later statements depend on what the script defines as written (a DROP INDEX of a FULLTEXT
    // index a lossy fix removes), as the whole-text fixer's first pass sees it: the schema the next
    // segment gets is that of this segment's text before its fixes.
    schemaChanges: lints[0]!.result.schema?.changesSince(schema) ?? [],
    ...(job.keep === true ? { kept: { source, findings: result.findings } } : {}),
  };
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

/** An applied fix placed in the segment's input text, with a short excerpt of its statement. */
function placeApplied(a: AppliedFix, source: SqlSource, map: OffsetMap, starts: readonly number[]): AppliedFix {
  const offset = Math.min(
    source.text.length,
    (starts[a.line - 1] ?? 0) + a.column - 1 + (a.line === 1 && source.hasBom ? 1 : 0),
  );
  let statement: AppliedFix['statement'] = null;
  if (a.statement !== null) {
    const st = source.statements[a.statement.index];
    let excerpt = a.statement.text;
    const data = st?.tokens.find((t) => t.kind === 'data');
    if (st !== undefined && data !== undefined) excerpt = source.text.slice(st.start, data.start).trimEnd() + ' …';
    if (excerpt.length > EXCERPT) excerpt = excerpt.slice(0, EXCERPT - 1) + '…';
    statement = { index: a.statement.index, kind: a.statement.kind, text: detach(excerpt) };
  }
  return {
    ruleId: a.ruleId,
    kind: a.kind,
    title: detach(a.title),
    message: detach(a.message),
    pass: a.pass,
    line: a.line,
    column: map.column(offset, a.column),
    edits: a.edits.map((e) => placeEdit(e, map)),
    statement,
  };
}

// ---------------------------------------------------------------------------------------------
// Taking the results in order.

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

/** Runs segment jobs: in this thread, or in worker threads (see pool.ts). */
export interface SegmentExecutor {
  /** How many jobs it runs at once. */
  readonly parallel: number;
  /** Whether the next job will run in this thread (its tokens then save tokenizing its text again). */
  readonly local?: boolean;
  run(job: SegmentJob, rules: readonly Rule[], options: EngineOptions, mode: FixMode | null): Promise<SegmentResult>;
}

/** The executor that runs jobs in this thread, one at a time. */
export const IN_THREAD: SegmentExecutor = {
  parallel: 1,
  // Runs at once; a failure becomes the promise's (the stream places bad input when it takes it).
  run: (job, rules, options, mode) => new Promise((resolve) => resolve(runSegment(job, rules, options, mode))),
};

/** A finding a directive suppressed, with the directive's reason (for SARIF). */
export interface StreamSuppressed {
  readonly finding: Finding;
  readonly reason: string | null;
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

/**
 * What a stream needs beyond its segments, so that it gives what the whole text gives:
 * - inline directives carry across segments (a disable block still open, a disable-file comment);
 * - the script-wide rules (`checkScript`: table count, name collisions) run once at the end over
 *   what they read of the statements they look at (CREATE TABLE … name: memory grows with the
 *   number of tables, not with the data), with every directive of the input applied at its place;
 * - whether a directive suppressed anything is decided at the end.
 */
class StreamState {
  /** The directives in effect at the end of the last segment taken, by id. */
  private inherited: number[] = [];
  /** Every directive of the input, at its place in the whole input (or output, for fix), by id. */
  private readonly placed: Directive[] = [];
  private readonly columns: Array<{ column: number; endColumn: number }> = [];
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

  /** Takes a segment's (final) result; `at` places the segment's (output) text in the whole input. */
  take(r: SegmentResult, at: { base: number; line: number }): void {
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
      });
    }
  }

  /** The script-wide findings and the unused-directive verdicts, at their places in the whole input. */
  finish(): { findings: Finding[]; suppressed: StreamSuppressed[] } {
    const out = this.scriptFindings();
    const inline = this.options.inlineDirectives !== false;
    const { kept, suppressed } = inline ? this.applyPlaced(out) : { kept: out, suppressed: [] };
    const severity = this.options.reportUnusedDirectives;
    if (inline && severity !== undefined) {
      this.placed.forEach((p, id) => {
        if (!this.pending.has(id) || this.used.has(id)) return;
        const { column, endColumn } = this.columns[id]!;
        kept.push(
          unusedDirectiveFinding(
            p,
            { start: p.start, end: p.end, line: p.line, column, endLine: p.endLine, endColumn },
            severity,
          ),
        );
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
    return lintScriptRules(source, this.rules, this.options, this.schema).map((f) => {
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
  private applyPlaced(findings: Finding[]): { kept: Finding[]; suppressed: StreamSuppressed[] } {
    if (findings.length === 0 || this.placed.length === 0) return { kept: findings, suppressed: [] };
    const { kept, suppressed } = applyDirectives(findings, this.placed);
    for (const s of suppressed) this.used.add(this.placed.indexOf(s.directive));
    return { kept, suppressed: suppressed.map((s) => ({ finding: s.finding, reason: s.directive.reason })) };
  }
}

/** Moves a segment-relative record to the whole input (segments start at a line start). */
function shift<T extends { start: number; end: number; line: number; endLine: number }>(
  f: T,
  at: { base: number; line: number },
): T {
  return {
    ...f,
    start: f.start + at.base,
    end: f.end + at.base,
    line: f.line + at.line - 1,
    endLine: f.endLine + at.line - 1,
  };
}

const shiftFinding = (f: Finding, at: { base: number; line: number }): Finding => {
  const moved = shift(f, at);
  if (f.fix === null) return moved;
  return {
    ...moved,
    fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + at.base, end: e.end + at.base })) },
  };
};

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

/** The job of a segment as one decoded text, without placeholders. */
function wholeJob(f: InFlight): PreparedJob {
  const text = isAscii(f.bytes) ? viewOf(f.bytes) : asBuffer(f.bytes).toString('utf8');
  return { index: f.job.index, text, delimiter: f.delimiter, payloads: [] };
}

/**
 * Runs a stream: cuts it, runs each segment's job (several at once with a parallel executor) and
 * takes the results in input order into `sink` (and, for fix, `write`). A segment's job needs the
 * directives in effect at its start: a segment whose text holds no directive comment passes on
 * what it was given, so the jobs after it start at once; after one that holds a directive, they
 * wait for its result. Each result is checked against the directives it should have been given,
 * and run again if they differ, so the results are those of one segment after the other.
 */
async function runStream(
  rules: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  options: StreamOptions,
  mode: FixMode | null,
  sink: StreamSink,
  write: StreamWrite | null,
): Promise<void> {
  getTarget(options.target);
  validateRuleSettings(rules, options.rules);
  const executor = options.executor ?? IN_THREAD;
  const engine: EngineOptions = {
    target: options.target,
    rules: options.rules,
    inlineDirectives: options.inlineDirectives,
    reportUnusedDirectives: options.reportUnusedDirectives,
    // A live database's statistics are an object with methods: they do not cross to a worker.
    ...(options.statistics === undefined ? {} : { statistics: options.statistics }),
  };
  if (options.statistics !== undefined && (executor.parallel > 1 || executor.local === false))
    throw new InternalError('index statistics are for a stream checked in this thread');
  const state = new StreamState(rules, engine);
  const inline = options.inlineDirectives !== false;
  const onSegment = options.onSegment;
  if (onSegment !== undefined && (mode !== null || executor.parallel > 1 || executor.local === false))
    throw new InternalError('onSegment is for a check in this thread');
  // Its source must be the segment's text: whole-text jobs, no placeholders.
  const keep = onSegment !== undefined;
  const queue: InFlight[] = [];
  const limit = executor.parallel <= 1 ? 1 : executor.parallel * 2;
  let inBase = 0;
  let outBase = 0;
  let outLine = 1;
  let statements = 0;

  const start = (f: InFlight) => {
    f.inheritedIds = state.inheritedIds;
    // A job run here shares the tables; one sent to a worker gets those its text names (a copy).
    const shared = executor.parallel <= 1 || executor.local === true;
    const schema = shared ? state.tables : state.tablesNamedIn(f.job.text);
    const job = { ...f.job, inherited: state.carried, schema, lineOffset: f.line - 1, keep };
    f.result = executor.run(job, rules, engine, mode);
    // Awaited in order later; a failure of a later job must not count as unhandled meanwhile.
    f.result.catch(() => undefined);
  };
  /** Starts the queued jobs that can start: those after no directive-holding segment still running. */
  const startReady = () => {
    for (const f of queue) {
      if (f.result === null) start(f);
      if (f.directives) break;
    }
  };

  /** Places bad input a job found (a whole-text job: its offset is in the segment's text). */
  const located = async (f: InFlight): Promise<SegmentResult> => {
    try {
      return await f.result!;
    } catch (e) {
      if (e instanceof SqlSyntaxError && e.line === undefined && f.job.payloads.length === 0 && e.offset >= 0) {
        const at = locateOffset(f.job.text, e.offset);
        e.locate(f.line + at.line - 1, at.column, options.filename ?? '<input>');
      }
      throw e;
    }
  };

  /** Takes the first queued segment's result. */
  const takeFirst = async () => {
    const f = queue[0]!;
    let r = await located(f);
    const expected = state.inheritedIds;
    const given = f.inheritedIds!;
    // A job that started before the segments ahead of it were taken may have been given other
    // directives or found other tables than they leave: then it runs again, with theirs.
    if (
      given.length !== expected.length ||
      given.some((id, i) => id !== expected[i]) ||
      !state.sameSchema(r.schemaReads)
    ) {
      start(f);
      r = await located(f);
    }
    if (r.retry) {
      f.job = wholeJob(f);
      start(f);
      r = await located(f);
      if (r.retry) throw new InternalError('a fix changed an INSERT payload');
    }
    queue.shift();
    const inAt = { base: inBase, line: f.line };
    if (onSegment !== undefined && r.kept !== undefined) onSegment(inAt, r.kept.source, r.kept.findings);
    const outAt = mode === null ? inAt : { base: outBase, line: outLine };
    state.take(r, outAt);
    for (const finding of r.findings) sink.finding(shiftFinding(finding, outAt));
    if (sink.suppressed) {
      for (const s of r.suppressed) sink.suppressed({ finding: shiftFinding(s.finding, inAt), reason: s.reason });
    }
    if (sink.superseded) for (const s of r.superseded) sink.superseded(shiftFinding(s, inAt));
    if (sink.applied) {
      for (const a of r.applied) {
        sink.applied({
          ...a,
          line: a.line + f.line - 1,
          edits: a.edits.map((e) => ({ ...e, start: e.start + inBase, end: e.end + inBase })),
          statement: a.statement === null ? null : { ...a.statement, index: a.statement.index + statements },
        });
      }
    }
    if (write !== null) {
      if (r.output === null) await write(f.bytes);
      else {
        // One write per segment: the changed text, and the payloads as they were read.
        const pieces = r.output.map((piece) => {
          if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
          const [from, to] = f.layout.ranges[piece]!;
          return f.bytes.subarray(from, to);
        });
        await write(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
      }
    }
    inBase += f.layout.length;
    statements += r.statements;
    if (mode !== null) {
      outBase += r.outLength;
      outLine += r.outBreaks;
    }
    startReady();
  };

  const segments = cutSegments(
    input,
    options.filename ?? '<input>',
    options.segmentSize,
    options.onBytes,
    () => executor.local ?? executor.parallel <= 1,
  );
  for await (const raw of segments) {
    const { job, layout } = prepare(raw, mode !== null, keep);
    queue.push({
      bytes: raw.bytes,
      line: raw.line,
      delimiter: raw.delimiter,
      layout,
      job,
      directives: inline && job.text.includes('clustrix-lint-'),
      inheritedIds: null,
      result: null,
    });
    startReady();
    while (queue.length >= limit) await takeFirst();
  }
  while (queue.length > 0) await takeFirst();
  const late = state.finish();
  sink.late(late.findings, late.suppressed);
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

export interface StreamFixResult {
  readonly applied: AppliedFix[];
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
    write(typeof chunk === 'string' ? chunk : asBuffer(chunk).toString('utf8')),
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
