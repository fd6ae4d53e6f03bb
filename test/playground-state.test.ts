// The playground's pure parts, in Node: the URL fragment codec and the map between the exact text
// and the text a textarea shows (CR LF and lone CR become LF there).
import { describe, expect, it } from 'vitest';
import { decodeText, encodeFragment, encodeText, parseFragment } from '../src/playground/state.js';
import { TextModel } from '../src/playground/text-model.js';

describe('fragment', () => {
  const texts = ['', 'SELECT 1;', '\uFEFFCREATE TABLE `é` (a INT) COMMENT "😀";\r\n', 'a\u0000b', '€'.repeat(40_000)];

  it('round-trips any text as base64url of its UTF-8 bytes, BOM included', () => {
    for (const sql of texts) {
      const encoded = encodeText(sql);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(encoded).toBe(Buffer.from(sql, 'utf8').toString('base64url'));
      expect(decodeText(encoded)).toBe(sql);
      const parsed = parseFragment(`#${encodeFragment({ target: 'clustrixdb-9.2', sql, lossy: true })}`);
      expect(parsed).toEqual({ target: 'clustrixdb-9.2', sql, lossy: true, rule: undefined, problems: [] });
    }
  });

  it('writes lossy only when on, and accepts padding and the keys in any order', () => {
    expect(encodeFragment({ target: 'xpand-23.09', sql: 'ab', lossy: false })).toBe('target=xpand-23.09&sql=YWI');
    expect(parseFragment('sql=YWI=&rule=no-xa&target=xpand-6.1')).toEqual({
      target: 'xpand-6.1',
      sql: 'ab',
      lossy: false,
      rule: 'no-xa',
      problems: [],
    });
  });

  it('says what is wrong with a bad sql= and keeps the rest', () => {
    expect(parseFragment('target=xpand-6.1&sql=a+b').problems).toEqual([
      "the link's sql= is not valid base64url; the script was not loaded",
    ]);
    expect(parseFragment('sql=A').problems).toEqual([
      "the link's sql= is not valid base64url; the script was not loaded",
    ]);
    const badUtf8 = Buffer.from([0x61, 0xff, 0x62]).toString('base64url');
    const parsed = parseFragment(`target=xpand-6.1&sql=${badUtf8}`);
    expect(parsed.problems).toEqual(["the link's sql= is not valid UTF-8; the script was not loaded"]);
    expect(parsed.target).toBe('xpand-6.1');
    expect(parseFragment('target=%E0%A4%A').problems).toEqual(["the link's target= is not valid URL encoding"]);
  });
});

describe('TextModel', () => {
  it('maps offsets of CR LF text to the textarea text and back', () => {
    const exact = 'ab\r\ncd\r\n\r\nef';
    const m = new TextModel(exact);
    expect(m.shown).toBe('ab\ncd\n\nef');
    expect(m.crlf).toBe(true);
    expect(m.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((l) => m.line(l))).toEqual(['ab', 'cd', '', 'ef']);
    // Every exact offset that is not inside a CR LF pair maps to the same character and back.
    for (let k = 0; k <= exact.length; k++) {
      if (exact[k - 1] === '\r') continue;
      const s = m.toShown(k);
      expect(m.shown.slice(s).replace(/\n/g, '\r\n')).toBe(exact.slice(k));
      expect(m.toExact(s)).toBe(k);
    }
    expect(m.lineOf(m.toShown(exact.indexOf('ef')))).toBe(3);
  });

  it('keeps CR LF on edits only when the script used nothing else, and keeps a BOM', () => {
    const crlf = new TextModel('\uFEFFa\r\nb\r\n');
    expect(TextModel.fromEdit('\uFEFFa\nx\nb\n', crlf).exact).toBe('\uFEFFa\r\nx\r\nb\r\n');
    const mixed = new TextModel('a\r\nb\nc');
    expect(mixed.crlf).toBe(false);
    expect(TextModel.fromEdit('a\nb\nc!', mixed).exact).toBe('a\nb\nc!');
    const lf = new TextModel('a\nb');
    expect(lf.shown).toBe(lf.exact);
    expect(lf.toShown(3)).toBe(3);
  });

  it('shows a lone CR as a line break without moving offsets', () => {
    const m = new TextModel('a\rb');
    expect(m.shown).toBe('a\nb');
    expect(m.lineCount).toBe(2);
    expect(m.toShown(2)).toBe(2);
    expect(m.toExact(2)).toBe(2);
  });
});
