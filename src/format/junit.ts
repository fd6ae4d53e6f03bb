// JUnit XML for CI test reports: one test suite per file, one failing test case per finding,
// and one passing case for a clean file (or live database).
import type { FileRecords } from './records.js';
import { Buffered, shownMessage, type Out } from './types.js';

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export async function writeJunit(files: readonly FileRecords[], out: Out): Promise<void> {
  const b = new Buffered(out);
  const line = (s: string) => b.write(s + '\n');
  await line('<?xml version="1.0" encoding="utf-8"?>');
  const total = files.reduce((n, r) => n + Math.max(1, r.findingCount), 0);
  const failures = files.reduce((n, r) => n + r.findingCount, 0);
  await line(`<testsuites name="clustrix-lint" tests="${total}" failures="${failures}" errors="0">`);
  for (const r of files) {
    const c = r.counts;
    const name = xml(r.filePath);
    await line(
      `  <testsuite name="${name}" tests="${Math.max(1, r.findingCount)}" failures="${r.findingCount}" errors="0">`,
    );
    await line(
      `    <properties><property name="target" value="${xml(r.target)}" /><property name="errors" value="${c.errorCount}" /><property name="warnings" value="${c.warningCount}" /><property name="advice" value="${c.adviceCount}" /></properties>`,
    );
    if (r.findingCount === 0) await line(`    <testcase name="${name}" classname="clustrix-lint" />`);
    for await (const f of r.findings!) {
      // On a live database a finding's case is its object, and the position is inside the object.
      const o = f.object;
      const at = o === undefined ? `${f.line}:${f.column}` : `${o.name}:${o.line}:${o.column}`;
      const where = o === undefined ? `${r.filePath}:${at}` : at;
      const classname = o === undefined ? name : xml(o.name);
      await line(`    <testcase name="${xml(`${f.ruleId} at ${at}`)}" classname="${classname}">`);
      await line(
        `      <failure type="${f.severity}" message="${xml(shownMessage(f))}">${xml(`${where}: ${f.severity} ${f.ruleId} ${shownMessage(f)}`)}</failure>`,
      );
      await line('    </testcase>');
    }
    await line('  </testsuite>');
  }
  await line('</testsuites>');
  await b.flush();
}
