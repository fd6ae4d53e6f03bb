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
import { locateOffset } from './source.js';

/** A user-facing failure: the CLI prints its message alone and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a script, rejecting binary and non-UTF-8 input with `file:line:col: reason`. */
export function decodeSql(buf: Uint8Array, name: string): string {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new UsageError(`${name}:1:1: UTF-16 text is not supported; convert the file to UTF-8`);
  }
  const nul = buf.indexOf(0);
  const bad = firstInvalidUtf8(buf);
  const firstBad = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
  if (firstBad >= 0) {
    const prefix = Buffer.from(buf.subarray(0, firstBad)).toString('utf8');
    const at = locateOffset(prefix, prefix.length);
    const why =
      firstBad === nul
        ? 'binary file (NUL byte); expected a UTF-8 SQL script'
        : `invalid UTF-8 byte 0x${buf[firstBad]!.toString(16).padStart(2, '0')} at byte offset ${firstBad}`;
    throw new UsageError(`${name}:${at.line}:${at.column}: ${why}`);
  }
  return Buffer.from(buf).toString('utf8');
}

/** Reads and decodes a script file; errors name it as `name` (the path the user gave). */
export function readSqlFile(path: string, name = path): string {
  let buf: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${name}: is a directory`);
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${name}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${name}: permission denied`);
    throw new UsageError(`${name}: cannot read (${code ?? String(e)})`);
  }
  return decodeSql(buf, name);
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same directory, fsync, rename.
 * With `keepModeOf`, the new file gets that file's permission bits.
 */
export function writeFileAtomic(path: string, content: string, keepModeOf?: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (keepModeOf !== undefined) chmodSync(tmp, statSync(keepModeOf).mode & 0o7777);
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot write (${code ?? String(e)})`);
  }
}
