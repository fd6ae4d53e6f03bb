// The way back from a job's text to the segment's: a job's text holds placeholders where the
// segment has INSERT/REPLACE payloads (see job.ts), so the offsets and columns the rules and the
// fixer give in it are mapped to the segment's own text before they leave the job.
import { detach } from '../core/detach.js';
import type { AppliedFix } from '../core/fixer.js';
import { upperBound } from '../core/position.js';
import type { Edit, Finding } from '../core/rule.js';
import type { SqlSource } from '../core/source.js';
import type { Token } from '../core/tokenize.js';
import type { Payload } from './job.js';

/** Longest statement excerpt an applied fix of a stream keeps. */
const EXCERPT = 200;

/**
 * Maps offsets and columns in a job's text (payloads as placeholders) to the segment's own text.
 * Built from the data tokens of a text: the first job text or a text the fixer made from it.
 */
export class OffsetMap {
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
    return upperBound(this.spans, p, (s) => s.end);
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

/**
 * A finding of a job's text placed in the segment's text, holding no string of that text. A
 * finding fix left is placed in the input by `map`, and its place in the output (`output`) and its
 * fix's edits by `outMap`.
 */
export function placeFinding(f: Finding, map: OffsetMap, outMap: OffsetMap = map): Finding {
  const o = f.output;
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
            edits: f.fix.edits.map((e) => placeEdit(e, outMap)),
          },
    ...(f.unfixed === undefined ? {} : { unfixed: detach(f.unfixed) }),
    ...(f.category === undefined ? {} : { category: f.category }),
    ...(o === undefined
      ? {}
      : {
          output: {
            start: outMap.offset(o.start),
            end: outMap.offset(o.end),
            line: o.line,
            column: outMap.column(o.start, o.column),
            endLine: o.endLine,
            endColumn: outMap.column(o.end, o.endColumn),
          },
        }),
  };
}

/** An edit of a job's text placed in the segment's text. */
export const placeEdit = (e: Edit, map: OffsetMap): Edit => ({
  start: map.offset(e.start),
  end: map.offset(e.end),
  text: detach(e.text),
});

/**
 * An applied fix placed in the segment's input text (`input`: the input job text, its map and line
 * starts), with a short excerpt of its statement; its edits stay in the text of its pass (`source`,
 * placed by `map`).
 */
export function placeApplied(
  a: AppliedFix,
  input: { readonly source: SqlSource; readonly map: OffsetMap; readonly starts: readonly number[] },
  source: SqlSource,
  map: OffsetMap,
): AppliedFix {
  const offset = Math.min(
    input.source.text.length,
    (input.starts[a.line - 1] ?? 0) + a.column - 1 + (a.line === 1 && input.source.hasBom ? 1 : 0),
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
    column: input.map.column(offset, a.column),
    edits: a.edits.map((e) => placeEdit(e, map)),
    statement,
  };
}
