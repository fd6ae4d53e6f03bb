// Identifiers that are reserved words in ClustrixDB/Xpand but not in MySQL must be quoted.
import { RESERVED_WORDS } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  columnDefinitions,
  createIndexLayout,
  createTableLayout,
  defineRule,
  isPunct,
  isWord,
  matchParen,
  type Statement,
  type Token,
} from '../src/core/kit.js';

/** Words after which the next token names a table. */
const TABLE_BEFORE = new Set(['TABLE', 'INTO', 'FROM', 'JOIN', 'UPDATE', 'REFERENCES', 'ON']);

export default defineRule({
  meta: {
    id: 'no-reserved-identifier',
    description:
      'Require backticks around identifiers that are reserved words in ClustrixDB/Xpand but not in MySQL (complement, full, legacy, signed, temporary).',
    severity: 'error',
    fixable: ['safe'],
    statements: [
      'create_table',
      'alter_table',
      'create_index',
      'insert',
      'replace',
      'update',
      'delete',
      'select',
      'create_view',
      'drop',
    ],
    messages: {
      reserved: '{{name}} is a reserved word in {{target}} (not in MySQL); quote it as `{{name}}`.',
    },
    source: RESERVED_WORDS.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    const seen = new Set<number>();
    for (const k of identifierPositions(stmt)) {
      const t = code[k];
      if (t === undefined || t.kind !== 'word' || seen.has(k) || !RESERVED_WORDS.words.has(t.text.toUpperCase()))
        continue;
      seen.add(k);
      ctx.report({
        messageId: 'reserved',
        data: { name: t.text },
        start: t.start,
        end: t.end,
        fix: { kind: 'safe', title: `Quote ${t.text}`, edits: [{ start: t.start, end: t.end, text: `\`${t.text}\`` }] },
      });
    }
  },
});

/** Indices of code tokens that name a table or column in places a schema script uses. */
function identifierPositions(stmt: Statement): number[] {
  const code = stmt.code;
  const out: number[] = [];
  // Column names of column definitions.
  for (const col of columnDefinitions(stmt)) out.push(col.from);
  // Table names after TABLE/INTO/FROM/…, and both parts of qualified names.
  for (let k = 0; k < code.length; k++) {
    const t = code[k]!;
    if (t.kind === 'word' && TABLE_BEFORE.has(t.text.toUpperCase())) {
      let j = k + 1;
      if (isWord(code[j], 'IF')) j += isWord(code[j + 1], 'NOT') ? 3 : 2;
      out.push(j);
    }
    if (isPunct(t, '.')) out.push(k + 1, k - 1);
  }
  // Column lists of keys, foreign keys and CREATE INDEX.
  const lists: number[] = [];
  if (stmt.kind === 'create_index') {
    const kp = createIndexLayout(stmt).keyParts;
    if (kp) lists.push(kp.from);
  }
  const defs =
    stmt.kind === 'create_table'
      ? createTableLayout(stmt).definitions
      : stmt.kind === 'alter_table'
        ? alterTableLayout(stmt).added
        : [];
  for (const d of defs) {
    if (d.kind === 'column') continue;
    for (let k = d.from; k < d.to; k++) if (isPunct(code[k], '(')) lists.push(k);
  }
  if (stmt.kind === 'insert' || stmt.kind === 'replace') {
    const into = code.findIndex((t) => isWord(t, 'INTO'));
    if (into >= 0 && isPunct(code[into + 2], '(')) lists.push(into + 2);
  }
  for (const open of lists) out.push(...columnsInList(code, open));
  return out;
}

/** Names in `(a, b(10) DESC, c)`: each item's first token. */
function columnsInList(code: readonly Token[], open: number): number[] {
  const close = matchParen(code, open);
  const out: number[] = [];
  let itemStart = true;
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isPunct(t, ',')) {
      itemStart = true;
      continue;
    }
    if (itemStart && depth === 0) out.push(k);
    itemStart = false;
  }
  return out;
}
