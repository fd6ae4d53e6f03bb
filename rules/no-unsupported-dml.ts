// DML forms ClustrixDB/Xpand do not support, as seen in scripts and routine bodies.
import { SOURCES } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, isPunct, isWord, QUERY_STATEMENTS, type Token } from '../src/core/kit.js';

const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const GROUP_BY_END = new Set(['HAVING', 'ORDER', 'LIMIT', 'WINDOW', 'UNION', 'INTO', 'FOR', 'LOCK']);

export default defineRule({
  meta: {
    id: 'no-unsupported-dml',
    description:
      'Disallow DML ClustrixDB/Xpand do not support: DELETE IGNORE, LOW_/HIGH_PRIORITY, GROUP BY … ASC/DESC, WITH ROLLUP, INTERSECT/EXCEPT, INTO OUTFILE/DUMPFILE, ALL/ANY/SOME subqueries.',
    severity: 'error',
    fixable: [],
    statements: [...QUERY_STATEMENTS, 'create_table'],
    messages: {
      unsupported: '{{what}} is not supported by {{target}}.',
    },
    source: SOURCES.reads,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    let from = 0;
    if (stmt.kind === 'create_table') {
      const layout = createTableLayout(stmt);
      from = layout.partition?.to ?? layout.options.to;
    }
    const report = (what: string, first: Token, last: Token = first) =>
      ctx.report({ messageId: 'unsupported', data: { what }, start: first.start, end: last.end });
    let groupBy = -1;
    let groupDepth = 0;
    let depth = 0;
    for (let k = from; k < code.length; k++) {
      const t = code[k]!;
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')')) {
        depth--;
        if (groupBy >= 0 && depth < groupDepth) groupBy = -1;
      } else if (isPunct(t, ';')) groupBy = -1;
      if (t.kind === 'punct' && COMPARISON.has(t.text)) {
        const q = code[k + 1];
        if (
          q?.kind === 'word' &&
          /^(?:ALL|ANY|SOME)$/i.test(q.text) &&
          isPunct(code[k + 2], '(') &&
          isWord(code[k + 3], 'SELECT')
        ) {
          report(`${q.text.toUpperCase()} (subquery) comparison`, q);
        }
      }
      if (t.kind !== 'word') continue;
      const w = t.text.toUpperCase();
      if (w === 'DELETE' && code.slice(k + 1, k + 4).some((x) => isWord(x, 'IGNORE'))) report('DELETE IGNORE', t);
      else if ((w === 'LOW_PRIORITY' || w === 'HIGH_PRIORITY') && !code.slice(0, k).some((x) => isWord(x, 'LOCK')))
        report(w, t);
      else if (w === 'WITH' && isWord(code[k + 1], 'ROLLUP')) report('WITH ROLLUP', t, code[k + 1]);
      else if ((w === 'INTERSECT' || w === 'EXCEPT') && !isPunct(code[k - 1], '.')) report(w, t);
      else if (w === 'INTO' && (isWord(code[k + 1], 'OUTFILE') || isWord(code[k + 1], 'DUMPFILE'))) {
        report(`SELECT … INTO ${code[k + 1]!.text.toUpperCase()}`, t, code[k + 1]);
      } else if (w === 'GROUP' && isWord(code[k + 1], 'BY')) {
        groupBy = k;
        groupDepth = depth;
      } else if (groupBy >= 0 && depth === groupDepth && GROUP_BY_END.has(w)) groupBy = -1;
      else if (groupBy >= 0 && depth === groupDepth && (w === 'ASC' || w === 'DESC')) report(`GROUP BY … ${w}`, t);
    }
  },
});
