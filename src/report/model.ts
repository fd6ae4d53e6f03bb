// The migration assessment as plain data: the shape of the model the HTML and markdown renderers
// read. It is built from check's findings and the statements they sit in, segment by segment as a
// stream goes by (file-builder.ts), so memory grows with the schema and the findings, not with the
// data: INSERTs without findings are only counted (per table), and code excerpts are kept for the
// first occurrences of each rule only (excerpt.ts). The report-wide views over the files' models
// are built by totals.ts (rules, totals, rating; the rule views in rule-views.ts) and compare.ts.
//
// Method (also in docs/report.md, "How it is computed"):
// - a finding's fixability: `safe` or `lossy` from its fix; without a fix, `person` for an error
//   (the target rejects the statement or loses its meaning) and `review` for a warning or info;
// - a statement's status: `person` if one of its errors has no fix, else `lossy` / `safe` after
//   the fix kind of its errors, else `ok` (loads as is; warnings do not stop a load). Then
//   `incidental` if it is not `person` itself but needs an object (table, view, procedure) whose
//   defining statement earlier in the script is `person` or `incidental`: it fails only because
//   that one does, once the safe and lossy fixes are applied;
// - complexity (object, file, whole report): `high` when a finding needs a person, `medium` when
//   one needs a lossy fix or is a warning without a fix (to review), else `low`;
// - advice (findings of the `prefer-*` rules: recommendations for Xpand, not incompatibilities)
//   is kept apart, in FileModel.advice and ReportModel.advice: it never sets a status or a
//   complexity, and its counts never join the findings, errors, warnings and info.
import type { FixKind, Rule, Severity } from '../core/rule.js';
import type { StatementKind } from '../core/statements.js';
import type { ReportFinding } from '../format/types.js';
import type { ObjectLocation } from '../live/types.js';
import type { Evidence } from './docs.js';
import type { LiveSource } from './live.js';
import type { Namespace, ObjectKind } from '../core/objects.js';

export type Fixability = 'safe' | 'lossy' | 'person' | 'review';
export type StatementStatus = 'ok' | 'safe' | 'lossy' | 'person' | 'incidental';
export type Complexity = 'low' | 'medium' | 'high';

export const FIXABILITIES: readonly Fixability[] = ['safe', 'lossy', 'person', 'review'];
export const STATUSES: readonly StatementStatus[] = ['ok', 'safe', 'lossy', 'person', 'incidental'];

/** Lines of the script around a finding, and what its fix makes of them. */
export interface Excerpt {
  /** Line number of `lines[0]`. */
  readonly line: number;
  readonly lines: readonly string[];
  readonly truncated: boolean;
  readonly diff: {
    readonly line: number;
    readonly removed: readonly string[];
    readonly added: readonly string[];
    readonly truncated: boolean;
  } | null;
}

export interface FindingRecord {
  /**
   * Positions and fix edits in the whole input, as `check --format json` gives them; for a live
   * database also the object it is on (`object`), as check places it.
   */
  readonly finding: ReportFinding;
  readonly fixability: Fixability;
  /** Index into FileModel.statements, or null (a directive between statements). */
  statement: number | null;
  /** Index into FileModel.objects, or null (a statement on no object: SET, LOCK TABLES, …). */
  object: number | null;
  readonly excerpt: Excerpt | null;
}

export interface StatementRecord {
  /** 0-based position in the script. */
  readonly index: number;
  readonly kind: StatementKind;
  /** E.g. `CREATE TABLE AM_API`. */
  readonly label: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly object: number | null;
  /** Indices into FileModel.findings. */
  readonly findings: number[];
  /** What its own findings ask for. */
  readonly own: StatementStatus;
  readonly status: StatementStatus;
  /** For `incidental`: the statement (index into FileModel.statements) whose failure it follows. */
  readonly blockedBy: number | null;
}

/** INSERT/REPLACE statements without findings, counted per table instead of kept one by one. */
export interface DataGroup {
  readonly kind: StatementKind;
  readonly table: string | null;
  readonly count: number;
  readonly line: number;
  readonly status: 'ok' | 'incidental';
  readonly blockedBy: number | null;
}

/** Why an object (or file, or report) has its complexity: the rule behind it. */
export interface ComplexityReason {
  readonly level: Complexity;
  readonly ruleId: string;
  readonly line: number;
  readonly fixability: Fixability;
  /** Findings of that fixability. */
  readonly count: number;
  /** For the whole report: the file of that finding. */
  readonly filePath?: string;
  /** On a live database: the object of that finding, as check names it. */
  readonly object?: ObjectLocation;
}

/** Size of a table on a live database (information_schema.TABLES: DATA_LENGTH + INDEX_LENGTH, TABLE_ROWS). */
export interface TableSize {
  readonly bytes: number | null;
  readonly rows: number | null;
}

export interface ObjectRecord {
  readonly kind: ObjectKind;
  readonly name: string;
  /** Line of its first statement. */
  readonly line: number;
  /** Created by a statement of this script (not only changed). */
  readonly defined: boolean;
  /** For a trigger: its table. */
  readonly table: string | null;
  /** Indices into FileModel.statements. */
  readonly statements: number[];
  /** Indices into FileModel.findings. */
  readonly findings: number[];
  readonly status: StatementStatus;
  readonly complexity: Complexity;
  readonly reason: ComplexityReason | null;
  /** For an incidental object: the statement it waits for. */
  readonly blockedBy: number | null;
  readonly size?: TableSize;
}

