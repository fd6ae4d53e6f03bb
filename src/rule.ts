// Rule, finding and fix types, defineRule, and the edit helpers rules build their fixes with.
import type { Source, Target } from './catalog.js';
import type { SqlSource } from './source.js';
import type { Statement, StatementKind } from './statements.js';
import { alterTableLayout, createTableLayout } from './structure.js';
import type { Token } from './tokenize.js';

export type Severity = 'error' | 'warning' | 'info';

/** `safe`: the script means the same on the target. `lossy`: a feature the target lacks is dropped. */
export type FixKind = 'safe' | 'lossy';

/** Replace source[start, end) with text. An insert has start === end; a removal has text ''. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  readonly kind: FixKind;
  /** What the fix does, e.g. "Remove USING HASH". */
  readonly title: string;
  readonly edits: readonly Edit[];
}

export interface RuleMeta {
  /** kebab-case id, equal to the file name in rules/. */
  readonly id: string;
  /** One sentence, starting with a verb (Disallow …, Report …); equals the doc's first paragraph. */
  readonly description: string;
  /** Default severity; a report may lower it for a form the target merely ignores. */
  readonly severity: Severity;
  /** The kinds of fix the rule can offer, empty when it never fixes. */
  readonly fixable: readonly FixKind[];
  /** Statement kinds the engine calls `check` for, or 'all'. */
  readonly statements: readonly StatementKind[] | 'all';
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** The vendor page the rule rests on. */
  readonly source: Source;
}

export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly start: number;
  readonly end: number;
  readonly severity?: Severity;
  readonly fix?: Fix | null;
}

export interface RuleContext {
  readonly target: Target;
  readonly source: SqlSource;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Pure: inspects one statement and reports; no I/O, no state kept between calls. */
  check(stmt: Statement, ctx: RuleContext): void;
  /**
   * For rules that need the whole script (name collisions, table counts): called once, after
   * `check` ran on every statement, with all statements in `meta.statements` scope.
   */
  checkScript?(statements: readonly Statement[], ctx: RuleContext): void;
}

/** A problem found by a rule, with its location in the checked text. */
export interface Finding {
  readonly ruleId: string;
  /** Which of the rule's messages; tests assert this rather than the wording. */
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix: Fix | null;
}

/** Identity function that gives a rule its type (and a place to hang checks later). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{{name}}` placeholders. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Index of the token starting at `offset` in `tokens` (binary search), or -1. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === offset) return mid;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

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
 * with the comma before it, or after it when it is the first item.
 */
export function removeListItemEdit(source: SqlSource, code: readonly Token[], from: number, to: number): Edit {
  const first = code[from]!;
  const last = code[to - 1]!;
  const prev = code[from - 1];
  const next = code[to];
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
