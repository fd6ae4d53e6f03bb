// The migration assessment as plain data, built from check's findings and the statements they sit
// in, segment by segment as a stream goes by, so memory grows with the schema and the findings,
// not with the data: INSERTs without findings are only counted (per table), and code excerpts
// are kept for the first occurrences of each rule only. The HTML and markdown renderers read it.
//
// Method (also in README, "Migration assessment report"):
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
import { byPlace } from '../core/engine.js';
import { jsonFinding } from '../format/json.js';
import { counts, type ReportFinding } from '../format/types.js';
import type { Finding, FixKind, Rule, Severity } from '../core/rule.js';
import type { SqlSource } from '../core/source.js';
import type { Statement, StatementKind } from '../core/statements.js';
import type { Segment } from '../stream/index.js';
import { ruleDocFacts, type Evidence } from './docs.js';
import type { ObjectLocation } from '../live/types.js';
import type { LiveSource } from './live.js';
import { KIND_LABELS, databaseName, nameKey, statementShape, type Namespace, type ObjectKind } from './objects.js';

export type Fixability = 'safe' | 'lossy' | 'person' | 'review';
export type StatementStatus = 'ok' | 'safe' | 'lossy' | 'person' | 'incidental';
export type Complexity = 'low' | 'medium' | 'high';

export const FIXABILITIES: readonly Fixability[] = ['safe', 'lossy', 'person', 'review'];
export const STATUSES: readonly StatementStatus[] = ['ok', 'safe', 'lossy', 'person', 'incidental'];
export const OBJECT_KINDS: readonly ObjectKind[] = ['table', 'view', 'routine', 'trigger', 'event'];

/** The first this many occurrences of each rule in a file keep a code excerpt and the fix's diff… */
export const EXCERPTS_PER_RULE = 10;
/** …and so does the first occurrence of each of this many different messages of a rule. */
export const EXCERPT_GROUPS_PER_RULE = 40;
const EXCERPT_LINES = 6;
const DIFF_LINES = 12;
const LINE_CHARS = 240;
/** A fix region longer than this is shown by its first lines only. */
const DIFF_REGION_CHARS = 20_000;

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

const zeroStatus = (): StatusCounts => ({ ok: 0, safe: 0, lossy: 0, person: 0, incidental: 0 });
const zeroFix = (): FixabilityCounts => ({ safe: 0, lossy: 0, person: 0, review: 0 });

export function fixabilityOf(f: Finding): Fixability {
  // A suggestion (advice only) fixes nothing that stops a load: advice is counted apart anyway.
  if (f.fix !== null && f.fix.kind !== 'suggestion') return f.fix.kind;
  return f.severity === 'error' ? 'person' : 'review';
}

const LEVEL_OF: Record<Fixability, Complexity> = { person: 'high', lossy: 'medium', review: 'medium', safe: 'low' };
/** Which fixability names the reason at each level, in order of preference. */
const REASON_ORDER: readonly Fixability[] = ['person', 'lossy', 'review', 'safe'];

/**
 * The complexity of a set of findings and the rule behind it. A warning without a fix on a
 * statement that belongs to no object (SET, LOCK TABLES, …) is listed to review but does not
 * raise the rating: it changes nothing in the schema.
 */
export function complexityOf(findings: readonly FindingRecord[]): {
  level: Complexity;
  reason: ComplexityReason | null;
} {
  const by = zeroFix();
  const first: Partial<Record<Fixability, Finding>> = {};
  for (const r of findings) {
    const x = r.fixability;
    if (x === 'review' && r.object === null) continue;
    by[x]++;
    const f = r.finding;
    if (first[x] === undefined) first[x] = f;
  }
  for (const x of REASON_ORDER) {
    const f = first[x];
    if (f === undefined) continue;
    const level = LEVEL_OF[x];
    const object = (f as ReportFinding).object;
    return {
      level,
      reason: {
        level,
        ruleId: f.ruleId,
        line: f.line,
        fixability: x,
        count: by[x],
        ...(object === undefined ? {} : { object }),
      },
    };
  }
  return { level: 'low', reason: null };
}

function ownStatus(findings: readonly Finding[]): StatementStatus {
  let status: StatementStatus = 'ok';
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const x = fixabilityOf(f);
    if (x === 'person') return 'person';
    if (x === 'lossy') status = 'lossy';
    else if (x === 'safe' && status === 'ok') status = 'safe';
  }
  return status;
}

