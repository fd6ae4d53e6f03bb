// Byte helpers of the streaming folder: the one-byte view of a script's bytes (one character per
// byte, so offsets in it are byte offsets), UTF-16 lengths, and line-break counts.
import { Buffer, isAscii } from 'node:buffer';
import { scriptLength } from '../node/encoding.js';

/** UTF-16 length of bytes as decodeScript decodes them (bytes that are not UTF-8 escaped), ASCII answered natively. */
export const utf16Length = (b: Uint8Array): number => (isAscii(b) ? b.length : scriptLength(b));

/** `b` as a Buffer, without copying it. */
export const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);

/** The one-byte view of `bytes`: a string with one character per byte. */
export const viewOf = (b: Uint8Array): string => asBuffer(b).toString('latin1');

/** Line breaks (`\n`) in `s[from, to)`. */
export function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) n++;
  return n;
}
