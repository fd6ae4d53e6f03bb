// UTF-8 as scripts use it: the strict check the playground makes on a dropped file (the first bad
// byte named), UTF-16 lengths counted without decoding, and the escapes that let the CLI keep every
// byte of a script that is not all UTF-8 (a binary or latin1 dump).

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length;) {
    if (buf[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceAt(buf, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** Population count of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The length in UTF-16 code units of valid UTF-8 `bytes`, without decoding them: every byte that
 * is not a continuation byte starts one character, and a 4-byte sequence is two code units.
 * Counted four bytes at a time (Node callers answer all-ASCII input with Buffer's isAscii first:
 * this module stays free of Node built-ins for the portable core).
 */
export function utf16Length(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n === 0) return n;
  let continuation = 0;
  let fourByte = 0;
  let i = 0;
  const byte = (c: number) => {
    if ((c & 0xc0) === 0x80) continuation++;
    else if (c >= 0xf0) fourByte++;
  };
  const head = Math.min(n, (4 - ((bytes.byteOffset + i) & 3)) & 3);
  for (; i < head; i++) byte(bytes[i]!);
  const aligned = ((bytes.byteOffset + i) & 3) === 0;
  const words = aligned ? (n - i) >> 2 : 0;
  const w32 = aligned ? new Int32Array(bytes.buffer, bytes.byteOffset + i, words) : new Int32Array(0);
  for (let k = 0; k < words; k++) {
    const w = w32[k]!;
    if ((w & 0x80808080) === 0) continue;
    // A continuation byte is 10xxxxxx; a 4-byte lead is 11110xxx.
    continuation += popcount(w & ~(w << 1) & 0x80808080);
    const lead4 = w & (w << 1) & (w << 2) & (w << 3) & 0x80808080;
    if (lead4 !== 0) fourByte += popcount(lead4);
  }
  for (i += words * 4; i < n; i++) byte(bytes[i]!);
  return n - continuation + fourByte;
}

/** Why a script's bytes are not a UTF-8 SQL script, and where (1-based line and column). */
export interface ScriptBytesProblem {
  kind: 'utf16' | 'nul' | 'invalid';
  /** Byte offset of the first bad byte. */
  offset: number;
  line: number;
  column: number;
  /** The reason, for a `file:line:col: reason` message. */
  reason: string;
}

/**
 * 1-based line and column of byte `offset` in bytes that are valid UTF-8 before it: columns in
 * UTF-16 code units, a BOM not counted as a column (as SqlSource.locOf), without decoding.
 */
export function byteLocation(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const bom = line === 1 && offset > 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { line, column: utf16Length(bytes.subarray(lineStart, offset)) + 1 - (bom ? 1 : 0) };
}

/**
 * The strict check of a script that must be text (the playground's drops; the CLI reads bytes, see
 * script-bytes.ts): UTF-16 text, a NUL byte or invalid UTF-8 is refused at its first byte; null
 * when the bytes are a UTF-8 script.
 */
export function scriptBytesProblem(bytes: Uint8Array): ScriptBytesProblem | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      kind: 'utf16',
      offset: 0,
      line: 1,
      column: 1,
      reason: 'UTF-16 text is not supported; convert the file to UTF-8',
    };
  }
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  const firstBad = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
  if (firstBad < 0) return null;
  const at = byteLocation(bytes, firstBad);
  return firstBad === nul
    ? { kind: 'nul', offset: firstBad, ...at, reason: 'binary file (NUL byte); expected a UTF-8 SQL script' }
    : {
        kind: 'invalid',
        offset: firstBad,
        ...at,
        reason: `invalid UTF-8 byte 0x${bytes[firstBad]!.toString(16).padStart(2, '0')}`,
      };
}

// A script is bytes, as the mysql client reads it. Bytes that are not UTF-8 (a BLOB dumped without
// --hex-blob, latin1 text) reach the text as escapes: each such byte b becomes the lone low
// surrogate U+DC00+b (U+DC80…U+DCFF, as Python's "surrogateescape"), which valid UTF-8 never
// decodes to, so the text maps back to exactly the bytes it was read from. Offsets and columns are
// UTF-16 code units of that text: one for each escaped byte.

/** The first code unit of an escaped byte: byte b (0x80…0xff) is U+DC00+b. */
export const ESCAPE_BASE = 0xdc00;

/** Whether code unit `c` is an escaped byte (a caller knows it is not half of a surrogate pair). */
export const isEscapeUnit = (c: number): boolean => c >= 0xdc80 && c <= 0xdcff;

/** A lone low surrogate of the escape range: an escaped byte (with `u`, a pair's half never matches). */
export const ESCAPED_BYTE = /[\udc80-\udcff]/u;

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
export function sequenceAt(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
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
  } else return 0;
  if (i + need >= buf.length) return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = buf[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/**
 * Decodes `bytes[from, to)` keeping every byte: runs of valid UTF-8 are decoded by `utf8` (the
 * platform's decoder), every other byte becomes its escape U+DC00+byte.
 */
export function decodeEscaped(
  bytes: Uint8Array,
  utf8: (from: number, to: number) => string,
  from = 0,
  to = bytes.length,
): string {
  const parts: string[] = [];
  let run = from;
  let i = from;
  const view = to === bytes.length ? bytes : bytes.subarray(0, to);
  while (i < to) {
    if (view[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceAt(view, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (run < i) parts.push(utf8(run, i));
    parts.push(String.fromCharCode(ESCAPE_BASE + view[i]!));
    run = ++i;
  }
  if (run < to) parts.push(utf8(run, to));
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** The UTF-16 length of `bytes` decoded with escapes (decodeEscaped), without decoding them. */
export function escapedLength(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceAt(bytes, i);
    units += n === 4 ? 2 : 1;
    i += n === 0 ? 1 : n;
  }
  return units;
}

/**
 * Encodes text made by decodeEscaped back into its bytes: every escape becomes its byte again,
 * the rest is encoded by `utf8` (the platform's encoder).
 */
export function encodeEscaped(text: string, utf8: (s: string) => Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const lone = /[\udc80-\udcff]+/gu;
  let at = 0;
  for (let m = lone.exec(text); m !== null; m = lone.exec(text)) {
    if (at < m.index) out.push(utf8(text.slice(at, m.index)));
    const run = new Uint8Array(m[0].length);
    for (let k = 0; k < run.length; k++) run[k] = m[0].charCodeAt(k) - ESCAPE_BASE;
    out.push(run);
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(utf8(text.slice(at)));
  return out;
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence. */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}
