// Position maths, once: binary searches over sorted arrays and the line/column arithmetic every
// layer needs (the engine's findings, the fixer's units, the stream's segments, the LSP's and the
// playground's editors, the report's excerpts). Portable: no Node, no DOM.

/**
 * The first index `i` in `[0, length)` for which `before(i)` is false, or `length` when it holds
 * everywhere; `before` must be true for a prefix of the indexes and false after it (a sorted
 * array read through a predicate). With `before = (i) => a[i] < x` this is C++'s lower_bound.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose key is ≥ `x` (keys ascending), or `items.length`. */
export function lowerBound<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  return partitionPoint(items.length, (i) => key(items[i]!) < x);
}

/** Index of the first element whose key is > `x` (keys ascending), or `items.length`. */
export function upperBound<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  return partitionPoint(items.length, (i) => key(items[i]!) <= x);
}

/** Index of the last element whose key is ≤ `x` (keys ascending), or -1 when none is. */
export function lastAtOrBefore<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  return upperBound(items, x, key) - 1;
}

/** Index of the element whose key equals `x` (keys ascending, distinct), or -1. */
export function indexOfKey<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  const i = lowerBound(items, x, key);
  return i < items.length && key(items[i]!) === x ? i : -1;
}

const identity = (n: number): number => n;

/** Offsets at which each line of `text` starts (the first is 0); a line ends after `\n`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based index of the line holding `offset`, given the text's `lineStarts`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(starts, offset, identity));
}

/** A 1-based line and column. */
export interface Location {
  line: number;
  column: number;
}

/**
 * 1-based line and column of `offset`, given the text's `lineStarts`. With `bom` (the text starts
 * with U+FEFF) the mark does not count as a column of line 1.
 */
export function locationAt(starts: readonly number[], offset: number, bom = false): Location {
  const k = lineIndexAt(starts, offset);
  const bomShift = k === 0 && bom && offset > 0 ? 1 : 0;
  return { line: k + 1, column: offset - starts[k]! + 1 - bomShift };
}

/** Offset of a 1-based line and column (clamped to the text), given the text's `lineStarts`. */
export function offsetAt(starts: readonly number[], textLength: number, line: number, column: number): number {
  const k = Math.min(Math.max(line, 1), starts.length) - 1;
  return Math.min(starts[k]! + Math.max(column, 1) - 1, textLength);
}
