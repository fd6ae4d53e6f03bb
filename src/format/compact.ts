// One line per finding: `file:line:col: severity rule-id message`, for grep and editors.
import { shownMessage, type FileReport } from './types.js';

export function formatCompact(reports: readonly FileReport[]): string {
  let out = '';
  for (const r of reports) {
    for (const f of r.findings)
      out += `${r.filePath}:${f.line}:${f.column}: ${f.severity} ${f.ruleId} ${shownMessage(f)}\n`;
  }
  return out;
}