const WORST: readonly StatementStatus[] = ['person', 'incidental', 'lossy', 'safe', 'ok'];
const worse = (a: StatementStatus, b: StatementStatus) => (WORST.indexOf(a) <= WORST.indexOf(b) ? a : b);

/** Index of the statement holding `offset` (its delimiter included), or -1. */
function statementAt(starts: readonly { start: number; stop: number }[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= starts[found]!.stop ? found : -1;
}

const clip = (line: string) => {
  const clean = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  return clean.length > LINE_CHARS ? clean.slice(0, LINE_CHARS) + '…' : clean;
};

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const k = text.indexOf('\n', offset);
  return k < 0 ? text.length : k;
}

/** The excerpt of a finding `f` whose offsets are relative to `text`; `lineBase` is text's first line. */
export function excerptOf(text: string, f: Finding, lineBase: number): Excerpt {
  const from = lineStartOf(text, f.start);
  const to = lineEndOf(text, Math.max(f.start, f.end - 1));
  const all = text.slice(from, Math.min(to, from + EXCERPT_LINES * (LINE_CHARS + 2) * 4)).split('\n');
  const lines = all.slice(0, EXCERPT_LINES).map(clip);
  const truncated = all.length > EXCERPT_LINES || to > from + EXCERPT_LINES * (LINE_CHARS + 2) * 4;
  let diff: Excerpt['diff'] = null;
  if (f.fix !== null && f.fix.edits.length > 0) {
    const edits = [...f.fix.edits].sort((a, b) => a.start - b.start);
    const a = lineStartOf(text, edits[0]!.start);
    const b = lineEndOf(text, Math.max(...edits.map((e) => e.end)));
    const long = b - a > DIFF_REGION_CHARS;
    const before = text.slice(a, b);
    let after = '';
    let at = a;
    for (const e of edits) {
      after += text.slice(at, e.start) + e.text;
      at = e.end;
    }
    after += text.slice(at, b);
    let removed = before.split('\n');
    let added = after.split('\n');
    // Lines the fix leaves alone at either end are not part of the diff.
    let head = 0;
    while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
    let tail = 0;
    while (
      tail < removed.length - head &&
      tail < added.length - head &&
      removed[removed.length - 1 - tail] === added[added.length - 1 - tail]
    )
      tail++;
    removed = removed.slice(head, removed.length - tail);
    added = added.slice(head, added.length - tail);
    const trunc = long || removed.length > DIFF_LINES || added.length > DIFF_LINES;
    diff = {
      line: lineBase + countLines(text, a) + head,
      removed: removed.slice(0, DIFF_LINES).map(clip),
      added: added.slice(0, DIFF_LINES).map(clip),
      truncated: trunc,
    };
  }
  return { line: lineBase + countLines(text, from), lines, truncated, diff };
}

