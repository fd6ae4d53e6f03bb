// The edits rules build their fixes with, beside the fixer that applies them: removing tokens,
// list items, ALTER TABLE specifications, definitions and whole statements without leaving blank
// gaps or empty executable comments; replacing a name in the style it was written; composing
// several edits into one fix (mergeEdits) and applying them (applyEdits); and where a `/*$ … *\/`
// Xpand option is, or may go.
import { nameAt } from './names.js';
import { indexOfKey, lowerBound, upperBound } from './position.js';
import type { Edit, RuleContext } from './rule.js';
import type { TableFacts } from './schema.js';
import type { SqlSource } from './source.js';
import type { Statement } from './statements.js';
import { alterTableLayout, createTableLayout, type CodeSpan } from './structure.js';
import { isWord, type Token } from './tokenize.js';

/** Index of the token starting at `offset` in `tokens` (binary search), or -1. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return indexOfKey(tokens, offset, tokenStart);
}

const tokenStart = (t: Token): number => t.start;

/**
 * The range to delete to remove the tokens `first` … `last` and their spacing, so that no blank
 * gap or joined line is left: the whitespace before (on the same line) goes with them; at the
 * start of a line, the whitespace after; when they fill whole lines, the line break before them.
 * If they are the whole content of an executable comment, the `/*!NNNNN` and `*\/` go too.
 */
export function removalEdit(source: SqlSource, first: Token, last: Token): Edit {
  const tokens = source.tokens;
  let i = tokenIndexAt(tokens, first.start);
  let j = tokenIndexAt(tokens, last.start);
  if (i < 0 || j < 0) throw new Error('removalEdit: token not found in source');
  // Expand to the whole executable comment when nothing else is inside it.
  if (first.exec !== null && first.exec === last.exec) {
    let a = i - 1;
    while (a >= 0 && (tokens[a]!.kind === 'whitespace' || tokens[a]!.kind === 'comment')) a--;
    let b = j + 1;
    while (b < tokens.length && (tokens[b]!.kind === 'whitespace' || tokens[b]!.kind === 'comment')) b++;
    if (tokens[a]?.kind === 'execOpen' && tokens[b]?.kind === 'execClose') {
      i = a;
      j = b;
    }
  }
  const start = tokens[i]!.start;
  const end = tokens[j]!.end;
  const before = tokens[i - 1];
  const after = tokens[j + 1];
  const ws = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'whitespace';
  if (ws(before) && !before.text.includes('\n')) return { start: before.start, end, text: '' };
  if (ws(after) && !after.text.includes('\n')) return { start, end: after.end, text: '' };
  // A line break that ends a `--` or `#` comment must stay, or the comment would swallow code.
  const endsLineComment = (t: Token | undefined) => t !== undefined && t.kind === 'comment' && !t.text.startsWith('/*');
  if (ws(before) && !endsLineComment(tokens[i - 2])) {
    let nl = before.text.lastIndexOf('\n');
    if (nl > 0 && before.text[nl - 1] === '\r') nl--;
    return { start: before.start + nl, end, text: '' };
  }
  return { start, end, text: '' };
}

/** Applies non-overlapping edits (already sorted, checked) to text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Composes edits (of one fix, or of several) into sorted, non-overlapping edits, or returns null
 * when they cannot be combined. Identical edits count once, and an edit that lies inside a
 * deletion is absorbed by it (the text it would change is gone). Anything else that overlaps —
 * two different inserts at one offset, or deletions that share some text but not all, such as two
 * list-item removals that each take the comma between them — cannot be combined: each was
 * computed for the text without the other.
 */
export function mergeEdits(edits: readonly Edit[]): Edit[] | null {
  // By start; at one offset an insert first (its text goes before), then the longest edit.
  const width = (e: Edit) => (e.end > e.start ? 1 : 0);
  const sorted = [...edits].sort(
    (a, b) => a.start - b.start || width(a) - width(b) || b.end - a.end || (a.text < b.text ? -1 : 1),
  );
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last === undefined) {
      out.push(e);
      continue;
    }
    if (e.start === last.start && e.end === last.end && e.text === last.text) continue;
    if (e.start >= last.end) {
      if (e.start === e.end && last.start === last.end && e.start === last.start) return null; // two inserts at one offset
      out.push(e);
      continue;
    }
    // e starts inside last: absorbed when last is a deletion that contains it.
    const lastIsDeletion = last.text === '' && last.end > last.start;
    if (lastIsDeletion && e.end <= last.end) continue;
    return null;
  }
  return out;
}

