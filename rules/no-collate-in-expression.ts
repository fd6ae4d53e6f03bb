// COLLATE applied to an expression (in a view, query or routine body) is not supported; COLLATE
// as part of a column or variable type is fine.
import { SOURCES } from '../src/core/catalog/index.js';
import { createTableLayout, defineRule, isPunct, isWord, QUERY_STATEMENTS, routineBody } from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-collate-in-expression',
    description:
      'Disallow COLLATE applied to an expression (in views, queries and routine bodies), which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: [],
    statements: [...QUERY_STATEMENTS, 'alter_other', 'create_table'],
    messages: {
      collate:
        'COLLATE on an expression is not supported by {{target}}; give the column the collation instead, or compare with LOWER()/BINARY.',
    },
    source: SOURCES.reads,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const collates = code.map((t, k) => (isWord(t, 'COLLATE') ? k : -1)).filter((k) => k >= 0);
    if (collates.length === 0) return;
    let inExpression: (k: number) => boolean = () => true;
    if (stmt.kind === 'create_table') {
      const layout = createTableLayout(stmt);
      inExpression = (k) => {
        if (k >= layout.options.from && k < layout.options.to) return false;
        const def = layout.definitions.find((d) => k >= d.from && k < d.to);
        if (def === undefined) return k >= layout.options.to; // the AS SELECT part
        let depth = 0;
        for (let j = def.from; j < k; j++) {
          if (isPunct(code[j], '(')) depth++;
          else if (isPunct(code[j], ')')) depth--;
        }
        return depth > 0;
      };
    } else if (stmt.kind.startsWith('create_') && stmt.kind !== 'create_view') {
      // Routine parameters, RETURNS and DECLARE carry types: COLLATE there is a type attribute. A
      // statement of the body is checked as a statement of its kind (a column definition of a
      // CREATE or ALTER TABLE is a type too); what is left here are the expressions of the body's
      // conditions and of its SET, RETURN, DO and CALL statements.
      const body = routineBody(stmt);
      inExpression = (k) => {
        if (body === null || k < body.from) return false;
        const at = code[k]!.start;
        const inner = body.statements.find((s) => at >= s.start && at < s.end);
        if (inner === undefined) return true;
        return (inner.kind === 'other' || inner.kind === 'set') && !isWord(inner.code[0], 'DECLARE');
      };
    } else if (stmt.kind === 'alter_other' && !code.slice(0, 8).some((t) => isWord(t, 'VIEW'))) {
      return;
    }
    for (const k of collates) {
      if (inExpression(k)) ctx.report({ messageId: 'collate', start: code[k]!.start, end: code[k]!.end });
    }
  },
});
