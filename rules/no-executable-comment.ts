// Unwraps MySQL /*!NNNNN … */ and MariaDB /*M!NNNNNN … */ comments, which Xpand ignores.
import { SOURCES } from '../src/catalog.js';
import { defineRule, tokenIndexAt, type Edit } from '../src/rule.js';
import type { SqlSource } from '../src/source.js';
import type { Statement } from '../src/statements.js';
import { isTrivia, tokenize, type Token } from '../src/tokenize.js';

/** The newest MySQL and MariaDB versions a dump may come from: their /*!…*\/ code ran there. */
const MYSQL_VERSION = 80499;
const MARIADB_VERSION = 119999;
const DDL = /^(create|alter|drop)_/;

export default defineRule({
  meta: {
    id: 'no-executable-comment',
    description:
      'Disallow MySQL /*!NNNNN … */ and MariaDB /*M!NNNNNN … */ executable comments, which ClustrixDB/Xpand treat as plain comments.',
    severity: 'error',
    fixable: ['safe'],
    statements: 'all',
    messages: {
      ignored:
        '{{target}} ignores /*{{flavor}}!{{version}} … */ comments (only /*$ … */ runs there), so "{{preview}}" silently never runs; the fix unwraps it.',
      notUnwrappable:
        '{{target}} ignores /*{{flavor}}!{{version}} … */ comments, so "{{preview}}" silently never runs; unwrapping it would change where statements end (a DELIMITER or delimiter inside), so rewrite it by hand.',
    },
    source: SOURCES.compatibility,
  },
  check(stmt, ctx) {
    for (const open of stmt.tokens) {
      if (open.kind !== 'execOpen' || open.exec === null) continue;
      const { flavor, version } = open.exec;
      const ranOnSource = version === null || version <= (flavor === 'mysql' ? MYSQL_VERSION : MARIADB_VERSION);
      if (!ranOnSource) continue;
      const close = stmt.tokens.find((t) => t.kind === 'execClose' && t.exec === open.exec);
      const inside = stmt.tokens.filter((t) => t.exec === open.exec && t.kind !== 'execOpen' && t.kind !== 'execClose');
      // Only code counts: a comment inside the wrapper runs nowhere either.
      if (close === undefined || !inside.some((t) => !isTrivia(t))) continue;
      const preview = inside
        .map((t) => t.text)
        .join('')
        .trim()
        .replace(/\s+/g, ' ');
      const edits = unwrap(ctx.source, open, close);
      const unwrappable = keepsStatement(ctx.source, stmt, edits);
      ctx.report({
        messageId: unwrappable ? 'ignored' : 'notUnwrappable',
        data: {
          flavor: flavor === 'mariadb' ? 'M' : '',
          version: version ?? '',
          preview: preview.length > 40 ? `${preview.slice(0, 37)}…` : preview,
        },
        start: open.start,
        end: open.end,
        severity: DDL.test(stmt.kind) ? 'error' : 'warning',
        fix: unwrappable ? { kind: 'safe', title: `Unwrap ${open.text} … */`, edits } : null,
      });
    }
  },
});

/**
 * True when the statement, unwrapped, is still exactly one statement: the comment may hold a
 * `DELIMITER` line or the delimiter itself, which the client only sees once it is code.
 */
function keepsStatement(source: SqlSource, stmt: Statement, edits: readonly Edit[]): boolean {
  const local = edits.map((e) => ({ start: e.start - stmt.start, end: e.end - stmt.start, text: e.text }));
  let text = source.text.slice(stmt.start, stmt.end);
  for (const e of [...local].sort((a, b) => b.start - a.start))
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  try {
    const { tokens } = tokenize(text, stmt.delimiter?.text ?? ';');
    return (
      !tokens.some((t) => t.kind === 'delimiter' || t.kind === 'delimiterCommand') && tokens.some((t) => !isTrivia(t))
    );
  } catch {
    return false;
  }
}

/** Edits that drop `/*!NNNNN` with the space after it and `*\/` with the space before it. */
function unwrap(source: SqlSource, open: Token, close: Token): Edit[] {
  const tokens = source.tokens;
  const afterOpen = tokens[tokenIndexAt(tokens, open.start) + 1];
  const beforeClose = tokens[tokenIndexAt(tokens, close.start) - 1];
  const glue = (start: number, end: number): string =>
    /\w/.test(source.text[start - 1] ?? '') && /\w/.test(source.text[end] ?? '') ? ' ' : '';
  const openEnd = afterOpen?.kind === 'whitespace' && !afterOpen.text.includes('\n') ? afterOpen.end : open.end;
  const closeStart =
    beforeClose?.kind === 'whitespace' && !beforeClose.text.includes('\n') && beforeClose.start > openEnd
      ? beforeClose.start
      : close.start;
  return [
    { start: open.start, end: openEnd, text: glue(open.start, openEnd) },
    { start: closeStart, end: close.end, text: glue(closeStart, close.end) },
  ];
}
