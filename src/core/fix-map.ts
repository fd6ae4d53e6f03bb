// The way back from a fixed text to the input, so that a fix run speaks of one text only: every
// finding it reports (applied, left, superseded) is placed in the input, as `check` places it.
//
// The fixer's passes replace ranges of the text; everything else is carried over byte for byte. A
// FixMap keeps, for the text after some passes, the ranges where it differs from the input: each
// a range of the fixed text (what the edits wrote, possibly empty) standing for a range of the
// input (what they replaced, possibly empty). Between them the two texts are the same, so an
// offset there moves by the length the edits before it added or removed, its line by the line
// breaks they added or removed, and its column only when the edit ends on its line. A position
// inside text an edit wrote has no place in the input: it is placed at the edit's start there (and
// a range's end inside such text at the edit's end), so a finding about inserted text points at
// what the edit replaced. Portable: no Node.
import { upperBound } from './position.js';
import type { Edit, Finding, FindingPlace } from './rule.js';

/** A position: offset (UTF-16 code units), 1-based line and column, as findings carry them. */
export interface Place {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Line and column of an offset of a text (an SqlSource's `locOf`). */
export type Locate = (offset: number) => { readonly line: number; readonly column: number };

/** A range where the fixed text differs from the input: [os, oe) of the fixed text for [is, ie) of the input. */
export interface Change {
  readonly os: number;
  readonly oe: number;
  /** Line and column of `oe` in the fixed text. */
  readonly oeLine: number;
  readonly oeColumn: number;
  readonly is: Place;
  readonly ie: Place;
}

/** A stretch the fixed text carries over from the input: [o, o + len) of it is [i, i + len) of the input. */
interface Kept {
  readonly o: number;
  readonly i: number;
  readonly len: number;
}

/** Maps positions of a fixed text back to the input it was fixed from. */
export class FixMap {
  private constructor(
    private readonly changes: readonly Change[],
    /** Length of the fixed text and of the input. */
    private readonly outLength: number,
    private readonly inLength: number,
  ) {}

  /** A map of the changes `slice` gave (for `toInput` and `finding` only). */
  static of(changes: readonly Change[]): FixMap {
    return new FixMap(changes, 0, 0);
  }

  /**
   * The changes that meet [from, to] of the fixed text, as plain data (it crosses to other
   * threads) relative to `from`, a place of the fixed text, and to `inFrom`, its place in the
   * input: as if the piece were a text of its own.
   */
  slice(from: Place, to: number, inFrom: Place): Change[] {
    const out: Change[] = [];
    for (let k = Math.max(0, upperBound(this.changes, from.offset, (c) => c.oe) - 1); k < this.changes.length; k++) {
      const c = this.changes[k]!;
      if (c.os > to) break;
      if (c.oe < from.offset) continue;
      const oe = relative({ offset: c.oe, line: c.oeLine, column: c.oeColumn }, from);
      out.push({
        os: c.os - from.offset,
        oe: oe.offset,
        oeLine: oe.line,
        oeColumn: oe.column,
        is: relative(c.is, inFrom),
        ie: relative(c.ie, inFrom),
      });
    }
    return out;
  }

  /** The map of an unchanged text (of this length). */
  static identity(length: number): FixMap {
    return new FixMap([], length, length);
  }

  /** Whether the fixed text differs from the input. */
  get changed(): boolean {
    return this.changes.length > 0;
  }

  /**
   * The map of the text `edits` (sorted, disjoint edits of this map's fixed text) make: `next`
   * locates offsets of that new text, `input` those of the input.
   */
  then(edits: readonly Edit[], nextLength: number, next: Locate, input: Locate): FixMap {
    if (edits.length === 0) return this;
    const outer: Kept[] = [];
    let o = 0;
    let i = 0;
    for (const e of edits) {
      outer.push({ o, i, len: e.start - i });
      o += e.start - i + e.text.length;
      i = e.end;
    }
    outer.push({ o, i, len: this.outLength - i });
    // Compose: a stretch kept by these edits, within a stretch this map keeps, is kept from the input.
    const inner = this.kept();
    const kept: Kept[] = [];
    let k = 0;
    for (const q of outer) {
      const qEnd = q.i + q.len;
      while (k < inner.length && inner[k]!.o + inner[k]!.len <= q.i) k++;
      for (let m = k; m < inner.length && inner[m]!.o < qEnd; m++) {
        const p = inner[m]!;
        const from = Math.max(p.o, q.i);
        const to = Math.min(p.o + p.len, qEnd);
        if (to > from) kept.push({ o: q.o + from - q.i, i: p.i + from - p.o, len: to - from });
      }
    }
    return FixMap.fromKept(kept, nextLength, this.inLength, next, input);
  }

  /** The stretches the fixed text carries over from the input, in order (none empty). */
  private kept(): Kept[] {
    const out: Kept[] = [];
    let o = 0;
    let i = 0;
    for (const c of this.changes) {
      if (c.os > o) out.push({ o, i, len: c.os - o });
      o = c.oe;
      i = c.ie.offset;
    }
    if (this.outLength > o) out.push({ o, i, len: this.outLength - o });
    return out;
  }

  private static fromKept(kept: readonly Kept[], outLength: number, inLength: number, out: Locate, input: Locate) {
    const changes: Change[] = [];
    const place = (offset: number): Place => ({ offset, ...input(offset) });
    const add = (os: number, oe: number, is: number, ie: number) => {
      if (os === oe && is === ie) return;
      const at = out(oe);
      changes.push({ os, oe, oeLine: at.line, oeColumn: at.column, is: place(is), ie: place(ie) });
    };
    let o = 0;
    let i = 0;
    for (const s of kept) {
      add(o, s.o, i, s.i);
      o = s.o + s.len;
      i = s.i + s.len;
    }
    add(o, outLength, i, inLength);
    return new FixMap(changes, outLength, inLength);
  }

  /**
   * The place in the input of a position of the fixed text (given with its line and column).
   * `bias` says whether it starts or ends a range: inside text an edit wrote, a start goes to the
   * edit's start in the input, an end to its end; at a point where text was removed, a start goes
   * after the removed text, an end before it.
   */
  toInput(offset: number, line: number, column: number, bias: 'start' | 'end'): Place {
    const k = upperBound(this.changes, offset, (c) => c.os) - 1;
    const c = this.changes[k];
    if (c === undefined) return { offset, line, column };
    if (offset === c.os && (bias === 'end' || c.oe > c.os)) return c.is;
    if (offset < c.oe) return bias === 'start' ? c.is : c.ie;
    return {
      offset: c.ie.offset + offset - c.oe,
      line: c.ie.line + line - c.oeLine,
      column: line === c.oeLine ? c.ie.column + column - c.oeColumn : column,
    };
  }

  /**
   * A finding on the fixed text placed in the input; its place in the fixed text is kept as
   * `output`. Its fix's edits stay offsets into the fixed text (they are what would change it).
   */
  finding(f: Finding): Finding {
    if (!this.changed) return { ...f, output: outputPlace(f) };
    const from = this.toInput(f.start, f.line, f.column, 'start');
    let to = this.toInput(f.end, f.endLine, f.endColumn, 'end');
    if (to.offset < from.offset) to = from;
    return { ...movedTo(f, from, to), output: outputPlace(f) };
  }
}

/** `f` moved to [from, to): its offsets, lines and columns; the rest as it was. */
export function movedTo(f: Finding, from: Place, to: Place): Finding {
  return {
    ...f,
    start: from.offset,
    end: to.offset,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
}

/** Where a finding is in the text it was found in. */
export const outputPlace = (f: Finding): FindingPlace => ({
  start: f.start,
  end: f.end,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
});

/** `p` relative to `base`, as if the text started at `base` (line 1, column 1 there). */
export const relative = (p: Place, base: Place): Place => ({
  offset: p.offset - base.offset,
  line: p.line - base.line + 1,
  column: p.line === base.line ? p.column - base.column + 1 : p.column,
});

/** A place relative to `base` (see `relative`) made absolute again. */
export const absolute = (p: Place, base: Place): Place => ({
  offset: base.offset + p.offset,
  line: base.line + p.line - 1,
  column: p.line === 1 ? base.column + p.column - 1 : p.column,
});
