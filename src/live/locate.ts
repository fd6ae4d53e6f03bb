// Places findings on the objects of a live server: the object whose part of the script (or of the
// server report) holds the finding, and the line and column inside its SHOW CREATE text. A fix
// run places everything it reports in the script as read (core/fix-map.ts), so its findings and
// fixes are placed on the objects as read, like check's.
import type { AppliedFix } from '../core/fixer.js';
import { lastAtOrBefore, lineStarts, locationAt, type Location } from '../core/position.js';
import type { Finding } from '../core/rule.js';
import type { LiveText, TextSegment } from './script.js';
import type { ObjectLocation } from './types.js';

/** The segment holding `offset`: the last one starting at or before it (segments are sorted). */
export function segmentAt(segments: readonly TextSegment[], offset: number): TextSegment | undefined {
  const k = lastAtOrBefore(segments, offset, (sg) => sg.start);
  const found = k < 0 ? undefined : segments[k];
  return found !== undefined && offset < Math.max(found.end, found.start + 1) ? found : undefined;
}

export class Locator {
  /** Where each line of the text starts. */
  private readonly starts: number[];

  /** `fallback` names what holds text outside every segment (the server). */
  constructor(
    private readonly live: LiveText,
    private readonly fallback: ObjectLocation['name'],
  ) {
    this.starts = lineStarts(live.text);
  }

  /** Where the range [start, end) of the text is, on its object. */
  place(start: number, end: number): ObjectLocation {
    const sg = segmentAt(this.live.segments, start);
    if (sg === undefined) {
      const a = this.at(start);
      const b = this.at(end);
      return {
        name: this.fallback,
        type: 'server',
        database: null,
        object: null,
        line: a.line,
        column: a.column,
        endLine: b.line,
        endColumn: b.column,
      };
    }
    const clamp = (p: number) => Math.min(Math.max(p, sg.textStart), sg.textEnd);
    const origin = this.at(sg.textStart);
    const rel = (p: number) => {
      const at = this.at(clamp(p));
      return {
        line: at.line - origin.line + 1,
        column: at.line === origin.line ? at.column - origin.column + 1 : at.column,
      };
    };
    const a = rel(start);
    const b = rel(Math.max(start, end));
    return { ...sg.ref, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** 1-based line and column of an offset of the text. */
  private at(offset: number): Location {
    return locationAt(this.starts, offset);
  }

  /** Offset of a 1-based line and column of the text (the line clamped to the text's lines). */
  offsetOf(line: number, column: number): number {
    return (this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0) + column - 1;
  }
}

export type LocatedFinding = Finding & { readonly object: ObjectLocation };
export type LocatedFix = AppliedFix & { readonly object: ObjectLocation };

/** The findings, each with the object it is on. */
export function locateFindings<F extends Finding>(
  live: LiveText,
  fallback: string,
  findings: readonly F[],
): Array<F & { object: ObjectLocation }> {
  const locator = new Locator(live, fallback);
  return findings.map((f) => ({ ...f, object: locator.place(f.start, f.end) }));
}
