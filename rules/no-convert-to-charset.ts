// ALTER TABLE … CONVERT TO CHARACTER SET is not supported.
import { SOURCES } from '../src/core/catalog/index.js';
import { alterTableLayout, defineRule, isWord } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-convert-to-charset',
    description: 'Disallow ALTER TABLE … CONVERT TO CHARACTER SET, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: [],
    statements: ['alter_table'],
    messages: {
      convert:
        'ALTER TABLE … CONVERT TO CHARACTER SET is not supported by {{target}}; change each text column with MODIFY … CHARACTER SET … COLLATE … and the table default with DEFAULT CHARSET.',
    },
    source: SOURCES.ddl92,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const spec of alterTableLayout(stmt).specs) {
      if (isWord(code[spec.from], 'CONVERT') && isWord(code[spec.from + 1], 'TO')) {
        ctx.report({ messageId: 'convert', start: code[spec.from]!.start, end: code[spec.from + 1]!.end });
      }
    }
  },
});
