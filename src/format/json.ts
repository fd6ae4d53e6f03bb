// JSON report: an array with one object per file or live database (stable keys, no absolute
// paths added), written record by record: the text is exactly JSON.stringify(report, null, 2),
// without holding it. On a live database each finding also has `objectName` and `objectType`,
// its line and column are inside that object's SHOW CREATE text, and the report carries `live`:
// the server and the information_schema facts of every object. In a report of `fix`, every line
// and column is in the input; a finding fix left also has `output`, its place in the clean script.
import { liveFacts } from '../live/facts.js';
import type { ObjectLocation } from '../live/types.js';
import type { FileRecords } from './records.js';
import { Buffered, type Out, type ReportApplied, type ReportFinding } from './types.js';

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
    // A finding `fix` left: where it is in the clean script (the positions above are in the input).
    ...(f.output === undefined
      ? {}
      : {
          output: {
            line: f.output.line,
            column: f.output.column,
            endLine: f.output.endLine,
            endColumn: f.output.endColumn,
          },
        }),
    fix:
      f.fix === null
        ? null
        : {
            kind: f.fix.kind,
            title: f.fix.title,
            edits: f.fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
          },
    ...(f.unfixed === undefined ? {} : { unfixed: f.unfixed }),
    ...(f.fatal === true ? { fatal: true } : {}),
  };
}

export type JsonFinding = ReturnType<typeof jsonFinding>;

const jsonApplied = (a: ReportApplied) => ({
  ruleId: a.ruleId,
  kind: a.kind,
  title: a.title,
  pass: a.pass,
  ...(a.object === undefined
    ? { line: a.line, column: a.column }
    : { objectName: a.object.name, objectType: a.object.type, line: a.object.line, column: a.object.column }),
  edits: a.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
});

/** Writes `items` as a JSON array whose key sits at `indent` spaces, as JSON.stringify(…, null, 2) would. */
export async function writeJsonArray<T>(
  b: Buffered,
  items: AsyncIterable<T>,
  toJson: (x: T) => unknown,
  indent: number,
): Promise<void> {
  const pad = ' '.repeat(indent + 2);
  let first = true;
  for await (const x of items) {
    await b.write((first ? '[\n' : ',\n') + pad + JSON.stringify(toJson(x), null, 2).replace(/\n/g, '\n' + pad));
    first = false;
  }
  await b.write(first ? '[]' : '\n' + ' '.repeat(indent) + ']');
}

async function* iterate<T>(list: readonly T[]): AsyncGenerator<T> {
  yield* list;
}

export async function writeJson(files: readonly FileRecords[], out: Out): Promise<void> {
  const b = new Buffered(out);
  if (files.length === 0) await b.write('[]\n');
  else {
    await b.write('[\n');
    for (let i = 0; i < files.length; i++) {
      const r = files[i]!;
      const c = r.counts;
      await b.write(
        `  {\n    "filePath": ${JSON.stringify(r.filePath)},\n    "target": ${JSON.stringify(r.target)},\n    "findings": `,
      );
      await writeJsonArray(b, r.findings!, jsonFinding, 4);
      await b.write(
        `,\n    "errorCount": ${c.errorCount},\n    "warningCount": ${c.warningCount},\n    "infoCount": ${c.infoCount},\n    "adviceCount": ${c.adviceCount},\n    "suggestionCount": ${c.suggestionCount}`,
      );
      if (r.options.fix === true) {
        // Suggestions not applied whose subject another fix removed (positioned in the input).
        await b.write(',\n    "superseded": ');
        await writeJsonArray(b, iterate(r.supersededList), jsonFinding, 4);
      }
      if (r.appliedList !== null) {
        await b.write(',\n    "applied": ');
        await writeJsonArray(b, r.appliedList, jsonApplied, 4);
      }
      if (r.output !== null) {
        await b.write(',\n    "output": "');
        for await (const text of r.output()) await b.write(JSON.stringify(text).slice(1, -1));
        await b.write('"');
      }
      if (r.live !== null) {
        await b.write(',\n    "live": ');
        await b.write(JSON.stringify(liveFacts(r.live), null, 2).replace(/\n/g, '\n    '));
      }
      await b.write(i < files.length - 1 ? '\n  },\n' : '\n  }\n');
    }
    await b.write(']\n');
  }
  await b.flush();
}
