// Where a script may hold bytes that are not UTF-8. The mysql client sends a script's bytes as they
// are, and the server reads them in the connection's character set: inside a string literal (and
// an INSERT's VALUES payload, which is literals) any byte is data, and a comment is never read, so
// any byte passes there; code (keywords, names, quoted identifiers, executable comments' contents)
// must be valid UTF-8, unless the script has said it is latin1 (`SET NAMES latin1`,
// `/*!40101 SET NAMES latin1 */`, `SET CHARACTER SET latin1`, or `binary`), after which the server
// takes every byte ≥ 0x80 as a character and so do we. A NUL byte outside a literal is not SQL at
// all. Bytes that are not UTF-8 reach the text as escapes (see utf8.ts); this module finds the
// first one that stands where the server would not read it.
import type { Token } from './tokenize.js';

/** A byte the server would not read where it stands. */
export interface MisplacedByte {
  /** Offset of the byte in the tokens' text. */
  readonly offset: number;
  readonly kind: 'nul' | 'invalid';
  /** The reason, for a `file:line:col: reason` message. */
  readonly reason: string;
}

/** What a script has said so far about the bytes of its code: latin1 (or binary) takes them as they are. */
export interface CharsetState {
  latin1: boolean;
}

/**
 * What a token's text holds that the caller's bytes make suspicious: the offset (in the whole text)
 * and value of the first NUL or non-UTF-8 byte at or after `from`, or null. `nulOnly` asks only for NULs.
 */
export type SuspectFinder = (t: Token, nulOnly: boolean) => { offset: number; byte: number } | null;

/** The message of a byte found where it cannot be. */
export function misplacedReason(kind: 'nul' | 'invalid', byte: number): string {
  if (kind === 'nul') return 'binary file (NUL byte); expected a UTF-8 SQL script';
  return (
    `invalid UTF-8 byte 0x${byte.toString(16).padStart(2, '0')} outside a string literal ` +
    '(a latin1 script says so with SET NAMES latin1)'
  );
}

const CHARSET_WORDS = new Set(['latin1', 'binary']);

/**
 * The first NUL byte or non-UTF-8 byte of `tokens` that is outside a string literal or VALUES
 * payload (in a comment, only a NUL counts; after a latin1 declaration, only NULs count anywhere),
 * or null; `state` carries the declarations from one piece of a script to the next and is left as
 * the end of `tokens` leaves it.
 */
export function firstMisplacedByte(
  tokens: readonly Token[],
  find: SuspectFinder,
  state: CharsetState,
): MisplacedByte | null {
  // The last significant words, to read SET NAMES x / SET CHARACTER SET x / SET CHARSET x.
  let w1 = '';
  let w2 = '';
  let w3 = '';
  for (const t of tokens) {
    const k = t.kind;
    if (k !== 'string' && k !== 'data' && k !== 'bom' && k !== 'whitespace') {
      const hit = find(t, k === 'comment' || state.latin1);
      if (hit !== null) {
        const kind = hit.byte === 0 ? 'nul' : 'invalid';
        return { offset: hit.offset, kind, reason: misplacedReason(kind, hit.byte) };
      }
    }
    if (k === 'whitespace' || k === 'comment' || k === 'bom' || k === 'execOpen' || k === 'execClose') continue;
    const word = k === 'word' ? t.text.toLowerCase() : k === 'string' ? t.text.slice(1, -1).toLowerCase() : '';
    if (
      (w2 === 'set' && (w1 === 'names' || w1 === 'charset')) ||
      (w3 === 'set' && w2 === 'character' && w1 === 'set')
    ) {
      if (word !== '') state.latin1 = CHARSET_WORDS.has(word);
    }
    w3 = w2;
    w2 = w1;
    w1 = k === 'word' ? word : k === 'delimiter' ? ';' : '?';
  }
  return null;
}

/** The suspects of a decoded text: NULs and escaped bytes (U+DC80…U+DCFF standing alone). */
export const textSuspects: SuspectFinder = (t, nulOnly) => {
  const re = nulOnly ? /\0/u : /[\0\udc80-\udcff]/u;
  const m = re.exec(t.text);
  if (m === null) return null;
  const c = m[0].charCodeAt(0);
  return { offset: t.start + m.index, byte: c === 0 ? 0 : c - 0xdc00 };
};
