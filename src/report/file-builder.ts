// Building one file's part of the model from check's findings and the statements they sit in,
// segment by segment as a stream goes by: statements get their findings, labels, objects and
// statuses (an incidental one follows the failure of the statement defining what it needs),
// INSERTs without findings are only counted per table, and the first occurrences of each rule
// keep an excerpt (excerpt.ts).
import { shiftFinding } from '../core/shift.js';
import { byPlace } from '../core/engine.js';
import { lastAtOrBefore } from '../core/position.js';
import type { Finding } from '../core/rule.js';
import type { SqlSource } from '../core/source.js';
import type { Statement, StatementKind } from '../core/statements.js';
import type { Segment } from '../stream/index.js';
import { EXCERPTS_PER_RULE, EXCERPT_GROUPS_PER_RULE, clip, excerptOf, lineEndOf } from './excerpt.js';
import {
  zeroFix,
  zeroStatus,
  type DataGroup,
  type Excerpt,
  type FileModel,
  type FindingRecord,
  type ObjectRecord,
  type StatementRecord,
  type StatementStatus,
  type StatusCounts,
} from './model.js';
import { databaseName, nameKey, statementShape, type ObjectKind } from '../core/objects.js';
import { KIND_LABELS } from './objects.js';
import { complexityOf, fixabilityOf, ownStatus, worse } from './rating.js';

/** Index of the statement holding `offset` (its delimiter included), or -1. */
function statementAt(starts: readonly { start: number; stop: number }[], offset: number): number {
  const found = lastAtOrBefore(starts, offset, (s) => s.start);
  return found >= 0 && offset <= starts[found]!.stop ? found : -1;
}

/** Moves a segment-relative finding (edits included) to the whole input. */
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
        const placed = seg.base === 0 && seg.line === 1 ? f : shiftFinding(f, seg);
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
    const byStatus = zeroStatus();
    const statements = this.statementRecords(ordered, byStatus);
    const dataGroups = this.dataGroups(statements, byStatus);
    const objects = this.objectRecords(statements, ordered);
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

  /**
   * The kept statements with their statuses, in order (a statement is incidental when one it
   * needs failed before it), counted into `byStatus`; their findings index `ordered`.
   */
  private statementRecords(ordered: readonly FindingRecord[], byStatus: StatusCounts): StatementRecord[] {
    const indexOf = new Map(ordered.map((r, i) => [r, i]));
    const statements: StatementRecord[] = [];
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
    return statements;
  }

  /** The counted INSERTs, per table, incidental when the table's definition failed; counted into `byStatus`. */
  private dataGroups(statements: readonly StatementRecord[], byStatus: StatusCounts): DataGroup[] {
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
    return dataGroups;
  }

  /** The objects, each with the findings of its statements, its worst status and its complexity. */
  private objectRecords(statements: readonly StatementRecord[], ordered: readonly FindingRecord[]): ObjectRecord[] {
    return this.objects.map((o) => {
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
