// The model of a migration assessment (`clustrix-lint report`) from the inputs the CLI read: each
// input assessed for its target, or for both targets of --compare-targets with what changes
// between them. A live database is two parts, as check reports it: its server (the server rules
// on what it reports about itself) and its schema script, with the index statistics check uses.
import { getTarget } from '../core/catalog/index.js';
import { settingsFor, type RuleSetting } from '../core/engine.js';
import type { Severity } from '../core/rule.js';
import { statisticsOf } from '../core/statistics.js';
import type { LiveRead } from '../live/check.js';
import { STDIN } from '../node/files.js';
import { allRules, rules, serverRules } from '../../rules/index.js';
import { assessFile } from './assess.js';
import { liveParts } from './live.js';
import { compareFiles } from './compare.js';
import type { FileModel, ReportModel } from './model.js';
import { buildReport } from './totals.js';

/** One input to assess (the CLI's InputFile has this shape: see src/commands/inputs.ts). */
export interface ReportInput {
  /** `-` for standard input, which can be streamed only once. */
  readonly input: { readonly path: string };
  /** The name the report uses. */
  readonly name: string;
  readonly target: string;
  readonly settings: Readonly<Record<string, RuleSetting>>;
  /** For a live database: what was read from the server. */
  readonly live?: LiveRead;
  /** The whole script. */
  readonly sql: () => string;
  /** The script as a stream of chunks (a new stream each call, but for standard input). */
  readonly stream: () => AsyncIterable<Uint8Array>;
}

export interface BuildOptions {
  /** --compare-targets A,B: assess for B and show what changes from A; null: each input's own target. */
  readonly compare: readonly [string, string] | null;
  /** Honour clustrix-lint-disable comments. */
  readonly inlineDirectives: boolean;
  /** Report disable comments that suppress nothing, at this severity. */
  readonly reportUnusedDirectives?: Severity;
  /** A rule's page (rules/<id>.md), if there is one. */
  readonly docs: (ruleId: string) => string | undefined;
  /** The version of clustrix-lint the report names. */
  readonly version: string;
}

/** A text as a stream of one chunk. */
async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** The model of a script input assessed for `target`. */
function assessScript(
  u: ReportInput,
  target: string,
  input: AsyncIterable<Uint8Array | string>,
  options: BuildOptions,
): Promise<FileModel> {
  return assessFile(rules, input, {
    filePath: u.name,
    target,
    rules: u.settings,
    inlineDirectives: options.inlineDirectives,
    reportUnusedDirectives: options.reportUnusedDirectives,
  });
}

/** The two parts of a live database assessed for `target`: its server and its schema script. */
async function assessLive(u: ReportInput, live: LiveRead, target: string, options: BuildOptions): Promise<FileModel[]> {
  const [schema, server] = await Promise.all([
    assessFile(rules, u.stream(), {
      filePath: u.name,
      target,
      rules: settingsFor(rules, allRules, u.settings),
      inlineDirectives: options.inlineDirectives,
      reportUnusedDirectives: options.reportUnusedDirectives,
      statistics: statisticsOf(live.schema),
    }),
    assessFile(serverRules, once(live.script.report.text), {
      filePath: `${live.schema.server.url}/`,
      target,
      rules: settingsFor(serverRules, allRules, u.settings),
      inlineDirectives: options.inlineDirectives,
    }),
  ]);
  return liveParts(live, server, schema);
}

/** Assesses every input (twice with --compare-targets) and builds the report's model. */
export async function buildReportModel(inputs: readonly ReportInput[], options: BuildOptions): Promise<ReportModel> {
  const { compare } = options;
  const files: FileModel[] = [];
  const before: FileModel[] = [];
  for (const u of inputs) {
    if (u.live !== undefined) {
      if (compare !== null) before.push(...(await assessLive(u, u.live, compare[0], options)));
      files.push(...(await assessLive(u, u.live, compare?.[1] ?? u.target, options)));
      continue;
    }
    if (compare === null) {
      files.push(await assessScript(u, u.target, u.stream(), options));
      continue;
    }
    // Two passes over each input: standard input is read once and kept for the second.
    const text = u.input.path === STDIN ? u.sql() : null;
    const input = (): AsyncIterable<Uint8Array | string> => (text === null ? u.stream() : once(text));
    before.push(await assessScript(u, compare[0], input(), options));
    files.push(await assessScript(u, compare[1], input(), options));
  }
  const modelOptions = {
    rules: allRules,
    docs: options.docs,
    version: options.version,
    targetName: (id: string) => getTarget(id).name,
  };
  let comparison = null;
  if (compare !== null) {
    const from = buildReport(before, modelOptions);
    comparison = {
      from: { id: compare[0], name: getTarget(compare[0]).name },
      to: { id: compare[1], name: getTarget(compare[1]).name },
      files: compareFiles(before, files),
      fromTotals: {
        findings: from.totals.findings,
        byFixability: from.totals.byFixability,
        complexity: from.complexity,
      },
    };
  }
  return buildReport(files, modelOptions, comparison);
}
