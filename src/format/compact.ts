// One line per finding: `file:line:col: severity rule-id message`, for grep and editors. On a
// live database the "file" is the object (`mysql://host/db/table`) and the line is inside its
// SHOW CREATE text.
import type { FileRecords } from './records.js';
import { Buffered, shownMessage, type Out } from './types.js';

export async function writeCompact(files: readonly FileRecords[], out: Out): Promise<void> {
  const b = new Buffered(out);
  for (const r of files) {
    for await (const f of r.findings!) {
      const where =
        f.object === undefined
          ? `${r.filePath}:${f.line}:${f.column}`
          : `${f.object.name}:${f.object.line}:${f.object.column}`;
      await b.write(`${where}: ${f.severity} ${f.ruleId} ${shownMessage(f)}\n`);
    }
  }
  await b.flush();
}
