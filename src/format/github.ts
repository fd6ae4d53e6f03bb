// GitHub Actions workflow commands: each finding becomes an annotation on the pull request. A
// finding on a live database has no file to annotate: it names its object in the message and
// the annotation goes on the workflow run.
import type { FileRecords } from './records.js';
import { Buffered, shownMessage, type Out } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping from the workflow-command spec: data escapes %, CR, LF; properties also : and ,. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export async function writeGithub(files: readonly FileRecords[], out: Out): Promise<void> {
  const b = new Buffered(out);
  for (const r of files) {
    for await (const f of r.findings!) {
      if (f.object !== undefined) {
        const o = f.object;
        await b.write(
          `::${LEVEL[f.severity]} title=${escapeProperty(f.ruleId)}::${escapeData(`${o.name}:${o.line}:${o.column}: ${shownMessage(f)}`)}\n`,
        );
        continue;
      }
      const props = [
        `file=${escapeProperty(r.filePath)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      await b.write(`::${LEVEL[f.severity]} ${props}::${escapeData(shownMessage(f))}\n`);
    }
  }
  await b.flush();
}
