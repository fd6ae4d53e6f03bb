// JSON report: an array with one object per file or live database (stable keys, no absolute
// paths added). On a live database each finding also has `objectName` and `objectType`, its
// line and column are inside that object's SHOW CREATE text, and the report carries `live`: the
// server and the information_schema facts of every object.
import { liveFacts } from '../live/facts.js';
import type { ObjectLocation } from '../live/types.js';
import { counts, type FileReport, type ReportFinding } from './types.js';

const where = (line: number, column: number, endLine: number, endColumn: number, o?: ObjectLocation) =>
  o === undefined
    ? { line, column, endLine, endColumn }
    : {
        objectName: o.name,
        objectType: o.type,
        line: o.line,
        column: o.column,
        endLine: o.endLine,
        endColumn: o.endColumn,
      };

/** A finding as the JSON report (and the HTML report's embedded data) writes it. */
export function jsonFinding(f: ReportFinding) {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    category: f.category ?? 'compatibility',
    message: f.message,
    ...where(f.line, f.column, f.endLine, f.endColumn, f.object),
    fix:
      f.fix === null
        ? null
        : {
            kind: f.fix.kind,
            title: f.fix.title,
            edits: f.fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
          },
    ...(f.unfixed === undefined ? {} : { unfixed: f.unfixed }),
  };
}

export type JsonFinding = ReturnType<typeof jsonFinding>;

export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    filePath: r.filePath,
    target: r.target,
    findings: r.findings.map(jsonFinding),
    ...counts(r.findings),
    ...(r.superseded === undefined ? {} : { superseded: r.superseded.map(jsonFinding) }),
    ...(r.applied === undefined
      ? {}
      : {
          applied: r.applied.map((a) => ({
            ruleId: a.ruleId,
            kind: a.kind,
            title: a.title,
            pass: a.pass,
            ...(a.object === undefined
              ? { line: a.line, column: a.column }
              : { objectName: a.object.name, objectType: a.object.type, line: a.object.line, column: a.object.column }),
            edits: a.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
          })),
        }),
    ...(r.output === undefined ? {} : { output: r.output }),
    ...(r.live === undefined ? {} : { live: liveFacts(r.live) }),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
