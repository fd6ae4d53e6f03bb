// One line per finding: `file:line:col: severity rule-id message`, for grep and editors.
import type { FileRecords } from './records.js';
import { Buffered, type Out } from './types.js';

export async function writeCompact(files: readonly FileRecords[], out: Out): Promise<void> {
  const b = new Buffered(out);
  for (const r of files) {
    for await (const f of r.findings!) {
      await b.write(`${r.filePath}:${f.line}:${f.column}: ${f.severity} ${f.ruleId} ${f.message}\n`);
    }
  }
  await b.flush();
}
