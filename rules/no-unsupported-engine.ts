// Flags storage engines: MEMORY (non-durable in-memory table), engines Xpand ignores (normalized to
// InnoDB), and engines whose meaning cannot survive (FEDERATED, BLACKHOLE, …).
import { ENGINES, isKnownEngine } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, identValue, inStyleOf, isWord, replaceEdit } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-engine',
    description:
      'Disallow storage engines other than InnoDB: ClustrixDB/Xpand ignore most, turn MEMORY into a non-durable table, and cannot honour FEDERATED or BLACKHOLE.',
    severity: 'warning',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      ignored:
        'ENGINE={{engine}} is accepted and ignored by {{target}}: the table is an ordinary durable, transactional table; the fix writes InnoDB.',
      memory:
        'ENGINE={{engine}} makes a {{target}} in-memory table: lost on cluster shutdown, rows at most 32 KB; the fix (lossy) makes it a durable InnoDB table.',
      manual:
        'ENGINE={{engine}} cannot keep its meaning on {{target}} (it would become an ordinary local table); redesign by hand.',
    },
    source: ENGINES.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const columnNames = new Set(columnDefinitions(stmt).map((d) => d.from));
    for (let k = 0; k < code.length; k++) {
      if (!isWord(code[k], 'ENGINE') || columnNames.has(k)) continue;
      const v = code[k + 1]?.kind === 'punct' && code[k + 1]!.text === '=' ? k + 2 : k + 1;
      const value = code[v];
      if (value === undefined || (value.kind !== 'word' && value.kind !== 'string' && value.kind !== 'quotedIdent'))
        continue;
      const engine = identValue(value).toUpperCase();
      if (!isKnownEngine(engine) || ENGINES.native.has(engine)) continue;
      const range = { start: value.start, end: value.end };
      if (ENGINES.manual.has(engine)) {
        ctx.report({ messageId: 'manual', data: { engine }, ...range, severity: 'error' });
        continue;
      }
      const memory = ENGINES.memory.has(engine);
      ctx.report({
        messageId: memory ? 'memory' : 'ignored',
        data: { engine },
        ...range,
        fix: {
          kind: memory ? 'lossy' : 'safe',
          title: `Replace ENGINE ${identValue(value)} with InnoDB`,
          edits: [replaceEdit(value, inStyleOf(value, 'InnoDB'))],
        },
      });
    }
  },
});
