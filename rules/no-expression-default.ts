// DEFAULT (expression), MySQL 8.0.13: no ClustrixDB/Xpand page documents it.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  columnDefinitions,
  defineRule,
  type Fix,
  isPunct,
  isWord,
  matchParen,
  type Statement,
  type Token,
} from '../src/core/kit.js';

/** Types MySQL gives no literal default: they take a default only as an expression. */
const EXPRESSION_ONLY_TYPES =
  /^(?:TINY|MEDIUM|LONG)?(?:TEXT|BLOB)$|^JSON$|^GEOM|^POINT$|^LINESTRING$|^POLYGON$|^MULTI/i;

/** The functions a TIMESTAMP or DATETIME column takes as a default without parentheses. */
const NOW_FUNCTIONS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);

export default defineRule({
  meta: {
    id: 'no-expression-default',
    description:
      'Report column defaults written as an expression in parentheses (MySQL 8.0.13), which ClustrixDB/Xpand do not document.',
    severity: 'warning',
    fixable: ['safe'],
    statements: ['create_table', 'alter_table'],
    messages: {
      expression:
        'DEFAULT {{expr}} is an expression default (MySQL 8.0.13), not documented for {{target}}: if it is refused, the statement fails. Test it on a real cluster, or set the value in the application or a BEFORE INSERT trigger.',
      literal:
        'DEFAULT {{expr}} is an expression default (MySQL 8.0.13), not documented for {{target}}; it holds a plain value, so the fix (safe) writes it without the parentheses.',
    },
    source: MYSQL8_DDL.expressionDefaults.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const d of defaults(stmt)) {
      const open = d.at + 1;
      const close = matchParen(code, open);
      if (close >= code.length) continue;
      const inner = code.slice(open + 1, close);
      const text = ctx.source.text.slice(code[open]!.start, code[close]!.end);
      const plain = d.type === null ? null : plainValue(inner, d.type, d.precision);
      let fix: Fix | null = null;
      if (plain !== null) {
        const src = ctx.source.text;
        fix = {
          kind: 'safe',
          title: 'Write the default without parentheses',
          edits: [
            // `DEFAULT('x')` becomes `DEFAULT 'x'`, not `DEFAULT'x'`.
            {
              start: code[open]!.start,
              end: inner[0]!.start,
              text: /\s/.test(src[code[open]!.start - 1] ?? '') ? '' : ' ',
            },
            { start: inner.at(-1)!.end, end: code[close]!.end, text: '' },
          ],
        };
      }
      ctx.report({
        messageId: plain === null ? 'expression' : 'literal',
        data: { expr: text.length > 60 ? `${text.slice(0, 57)}…` : text },
        start: code[d.at]!.start,
        end: code[close]!.end,
        fix,
      });
    }
  },
});

/** `DEFAULT (` in column definitions (with the column's type) and in ALTER … SET DEFAULT (type unknown). */
function defaults(stmt: Statement): Array<{ at: number; type: string | null; precision: string | null }> {
  const code = stmt.code;
  const out: Array<{ at: number; type: string | null; precision: string | null }> = [];
  for (const col of columnDefinitions(stmt)) {
    const typeToken = code[col.from + 1];
    const type = typeToken?.kind === 'word' ? typeToken.text.toUpperCase() : null;
    const precision =
      isPunct(code[col.from + 2], '(') && code[col.from + 3]?.kind === 'number' && isPunct(code[col.from + 4], ')')
        ? code[col.from + 3]!.text
        : null;
    let depth = 0;
    for (let k = col.from + 1; k < col.to; k++) {
      if (isPunct(code[k], '(')) depth++;
      else if (isPunct(code[k], ')')) depth--;
      else if (depth === 0 && isWord(code[k], 'DEFAULT') && isPunct(code[k + 1], '('))
        out.push({ at: k, type, precision });
    }
  }
  if (stmt.kind === 'alter_table') {
    for (const spec of alterTableLayout(stmt).specs) {
      for (let k = spec.from; k + 2 < spec.to; k++) {
        if (
          isWord(code[spec.from], 'ALTER') &&
          isWord(code[k], 'SET') &&
          isWord(code[k + 1], 'DEFAULT') &&
          isPunct(code[k + 2], '(')
        )
          out.push({ at: k + 1, type: null, precision: null });
      }
    }
  }
  return out;
}

/** True when the tokens inside `DEFAULT ( … )` are a value the column also takes without them. */
function plainValue(inner: readonly Token[], type: string, precision: string | null): true | null {
  if (EXPRESSION_ONLY_TYPES.test(type)) return null;
  const [a, b, c, d] = inner;
  if (inner.length === 1 && (a!.kind === 'string' || a!.kind === 'number')) return true;
  if (inner.length === 1 && (isWord(a, 'NULL') || isWord(a, 'TRUE') || isWord(a, 'FALSE'))) return true;
  if (inner.length === 2 && (isPunct(a, '-') || isPunct(a, '+')) && b!.kind === 'number') return true;
  // A charset introducer: _utf8mb4'x'.
  if (inner.length === 2 && a!.kind === 'word' && a!.text.startsWith('_') && b!.kind === 'string') return true;
  // CURRENT_TIMESTAMP[(n)] / NOW([n]) on TIMESTAMP or DATETIME of the same precision.
  if ((type === 'TIMESTAMP' || type === 'DATETIME') && a?.kind === 'word' && NOW_FUNCTIONS.has(a.text.toUpperCase())) {
    let fsp: string | null;
    if (inner.length === 1) fsp = null;
    else if (inner.length === 3 && isPunct(b, '(') && isPunct(c, ')')) fsp = null;
    else if (inner.length === 4 && isPunct(b, '(') && c!.kind === 'number' && isPunct(d, ')')) fsp = c!.text;
    else return null;
    return Number(fsp ?? 0) === Number(precision ?? 0) ? true : null;
  }
  return null;
}
