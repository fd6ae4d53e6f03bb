// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps): rules with their help, results with
// regions and fixes, and suppressed findings kept as suppressed results so waivers stay visible.
// A finding on a live database is located on its object: a logical location (the table, view,
// routine, … by its `mysql://host/db/name`) and a region inside its SHOW CREATE text.
// Written result by result: the text is exactly JSON.stringify(log, null, 2).
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Rule } from '../core/rule.js';
import { writeJsonArray } from './json.js';
import type { FileRecords } from './records.js';
import { Buffered, type Out, type ReportFinding as Finding } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  readonly rules: readonly Rule[];
  readonly version: string;
  /** The markdown documentation of a rule, if available. */
  readonly docs: (ruleId: string) => string | undefined;
}

/** An artifact URI: relative paths stay relative (to the SRCROOT base), absolute become file:// URIs. */
function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

const RESULTS = '\u0000results\u0000';

/** The tool's description of a rule (a SARIF reportingDescriptor), with its page as help. */
function descriptor(rule: Rule, docs: SarifOptions['docs']) {
  const markdown = docs(rule.meta.id);
  return {
    id: rule.meta.id,
    shortDescription: { text: rule.meta.description },
    // The vendor page the rule rests on; the rule's own page travels in `help`.
    helpUri: rule.meta.source.url,
    ...(markdown === undefined ? {} : { help: { text: rule.meta.description, markdown } }),
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: {
      fixable: rule.meta.fixable,
      evidence: rule.meta.source.evidence,
      category: rule.meta.category ?? 'compatibility',
      // Code scanning filters on tags: advice is a recommendation, not a defect.
      tags: [rule.meta.category ?? 'compatibility'],
    },
  };
}

/**
 * An input that could not be read or tokenized: the run did not fully succeed, and the
 * notification says where (its finding is among the results too, as `syntax-error`).
 */
function failedInvocations(files: readonly FileRecords[]) {
  const fatal = files.flatMap((r) => (r.fatal === null ? [] : [{ file: r.filePath, ...r.fatal }]));
  if (fatal.length === 0) return {};
  const uriOf = (file: string) => ({
    uri: artifactUri(file),
    ...(isAbsolute(file) ? {} : { uriBaseId: '%SRCROOT%' }),
  });
  return {
    invocations: [
      {
        executionSuccessful: false,
        toolExecutionNotifications: fatal.map(({ file, finding: f, message }) => ({
          level: 'error',
          message: { text: message },
          descriptor: { id: f.ruleId },
          locations: [
            {
              physicalLocation: {
                artifactLocation: uriOf(file),
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** A finding `fix` left somewhere else in the clean script than in the input (the artifact). */
const moved = (f: Finding) => f.output !== undefined && (f.output.start !== f.start || f.output.end !== f.end);

/** The file a result is in: its path as reported and its artifact URI. */
interface Artifact {
  readonly path: string;
  readonly uri: string;
}

/** Where a finding is: on a live database its object, else its place in the file. */
function locationOf(f: Finding, file: Artifact) {
  const o = f.object;
  if (o === undefined) {
    return {
      physicalLocation: {
        artifactLocation: { uri: file.uri, uriBaseId: isAbsolute(file.path) ? undefined : '%SRCROOT%' },
        region: {
          startLine: f.line,
          startColumn: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          // Where an unreadable input went wrong is known by line and column only.
          ...(f.fatal === true ? {} : { charOffset: f.start, charLength: f.end - f.start }),
        },
      },
    };
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(o.name) },
      region: { startLine: o.line, startColumn: o.column, endLine: o.endLine, endColumn: o.endColumn },
    },
    logicalLocations: [{ fullyQualifiedName: o.name, name: o.object ?? o.database ?? o.name, kind: o.type }],
  };
}

/** A finding as a SARIF result (`index`: each rule's place among the tool's rules). */
function resultOf(f: Finding, file: Artifact, index: ReadonlyMap<string, number>) {
  return {
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [locationOf(f, file)],
    ...(f.unfixed === undefined && f.category === undefined
      ? {}
      : {
          properties: {
            ...(f.category === undefined ? {} : { category: f.category }),
            ...(f.unfixed === undefined ? {} : { unfixed: f.unfixed }),
          },
        }),
    // The fix of a finding on a live database edits the schema script read from it, not an
    // artifact a SARIF viewer can open: `clustrix-lint fix mysql://…` applies it. The fix of a
    // finding `fix` left edits the clean script: given only where that is the input's text still.
    ...(f.fix === null || f.object !== undefined || moved(f)
      ? {}
      : {
          fixes: [
            {
              description: { text: `${f.fix.title} (${f.fix.kind})` },
              // A suggestion changes behaviour: tools that apply fixes must not take it silently.
              properties: { kind: f.fix.kind },
              artifactChanges: [
                {
                  artifactLocation: { uri: file.uri },
                  replacements: f.fix.edits.map((e) => ({
                    deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                    insertedContent: { text: e.text },
                  })),
                },
              ],
            },
          ],
        }),
  };
}

/** Every result of every file, suppressed findings last in each file (marked suppressed). */
async function* resultsOf(files: readonly FileRecords[], index: ReadonlyMap<string, number>): AsyncGenerator<unknown> {
  for (const r of files) {
    const file = { path: r.filePath, uri: artifactUri(r.filePath) };
    for await (const f of r.findings!) yield resultOf(f, file, index);
    for await (const s of r.suppressedList ?? []) {
      yield {
        ...resultOf(s.finding, file, index),
        suppressions: [{ kind: 'inSource', ...(s.reason === null ? {} : { justification: s.reason }) }],
      };
    }
  }
}

export async function writeSarif(files: readonly FileRecords[], out: Out, options: SarifOptions): Promise<void> {
  const index = new Map(options.rules.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clustrix-lint',
            version: options.version,
            informationUri: 'https://www.npmjs.com/package/clustrix-lint',
            rules: options.rules.map((rule) => descriptor(rule, options.docs)),
          },
        },
        ...failedInvocations(files),
        results: RESULTS,
      },
    ],
  };
  // The results are written one by one where the placeholder stands.
  const [head, tail] = (JSON.stringify(log, null, 2) + '\n').split(JSON.stringify(RESULTS)) as [string, string];
  const b = new Buffered(out);
  await b.write(head);
  await writeJsonArray(b, resultsOf(files, index), (x) => x, 6);
  await b.write(tail);
  await b.flush();
}