/** Newlines in text[0, offset). */
function countLines(text: string, offset: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/** Moves a segment-relative finding (edits included) to the whole input. */
function place(f: Finding, base: number, line: number): Finding {
  if (base === 0 && line === 1) return f;
  return {
    ...f,
    start: f.start + base,
    end: f.end + base,
    line: f.line + line - 1,
    endLine: f.endLine + line - 1,
    fix:
      f.fix === null
        ? null
        : { ...f.fix, edits: f.fix.edits.map((e) => ({ start: e.start + base, end: e.end + base, text: e.text })) },
  };
}

const isAdvice = (r: FindingRecord) => r.finding.category === 'advice';

const findingKey = (f: Finding) => `${f.start}:${f.end}:${f.ruleId}:${f.messageId}`;

interface PendingStatement {
  index: number;
  kind: StatementKind;
  label: string;
  line: number;
  column: number;
  start: number;
  stop: number;
  object: number | null;
  findings: FindingRecord[];
  /** Kept statements (indices into `statements`) that define what this one needs. */
  deps: number[];
  /** First line of a CREATE TABLE, for the excerpt of a script-wide finding that comes at the end. */
  head: string | null;
}

interface PendingObject {
  kind: ObjectKind;
  name: string;
  line: number;
  defined: boolean;
  table: string | null;
  statements: number[];
}

/** Statement labels: the kind and the object name, e.g. `CREATE INDEX on REG_PATH`. */
function labelOf(stmt: Statement, name: string | null, table: string | null): string {
  const words = KIND_LABELS[stmt.kind];
  if (words === undefined) {
    const first = stmt.code[0]?.text.toUpperCase() ?? '';
    return first.length > 24 ? first.slice(0, 24) + '…' : first;
  }
  if (stmt.kind === 'create_index' && name !== null) return `CREATE INDEX on ${name}`;
  if (stmt.kind === 'create_database' || stmt.kind === 'alter_database') {
    const db = databaseName(stmt);
    return db === null ? words : `${words} ${db}`;
  }
  if (stmt.kind === 'drop') {
    const what = stmt.code
      .slice(1, 3)
      .filter(
        (t) =>
          t.kind === 'word' &&
          /^(TEMPORARY|TABLES?|VIEW|PROCEDURE|FUNCTION|TRIGGER|EVENT|INDEX|DATABASE|SCHEMA|USER)$/i.test(t.text),
      );
    return [words, ...what.map((t) => t.text.toUpperCase()), ...(name === null ? [] : [name])].join(' ');
  }
  if (stmt.kind === 'create_trigger' && name !== null) return `CREATE TRIGGER ${name}${table ? ` on ${table}` : ''}`;
  return name === null ? words : `${words} ${name}`;
}

/**
 * Builds one file's part of the model from its segments (see checkStreamWith's onSegment) and,
 * at the end, the whole list of findings check returned (which adds the script-wide ones).
 */
export class FileBuilder {
  private readonly pending: PendingStatement[] = [];
  private readonly loose: FindingRecord[] = [];
  private readonly objects: PendingObject[] = [];
  private readonly objectIndex = new Map<string, number>();
  /** `${ns}:${name}` → the kept statement that defines it now. */
  private readonly defs = new Map<string, number>();
  private readonly data = new Map<
    string,
    { kind: StatementKind; table: string | null; count: number; line: number; definer: number }
  >();
  private readonly seen = new Map<string, number>();
  private statementCount = 0;
  private readonly perRule = new Map<string, number>();
  private readonly groups = new Set<string>();
  private readonly groupsPerRule = new Map<string, number>();

  constructor(
    readonly filePath: string,
    readonly target: string,
  ) {}

  private wantsExcerpt(f: Finding): boolean {
    const n = this.perRule.get(f.ruleId) ?? 0;
    this.perRule.set(f.ruleId, n + 1);
    const group = `${f.ruleId}\u0000${f.message}`;
    const newGroup = !this.groups.has(group);
    if (newGroup) this.groups.add(group);
    if (n < EXCERPTS_PER_RULE) return true;
    const g = this.groupsPerRule.get(f.ruleId) ?? 0;
    if (newGroup && g < EXCERPT_GROUPS_PER_RULE) {
      this.groupsPerRule.set(f.ruleId, g + 1);
      return true;
    }
    return false;
  }

  private objectFor(kind: ObjectKind, name: string, line: number, table: string | null): number {
    const key = `${kind}:${nameKey(name)}`;
    let i = this.objectIndex.get(key);
    if (i === undefined) {
      i = this.objects.length;
      this.objects.push({ kind, name, line, defined: false, table, statements: [] });
      this.objectIndex.set(key, i);
    }
    return i;
  }

  /** Takes one checked segment: its source and its findings, relative to the segment. */
  segment(seg: Pick<Segment, 'base' | 'line'>, source: SqlSource, findings: readonly Finding[]): void {
    const statements = source.statements;
    const spans = statements.map((st) => ({ start: st.start, stop: st.delimiter?.end ?? st.end }));
    const byStatement = new Map<number, Finding[]>();
    const records = (list: readonly Finding[], stmtRecord: PendingStatement | null) =>
      list.map((f): FindingRecord => {
        const placed = place(f, seg.base, seg.line);
        this.seen.set(findingKey(placed), (this.seen.get(findingKey(placed)) ?? 0) + 1);
        return {
          finding: placed,
          fixability: fixabilityOf(f),
          statement: null,
          object: stmtRecord?.object ?? null,
          excerpt: this.wantsExcerpt(f) ? excerptOf(source.text, f, seg.line) : null,
        };
      });
    const loose: Finding[] = [];
    for (const f of findings) {
      const i = statementAt(spans, f.start);
      if (i < 0) loose.push(f);
      else {
        const list = byStatement.get(i);
        if (list === undefined) byStatement.set(i, [f]);
        else list.push(f);
      }
    }
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      const own = byStatement.get(i) ?? [];
      const index = this.statementCount++;
      const shape = statementShape(st);
      const definers = shape.uses
        .map((u) => this.defs.get(`${u.ns}:${nameKey(u.name)}`))
        .filter((d): d is number => d !== undefined);
      const loc = source.locOf(st.start);
      const line = loc.line + seg.line - 1;
      if ((st.kind === 'insert' || st.kind === 'replace') && own.length === 0) {
        const table = shape.uses[0]?.name ?? null;
        const definer = definers[0] ?? -1;
        const key = `${st.kind}:${definer}:${table === null ? '' : nameKey(table)}`;
        const group = this.data.get(key);
        if (group === undefined) this.data.set(key, { kind: st.kind, table, count: 1, line, definer });
        else group.count++;
        continue;
      }
      const subject = shape.subject;
      const object = subject === null ? null : this.objectFor(subject.kind, subject.name, line, shape.table);
      const record: PendingStatement = {
        index,
        kind: st.kind,
        label: labelOf(st, subject?.name ?? shape.drops[0]?.name ?? null, shape.table),
        line,
        column: loc.column,
        start: st.start + seg.base,
        stop: spans[i]!.stop + seg.base,
        object,
        findings: [],
        deps: [...new Set(definers)],
        head: st.kind === 'create_table' ? clip(source.text.slice(st.start, lineEndOf(source.text, st.start))) : null,
      };
      record.findings = records(own, record);
      const at = this.pending.length;
      this.pending.push(record);
      if (object !== null) {
        const o = this.objects[object]!;
        o.statements.push(at);
        if (shape.defines !== null) o.defined = true;
      }
      for (const d of shape.drops) this.defs.delete(`${d.ns}:${nameKey(d.name)}`);
      if (shape.defines !== null) this.defs.set(`${shape.defines.ns}:${nameKey(shape.defines.name)}`, at);
    }
    this.loose.push(...records(loose, null));
  }

  /** Ends the file with the findings check returned; those no segment gave (script-wide) are placed now. */
  finish(all: readonly Finding[]): FileModel {
    const left = new Map(this.seen);
    const spans = this.pending.map((p) => ({ start: p.start, stop: p.stop }));
    for (const f of all) {
      const k = findingKey(f);
      const n = left.get(k) ?? 0;
      if (n > 0) {
        left.set(k, n - 1);
        continue;
      }
      const i = statementAt(spans, f.start);
      const owner = i < 0 ? null : this.pending[i]!;
      let excerpt: Excerpt | null = null;
      if (owner !== null && owner.head !== null && f.line === owner.line && this.wantsExcerpt(f)) {
        excerpt = { line: f.line, lines: [owner.head], truncated: false, diff: null };
      }
      const record: FindingRecord = {
        finding: f,
        fixability: fixabilityOf(f),
        statement: null,
        object: owner?.object ?? null,
        excerpt,
      };
      if (owner === null) this.loose.push(record);
      else owner.findings.push(record);
    }
    return this.build();
  }

  private build(): FileModel {
    const everything: FindingRecord[] = [...this.loose];
    for (const p of this.pending) everything.push(...p.findings);
    everything.sort((a, b) => byPlace(a.finding, b.finding));
    const ordered = everything.filter((r) => !isAdvice(r));
    const advice = everything.filter(isAdvice);
    const indexOf = new Map(ordered.map((r, i) => [r, i]));
    const statements: StatementRecord[] = [];
    const byStatus = zeroStatus();
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i]!;
      for (const r of p.findings) r.statement = i;
      // Advice stays on its statement (for its label) but out of the statement's findings.
      p.findings = p.findings.filter((r) => !isAdvice(r));
      const own = ownStatus(p.findings.map((r) => r.finding));
      let status = own;
      let blockedBy: number | null = null;
      if (own !== 'person') {
        const blocker = p.deps.find((d) => {
          const s = statements[d]!.status;
          return s === 'person' || s === 'incidental';
        });
        if (blocker !== undefined) {
          status = 'incidental';
          blockedBy = blocker;
        }
      }
      byStatus[status]++;
      statements.push({
        index: p.index,
        kind: p.kind,
        label: p.label,
        line: p.line,
        column: p.column,
        start: p.start,
        end: p.stop,
        object: p.object,
        findings: p.findings.map((r) => indexOf.get(r)!).sort((a, b) => a - b),
        own,
        status,
        blockedBy,
      });
    }
    const dataGroups: DataGroup[] = [];
    for (const g of this.data.values()) {
      const definer = g.definer >= 0 ? statements[g.definer]! : null;
      const failed = definer !== null && (definer.status === 'person' || definer.status === 'incidental');
      dataGroups.push({
        kind: g.kind,
        table: g.table,
        count: g.count,
        line: g.line,
        status: failed ? 'incidental' : 'ok',
        blockedBy: failed ? g.definer : null,
      });
      byStatus[failed ? 'incidental' : 'ok'] += g.count;
    }
    dataGroups.sort((a, b) => a.line - b.line);
    const objects: ObjectRecord[] = this.objects.map((o) => {
      const findings = o.statements.flatMap((s) => statements[s]!.findings).sort((a, b) => a - b);
      const { level, reason } = complexityOf(findings.map((i) => ordered[i]!));
      let status: StatementStatus = 'ok';
      let blockedBy: number | null = null;
      for (const s of o.statements) {
        const st = statements[s]!;
        status = worse(status, st.status);
        if (st.status === 'incidental' && blockedBy === null) blockedBy = st.blockedBy;
      }
      return {
        kind: o.kind,
        name: o.name,
        line: o.line,
        defined: o.defined,
        table: o.table,
        statements: o.statements,
        findings,
        status,
        complexity: level,
        reason,
        blockedBy: status === 'incidental' ? blockedBy : null,
      };
    });
    const byFixability = zeroFix();
    for (const r of ordered) byFixability[r.fixability]++;
    const { level, reason } = complexityOf(ordered);
    return {
      filePath: this.filePath,
      target: this.target,
      error: null,
      findings: ordered,
      advice,
      statements,
      dataGroups,
      objects,
      statementCount: this.statementCount,
      byStatus,
      byFixability,
      complexity: level,
      reason,
    };
  }
}

