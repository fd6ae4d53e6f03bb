// JSON report: an array with one object per file (stable keys, no absolute paths added).
import type { Finding } from '../rule.js';
import { counts, type FileReport } from './types.js';

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    category: f.category ?? 'compatibility',
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
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

export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    filePath: r.filePath,
    target: r.target,
    findings: r.findings.map(finding),
    ...counts(r.findings),
    ...(r.superseded === undefined ? {} : { superseded: r.superseded.map(finding) }),
    ...(r.applied === undefined
      ? {}
      : {
          applied: r.applied.map((a) => ({
            ruleId: a.ruleId,
            kind: a.kind,
            title: a.title,
            pass: a.pass,
            line: a.line,
            column: a.column,
            edits: a.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
          })),
        }),
    ...(r.output === undefined ? {} : { output: r.output }),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
