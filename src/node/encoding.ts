// A script's bytes as text and back, keeping every byte: valid UTF-8 is decoded, every other byte
// is escaped as U+DC00+byte (see src/core/utf8.ts), so text read here is written back as exactly
// the bytes it was read from. Valid UTF-8 (nearly every script) takes Node's native paths.
import { Buffer, isUtf8 } from 'node:buffer';
import {
  ESCAPED_BYTE,
  completeLength,
  decodeEscaped,
  encodeEscaped,
  escapedLength,
  utf16Length,
} from '../core/utf8.js';

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length));

/** `bytes[from, to)` as text, every byte kept (bytes that are not UTF-8 escaped). */
export function decodeScript(bytes: Uint8Array, from = 0, to = bytes.length): string {
  const buf = asBuffer(bytes);
  if (isUtf8(buf.subarray(from, to))) return buf.toString('utf8', from, to);
  return decodeEscaped(buf, (a, b) => buf.toString('utf8', a, b), from, to);
}

/** The bytes of text made by decodeScript: each escape back to its byte. */
export function encodeScript(text: string): Buffer {
  if (!ESCAPED_BYTE.test(text)) return Buffer.from(text, 'utf8');
  const parts = encodeEscaped(text, (s) => Buffer.from(s, 'utf8'));
  return Buffer.concat(parts);
}

/** The UTF-16 length of `bytes` as decodeScript decodes them (ASCII and UTF-8 answered fast). */
export function scriptLength(bytes: Uint8Array): number {
  const buf = asBuffer(bytes);
  return isUtf8(buf) ? utf16Length(buf) : escapedLength(buf);
}

/** Bytes read in chunks as text, every byte kept: a UTF-8 sequence split between chunks is decoded whole. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : asBuffer(chunk);
    const cut = completeLength(bytes);
    pending = bytes.subarray(cut);
    if (cut > 0) yield decodeScript(bytes, 0, cut);
  }
  if (pending.length > 0) yield decodeScript(pending);
}
