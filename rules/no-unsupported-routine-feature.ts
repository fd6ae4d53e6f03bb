// Stored routines: the CASE statement, RESIGNAL, savepoints and ALTER PROCEDURE/FUNCTION are
// not supported.
import { SOURCES } from '../src/core/catalog/index.js';
import { bodyStatements, defineRule, isPunct, isWord } from '../src/core/kit.js';

/** Tokens after which a word starts a statement inside a compound statement. */
const STATEMENT_START = new Set(['BEGIN', 'THEN', 'ELSE', 'DO', 'LOOP', 'REPEAT']);

export default defineRule({
  meta: {
    id: 'no-unsupported-routine-feature',
    description:
      'Disallow stored-routine features ClustrixDB/Xpand lack: the CASE statement, RESIGNAL, savepoints in routines, and ALTER PROCEDURE/FUNCTION.',
    severity: 'error',
    fixable: [],
    statements: ['create_procedure', 'create_function', 'create_trigger', 'create_event', 'alter_other'],
    messages: {
      caseStatement:
        'The CASE statement (CASE … END CASE) is not supported in {{target}} routines; use IF … ELSEIF … END IF.',
      resignal: 'RESIGNAL is not supported by {{target}}; use SIGNAL with an explicit SQLSTATE.',
      savepoint: 'Savepoints are not supported inside {{target}} routines.',
      alterRoutine: 'ALTER {{what}} is not supported by {{target}}; DROP and CREATE the routine again.',
    },
    source: SOURCES.routines,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'alter_other') {
      const what = code.slice(1, 4).find((t) => isWord(t, 'PROCEDURE') || isWord(t, 'FUNCTION'));
      if (what) {
        ctx.report({
          messageId: 'alterRoutine',
          data: { what: what.text.toUpperCase() },
          start: code[0]!.start,
          end: what.end,
        });
      }
      return;
    }
    for (const span of bodyStatements(stmt)) {
      for (let k = span.from; k < span.to; k++) {
        const t = code[k]!;
        if (t.kind !== 'word') continue;
        const prev = code[k - 1];
        const startsStatement =
          k === span.from ||
          (prev !== undefined && prev.kind === 'word' && STATEMENT_START.has(prev.text.toUpperCase())) ||
          isPunct(prev, ':');
        const w = t.text.toUpperCase();
        // RESIGNAL is reserved and only ever a statement (also as a handler's body).
        if (w === 'RESIGNAL') {
          ctx.report({ messageId: 'resignal', start: t.start, end: t.end });
          continue;
        }
        if (!startsStatement) continue;
        if (w === 'CASE' && !isWord(prev, 'END'))
          ctx.report({ messageId: 'caseStatement', start: t.start, end: t.end });
        else if (
          w === 'SAVEPOINT' ||
          (w === 'RELEASE' && isWord(code[k + 1], 'SAVEPOINT')) ||
          (w === 'ROLLBACK' && isWord(code[k + 1], 'TO'))
        ) {
          ctx.report({ messageId: 'savepoint', start: t.start, end: t.end });
        }
      }
    }
  },
});
