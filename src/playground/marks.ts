// Marks: the findings of the last check placed in the shown text, and kept in place while the user
// types (a mark after an edit moves with the text, a mark the edit touches goes until the next
// check). Sorted by start, with the running maximum of their end lines, so the marks on the
// visible lines are found by one binary search.
import { lowerBound } from '../core/position.js';
import type { Finding, Severity } from '../core/rule.js';
import { session } from './session.js';

/** Severities by weight, for "the most severe". */
export const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The more severe of `a` (if any) and `b`. */
export function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/** A finding placed in the shown text (offsets of the textarea's value). */
export interface Mark {
  readonly finding: Finding;
  s: number;
  e: number;
  line: number;
  endLine: number;
}

/** The marks, sorted by start (read-only outside this module). */
export let marks: Mark[] = [];
/** `maxEndLine[k]`: the last line any of `marks[0..k]` reaches. */
let maxEndLine: number[] = [];

/** No marks (a new script, or a check that failed). */
export function clearMarks(): void {
  marks = [];
  maxEndLine = [];
}

/** Places the session's findings in its text. */
export function placeMarks(): void {
  const model = session.model;
  marks = (session.findings ?? []).map((f) => {
    const s = model.toShown(f.start);
    const e = Math.max(s, model.toShown(f.end));
    return { finding: f, s, e, line: 0, endLine: 0 };
  });
  marks.sort((a, b) => a.s - b.s || a.e - b.e);
  indexMarks();
}

function indexMarks(): void {
  const model = session.model;
  maxEndLine = new Array<number>(marks.length);
  let max = -1;
  marks.forEach((m, k) => {
    m.line = model.lineOf(m.s);
    m.endLine = m.e > m.s ? model.lineOf(m.e - 1) : m.line;
    max = Math.max(max, m.endLine);
    maxEndLine[k] = max;
  });
}

/** After an edit from `before` to `after`: marks after the change move with the text, marks in it go. */
export function shiftMarks(before: string, after: string): void {
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const oldEnd = before.length - q;
  const delta = after.length - before.length;
  marks = marks.filter((m) => {
    if (m.e <= p) return true;
    if (m.s < oldEnd) return false;
    m.s += delta;
    m.e += delta;
    return true;
  });
  indexMarks();
}

/** The marks touching lines [first, last], in order. */
export function marksOnLines(first: number, last: number): Mark[] {
  // The first mark whose running maximum end line reaches `first`: none before it can.
  const out: Mark[] = [];
  for (let k = lowerBound(maxEndLine, first, (n) => n); k < marks.length && marks[k]!.line <= last; k++) {
    if (marks[k]!.endLine >= first) out.push(marks[k]!);
  }
  return out;
}

/** The marks covering shown offset `pos`, most severe first. */
export function marksAt(pos: number): Mark[] {
  const line = session.model.lineOf(pos);
  return marksOnLines(line, line)
    .filter((m) => (m.s <= pos && pos < m.e) || m.s === pos)
    .sort((a, b) => RANK[b.finding.severity] - RANK[a.finding.severity] || a.s - b.s);
}
