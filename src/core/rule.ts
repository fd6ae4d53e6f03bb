// Rule, finding and fix types, defineRule, and the edit helpers rules build their fixes with.
import type { Source, Target } from './catalog/index.js';
import { nameAt, type SchemaModel, type TableFacts } from './schema.js';
import type { SqlSource } from './source.js';
import type { IndexStatistics } from './statistics.js';
import type { Statement, StatementKind } from './statements.js';
import { alterTableLayout, createTableLayout, type CodeSpan } from './structure.js';
import type { Token } from './tokenize.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * `safe`: the script means the same on the target. `lossy`: a feature the target lacks is dropped.
 * `suggestion`: a change that may help on the target but changes behaviour or rests on data the
 * tool cannot see (how many rows, which queries); applied only when asked for by name or with
 * all suggestions, never by a plain `fix` or an editor's fix-all.
 */
export type FixKind = 'safe' | 'lossy' | 'suggestion';

/**
 * `compatibility`: will the script load and mean the same on the target (the default).
 * `advice`: will it run well there — recommendations, counted apart from errors and warnings.
 */
export type RuleCategory = 'compatibility' | 'advice';

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
  /** `advice` for recommendations (severity `info`, fixes only of kind `suggestion`); default `compatibility`. */
  readonly category?: RuleCategory;
  /** Statement kinds the engine calls `check` for, or 'all'. */
  readonly statements: readonly StatementKind[] | 'all';
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** The vendor page the rule rests on. */
  readonly source: Source;
  /**
   * The rule looks at what the other rules found: the engine runs it after them on each statement,
   * and `ctx.findingsIn` gives their findings (no-executable-comment decides from what a comment
   * holds whether it can be unwrapped).
   */
  readonly composes?: boolean;
  /**
   * What `checkScript` reads of a CREATE TABLE: `'name'` (up to the table name: table counts,
   * name collisions), so a stream keeps only that much of each; default: the whole statement
   * (keys and foreign keys).
   */
  readonly scriptReads?: 'name';
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
  /**
   * What the script defined before the statement being checked (tables, their partitioning and
   * FULLTEXT/SPATIAL indexes), for rules that judge a statement by an earlier one.
   */
  readonly schema: SchemaModel;
  /**
   * A live database's index statistics (information_schema.STATISTICS) when the script was read
   * from one, else null: a rule may judge a key by its data instead of guessing from its type.
   */
  readonly statistics: IndexStatistics | null;
  report(report: Report): void;
  /**
   * For a rule with `meta.composes`: the findings the other rules reported on the statement being
   * checked whose range lies within [start, end) (before inline directives apply). Empty for
   * other rules.
   */
  findingsIn(start: number, end: number): readonly Finding[];
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
  /** `advice` on the findings of advice rules (recommendations, not problems); absent otherwise. */
  readonly category?: 'advice';
  /**
   * Set by `fix` on a finding left in its output whose fix could not be applied safely (the fix
   * would have broken the script): why. Absent otherwise.
   */
  readonly unfixed?: string;
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
  if (stmt.kind === 'drop' && isWordToken(code[1], 'INDEX')) {
    const on = code.findIndex((t) => isWordToken(t, 'ON'));
    const table = on >= 0 ? ctx.schema.tableAfter(code, on + 1) : undefined;
    const index = nameAt(code, 2);
    const facts = index === null ? undefined : table?.indexes.get(index.toLowerCase());
    if (facts?.kind === kind)
      out.push({ at: code[0]!, index: index!, line: facts.line, edit: removeStatementEdit(ctx.source, stmt) });
  } else if (stmt.kind === 'alter_table') {
    const layout = alterTableLayout(stmt);
    // Looked up only for a DROP INDEX: a stream's segment then depends on earlier ones' tables
    // only where it has to (mysqldump's ALTER TABLE … DISABLE KEYS does not).
    let table: TableFacts | undefined | null = null;
    for (const spec of layout.specs) {
      if (!isWordToken(code[spec.from], 'DROP')) continue;
      if (!isWordToken(code[spec.from + 1], 'INDEX') && !isWordToken(code[spec.from + 1], 'KEY')) continue;
      if (table === null) table = ctx.schema.table(nameAt(code, layout.nameAt) ?? '');
      if (table === undefined) return out;
      const index = nameAt(code, spec.from + 2);
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

function isWordToken(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'word' && t.text.toUpperCase() === word;
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