/** The model of a file that could not be assessed. */
export function unreadableFile(filePath: string, target: string, error: string): FileModel {
  return {
    filePath,
    target,
    error,
    findings: [],
    advice: [],
    statements: [],
    dataGroups: [],
    objects: [],
    statementCount: 0,
    byStatus: zeroStatus(),
    byFixability: zeroFix(),
    complexity: 'high',
    reason: null,
  };
}

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

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function explain(byFix: FixabilityCounts, rules: readonly RuleView[], unreadable: number): string {
  const parts: string[] = [];
  const top = (x: Fixability) =>
    rules
      .filter((r) => r.byFixability[x] > 0)
      .sort((a, b) => b.byFixability[x] - a.byFixability[x] || (a.id < b.id ? -1 : 1))
      .slice(0, 3)
      .map((r) => `${r.id} ×${r.byFixability[x].toLocaleString('en-US')}`)
      .join(', ');
  if (unreadable > 0) parts.push(`${plural(unreadable, 'file')} could not be read`);
  if (byFix.person > 0)
    parts.push(
      `${plural(byFix.person, 'finding')} ${byFix.person === 1 ? 'needs' : 'need'} a person (${top('person')})`,
    );
  if (byFix.lossy > 0)
    parts.push(
      `${plural(byFix.lossy, 'finding')} ${byFix.lossy === 1 ? 'needs' : 'need'} a lossy fix (${top('lossy')})`,
    );
  if (byFix.review > 0)
    parts.push(
      `${plural(byFix.review, 'finding')} without a fix ${byFix.review === 1 ? 'is' : 'are'} to review (${top('review')})`,
    );
  if (byFix.safe > 0)
    parts.push(`${plural(byFix.safe, 'finding')} ${byFix.safe === 1 ? 'is' : 'are'} fixed safely by clustrix-lint fix`);
  if (parts.length === 0) return 'No findings: every statement loads as is.';
  const text = parts.join('; ') + '.';
  return text[0]!.toUpperCase() + text.slice(1);
}