/** Replaces one token's text. */
export function replaceEdit(token: Token, text: string): Edit {
  return { start: token.start, end: token.end, text };
}

/** `name` written the way `token` was: same quotes, all upper or all lower case if the original was. */
export function inStyleOf(token: Token, name: string): string {
  const raw = token.kind === 'word' ? token.text : token.text.slice(1, -1);
  const isUpper = raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  const isLower = raw === raw.toLowerCase() && raw !== raw.toUpperCase();
  const cased = isUpper ? name.toUpperCase() : isLower ? name.toLowerCase() : name;
  if (token.kind === 'word') return cased;
  const q = token.text[0]!;
  return q + cased + q;
}

/**
 * Removes one item of a comma-separated list (a CREATE TABLE definition, an ALTER TABLE spec)
 * with the comma before it, or after it when it is the first item. An item inside an executable
 * comment never leaves the comment cut: when the comment holds just the item (and perhaps its
 * comma), the whole comment goes.
 */
export function removeListItemEdit(source: SqlSource, code: readonly Token[], from: number, to: number): Edit {
  const first = code[from]!;
  const last = code[to - 1]!;
  const prev = code[from - 1];
  const next = code[to];
  const exec = first.exec;
  if (exec !== null && last.exec === exec && prev?.exec !== exec) {
    const bounds = execBounds(source, exec.start);
    const comma = next !== undefined && next.exec === exec && next.kind === 'punct' && next.text === ',';
    // The comment holds just the item: the comment is the item.
    if (bounds !== null && next?.exec !== exec) return listRemoval(source, bounds.open, bounds.close, prev, next);
    // Just the item and its comma: the whole comment goes.
    if (bounds !== null && comma && code[to + 1]?.exec !== exec) return removalEdit(source, bounds.open, bounds.close);
    // More follows inside the comment: take the comma after the item, which is inside too.
    if (comma) return listRemoval(source, first, last, undefined, next);
  }
  return listRemoval(source, first, last, prev, next);
}

function listRemoval(
  source: SqlSource,
  first: Token,
  last: Token,
  prev: Token | undefined,
  next: Token | undefined,
): Edit {
  if (prev !== undefined && prev.kind === 'punct' && prev.text === ',') {
    return { start: prev.start, end: last.end, text: '' };
  }
  if (next !== undefined && next.kind === 'punct' && next.text === ',') {
    const tokens = source.tokens;
    const k = tokenIndexAt(tokens, next.start);
    const after = tokens[k + 1];
    const end = after !== undefined && after.kind === 'whitespace' ? after.end : next.end;
    return { start: first.start, end, text: '' };
  }
  return removalEdit(source, first, last);
}

/** The opener and closer tokens of the executable comment opened at `start`. */
function execBounds(source: SqlSource, start: number): { open: Token; close: Token } | null {
  const tokens = source.tokens;
  const i = tokenIndexAt(tokens, start);
  if (i < 0) return null;
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'execClose') return { open: tokens[i]!, close: t };
  }
  return null;
}

/** Removes a whole statement with its delimiter and the line break after it, if it owns its lines. */
export function removeStatementEdit(source: SqlSource, stmt: Statement): Edit {
  const tokens = source.tokens;
  const end = stmt.delimiter?.end ?? stmt.end;
  const k = tokenIndexAt(tokens, stmt.start);
  const before = tokens[k - 1];
  const startsLine =
    before === undefined || before.kind === 'bom' || (before.kind === 'whitespace' && before.text.includes('\n'));
  let stop = end;
  const lastIdx = tokenIndexAt(tokens, stmt.delimiter?.start ?? stmt.tokens[stmt.tokens.length - 1]!.start);
  const after = tokens[lastIdx + 1];
  if (startsLine && after !== undefined && after.kind === 'whitespace') {
    const nl = after.text.indexOf('\n');
    if (nl >= 0) stop = after.start + nl + 1;
  }
  let start = stmt.start;
  if (startsLine && before !== undefined && before.kind === 'whitespace') {
    start = before.start + before.text.lastIndexOf('\n') + 1;
  }
  return { start, end: stop, text: '' };
}

