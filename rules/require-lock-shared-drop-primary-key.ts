// ALTER TABLE … DROP PRIMARY KEY needs LOCK=SHARED on ClustrixDB.
import { SOURCES } from '../src/core/catalog/index.js';
import { alterTableLayout, defineRule, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'require-lock-shared-drop-primary-key',
    description: 'Require LOCK=SHARED on ALTER TABLE … DROP PRIMARY KEY, which ClustrixDB needs for that change.',
    severity: 'error',
    fixable: ['safe'],
    statements: ['alter_table'],
    messages: {
      lockShared: 'ALTER TABLE … DROP PRIMARY KEY needs LOCK=SHARED on {{target}}; the fix adds it.',
    },
    source: SOURCES.ddl92,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const { specs } = alterTableLayout(stmt);
    const drop = specs.find(
      (s) => isWord(code[s.from], 'DROP') && isWord(code[s.from + 1], 'PRIMARY') && isWord(code[s.from + 2], 'KEY'),
    );
    if (drop === undefined) return;
    const hasLock = specs.some((s) => isWord(code[s.from], 'LOCK'));
    if (hasLock) return;
    const last = code[specs[specs.length - 1]!.to - 1]!;
    const upper = code[drop.from]!.text === 'DROP';
    ctx.report({
      messageId: 'lockShared',
      start: code[drop.from]!.start,
      end: code[drop.from + 2]!.end,
      fix: {
        kind: 'safe',
        title: 'Add LOCK=SHARED',
        edits: [{ start: last.end, end: last.end, text: upper ? ', LOCK=SHARED' : ', lock=shared' }],
      },
    });
  },
});