/** One view per rule over the records `pick` takes from each file (occurrences index that list). */
function ruleViews(
  files: readonly FileModel[],
  options: ModelOptions,
  pick: (file: FileModel) => readonly FindingRecord[],
): RuleView[] {
  const metas = new Map(options.rules.map((r) => [r.meta.id, r.meta]));
  const ruleData = new Map<
    string,
    {
      bySeverity: Record<Severity, number>;
      byFixability: FixabilityCounts;
      groups: Map<
        string,
        {
          messageId: string;
          message: string;
          severity: Severity;
          fixability: Fixability;
          occurrences: Array<{ file: number; finding: number }>;
        }
      >;
    }
  >();
  files.forEach((file, fi) => {
    pick(file).forEach((r, i) => {
      const f = r.finding;
      let d = ruleData.get(f.ruleId);
      if (d === undefined) {
        d = { bySeverity: { error: 0, warning: 0, info: 0 }, byFixability: zeroFix(), groups: new Map() };
        ruleData.set(f.ruleId, d);
      }
      d.bySeverity[f.severity]++;
      d.byFixability[r.fixability]++;
      const key = `${f.message}\u0000${f.severity}\u0000${r.fixability}`;
      let g = d.groups.get(key);
      if (g === undefined) {
        g = {
          messageId: f.messageId,
          message: f.message,
          severity: f.severity,
          fixability: r.fixability,
          occurrences: [],
        };
        d.groups.set(key, g);
      }
      g.occurrences.push({ file: fi, finding: i });
    });
  });
  return [...ruleData.entries()]
    .map(([id, d]): RuleView => {
      const meta = metas.get(id);
      const doc = meta === undefined ? undefined : options.docs(id);
      const facts = meta === undefined || doc === undefined ? null : ruleDocFacts(doc, meta.source.url);
      const total = d.bySeverity.error + d.bySeverity.warning + d.bySeverity.info;
      return {
        id,
        description: meta?.description ?? null,
        severity: meta?.severity ?? null,
        fixable: meta?.fixable ?? [],
        sourceUrl: meta?.source.url ?? null,
        evidence: facts?.evidence ?? meta?.source.evidence ?? null,
        why: facts?.why ?? null,
        sourceText: facts?.sourceText ?? null,
        total,
        bySeverity: d.bySeverity,
        byFixability: d.byFixability,
        groups: [...d.groups.values()].sort(
          (a, b) => b.occurrences.length - a.occurrences.length || (a.message < b.message ? -1 : 1),
        ),
      };
    })
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
}