/**
 * Every DROP of a FULLTEXT or SPATIAL index the script created (schema): `DROP INDEX i ON t` and
 * `ALTER TABLE t DROP INDEX|KEY i`, with the edit that removes the statement or the spec. Once a
 * lossy fix removes the index, dropping it fails.
 */
export function indexDrops(
  ctx: RuleContext,
  stmt: Statement,
  kind: 'fulltext' | 'spatial',
): Array<{ at: Token; index: string; line: number; edit: Edit }> {
  const code = stmt.code;
  const out: Array<{ at: Token; index: string; line: number; edit: Edit }> = [];
  if (stmt.kind === 'drop' && isWord(code[1], 'INDEX')) {
    const on = code.findIndex((t) => isWord(t, 'ON'));
    const table = on >= 0 ? ctx.schema.tableAfter(code, on + 1) : undefined;
    const index = nameAt(code, 2)?.name ?? null;
    const facts = index === null ? undefined : table?.indexes.get(index.toLowerCase());
    if (facts?.kind === kind)
      out.push({ at: code[0]!, index: index!, line: facts.line, edit: removeStatementEdit(ctx.source, stmt) });
  } else if (stmt.kind === 'alter_table') {
    const layout = alterTableLayout(stmt);
    // Looked up only for a DROP INDEX: a stream's segment then depends on earlier ones' tables
    // only where it has to (mysqldump's ALTER TABLE … DISABLE KEYS does not).
    let table: TableFacts | undefined | null = null;
    for (const spec of layout.specs) {
      if (!isWord(code[spec.from], 'DROP')) continue;
      if (!isWord(code[spec.from + 1], 'INDEX') && !isWord(code[spec.from + 1], 'KEY')) continue;
      if (table === null) table = ctx.schema.table(nameAt(code, layout.nameAt)?.name ?? '');
      if (table === undefined) return out;
      const index = nameAt(code, spec.from + 2)?.name ?? null;
      const facts = index === null ? undefined : table.indexes.get(index.toLowerCase());
      if (facts?.kind === kind) {
        out.push({
          at: code[spec.from]!,
          index: index!,
          line: facts.line,
          edit: removeSpecEdit(ctx.source, stmt, layout.specs, spec),
        });
      }
    }
  }
  return out;
}

/** Removes one ALTER TABLE specification, or the whole statement when it is the only one. */
export function removeSpecEdit(source: SqlSource, stmt: Statement, specs: readonly CodeSpan[], spec: CodeSpan): Edit {
  return specs.length === 1
    ? removeStatementEdit(source, stmt)
    : removeListItemEdit(source, stmt.code, spec.from, spec.to);
}

/**
 * Every index of one kind (FULLTEXT, SPATIAL) a statement defines, with its keyword token and the
 * edit that removes it: the whole CREATE … INDEX statement, the definition with its comma in
 * CREATE TABLE, or the ADD … specification in ALTER TABLE (the whole statement if it is the only one).
 */
export function indexRemovals(
  source: SqlSource,
  stmt: Statement,
  kind: 'fulltext' | 'spatial',
): Array<{ keyword: Token; edit: Edit }> {
  const word = kind.toUpperCase();
  const code = stmt.code;
  if (stmt.kind === 'create_index') {
    const keyword = code.find((t, k) => k < 4 && t.kind === 'word' && t.text.toUpperCase() === word);
    return keyword === undefined ? [] : [{ keyword, edit: removeStatementEdit(source, stmt) }];
  }
  if (stmt.kind !== 'create_table' && stmt.kind !== 'alter_table') return [];
  const items = stmt.kind === 'create_table' ? createTableLayout(stmt).definitions : alterTableLayout(stmt).added;
  return items
    .filter((item) => item.kind === kind)
    .map((item) => {
      const keyword = code.slice(item.from, item.to).find((t) => t.kind === 'word' && t.text.toUpperCase() === word)!;
      return { keyword, edit: definitionRemovalEdit(source, stmt, item) };
    });
}

