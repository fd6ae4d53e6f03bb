// Cutting a byte stream into segments: the input is read as bytes (UTF-16 is bad input), and cut
// at statement boundaries into segments of about SEGMENT_SIZE bytes. The input is never decoded to
// find the boundaries: the tokenizer runs over a one-byte "view" of the bytes, in which every byte
// is one character, so its offsets are byte offsets. A segment whose bytes are not all UTF-8 (or
// hold a NUL) is checked as the whole-text reader checks a script (src/core/script-bytes.ts): such
// a byte passes inside string literals, VALUES payloads and comments, and in code only after the
// script declared latin1; anywhere else it is bad input, placed at its line and column.
import { Buffer, isUtf8 } from 'node:buffer';
import { SqlSyntaxError } from '../core/errors.js';
import { firstMisplacedByte, type CharsetState, type SuspectFinder } from '../core/script-bytes.js';
import { completeLength, sequenceAt } from '../core/utf8.js';
import { locateOffset } from '../core/source.js';
import { boundaries, scanData, tokenize, tokenizePartial, type KnownPayload, type Token } from '../core/tokenize.js';
import { decodeScript, encodeScript } from '../node/encoding.js';
import { countNewlines, viewOf } from './bytes.js';

/** Bytes per segment: small enough for constant memory, large enough that a normal schema file is one segment. */
export const SEGMENT_SIZE = 1024 * 1024;

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

interface Chunk {
  readonly bytes: Uint8Array;
  readonly view: string;
}

/**
 * Yields the chunks whole-character aligned (a UTF-8 sequence is never split between two), each
 * with its one-byte view; UTF-16 text is refused at 1:1. A BOM reads as three spaces in the view
 * (the tokenizer gives a BOM token only in decoded text; here it must not look like the start of a
 * word).
 */
