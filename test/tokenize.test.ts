import { describe, expect, it } from 'vitest';
import { SqlSyntaxError } from '../src/core/errors.js';
import { scanData, tokenize, tokenizePartial, type ScanProgress, type TokenKind } from '../src/core/tokenize.js';

const kinds = (src: string) =>
  tokenize(src)
    .tokens.filter((t) => t.kind !== 'whitespace')
    .map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['SELECT 1;', ['word:SELECT', 'number:1', 'delimiter:;']],
    ["'it''s' 'a\\'b' \"q\"\"q\"", ["string:'it''s'", "string:'a\\'b'", 'string:"q""q"']],
    ['`we``ird`.`t`', ['quotedIdent:`we``ird`', 'punct:.', 'quotedIdent:`t`']],
    [
      '-- c\n--\n#x\n/* b */ a--b',
      ['comment:-- c', 'comment:--', 'comment:#x', 'comment:/* b */', 'word:a', 'punct:-', 'punct:-', 'word:b'],
    ],
    [
      '1.5 .5 1e10 2E-3 0x1F 0b101 1abc 12.',
      [
        'number:1.5',
        'number:.5',
        'number:1e10',
        'number:2E-3',
        'number:0x1F',
        'number:0b101',
        'word:1abc',
        'number:12.',
      ],
    ],
    [
      "@a @@session.sql_mode @`x y` @'z'",
      ['variable:@a', 'variable:@@session.sql_mode', 'variable:@`x y`', "variable:@'z'"],
    ],
    [
      'a<=>b a:=1 a->>"$.x" a!=b',
      [
        'word:a',
        'punct:<=>',
        'word:b',
        'word:a',
        'punct::=',
        'number:1',
        'word:a',
        'punct:->>',
        'string:"$.x"',
        'word:a',
        'punct:!=',
        'word:b',
      ],
    ],
    ['/*$ SLICES=3 */ x', ['comment:/*$ SLICES=3 */', 'word:x']],
  ])('tokenizes %j', (src, expected) => {
    expect(kinds(src)).toEqual(expected);
  });

  it('tokenizes the inside of /*!NNNNN */ and /*M!NNNNNN */ as code, flagged with its wrapper', () => {
    const { tokens } = tokenize('/*!50100 PARTITION BY HASH (id) */ /*M!100100 x */ /*! y */');
    const code = tokens.filter((t) => t.kind === 'word');
    expect(code.map((t) => [t.text, t.exec?.flavor, t.exec?.version])).toEqual([
      ['PARTITION', 'mysql', 50100],
      ['BY', 'mysql', 50100],
      ['HASH', 'mysql', 50100],
      ['id', 'mysql', 50100],
      ['x', 'mariadb', 100100],
      ['y', 'mysql', null],
    ]);
    expect(tokens.filter((t) => t.kind === 'execOpen').map((t) => t.text)).toEqual(['/*!50100', '/*M!100100', '/*!']);
    expect(tokens.filter((t) => t.kind === 'execClose')).toHaveLength(3);
  });

  it('follows the DELIMITER command, also inside words (END$$)', () => {
    const src = 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\ndelimiter ;\nSELECT 2;';
    const toks = tokenize(src).tokens;
    expect(toks.filter((t) => t.kind === 'delimiterCommand').map((t) => t.text)).toEqual([
      'DELIMITER $$',
      'delimiter ;',
    ]);
    expect(toks.filter((t) => t.kind === 'delimiter').map((t) => t.text)).toEqual(['$$', ';']);
    expect(toks.find((t) => t.text === 'END')?.kind).toBe('word');
  });

  it('does not take DELIMITER in the middle of a statement for the command', () => {
    const toks = tokenize('SELECT delimiter FROM t;').tokens;
    expect(toks.some((t) => t.kind === 'delimiterCommand')).toBe(false);
  });

  it('ends -- and # comments only at LF, as the mysql client does: a bare CR stays inside', () => {
    const src = '-- Table `a\rb`\nCREATE TABLE t (a INT); # x\r y\nSELECT 1;';
    const toks = tokenize(src).tokens;
    expect(toks.filter((t) => t.kind === 'comment').map((t) => t.text)).toEqual(['-- Table `a\rb`', '# x\r y']);
    expect(toks.some((t) => t.kind === 'quotedIdent')).toBe(false);
    // A CRLF line end is not part of the comment.
    expect(tokenize('-- c\r\nSELECT 1;').tokens[0]!.text).toBe('-- c');
  });

  it('takes client commands where the client does: use and source at a line start, \\. anywhere a statement starts', () => {
    const commands = (sql: string) =>
      tokenize(sql)
        .tokens.filter((t) => t.kind === 'clientCommand')
        .map((t) => t.text);
    expect(
      commands('USE db\nCREATE TABLE t (a INT);\nuse x; select 1;\nsource f.sql ;\n\\. g.sql\r\nSELECT 2;'),
    ).toEqual(['USE db', 'use x', 'source f.sql', '\\. g.sql']);
    expect(commands('/*M!999999\\- enable the sandbox mode */ \nSELECT 1;')).toEqual([
      '/*M!999999\\- enable the sandbox mode */',
    ]);
    // Not at a line start, or a word that only looks like one: sent to the server.
    expect(commands('SELECT 1; use db;\nSELECT source FROM t;\n/* c */ use db;\nSELECT 1 /*!40101 x */;')).toEqual([]);
  });

  it('keeps a BOM and CRLF as tokens', () => {
    const src = '\uFEFFSELECT 1;\r\nSELECT 2;\r\n';
    const toks = tokenize(src).tokens;
    expect(toks[0]).toMatchObject({ kind: 'bom', start: 0, end: 1 });
    expect(toks.filter((t) => t.kind === 'whitespace').map((t) => t.text)).toEqual([' ', '\r\n', ' ', '\r\n']);
  });

  it.each([
    ["SELECT 'abc", 7, 'unterminated string literal'],
    ['SELECT "abc\\"', 7, 'unterminated string literal'],
    ['SELECT `abc', 7, 'unterminated quoted identifier'],
    ['SELECT 1; /* never closed', 10, 'unterminated comment'],
    ['SELECT 1 /*!50100 never closed', 9, 'unterminated executable comment'],
    ['DELIMITER \nSELECT 1;', 0, 'DELIMITER must be followed by a delimiter string'],
  ])('reports %j at the offset of its opening', (src, offset, reason) => {
    let err: unknown;
    try {
      tokenize(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SqlSyntaxError);
    expect((err as SqlSyntaxError).offset).toBe(offset);
    expect((err as SqlSyntaxError).reason).toBe(reason);
  });

  it('gives back the input exactly when its tokens are joined, with contiguous offsets', () => {
    const samples = [
      '',
      '\uFEFF-- only a comment',
      'CREATE TABLE `t` (a INT DEFAULT \'--x\', b TEXT COMMENT "/* no */") /*!40101 ENGINE=InnoDB */;\r\n# done',
      'DELIMITER //\nCREATE TRIGGER tr BEFORE DELETE ON t FOR EACH ROW BEGIN DELETE FROM u WHERE id = OLD.id; END;//\nDELIMITER ;\n',
      "SELECT 1 -- trailing\n\tFROM dual WHERE a <> b AND c->>'$.d' = @x;;; ",
      'ñandú ≠ 1; SELECT "é\\n\\\\";',
    ];
    for (const src of samples) {
      const { tokens } = tokenize(src);
      expect(tokens.map((t) => t.text).join('')).toBe(src);
      let at = 0;
      for (const t of tokens) {
        expect(t.start).toBe(at);
        expect(t.end).toBe(at + t.text.length);
        at = t.end;
      }
    }
  });

  it('never yields an empty token', () => {
    const kindsSeen = new Set<TokenKind>();
    for (const t of tokenize("DELIMITER ;;\n/*!50003 x */;; 'a' `b` @c 1 ; -- d\n").tokens) {
      expect(t.end).toBeGreaterThan(t.start);
      kindsSeen.add(t.kind);
    }
    expect(kindsSeen.size).toBeGreaterThan(8);
  });
});

