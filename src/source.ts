// SqlSource: the text of one script with its tokens, statements and line/column maths.
import { tokenize, type Token } from './tokenize.js';
import { splitStatements, type Statement } from './statements.js';

export interface Location {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units from the start of the line. */
  readonly column: number;
}

export class SqlSource {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly statements: readonly Statement[];
  readonly hasBom: boolean;
  /** The dominant line ending, so inserted text can match it. */
  readonly eol: '\n' | '\r\n';
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const { tokens } = tokenize(text);
    this.tokens = tokens;
    this.statements = splitStatements(tokens);
    this.hasBom = text.charCodeAt(0) === 0xfeff;
    this.lineStarts = [0];
    let crlf = 0;
    let lf = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        this.lineStarts.push(i + 1);
        if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
        else lf++;
      }
    }
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  /** 1-based line and column of `offset` (a BOM does not count as a column). */
  locOf(offset: number): Location {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    const bomShift = lo === 0 && this.hasBom && offset > 0 ? 1 : 0;
    return { line: lo + 1, column: offset - lineStart + 1 - bomShift };
  }
}

/** Line and column of `offset` in `text`, without building a full SqlSource (used for errors). */
export function locateOffset(text: string, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const bomShift = line === 1 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  return { line, column: offset - lineStart + 1 - bomShift };
}
