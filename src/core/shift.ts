// Moving a finding found in a piece of a script (a stream's segment) to its place in the whole
// script: offsets move by the piece's offset, lines by its first line. Pieces start at a line
// start, so columns stay as they are.
import type { Finding } from './rule.js';

/** Where a piece of a script starts in the whole: its offset (UTF-16 code units) and 1-based line. */
export interface PiecePlace {
  readonly base: number;
  readonly line: number;
}

/**
 * `f`, found in a piece of a script that starts at `at` (at a line start), placed in the whole
 * script: its offsets, lines and fix edits moved; a copy, `f` is left as it is.
 */
export function shiftFinding(f: Finding, at: PiecePlace): Finding {
  const moved: Finding = {
    ...f,
    start: f.start + at.base,
    end: f.end + at.base,
    line: f.line + at.line - 1,
    endLine: f.endLine + at.line - 1,
  };
  if (f.fix === null) return moved;
  return {
    ...moved,
    fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + at.base, end: e.end + at.base })) },
  };
}

/**
 * A finding `fix` left in a piece, placed in the whole: its place in the input by `inAt` (where the
 * piece's input starts), its place in the output (`output`) and its fix's edits by `outAt`.
 */
export function shiftLeft(f: Finding, inAt: PiecePlace, outAt: PiecePlace): Finding {
  const moved = shiftFinding(f, outAt);
  const o = f.output;
  return {
    ...moved,
    start: f.start + inAt.base,
    end: f.end + inAt.base,
    line: f.line + inAt.line - 1,
    endLine: f.endLine + inAt.line - 1,
    ...(o === undefined
      ? {}
      : {
          output: {
            ...o,
            start: o.start + outAt.base,
            end: o.end + outAt.base,
            line: o.line + outAt.line - 1,
            endLine: o.endLine + outAt.line - 1,
          },
        }),
  };
}
