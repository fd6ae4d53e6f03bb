// SqlSource: the text of one script with its tokens, statements and line/column maths.
import { SqlSyntaxError } from './errors.js';
import { lineStarts, locationAt, type Location } from './position.js';
import { tokenize, type Token } from './tokenize.js';
import { splitStatements, type Statement } from './statements.js';

/** A 1-based line and column (in UTF-16 code units from the start of the line). */
export type { Location };

export class SqlSource {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly statements: readonly Statement[];
  readonly hasBom: boolean;
  private lineStartsCache: number[] | undefined;
  private eolCache: '\n' | '\r\n' | undefined;

  /**
   * @param text the script (or a segment of it that starts at a statement boundary)
   * @param options.delimiter the delimiter active at the start of `text`
   * @param options.tokens tokens of `text` already made by the tokenizer
   */
  constructor(text: string, options: { delimiter?: string; tokens?: Token[] } = {}) {
    this.text = text;
    const tokens = options.tokens ?? tokenize(text, options.delimiter).tokens;
    this.tokens = tokens;
    this.statements = splitStatements(tokens);
    this.hasBom = text.charCodeAt(0) === 0xfeff;
  }

  /** Offsets where lines start; computed on first use (most segments of a big dump never need it). */
  private get lineStarts(): number[] {
    this.lineStartsCache ??= lineStarts(this.text);
    return this.lineStartsCache;
  }

  /** The dominant line ending, so inserted text can match it. */
  get eol(): '\n' | '\r\n' {
    if (this.eolCache === undefined) {
      let crlf = 0;
      const starts = this.lineStarts;
      for (let k = 1; k < starts.length; k++) if (this.text.charCodeAt(starts[k]! - 2) === 13) crlf++;
      this.eolCache = crlf > (starts.length - 1) / 2 ? '\r\n' : '\n';
    }
    return this.eolCache;
  }

  /** 1-based line and column of `offset` (a BOM does not count as a column). */
  locOf(offset: number): Location {
    return locationAt(this.lineStarts, offset, this.hasBom);
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

/**
 * Runs `run` (which tokenizes `text`) and gives a syntax error it throws the line and column of its
 * offset in `text`, and `name` as its file: the one message a user sees for a script that cannot be
 * read (`name:line:col: …`).
 */
export function withLocation<T>(text: string, name: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof SqlSyntaxError && e.line === undefined) {
      const at = locateOffset(text, e.offset);
      e.locate(at.line, at.column, name);
    }
    throw e;
  }
}
