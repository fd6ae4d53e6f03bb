// A segment's job: what a segment is checked (or fixed) from, as plain data a worker thread can
// take. The rules never look into the VALUES payload of an INSERT/REPLACE, so each one reaches
// them as a short placeholder instead of its text (see place.ts for the way back).
import { isAscii } from 'node:buffer';
import type { DirectiveKind } from '../core/directives.js';
import type { TableFacts } from '../core/schema.js';
import type { KnownPayload, Token } from '../core/tokenize.js';
import { decodeScript } from '../node/encoding.js';
import { utf16Length, viewOf } from './bytes.js';
import type { RawSegment } from './cut.js';

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
export type PreparedJob = Omit<SegmentJob, 'inherited' | 'schema' | 'lineOffset' | 'keep'>;

/** Where a segment's payloads are in its bytes, and its length: what the main thread keeps. */
export interface Layout {
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
export function prepare(raw: RawSegment, fixing: boolean, whole = false): { job: PreparedJob; layout: Layout } {
  const ascii = isAscii(raw.bytes);
  const decode = (from: number, to: number): string => {
    if (ascii || isAscii(raw.bytes.subarray(from, to))) return raw.view.slice(from, to);
    return decodeScript(raw.bytes, from, to);
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

/** The job of a segment as one decoded text, without placeholders (its bytes as read). */
export function wholeJob(index: number, bytes: Uint8Array, delimiter: string): PreparedJob {
  const text = isAscii(bytes) ? viewOf(bytes) : decodeScript(bytes);
  return { index, text, delimiter, payloads: [] };
}