/** The report-wide views (rules, totals, rating) over the files' models. */
export function buildReport(
  files: readonly FileModel[],
  options: ModelOptions,
  compare: CompareModel | null = null,
): ReportModel {
  const rules = ruleViews(files, options, (f) => f.findings);
  const advice = ruleViews(files, options, (f) => f.advice);
  const byStatus = zeroStatus();
  const byFixability = zeroFix();
  const scriptLevel = zeroFix();
  const objects = Object.fromEntries(
    OBJECT_KINDS.map((k) => [
      k,
      { total: 0, affected: 0, byComplexity: { low: 0, medium: 0, high: 0 }, byFixability: zeroFix() },
    ]),
  ) as Record<
    ObjectKind,
    { total: number; affected: number; byComplexity: Record<Complexity, number>; byFixability: FixabilityCounts }
  >;
  let statements = 0;
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let findingsTotal = 0;
  let adviceCount = 0;
  let suggestionCount = 0;
  for (const file of files) {
    adviceCount += file.advice.length;
    suggestionCount += file.advice.filter((r) => r.finding.fix?.kind === 'suggestion').length;
    statements += file.statementCount;
    for (const s of STATUSES) byStatus[s] += file.byStatus[s];
    const c = counts(file.findings.map((r) => r.finding));
    errorCount += c.errorCount;
    warningCount += c.warningCount;
    infoCount += c.infoCount;
    findingsTotal += file.findings.length;
    for (const r of file.findings) {
      byFixability[r.fixability]++;
      if (r.object === null) scriptLevel[r.fixability]++;
      else objects[file.objects[r.object]!.kind].byFixability[r.fixability]++;
    }
    for (const o of file.objects) {
      const t = objects[o.kind];
      t.total++;
      if (o.findings.length > 0) t.affected++;
      t.byComplexity[o.complexity]++;
    }
  }
  const unreadable = files.filter((f) => f.error !== null).length;
  const rank: Record<Complexity, number> = { low: 0, medium: 1, high: 2 };
  let level: Complexity = 'low';
  let reason: ComplexityReason | null = null;
  for (const file of files) {
    if (rank[file.complexity] > rank[level] || (reason === null && file.reason !== null && file.complexity === level)) {
      level = file.complexity;
      reason = file.reason === null ? null : { ...file.reason, filePath: file.filePath };
    }
  }
  const targets = [...new Set(files.map((f) => f.target))];
  return {
    tool: { name: 'clustrix-lint', version: options.version },
    target: targets.length === 1 ? { id: targets[0]!, name: options.targetName(targets[0]!) } : null,
    files,
    rules,
    advice,
    totals: {
      files: files.filter((f) => f.live === undefined).length,
      databases: files.reduce((n, f) => n + (f.live?.part === 'schema' ? f.live.databases.length : 0), 0),
      unreadable,
      statements,
      byStatus,
      findings: findingsTotal,
      errorCount,
      warningCount,
      infoCount,
      byFixability,
      objects,
      scriptLevel,
      adviceCount,
      suggestionCount,
    },
    complexity: level,
    reason,
    explanation: explain(byFixability, rules, unreadable),
    compare,
  };
}

