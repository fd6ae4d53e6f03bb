// Objects of a live server the account could not read, so nothing about them was checked. The
// server report (src/live/script.ts) lists each as the SHOW statement that failed, with the
// server's answer in a comment after it.
import { SOURCES } from '../src/core/catalog/index.js';
import { defineRule, identValue, isPunct, isWord, type Token, tokenIndexAt } from '../src/core/kit.js';

const OBJECT_WORDS = ['TABLE', 'VIEW', 'SEQUENCE', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT'];

const name = (code: readonly Token[], k: number): string => {
  const first = code[k];
  if (first === undefined) return '?';
  if (isPunct(code[k + 1], '.') && code[k + 2] !== undefined) return `${identValue(first)}.${identValue(code[k + 2]!)}`;
  return identValue(first);
};

export default defineRule({
  meta: {
    id: 'unreadable-object',
    description:
      'Report objects of a live server the account may not read (and kinds of object it may not list), which are therefore not checked.',
    severity: 'error',
    fixable: [],
    statements: ['other'],
    messages: {
      object: 'The {{what}} could not be read with this account, so it was not checked for {{target}}: {{reason}}.',
      kind: 'The {{what}} may not all be visible to this account, so some may not have been checked for {{target}}: {{reason}}.',
    },
    source: SOURCES.showCreateProcedure,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (!isWord(code[0], 'SHOW')) return;
    // The server's answer: the comment after the statement's delimiter, on the same line.
    let reason = 'the server refused';
    const tokens = ctx.source.tokens;
    const end = stmt.delimiter ?? code[code.length - 1]!;
    for (let k = tokenIndexAt(tokens, end.start) + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind === 'whitespace' && !t.text.includes('\n')) continue;
      if (t.kind === 'comment' && t.text.startsWith('--')) reason = t.text.slice(2).trim().replace(/\.$/, '');
      break;
    }
    const range = { start: code[0]!.start, end: code[code.length - 1]!.end };
    if (isWord(code[1], 'CREATE') && OBJECT_WORDS.some((w) => isWord(code[2], w))) {
      const what = `${code[2]!.text.toLowerCase()} ${name(code, 3)}`;
      ctx.report({ messageId: 'object', data: { what, reason }, ...range });
      return;
    }
    // SHOW TRIGGERS FROM db, SHOW EVENTS FROM db, SHOW PROCEDURE STATUS WHERE Db = 'db'.
    let what: string | null = null;
    if (isWord(code[1], 'TRIGGERS') && isWord(code[2], 'FROM')) what = `triggers of ${name(code, 3)}`;
    else if (isWord(code[1], 'EVENTS') && isWord(code[2], 'FROM')) what = `events of ${name(code, 3)}`;
    else if ((isWord(code[1], 'PROCEDURE') || isWord(code[1], 'FUNCTION')) && isWord(code[2], 'STATUS')) {
      const db = code.find((t) => t.kind === 'string');
      what = `routines${db === undefined ? '' : ` of ${identValue(db)}`}`;
    }
    if (what !== null) ctx.report({ messageId: 'kind', data: { what, reason }, ...range, severity: 'warning' });
  },
});
