// A script is bytes: the text keeps every byte (valid UTF-8 decoded, every other byte escaped as
// U+DC00+byte) and gives it back; bytes that are not UTF-8 pass in literals, payloads and comments,
// and in code after SET NAMES latin1; whole text and streams agree on what they find and where.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { firstMisplacedByte, textSuspects } from '../src/core/script-bytes.js';
import { tokenize } from '../src/core/tokenize.js';
import { check, fix } from '../src/index.js';
import { decodeChunks, decodeScript, encodeScript, scriptLength } from '../src/node/encoding.js';
import { UnreadableInput, decodeSql } from '../src/node/io.js';
import { checkStreamWith, fixStreamWith } from '../src/stream/index.js';
import { fakePool } from './helpers/stream.js';

const params = { numRuns: 300, seed: 20261208 };
/** Bytes from text whose characters below U+0100 stand for single bytes. */
const raw = (s: string): Buffer => Buffer.from(s, 'latin1');

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('the text of a script keeps every byte', () => {
  it('any bytes round-trip; valid UTF-8 decodes as UTF-8; lengths agree', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc
        .array(
          fc.oneof(
            fc.uint8Array({ maxLength: 4 }),
            fc.constantFrom('é', '😀', '€', "'", 'a').map((s) => Buffer.from(s)),
          ),
        )
        .map((parts) => new Uint8Array(Buffer.concat(parts))),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const text = decodeScript(b);
        expect(Buffer.from(encodeScript(text)).equals(Buffer.from(b))).toBe(true);
        expect(scriptLength(b)).toBe(text.length);
        if (Buffer.from(b).toString('utf8') === text) expect(/[\udc80-\udcff]/u.test(text)).toBe(false);
        if (new TextDecoder('utf-8', { fatal: false }).decode(b) === text && !text.includes('\ufffd'))
          expect(Buffer.from(text, 'utf8').equals(Buffer.from(b))).toBe(true);
      }),
      params,
    );
  });

  it('each byte that is not UTF-8 is one escape; a character split between chunks decodes whole', async () => {
    expect(decodeScript(raw('a\xe9\xc3\xa9\xff\xc3'))).toBe('a\udce9é\udcff\udcc3');
    expect(decodeScript(raw('\xed\xa0\x80'))).toBe('\udced\udca0\udc80');
    const b = Buffer.concat([raw("'\xff'"), Buffer.from('é😀'), raw('\xe2\x82')]);
    for (let size = 1; size <= b.length; size++) {
      let text = '';
      for await (const s of decodeChunks(chunks(b, size))) text += s;
      expect(text).toBe(decodeScript(b));
    }
  });
});

describe('where a byte that is not UTF-8 may stand', () => {
  const find = (bytes: Buffer) =>
    firstMisplacedByte(tokenize(decodeScript(bytes)).tokens, textSuspects, { latin1: false });
  it.each([
    ["SELECT '\xff\x00', \"\xe9\", _binary'\x80', X'41' FROM t;", null],
    ["INSERT INTO t VALUES ('\xff'),(_binary'\x00\xfe');", null],
    ['-- caf\xe9\n/* \xff */ SELECT 1; # \xe9', null],
    ['SELECT 1 FROM t\xe9;', 15],
    ['SELECT 1 FROM `t\xe9`;', 16],
    ['SELECT 1; -- \x00', 13],
    ['SET NAMES latin1;\nSELECT 1 FROM `t\xe9`, t\xe9;', null],
    ["/*!40101 SET NAMES 'latin1' */;\nSELECT 1 FROM t\xe9;", null],
    ['SET CHARACTER SET latin1; SET NAMES utf8mb4; SELECT t\xe9;', 53],
    ['SET NAMES latin1; SELECT 1 \x00;', 27],
    ["SELECT 'SET NAMES latin1'; SELECT t\xe9;", 35],
  ] as const)('%j: %s', (sql, offset) => {
    expect(find(raw(sql))?.offset ?? null).toBe(offset);
  });

  it('decodeSql names the place (file:line:col) and what it is', () => {
    expect(() => decodeSql(raw("SELECT '\xff';\nSELECT t\xe9;"), 'f.sql')).toThrow(
      new UnreadableInput(
        'f.sql',
        'invalid UTF-8 byte 0xe9 outside a string literal (a latin1 script says so with SET NAMES latin1)',
        2,
        9,
      ),
    );
    expect(decodeSql(raw("SELECT '\xff';"), 'f.sql')).toBe("SELECT '\udcff';");
  });
});

describe('streams agree with the whole text on bytes that are not UTF-8', () => {
  // Binary payloads, latin1 names after SET NAMES latin1, and fixes in segments holding them.
  const sql = raw(
    'SET NAMES latin1;\n' +
      "CREATE TABLE `caf\xe9` (a INT, b BLOB, KEY k (a) USING HASH) COMMENT '\xff\xfe';\n" +
      "INSERT INTO `caf\xe9` VALUES (1,'\x00\xff\x80\xc3'),(2,_binary'\xe9\\'\xa0');\n" +
      'LOCK TABLES t\xe9 WRITE;\n' +
      'CREATE INDEX i USING HASH ON t\xfc(c);\n',
  );
  const text = decodeScript(sql);

  it.each([7, 40, 1 << 20])('segments of %i bytes, in this thread and as in the pool', async (segmentSize) => {
    const key = (f: { ruleId: string; line: number; column: number; start: number }) =>
      `${f.ruleId}@${f.line}:${f.column}/${f.start}`;
    const whole = check(text, {});
    expect(whole.length).toBeGreaterThan(2);
    for (const executor of [undefined, fakePool(2)]) {
      const streamed = await checkStreamWith(rules, chunks(sql, 5), { segmentSize, executor });
      expect(streamed.map(key)).toEqual(whole.map(key));
      let out = '';
      await fixStreamWith(rules, chunks(sql, 3), (t) => void (out += t), { lossy: true, segmentSize, executor });
      const fixed = fix(text, { lossy: true }).output;
      expect(out).toBe(fixed);
      expect(encodeScript(fixed).toString('latin1')).toContain("(1,'\x00\xff\x80\xc3'),(2,_binary'\xe9\\'\xa0')");
    }
  });

  it('a byte in code without the declaration is refused at the same place', async () => {
    const bare = raw(sql.toString('latin1').replace('SET NAMES latin1;\n', 'SELECT 1;\n'));
    let whole = '';
    try {
      decodeSql(bare, 'f.sql');
    } catch (e) {
      whole = (e as Error).message;
    }
    expect(whole).toMatch(/^f\.sql:2:18: invalid UTF-8 byte 0xe9 outside a string literal/);
    for (const segmentSize of [7, 1 << 20]) {
      await expect(checkStreamWith(rules, chunks(bare, 4), { segmentSize, filename: 'f.sql' })).rejects.toThrow(whole);
    }
  });
});
