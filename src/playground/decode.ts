// Decoding a dropped or opened file as the CLI does: UTF-8 only, a BOM kept, and the CLI's one
// message naming the file, line and column of the first bad byte (`a.sql:2:9: invalid UTF-8 byte 0xff`).
import { locateOffset } from '../core/source.js';
import { firstInvalidUtf8 } from '../core/utf8.js';

export function decodeScript(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error(`${name}:1:1: UTF-16 text is not supported; convert the file to UTF-8`);
  }
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  const firstBad = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  if (firstBad >= 0) {
    const prefix = decoder.decode(bytes.subarray(0, firstBad));
    const at = locateOffset(prefix, prefix.length);
    const why =
      firstBad === nul
        ? 'binary file (NUL byte); expected a UTF-8 SQL script'
        : `invalid UTF-8 byte 0x${bytes[firstBad]!.toString(16).padStart(2, '0')}`;
    throw new Error(`${name}:${at.line}:${at.column}: ${why}`);
  }
  return decoder.decode(bytes);
}
