// Decoding a dropped or opened file as the CLI does: UTF-8 only, a BOM kept, and the CLI's one
// message naming the file, line and column of the first bad byte (`a.sql:2:9: invalid UTF-8 byte 0xff`).
import { scriptBytesProblem } from '../core/utf8.js';

export function decodeScript(bytes: Uint8Array, name: string): string {
  const problem = scriptBytesProblem(bytes);
  if (problem !== null) throw new Error(`${name}:${problem.line}:${problem.column}: ${problem.reason}`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
