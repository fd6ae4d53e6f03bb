// ALGORITHM=INPLACE/INSTANT/COPY on ALTER TABLE, CREATE INDEX and DROP INDEX: ClustrixDB/Xpand do
// every schema change online and do not document the clause.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  createIndexLayout,
  defineRule,
  type Edit,
  isPunct,
  isWord,
  removalEdit,
  specRemovalEdit,
} from '../src/core/kit.js';

const ALGORITHMS = new Set(['DEFAULT', 'INSTANT', 'INPLACE', 'COPY', 'NOCOPY']);

export default defineRule({
  meta: {
    id: 'no-alter-algorithm',
    description:
      'Report ALGORITHM= on ALTER TABLE, CREATE INDEX and DROP INDEX, which ClustrixDB/Xpand do not document: every schema change there is online.',
    severity: 'warning',
    fixable: ['safe'],
    statements: ['alter_table', 'create_index', 'drop'],
    messages: {
      algorithm:
        'ALGORITHM={{value}} is not documented for {{target}}, which performs every schema change online without blocking reads or writes; the clause has no purpose there and may not parse, so the fix (safe) removes it.',
    },
    source: MYSQL8_DDL.alterAlgorithm.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'drop' && !isWord(code[1], 'INDEX')) return;
    const specs = stmt.kind === 'alter_table' ? alterTableLayout(stmt).specs : null;
    // CREATE INDEX takes ALGORITHM only after its key parts; DROP INDEX after ON t.
    const from =
      stmt.kind === 'create_index'
        ? (createIndexLayout(stmt).keyParts?.to ?? code.length)
        : stmt.kind === 'drop'
          ? 2
          : 0;
    let depth = 0;
    for (let k = from; k < code.length; k++) {
      if (isPunct(code[k], '(')) depth++;
      else if (isPunct(code[k], ')')) depth--;
      if (depth !== 0 || !isWord(code[k], 'ALGORITHM')) continue;
      const at = isPunct(code[k + 1], '=') ? k + 2 : k + 1;
      const value = code[at];
      if (value?.kind !== 'word' || !ALGORITHMS.has(value.text.toUpperCase())) continue;
      let edit: Edit;
      if (specs !== null) {
        const spec = specs.find((s) => s.from === k);
        if (spec === undefined) continue; // PARTITION BY KEY ALGORITHM=2 and the like
        edit = specRemovalEdit(ctx.source, stmt, spec);
      } else edit = removalEdit(ctx.source, code[k]!, value);
      ctx.report({
        messageId: 'algorithm',
        data: { value: value.text.toUpperCase() },
        start: code[k]!.start,
        end: value.end,
        fix: { kind: 'safe', title: `Remove ALGORITHM=${value.text.toUpperCase()}`, edits: [edit] },
      });
    }
  },
});