describe('scanData resumed from its safe point', () => {
  // The streaming segmenter scans an INSERT payload chunk by chunk, restarting from progress.safe:
  // for every prefix of the input, that restart must find the same end as one scan from the start.
  const payload =
    "(1,'it''s; -- no','a\\\\',\"dq \"\"x\"\" ;\"),(2,'esc \\' ; q','--x',-1 - -2,/* ; */ 3)," +
    "(3,`odd;name`,'',\"\\\\\",'$ $/'),(4,'#',0) -- c ;\n,(5,0) # h ;\n,(6,'$','$$','//')";
  it.each([';', '$$', '//', 'END'])('delimiter %s: every prefix', (delimiter) => {
    const text = `${payload}${delimiter}\nSELECT 'x${delimiter}'${delimiter}\n`;
    const end = scanData(text, 0, delimiter);
    expect(text.slice(end, end + delimiter.length + 1)).toBe(`${delimiter}\n`);
    for (let p = 0; p <= text.length; p++) {
      const prefix = text.slice(0, p);
      const progress: ScanProgress = { safe: 0 };
      const got = scanData(prefix, 0, delimiter, progress);
      // With progress, an input ending inside a string or comment is not an error: it may continue.
      let threw: unknown = null;
      try {
        scanData(prefix, 0, delimiter);
      } catch (e) {
        threw = e;
      }
      expect(progress.unterminated === true).toBe(threw !== null);
      if (threw !== null) {
        expect((threw as SqlSyntaxError).reason).toMatch(/^unterminated/);
        expect(got).toBe(p);
      }
      expect(progress.safe).toBeLessThanOrEqual(p);
      expect([p, scanData(text, progress.safe, delimiter)]).toEqual([p, end]);
    }
  });

  it('tokenizePartial reports where an open payload stands, and takes its end back', () => {
    const text = `INSERT INTO t VALUES ${payload};\nSELECT 1;\n`;
    const whole = tokenize(text).tokens.find((t) => t.kind === 'data')!;
    const partial = tokenizePartial(text.slice(0, 60));
    expect(partial.end).toBe(0);
    expect(partial.open?.from).toBe(whole.start);
    const known = { from: whole.start, end: scanData(text, partial.open!.safe, ';') };
    expect(known.end).toBe(whole.end);
    // With the end given, the tokenizer does not scan the payload: a wrong end shows it is used.
    const trusted = tokenizePartial(text, ';', { from: whole.start, end: whole.start + 5 });
    expect(trusted.tokens.find((t) => t.kind === 'data')?.end).toBe(whole.start + 5);
    expect(tokenizePartial(text, ';', known).tokens.map((t) => [t.kind, t.start, t.end])).toEqual(
      tokenize(text).tokens.map((t) => [t.kind, t.start, t.end]),
    );
  });
});
