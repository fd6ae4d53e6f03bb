// `clustrix-lint report`: a migration assessment of the inputs for one target (or what changes
// between two), as one self-contained HTML page or as markdown for pull requests. The model is
// built in src/report/build.ts; this module reads the flags and the inputs and writes the page.
import { resolve } from 'node:path';
import { getTarget } from '../core/catalog/index.js';
import { UsageError, writeFileAtomic } from '../node/io.js';
import { packageVersion, ruleDoc } from '../node/package.js';
import type { Streams } from '../node/streams.js';
import { buildReportModel } from '../report/build.js';
import type { ReportModel } from '../report/model.js';
import { directiveOptions, readInputs } from './inputs.js';
import {
  ALL_DATABASES_OPTION,
  FILES_POSITIONAL,
  INPUT_OPTIONS,
  SERVER_OPTIONS,
  type CommandSpec,
  type InputArgs,
} from './options.js';

export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs extends InputArgs {
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

/** Reads the inputs (for the target of --compare-targets, if given) and assesses them. */
async function assessInputs(args: ReportArgs, io: Streams): Promise<ReportModel> {
  if (args.compareTargets !== undefined && args.target !== undefined) {
    throw new UsageError('use either --target or --compare-targets, not both');
  }
  const compare = args.compareTargets === undefined ? null : parseCompare(args.compareTargets);
  const inputArgs: InputArgs = { ...args, target: compare?.[1] ?? args.target };
  const inputs = await readInputs(inputArgs, io);
  return buildReportModel(inputs, {
    compare,
    ...directiveOptions(inputArgs),
    docs: ruleDoc,
    version: packageVersion(),
  });
}

export async function runReport(args: ReportArgs, io: Streams): Promise<number> {
  const format = formatOf(args);
  const model = await assessInputs(args, io);
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
  positionals: FILES_POSITIONAL,
  options: {
    ...INPUT_OPTIONS,
    ...SERVER_OPTIONS,
    ...ALL_DATABASES_OPTION,
    output: { alias: 'o', describe: 'write the report to FILE (default: standard output)', type: 'string', nargs: 1 },
    format: {
      alias: 'f',
      describe: 'html (one self-contained page) or markdown; default: from the -o name, else html',
      choices: REPORT_FORMATS,
    },
    'compare-targets': {
      describe: 'A,B: assess for B and show what changes from A (findings that appear or go away)',
      type: 'string',
      nargs: 1,
    },
  },
  run: runReport,
};
