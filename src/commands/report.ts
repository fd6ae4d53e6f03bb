// `clustrix-lint report`: a migration assessment of the inputs for one target (or what changes
// between two), as one self-contained HTML page or as markdown for pull requests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getTarget } from '../core/catalog.js';
import { STDIN } from '../node/files.js';
import { allRules, serverRules } from '../../rules/index.js';
import { settingsFor } from '../core/engine.js';
import { rules } from '../index.js';
import type { LiveRead } from '../live/check.js';
import type { ServerFlags } from '../live/connect.js';
import { statisticsOf } from '../core/statistics.js';
import { UsageError, writeFileAtomic } from '../node/io.js';
import { assessFile } from '../report/assess.js';
import { liveParts } from '../report/live.js';
import { compareFiles } from '../report/compare.js';
import type { FileModel, ReportModel } from '../report/model.js';
import { buildReport } from '../report/totals.js';
import {
  ALL_DATABASES_OPTION,
  PACKAGE_JSON,
  lintOptions,
  ruleDoc,
  serverOptions,
  units,
  type CommandSpec,
  type CommonArgs,
  type Streams,
  type Unit,
} from './shared.js';

export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs extends ServerFlags {
  files: string[];
  /** With a server URL that names no database: read every database but the system ones. */
  allDatabases?: boolean;
  target?: string;
  config?: string | false;
  rule: string[];
  inlineConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  stdin: boolean;
  stdinFilename?: string;
  output?: string;
  format?: ReportFormat;
  compareTargets?: string;
}

/** `A,B` → the two target ids, checked. */
function parseCompare(value: string): [string, string] {
  const ids = value.split(',').map((s) => s.trim());
  if (ids.length !== 2 || ids.some((id) => id === '')) {
    throw new UsageError(`--compare-targets ${value}: expected two target ids, e.g. clustrixdb-9.2,xpand-23.09`);
  }
  const [a, b] = ids.map((id) => {
    try {
      return getTarget(id).id;
    } catch (e) {
      throw new UsageError(`--compare-targets: ${(e as Error).message}`);
    }
  }) as [string, string];
  if (a === b) throw new UsageError(`--compare-targets ${value}: name two different targets`);
  return [a, b];
}

/** A text as a stream of one chunk. */
async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** The format asked for, or the one the output file's name says (.md, .markdown), else HTML. */
function formatOf(args: ReportArgs): ReportFormat {
  if (args.format !== undefined) return args.format;
  return args.output !== undefined && /\.(md|markdown)$/i.test(args.output) ? 'markdown' : 'html';
}

export async function buildReportModel(args: ReportArgs, io: Streams): Promise<ReportModel> {
  if (args.compareTargets !== undefined && args.target !== undefined) {
    throw new UsageError('use either --target or --compare-targets, not both');
  }
  const compare = args.compareTargets === undefined ? null : parseCompare(args.compareTargets);
  const common: CommonArgs = {
    files: args.files,
    target: compare?.[1] ?? args.target,
    format: 'json',
    config: args.config,
    rule: args.rule,
    inlineConfig: args.inlineConfig,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    maxWarnings: -1,
    quiet: false,
    stdin: args.stdin,
    stdinFilename: args.stdinFilename,
    socket: args.socket,
    passwordFile: args.passwordFile,
    connectTimeout: args.connectTimeout,
    tls: args.tls,
    tlsCa: args.tlsCa,
    allDatabases: args.allDatabases,
  };
  const all = await units(common, io);
  const assess = (u: Unit, target: string, input: AsyncIterable<Uint8Array | string>) => {
    const o = lintOptions(common, u);
    return assessFile(rules, input, {
      filePath: u.name,
      target,
      rules: o.rules,
      inlineDirectives: o.inlineDirectives,
      reportUnusedDirectives: o.reportUnusedDirectives,
    });
  };
  // A live database is two parts, as check reports it: its server (the server rules on what it
  // reports about itself) and its schema script, with the index statistics check uses.
  const assessLive = async (u: Unit, live: LiveRead, target: string): Promise<FileModel[]> => {
    const o = lintOptions(common, u);
    const [schema, server] = await Promise.all([
      assessFile(rules, u.stream(), {
        filePath: u.name,
        target,
        rules: settingsFor(rules, allRules, o.rules),
        inlineDirectives: o.inlineDirectives,
        reportUnusedDirectives: o.reportUnusedDirectives,
        statistics: statisticsOf(live.schema),
      }),
      assessFile(serverRules, once(live.script.report.text), {
        filePath: `${live.schema.server.url}/`,
        target,
        rules: settingsFor(serverRules, allRules, o.rules),
        inlineDirectives: o.inlineDirectives,
      }),
    ]);
    return liveParts(live, server, schema);
  };
  const files: FileModel[] = [];
  const before: FileModel[] = [];
  for (const u of all) {
    if (u.live !== undefined) {
      if (compare !== null) before.push(...(await assessLive(u, u.live, compare[0])));
      files.push(...(await assessLive(u, u.live, compare?.[1] ?? u.target)));
      continue;
    }
    if (compare === null) {
      files.push(await assess(u, u.target, u.stream()));
      continue;
    }
    // Two passes over each input: standard input is read once and kept for the second.
    const text = u.input.path === STDIN ? u.sql() : null;
    const input = (): AsyncIterable<Uint8Array | string> => (text === null ? u.stream() : once(text));
    before.push(await assess(u, compare[0], input()));
    files.push(await assess(u, compare[1], input()));
  }
  const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  const options = { rules: allRules, docs: ruleDoc, version, targetName: (id: string) => getTarget(id).name };
  let comparison = null;
  if (compare !== null) {
    const from = buildReport(before, options);
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
  return buildReport(files, options, comparison);
}

export async function runReport(args: ReportArgs, io: Streams): Promise<number> {
  const format = formatOf(args);
  const model = await buildReportModel(args, io);
  const text =
    format === 'markdown'
      ? (await import('../report/markdown.js')).markdownReport(model)
      : (await import('../report/html.js')).renderHtml(model);
  if (args.output === undefined || args.output === '-') io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, args.output), text);
  for (const f of model.files) {
    if (f.error !== null) io.stderr.write(`clustrix-lint: not assessed: ${f.error}\n`);
  }
  return 0;
}

export const reportCommand: CommandSpec<ReportArgs> = {
  command: 'report [files..]',
  describe: 'write a migration assessment (HTML page, or markdown for pull requests)',
  builder: (y, _common, inputs) =>
    inputs(y)
      .options(serverOptions())
      .option('all-databases', ALL_DATABASES_OPTION)
      .option('output', {
        alias: 'o',
        describe: 'write the report to FILE (default: standard output)',
        type: 'string',
        nargs: 1,
      })
      .option('format', {
        alias: 'f',
        describe: 'html (one self-contained page) or markdown; default: from the -o name, else html',
        choices: REPORT_FORMATS,
      })
      .option('compare-targets', {
        describe: 'A,B: assess for B and show what changes from A (findings that appear or go away)',
        type: 'string',
        nargs: 1,
      }),
  run: runReport,
};