async function* validated(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  onBytes?: (n: number) => void,
): AsyncGenerator<Chunk> {
  let pending: Uint8Array = new Uint8Array(0);
  let first = true;
  let start = true;
  const check = (bytes: Uint8Array): Chunk => {
    let view = viewOf(bytes);
    if (start && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) view = '   ' + view.slice(3);
    if (bytes.length > 0) start = false;
    return { bytes, view };
  };
  for await (const chunk of input) {
    let bytes: Uint8Array = typeof chunk === 'string' ? encodeScript(chunk) : chunk;
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

/** The suspects of a view over `bytes`: NUL bytes and bytes that start no valid UTF-8 sequence. */
function viewSuspects(bytes: Uint8Array): SuspectFinder {
  return (t, nulOnly) => {
    if (!/[\0\x80-\xff]/.test(t.text)) return null;
    for (let i = t.start; i < t.end;) {
      const b = bytes[i]!;
      if (b === 0) return { offset: i, byte: 0 };
      if (b < 0x80) {
        i++;
        continue;
      }
      const n = sequenceAt(bytes, i);
      if (n === 0 && !nulOnly) return { offset: i, byte: b };
      i += n === 0 ? 1 : n;
    }
    return null;
  };
}

/** What a statement that declares the connection's character set may look like (a quick pre-test). */
const ANY_DECLARATION = /\bset\s+(?:names|charset|character\s+set)\b/i;
/** …and one that declares latin1 or binary. */
const LATIN1_DECLARATION = /\bset\s+(?:names|charset|character\s+set)\s+['"]?(?:latin1|binary)\b/i;

/**
 * Checks a segment's bytes where they are not all UTF-8 or hold a NUL (see the module comment),
 * and follows the script's charset declarations (`state`) through segments that mention latin1 or
 * binary; the tokens are those the cutter made, or the view's own.
 */
function checkSegment(
  seg: { bytes: Uint8Array; view: string; tokens: Token[] | null; delimiter: string; line: number; byteBase: number },
  known: KnownPayload | null,
  state: CharsetState,
  name: string,
): void {
  const clean = isUtf8(seg.bytes) && seg.bytes.indexOf(0) < 0;
  if (clean && !(state.latin1 ? ANY_DECLARATION : LATIN1_DECLARATION).test(seg.view)) return;
  let tokens: Token[];
  try {
    tokens = seg.tokens ?? tokenize(seg.view, seg.delimiter, known).tokens;
  } catch (e) {
    // Bad input the segment's job reports, at its place.
    if (e instanceof SqlSyntaxError) return;
    throw e;
  }
  const bad = firstMisplacedByte(tokens, clean ? () => null : viewSuspects(seg.bytes), state);
  if (bad === null) return;
  const at = placeInView(seg.view, seg.bytes, bad.offset, seg.byteBase === 0);
  throw new SqlSyntaxError(bad.reason, -1).locate(seg.line + at.line - 1, at.column, name);
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

/** What the last segment carries for its job: its tokens, or its payloads' bounds, or neither. */
interface LastCut {
  readonly payloads: KnownPayload[] | null;
  readonly tokens: Token[] | null;
}

/**
 * The tokens (`make`) or payload bounds of the input's last segment, `buffer`. A whole input in
 * one segment (`only`) that its job tokenizes gets neither: the job tokenizes it once (and reports
 * bad input).
 */
function lastCut(buffer: string, delimiter: string, known: KnownPayload | null, only: boolean, make: boolean): LastCut {
  if (make) return { payloads: null, tokens: tokenize(buffer, delimiter, known).tokens };
  if (only) return { payloads: null, tokens: null };
  return { payloads: boundaries(buffer, delimiter, known, false).payloads, tokens: null };
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
  // An INSERT payload that ran past the end of the buffer is scanned on as input arrives (see
  // scanOn); `known` is its end once found, for the tokenizer.
  let open: OpenPayload | null = null;
  let known: KnownPayload | null = null;
  const charset: CharsetState = { latin1: false };
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
      known = scanOn(open, chunk.view, delimiter);
      if (known === null) continue;
      open = null;
    }
    if (buffer.length < want) continue;
    let cut: Cut;
    try {
      cut = cutPoint(buffer, delimiter, known, withTokens());
    } catch (e) {
      throw locate(e);
    }
    known = null;
    if (cut.open !== undefined) {
      const at = cut.open.safe;
      open = { from: cut.open.from, windowBase: at, window: buffer.slice(at), wait: 0 };
    }
    if (cut.end === 0) {
      // One statement longer than the segment: wait for more. A data payload is scanned on as it
      // comes (above); anything else is tokenized again, doubling so the retries stay linear.
      want = open === null ? buffer.length * 2 : segmentSize;
      continue;
    }
    const view = buffer.slice(0, cut.end);
    const segment: RawSegment = {
      index: index++,
      bytes: bytes.take(cut.end),
      view,
      payloads: cut.payloads,
      tokens: cut.tokens,
      byteBase,
      line,
      delimiter,
    };
    checkSegment(segment, null, charset, name);
    yield segment;
    byteBase += view.length;
    line += countNewlines(view);
    delimiter = cut.delimiter;
    buffer = buffer.slice(cut.end);
    if (open !== null) {
      open.from -= cut.end;
      open.windowBase -= cut.end;
    }
    want = Math.max(segmentSize, buffer.length + 1);
  }
  if (buffer.length > 0 || index === 0) {
    let last: LastCut;
    try {
      last = lastCut(buffer, delimiter, known, index === 0, withTokens());
    } catch (e) {
      throw locate(e);
    }
    const segment: RawSegment = {
      index,
      bytes: bytes.take(bytes.length),
      view: buffer,
      ...last,
      byteBase,
      line,
      delimiter,
    };
    checkSegment(segment, known, charset, name);
    yield segment;
  }
}

/**
 * An INSERT payload that ran past the end of the buffer: `window` holds buffer[windowBase…], from
 * the last safe restart point of the scan; `wait` is the window length the scan waits for.
 */
interface OpenPayload {
  from: number;
  windowBase: number;
  window: string;
  wait: number;
}

/**
 * Scans an open payload on over the `view` of a new chunk, only the new text each time, so a
 * payload of any size is scanned once: its place once its end is found, else null (and `open`
 * moved on). Inside a long string the safe point cannot move; the scan then waits for the window
 * to double (`wait`), so a string of any length costs linear time.
 */
function scanOn(open: OpenPayload, view: string, delimiter: string): KnownPayload | null {
  const window: string = open.window + view;
  if (window.length < open.wait) {
    open.window = window;
    return null;
  }
  const progress = { safe: 0 };
  const end = scanData(window, 0, delimiter, progress);
  if (end === window.length) {
    open.windowBase += progress.safe;
    open.window = window.slice(progress.safe);
    open.wait = progress.safe === 0 ? window.length * 2 : 0;
    return null;
  }
  return { from: open.from, end: open.windowBase + end };
}

/** Where the buffer can be cut (`end`, 0: nowhere yet), with the payloads or tokens before it. */
interface Cut {
  readonly end: number;
  readonly delimiter: string;
  readonly open: { from: number; safe: number } | undefined;
  readonly payloads: KnownPayload[] | null;
  readonly tokens: Token[] | null;
}

/** The last statement boundary of `buffer`, found with the tokens (`withTokens`) or without. */
function cutPoint(buffer: string, delimiter: string, known: KnownPayload | null, withTokens: boolean): Cut {
  if (withTokens) {
    const p = tokenizePartial(buffer, delimiter, known);
    return { end: p.end, delimiter: p.delimiter, open: p.open, payloads: null, tokens: p.tokens };
  }
  const p = boundaries(buffer, delimiter, known, true);
  return { end: p.end, delimiter: p.delimiter, open: p.open, payloads: p.payloads, tokens: null };
}

/** Line and UTF-16 column of byte `offset` in a view whose bytes are `bytes` (`bom`: the input's start). */
function placeInView(view: string, bytes: Uint8Array, offset: number, bom: boolean): { line: number; column: number } {
  const at = Math.min(Math.max(0, offset), view.length);
  const lineStart = view.lastIndexOf('\n', at - 1) + 1;
  const line = 1 + countNewlines(view, 0, at);
  let column = decodeScript(bytes, lineStart, at).length + 1;
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
    const text = decodeScript(raw.bytes);
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
