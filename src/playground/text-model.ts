// The script as the page shows it. A <textarea> normalizes line breaks (CR LF and a lone CR become
// LF), while the core's offsets count every character of the exact text; this maps between the two
// and splits the shown text into lines for the editor's gutter and highlights.
import { lineIndexAt, lineStarts, lowerBound, partitionPoint } from '../core/position.js';

const identity = (n: number): number => n;

export class TextModel {
  /** The exact script, as checked. */
  readonly exact: string;
  /** The script as a textarea holds it: CR LF and lone CR become LF. */
  readonly shown: string;
  /** Offsets in `exact` of the CRs dropped from CR LF pairs, ascending. */
  private readonly droppedCr: number[] = [];
  /** Offsets in `shown` where lines start. */
  readonly lineStarts: number[];
  /** True when every line break of `exact` is CR LF (edits then keep CR LF). */
  readonly crlf: boolean;

  constructor(exact: string) {
    this.exact = exact;
    for (let k = exact.indexOf('\r'); k >= 0; k = exact.indexOf('\r', k + 1)) {
      if (exact.charCodeAt(k + 1) === 10) this.droppedCr.push(k);
    }
    this.shown = this.droppedCr.length === 0 && !exact.includes('\r') ? exact : exact.replace(/\r\n?/g, '\n');
    this.lineStarts = lineStarts(this.shown);
    const lf = this.lineStarts.length - 1;
    const crlf = this.droppedCr.length;
    this.crlf = crlf > 0 && crlf === lf;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The shown text of line `index` (0-based), without its line break. */
  line(index: number): string {
    const start = this.lineStarts[index]!;
    const next = this.lineStarts[index + 1];
    return this.shown.slice(start, next === undefined ? this.shown.length : next - 1);
  }

  /** Offset in `shown` of offset `exactOffset` of the exact text. */
  toShown(exactOffset: number): number {
    return exactOffset - lowerBound(this.droppedCr, exactOffset, identity);
  }

  /** Offset in the exact text of offset `shownOffset` of the shown text. */
  toExact(shownOffset: number): number {
    // The k-th dropped CR sits at shown offset droppedCr[k] - k; count those before shownOffset.
    return shownOffset + partitionPoint(this.droppedCr.length, (k) => this.droppedCr[k]! - k < shownOffset);
  }

  /** 0-based line of offset `shownOffset` of the shown text. */
  lineOf(shownOffset: number): number {
    return lineIndexAt(this.lineStarts, shownOffset);
  }

  /** The exact text for what a textarea now holds: CR LF line breaks are kept when the script had only those. */
  static fromEdit(value: string, previous: TextModel): TextModel {
    return new TextModel(previous.crlf ? value.replace(/\n/g, '\r\n') : value);
  }
}