/**
 * What changes between two targets. Findings are matched by place and rule (their messages name
 * the target, so they always differ): unmatched ones appear or go away; a matched one with
 * another message, severity or fixability has changed.
 */
export function compareFiles(from: readonly FileModel[], to: readonly FileModel[]): CompareFile[] {
  const placeKey = (f: Finding) => `${f.start}:${f.end}:${f.ruleId}`;
  return to.map((t, i) => {
    const f = from[i]!;
    const before = new Map<string, FindingRecord[]>();
    for (const r of f.findings) {
      const k = placeKey(r.finding);
      const list = before.get(k);
      if (list === undefined) before.set(k, [r]);
      else list.push(r);
    }
    const appeared: FindingRecord[] = [];
    const changed: Array<{ from: FindingRecord; to: FindingRecord }> = [];
    for (const r of t.findings) {
      const list = before.get(placeKey(r.finding));
      // The same message first, so two findings of one rule at one place pair up as they should.
      const at =
        list === undefined
          ? -1
          : Math.max(
              0,
              list.findIndex((x) => x.finding.messageId === r.finding.messageId),
            );
      const match = list === undefined || list.length === 0 ? undefined : list.splice(at, 1)[0];
      if (match === undefined) appeared.push(r);
      else if (
        match.finding.messageId !== r.finding.messageId ||
        match.finding.severity !== r.finding.severity ||
        match.fixability !== r.fixability
      )
        changed.push({ from: match, to: r });
    }
    const disappeared = [...before.values()].flat().sort((a, b) => byPlace(a.finding, b.finding));
    return { filePath: t.filePath, appeared, disappeared, changed };
  });
}

/** The page's embedded data: `{ target, files: [{ filePath, findings }] }` with check --format json's findings. */
export function reportData(model: ReportModel) {
  const compare = model.compare;
  return {
    format: 'clustrix-lint-report',
    version: 1,
    tool: model.tool,
    target: model.target?.id ?? null,
    files: model.files.map((f) => ({
      filePath: f.filePath,
      target: f.target,
      ...(f.error === null ? {} : { error: f.error }),
      findings: f.findings.map((r) => jsonFinding(r.finding)),
      advice: f.advice.map((r) => jsonFinding(r.finding)),
      // Advice has its own counts (adviceCount, suggestionCount); the severities never include it.
      ...counts([...f.findings, ...f.advice].map((r) => r.finding)),
      statements: { total: f.statementCount, byStatus: f.byStatus },
      complexity: f.complexity,
      objects: f.objects.map((o) => ({
        kind: o.kind,
        name: o.name,
        line: o.line,
        status: o.status,
        complexity: o.complexity,
        findings: o.findings.length,
        ...(o.size === undefined ? {} : { size: o.size }),
      })),
    })),
    totals: model.totals,
    complexity: model.complexity,
    explanation: model.explanation,
    ...(compare === null
      ? {}
      : {
          compare: {
            from: compare.from.id,
            to: compare.to.id,
            files: compare.files.map((c) => ({
              filePath: c.filePath,
              appeared: c.appeared.map((r) => jsonFinding(r.finding)),
              disappeared: c.disappeared.map((r) => jsonFinding(r.finding)),
              changed: c.changed.map((x) => ({ from: jsonFinding(x.from.finding), to: jsonFinding(x.to.finding) })),
            })),
          },
        }),
  };
}

export type { Namespace, ObjectKind };
