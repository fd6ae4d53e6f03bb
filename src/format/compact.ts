// One line per finding: `file:line:col: severity rule-id message`, for grep and editors. On a
// live database the "file" is the object (`mysql://host/db/table`) and the line is inside its
// SHOW CREATE text.
import { shownMessage, type FileReport } from './types.js';

export function formatCompact(reports: readonly FileReport[]): string {
  let out = '';
  for (const r of reports) {
    for (const f of r.findings) {
      const where =
        f.object === undefined
          ? `${r.filePath}:${f.line}:${f.column}`
          : `${f.object.name}:${f.object.line}:${f.object.column}`;
      out += `${where}: ${f.severity} ${f.ruleId} ${shownMessage(f)}\n`;
    }
  }
  return out;
}
