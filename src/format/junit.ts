// JUnit XML for CI test reports: one test suite per file, one failing test case per finding,
// and one passing case for a clean file (or live database).
import { counts, shownMessage, type FileReport } from './types.js';

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function formatJunit(reports: readonly FileReport[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const total = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = reports.reduce((n, r) => n + r.findings.length, 0);
  lines.push(`<testsuites name="clustrix-lint" tests="${total}" failures="${failures}" errors="0">`);
  for (const r of reports) {
    const c = counts(r.findings);
    const name = xml(r.filePath);
    lines.push(
      `  <testsuite name="${name}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`,
    );
    lines.push(
      `    <properties><property name="target" value="${xml(r.target)}" /><property name="errors" value="${c.errorCount}" /><property name="warnings" value="${c.warningCount}" /><property name="advice" value="${c.adviceCount}" /></properties>`,
    );
    if (r.findings.length === 0) lines.push(`    <testcase name="${name}" classname="clustrix-lint" />`);
    for (const f of r.findings) {
      // On a live database a finding's case is its object, and the position is inside the object.
      const o = f.object;
      const at = o === undefined ? `${f.line}:${f.column}` : `${o.name}:${o.line}:${o.column}`;
      const where = o === undefined ? `${r.filePath}:${at}` : at;
      const classname = o === undefined ? name : xml(o.name);
      lines.push(`    <testcase name="${xml(`${f.ruleId} at ${at}`)}" classname="${classname}">`);
      lines.push(
        `      <failure type="${f.severity}" message="${xml(shownMessage(f))}">${xml(`${where}: ${f.severity} ${f.ruleId} ${shownMessage(f)}`)}</failure>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
