// Rule, finding and fix types, defineRule and message formatting: what a rule is and what it
// reports. The helpers rules build their fixes with are in edits.ts; rules import both through
// kit.ts.
import type { Source, Target } from './catalog/index.js';
import type { SchemaModel } from './schema.js';
import type { SqlSource } from './source.js';
import type { IndexStatistics } from './statistics.js';
import type { Statement, StatementKind } from './statements.js';

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

/** A problem found by a rule, with its location in the checked text (FindingPlace). */
export interface Finding extends FindingPlace {
  readonly ruleId: string;
  /** Which of the rule's messages; tests assert this rather than the wording. */
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: Fix | null;
  /** `advice` on the findings of advice rules (recommendations, not problems); absent otherwise. */
  readonly category?: 'advice';
  /**
   * Set by `fix` on a finding left in its output whose fix could not be applied safely (the fix
   * would have broken the script): why. Absent otherwise.
   */
  readonly unfixed?: string;
  /**
   * Set by `fix` on a finding it left: where the finding is in the clean script. Its `start`,
   * `line`, … are in the input, as every finding of a fix run (see fix-map.ts); its fix's edits
   * are offsets into the clean script.
   */
  readonly output?: FindingPlace;
}

/** Where a finding is in a text: offsets (UTF-16 code units), 1-based lines and columns. */
export interface FindingPlace {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Identity function that gives a rule its type (and a place to hang checks later). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{{name}}` placeholders. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