export type StatusCounts = Record<StatementStatus, number>;
export type FixabilityCounts = Record<Fixability, number>;

export interface FileModel {
  readonly filePath: string;
  readonly target: string;
  /** Why the file could not be assessed (it could not be read or tokenized), else null. */
  readonly error: string | null;
  /** Sorted by position, as check sorts them; advice is not among them. */
  readonly findings: readonly FindingRecord[];
  /** The advice findings (recommendations for the target), sorted by position; never in `findings`. */
  readonly advice: readonly FindingRecord[];
  readonly statements: readonly StatementRecord[];
  readonly dataGroups: readonly DataGroup[];
  readonly objects: readonly ObjectRecord[];
  readonly statementCount: number;
  readonly byStatus: StatusCounts;
  readonly byFixability: FixabilityCounts;
  readonly complexity: Complexity;
  readonly reason: ComplexityReason | null;
  /** A part of a live database (its server report or its schema), with what was read; else absent. */
  readonly live?: LiveSource;
}

/** Status counts, all zero. */
export const zeroStatus = (): StatusCounts => ({ ok: 0, safe: 0, lossy: 0, person: 0, incidental: 0 });
/** Fixability counts, all zero. */
export const zeroFix = (): FixabilityCounts => ({ safe: 0, lossy: 0, person: 0, review: 0 });

/** One message of a rule and where it occurs. */
export interface FindingGroup {
  readonly messageId: string;
  readonly message: string;
  readonly severity: Severity;
  readonly fixability: Fixability;
  readonly occurrences: ReadonlyArray<{ readonly file: number; readonly finding: number }>;
}

export interface RuleView {
  readonly id: string;
  /** Null for findings of the engine itself (directive checks), which have no rule page. */
  readonly description: string | null;
  readonly severity: Severity | null;
  readonly fixable: readonly FixKind[];
  readonly sourceUrl: string | null;
  readonly evidence: Evidence | null;
  readonly why: string | null;
  readonly sourceText: string | null;
  readonly total: number;
  readonly bySeverity: Record<Severity, number>;
  readonly byFixability: FixabilityCounts;
  /** Most frequent first. */
  readonly groups: readonly FindingGroup[];
}

export interface ObjectKindTotals {
  readonly total: number;
  /** With at least one finding. */
  readonly affected: number;
  readonly byComplexity: Record<Complexity, number>;
  /** Findings on objects of this kind, by fixability. */
  readonly byFixability: FixabilityCounts;
}

export interface Totals {
  /** Script inputs (a live database's two parts are not among them). */
  readonly files: number;
  /** Databases read from live servers (the schema parts of `mysql://…` inputs). */
  readonly databases: number;
  readonly unreadable: number;
  readonly statements: number;
  readonly byStatus: StatusCounts;
  readonly findings: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly byFixability: FixabilityCounts;
  readonly objects: Record<ObjectKind, ObjectKindTotals>;
  /** Findings on statements that belong to no object (SET, LOCK TABLES, INSERT, …), by fixability. */
  readonly scriptLevel: FixabilityCounts;
  /** Advice findings (recommended for the target), never part of `findings` or the severities. */
  readonly adviceCount: number;
  /** Advice findings whose fix is a suggestion (`clustrix-lint fix --suggestions` applies them). */
  readonly suggestionCount: number;
}

/** A finding present for one target of a comparison and not the other (or changed). */
export interface CompareFile {
  readonly filePath: string;
  /** Only for the second target: they appear when moving to it. */
  readonly appeared: readonly FindingRecord[];
  /** Only for the first target: they go away. */
  readonly disappeared: readonly FindingRecord[];
  /** The same finding (place and rule) with another message, severity or fix kind. */
  readonly changed: ReadonlyArray<{ readonly from: FindingRecord; readonly to: FindingRecord }>;
}

export interface CompareModel {
  readonly from: { readonly id: string; readonly name: string };
  readonly to: { readonly id: string; readonly name: string };
  readonly files: readonly CompareFile[];
  readonly fromTotals: {
    readonly findings: number;
    readonly byFixability: FixabilityCounts;
    readonly complexity: Complexity;
  };
}

export interface ReportModel {
  readonly tool: { readonly name: string; readonly version: string };
  /** The target every file was checked against, or null when configs chose different ones. */
  readonly target: { readonly id: string; readonly name: string } | null;
  readonly files: readonly FileModel[];
  readonly rules: readonly RuleView[];
  /** The advice rules, as `rules` (their occurrences index FileModel.advice), most frequent first. */
  readonly advice: readonly RuleView[];
  readonly totals: Totals;
  readonly complexity: Complexity;
  readonly reason: ComplexityReason | null;
  /** One sentence: what the rating rests on. */
  readonly explanation: string;
  readonly compare: CompareModel | null;
}

export interface ModelOptions {
  readonly rules: readonly Rule[];
  /** A rule's page (rules/<id>.md), if there is one. */
  readonly docs: (ruleId: string) => string | undefined;
  readonly version: string;
  readonly targetName: (id: string) => string;
}

export type { Namespace, ObjectKind };
