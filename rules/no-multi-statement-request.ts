// A delimiter other than `;` that is never reset: the client sends several statements in one
// request, which the server runs one by one — if it accepts multi-statement requests at all.
import { SOURCES } from '../src/core/catalog/index.js';
import { BODY_STATEMENTS, defineRule, type Edit, type Statement } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-multi-statement-request',
    description:
      'Report statements the mysql client sends to the server in one request — several `;`-separated statements before the next DELIMITER-set delimiter, usually a DELIMITER never reset — since whether ClustrixDB/Xpand accept multi-statement requests is not documented.',
    severity: 'warning',
    fixable: ['safe'],
    statements: 'all',
    messages: {
      request:
        'With DELIMITER {{delimiter}} in effect the mysql client sends these {{count}} statements, up to the next "{{delimiter}}", as one multi-statement request; the server runs them one by one, but whether {{target}} accepts such requests is not documented. Reset the delimiter (DELIMITER ;) after the statements that need it.',
    },
    source: SOURCES.multiStatements,
  },
  check(stmt, ctx) {
    const part = stmt.serverPart;
    if (part === null || part.index !== 0) return;
    const statements = ctx.source.statements.slice(stmt.index, stmt.index + part.count);
    const last = statements[statements.length - 1]!;
    const delimiter =
      last.delimiter?.kind === 'delimiter' ? last.delimiter.text : delimiterBefore(ctx.source.tokens, stmt.start);
    const head = stmt.code[0]!;
    ctx.report({
      messageId: 'request',
      data: { delimiter, count: part.count },
      start: head.start,
      end: head.end,
      fix: fixFor(ctx.source.text, ctx.source.eol, statements, delimiter),
    });
  },
});

/** The delimiter set by the last DELIMITER command before `offset` (`;` if none is seen). */
function delimiterBefore(tokens: readonly { kind: string; start: number; text: string }[], offset: number): string {
  let found = ';';
  for (const t of tokens) {
    if (t.start >= offset) break;
    if (t.kind === 'delimiterCommand') found = t.text.slice(9).trim().split(/[ \t]/)[0] ?? found;
  }
  return found;
}

/**
 * `DELIMITER ;` before the request, so the client sends its statements one by one, and — when a
 * delimiter ends the request — that delimiter turned into `;` followed by `DELIMITER` back to the
 * old one, so the rest of the script reads as before. Not offered when the request holds a
 * routine, trigger or event, whose body needs the delimiter.
 */
function fixFor(text: string, eol: string, statements: readonly Statement[], delimiter: string) {
  if (statements.some((s) => (BODY_STATEMENTS as readonly string[]).includes(s.kind))) return null;
  const first = statements[0]!;
  const last = statements[statements.length - 1]!;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const atLineStart = /^[ \t]*$/.test(text.slice(lineStart, first.start));
  const edits: Edit[] = [
    atLineStart
      ? { start: lineStart, end: lineStart, text: `DELIMITER ;${eol}` }
      : { start: first.start, end: first.start, text: `${eol}DELIMITER ;${eol}` },
  ];
  if (last.delimiter?.kind === 'delimiter') {
    edits.push({ start: last.delimiter.start, end: last.delimiter.end, text: `;${eol}DELIMITER ${delimiter}` });
  }
  return { kind: 'safe' as const, title: 'Reset the delimiter so the statements are sent one by one', edits };
}
