// File input and output for the CLI: strict UTF-8 decoding with located errors, atomic writes.
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { scriptBytesProblem } from '../core/utf8.js';

/** A user-facing failure: the CLI prints its message alone and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An input that cannot be read or decoded (missing, a directory, no permission, not UTF-8): the
 * message is `file[:line:col]: reason`. `check` reports it as that file's finding and goes on.
 */
export class UnreadableInput extends UsageError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}:${column ?? 1}: ${reason}`);
    this.name = 'UnreadableInput';
  }
}

/** Decodes a script, rejecting binary and non-UTF-8 input with `file:line:col: reason`. */
export function decodeSql(buf: Uint8Array, name: string): string {
  const problem = scriptBytesProblem(buf);
  if (problem !== null) {
    const why = problem.kind === 'invalid' ? `${problem.reason} at byte offset ${problem.offset}` : problem.reason;
    throw new UnreadableInput(name, why, problem.line, problem.column);
  }
  return Buffer.from(buf).toString('utf8');
}

/** What a failure to open or read `name` means to its user. */
function unreadable(e: unknown, name: string): UsageError {
  if (e instanceof UsageError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  // A path that names nothing is a mistake in the command (as ESLint's "no files matching"), not an input.
  if (code === 'ENOENT') return new UsageError(`${name}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableInput(name, 'permission denied');
  return new UnreadableInput(name, `cannot read (${code ?? String(e)})`);
}

/** Reads and decodes a script file; errors name it as `name` (the path the user gave). */
export function readSqlFile(path: string, name = path): string {
  let buf: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UnreadableInput(name, 'is a directory');
    buf = readFileSync(path);
  } catch (e) {
    throw unreadable(e, name);
  }
  return decodeSql(buf, name);
}

/** Writes `content` to `path` atomically; with `keepModeOf`, the new file gets that file's mode. */
export function writeFileAtomic(path: string, content: string, keepModeOf?: string): void {
  const w = new AtomicWriter(path);
  w.write(content);
  w.commit(keepModeOf);
}

/** A file written atomically in pieces: a temporary file beside it, renamed over it by commit(). */
export class AtomicWriter {
  private fd: number | undefined;
  private readonly tmp: string;

  constructor(private readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.tmp, 'wx', 0o666);
    } catch (e) {
      throw new UsageError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }

  write(chunk: string | Uint8Array): void {
    try {
      if (typeof chunk === 'string') writeSync(this.fd!, chunk);
      else for (let at = 0; at < chunk.length;) at += writeSync(this.fd!, chunk, at);
    } catch (e) {
      this.abort();
      throw new UsageError(`${this.path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }

  /** fsync, keep the mode of `keepModeOf` if given, rename into place. */
  commit(keepModeOf?: string): void {
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
      if (keepModeOf !== undefined) chmodSync(this.tmp, statSync(keepModeOf).mode & 0o7777);
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.abort();
      throw new UsageError(`${this.path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }

  /** Removes the temporary file; the destination is untouched. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** A script file as a stream of chunks; a missing file or a directory fails at once, with its name. */
export function openSqlStream(path: string, name = path): AsyncIterable<Uint8Array> {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw new UnreadableInput(name, 'is a directory');
    fd = openSync(path, 'r');
  } catch (e) {
    throw unreadable(e, name);
  }
  return createReadStream(path, { fd, highWaterMark: 1024 * 1024 });
}