/**
 * The edit that removes one definition `def` (a span of `stmt.code`): the whole statement for
 * CREATE INDEX, the item with its comma in CREATE TABLE, the ADD … specification in ALTER TABLE
 * (the whole statement if it is the only one).
 */
export function definitionRemovalEdit(source: SqlSource, stmt: Statement, def: { from: number; to: number }): Edit {
  if (stmt.kind === 'create_index') return removeStatementEdit(source, stmt);
  if (stmt.kind === 'alter_table') {
    const spec = alterTableLayout(stmt).specs.find((sp) => sp.from < def.from && sp.to >= def.to);
    return specRemovalEdit(source, stmt, spec ?? def);
  }
  return withEmptiedExecComment(source, removeListItemEdit(source, stmt.code, def.from, def.to));
}

/** The edit that removes one ALTER TABLE specification: the whole statement if it is the only one. */
export function specRemovalEdit(source: SqlSource, stmt: Statement, spec: { from: number; to: number }): Edit {
  const layout = alterTableLayout(stmt);
  if (layout.specs.length === 1 && layout.partition === null) return removeStatementEdit(source, stmt);
  return withEmptiedExecComment(source, removeListItemEdit(source, stmt.code, spec.from, spec.to));
}

/**
 * When `edit` removes everything an executable comment holds (`/*!80013 , KEY k (…) *\/`), it
 * removes the `/*!NNNNN` and `*\/` too (and the spaces before them on the line), so no empty
 * comment is left behind.
 */
function withEmptiedExecComment(source: SqlSource, edit: Edit): Edit {
  const tokens = source.tokens;
  let i = tokenIndexAt(tokens, edit.start);
  if (i < 0) return edit;
  const blank = (t: Token | undefined) => t !== undefined && (t.kind === 'whitespace' || t.kind === 'comment');
  let a = i - 1;
  while (a >= 0 && blank(tokens[a])) a--;
  let b = i;
  while (b < tokens.length && tokens[b]!.end <= edit.end) b++;
  while (b < tokens.length && blank(tokens[b])) b++;
  const open = tokens[a];
  const close = tokens[b];
  if (open?.kind !== 'execOpen' || close?.kind !== 'execClose' || open.exec !== close.exec) return edit;
  i = a;
  const before = tokens[i - 1];
  const start = before?.kind === 'whitespace' && !before.text.includes('\n') ? before.start : open.start;
  return { start, end: close.end, text: '' };
}

/**
 * The `/*$ … *\/` comment (Xpand's executable comment) in [start, end) of the whole text that
 * sets `option` (e.g. DISTRIBUTE, SLICES), or undefined. From the source's tokens: a comment after
 * a statement's last code token lies outside the statement's own tokens.
 */
export function xpandOption(
  tokens: readonly Token[],
  start: number,
  end: number,
  option: 'DISTRIBUTE' | 'SLICES',
): Token | undefined {
  const sets = option === 'DISTRIBUTE' ? /\bDISTRIBUTE\s*=/i : /\bSLICES\s*=/i;
  for (let k = lowerBound(tokens, start, tokenStart); k < tokens.length && tokens[k]!.start < end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'comment' && t.text.startsWith('/*$') && sets.test(t.text)) return t;
  }
  return undefined;
}

/**
 * Where to insert text right after `token`: its end, or, when it lies inside an executable comment
 * (`/*!NNNNN … *\/`), the end of that comment — a `/*$ … *\/` written inside would close it early.
 */
export function insertionAfter(tokens: readonly Token[], token: Token): number {
  if (token.exec === null) return token.end;
  for (let k = upperBound(tokens, token.start, tokenStart); k < tokens.length; k++)
    if (tokens[k]!.kind === 'execClose') return tokens[k]!.end;
  return token.end;
}
