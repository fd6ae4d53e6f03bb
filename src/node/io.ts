// File input and output for the CLI: a script's bytes decoded with every byte kept (bytes that are
// not UTF-8 escaped, see encoding.ts), bad input refused with its location, atomic writes of the
// bytes the text stands for.
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
import { isUtf8 } from 'node:buffer';
import { SqlSyntaxError } from '../core/errors.js';
import { firstMisplacedByte, textSuspects } from '../core/script-bytes.js';
import { locateOffset } from '../core/source.js';
import { tokenize } from '../core/tokenize.js';
import { decodeScript, encodeScript } from './encoding.js';

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

/**
 * Decodes a script, every byte kept: UTF-16 text, and a NUL byte or a byte that is not UTF-8
 * outside a string literal (where the script has not declared latin1; see
 * src/core/script-bytes.ts), are refused with `file:line:col: reason`.
 */
export function decodeSql(buf: Uint8Array, name: string): string {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
    throw new UnreadableInput(name, 'UTF-16 text is not supported; convert the file to UTF-8', 1, 1);
  const text = decodeScript(buf);
  if (isUtf8(buf) && buf.indexOf(0) < 0) return text;
  let bad;
  try {
    bad = firstMisplacedByte(tokenize(text).tokens, textSuspects, { latin1: false });
  } catch (e) {
    // Text that does not tokenize is reported, at its place, where it is tokenized.
    if (e instanceof SqlSyntaxError) return text;
    throw e;
  }
  if (bad === null) return text;
  const at = locateOffset(text, bad.offset);
  throw new UnreadableInput(name, bad.reason, at.line, at.column);
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

/**
 * Writes `content` to `path` atomically, as the bytes it stands for (escaped bytes back to
 * themselves); with `keepModeOf`, the new file gets that file's mode.
 */
export function writeFileAtomic(path: string, content: string, keepModeOf?: string): void {
  const w = new AtomicWriter(path);
  w.write(encodeScript(content));
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
      const bytes = typeof chunk === 'string' ? encodeScript(chunk) : chunk;
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd!, bytes, at);
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
