// `clustrix-lint report`: a migration assessment of the inputs for one target (or what changes
// between two), as one self-contained HTML page or as markdown for pull requests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getTarget } from '../catalog.js';
import { STDIN } from '../files.js';
import { rules } from '../index.js';
import { UsageError, writeFileAtomic } from '../io.js';
import { assessFile } from '../report/assess.js';
import { buildReport, compareFiles, type FileModel, type ReportModel } from '../report/model.js';
import {
  PACKAGE_JSON,
  lintOptions,
  ruleDoc,
  units,
  type CommandSpec,
  type CommonArgs,
  type Streams,
  type Unit,
} from './shared.js';

export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs {
  files: string[];
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
  const files: FileModel[] = [];
  const before: FileModel[] = [];
  for (const u of all) {
    if (compare === null) {
      files.push(await assess(u, u.target, u.stream()));
      continue;
    }
    // Two passes over each input: standard input is read once and kept for the second.
    const text = u.input.path === STDIN ? u.sql() : null;
    const input = (): AsyncIterable<Uint8Array | string> =>
      text === null
        ? u.stream()
        : (async function* () {
            yield text;
          })();
    before.push(await assess(u, compare[0], input()));
    files.push(await assess(u, compare[1], input()));
  }
  const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  const options = { rules, docs: ruleDoc, version, targetName: (id: string) => getTarget(id).name };
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
      ? (await import('../report/markdown.js')).renderMarkdown(model)
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
