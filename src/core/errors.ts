// Error types the CLI turns into one-line messages and exit code 2.

/** The input cannot be tokenized (unterminated string, comment, …). `offset` points at its start. */
export class SqlSyntaxError extends Error {
  /** 1-based line and column of `offset`, and the file, once known. */
  line?: number;
  column?: number;
  filename?: string;

  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
    this.name = 'SqlSyntaxError';
  }

  /** Adds the location; the message becomes `file:line:col: reason`. */
  locate(line: number, column: number, filename?: string): this {
    this.line = line;
    this.column = column;
    this.filename = filename;
    this.message = `${filename ?? '<input>'}:${line}:${column}: ${this.reason}`;
    return this;
  }
}

/** Bad options: unknown target, unknown rule id, bad severity. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An invariant of the engine did not hold (a bug in clustrix-lint or in a rule). */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** Throws an InternalError with `reason` when `value` is null or undefined. */
export function assertDefined<T>(value: T | null | undefined, reason: string): T {
  if (value === null || value === undefined) throw new InternalError(reason);
  return value;
}
