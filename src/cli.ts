// The command line: yargs wiring, file I/O, report output and exit codes (0 clean, 1 errors
// left, 2 usage/config/IO/internal failure).
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { DEFAULT_TARGET_ID, TARGETS } from './catalog.js';
import { ConfigError, InternalError, SqlSyntaxError } from './errors.js';
import { formatJson } from './format/json.js';
import { formatStylish } from './format/stylish.js';
import type { FileReport } from './format/types.js';
import { check, fix, rules } from './index.js';
import { UsageError, readSqlFile, writeFileAtomic } from './io.js';

interface Streams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

interface CommonArgs {
  files: string[];
  target: string;
  format: 'stylish' | 'json';
  debug: boolean;
}

interface FixArgs extends CommonArgs {
  output?: string;
  write: boolean;
  diff?: string;
  lossy: boolean;
}

function useColor(stream: Streams['stdout'], env: NodeJS.ProcessEnv): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function render(
  reports: FileReport[],
  format: CommonArgs['format'],
  stream: Streams['stdout'],
  env: NodeJS.ProcessEnv,
): string {
  return format === 'json' ? formatJson(reports) : formatStylish(reports, { color: useColor(stream, env) });
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

function runCheck(args: CommonArgs, io: Streams): number {
  const reports: FileReport[] = args.files.map((file) => {
    const sql = readSqlFile(file);
    return { filePath: file, target: args.target, findings: check(sql, { target: args.target, filename: file }) };
  });
  io.stdout.write(render(reports, args.format, io.stdout, io.env));
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function runFix(args: FixArgs, io: Streams): number {
  if (args.output !== undefined && args.write) throw new UsageError('use either -o/--output or --write, not both');
  if (args.output !== undefined && args.files.length !== 1)
    throw new UsageError('-o/--output takes exactly one input file');
  if (args.output !== undefined && args.output !== '-' && sameFile(args.output, args.files[0]!)) {
    throw new UsageError(`${args.output}: -o points at the input; use --write to fix a file in place`);
  }
  const sqlToStdout = args.output === '-' || (args.output === undefined && !args.write && args.diff === undefined);
  if (sqlToStdout && args.files.length !== 1) {
    throw new UsageError('several inputs: use --write to fix them in place, or --diff to review the changes');
  }
  if (sqlToStdout && args.diff === '-')
    throw new UsageError('--diff - and the clean script cannot both go to standard output');

  // Compute everything first: a bad file means nothing at all is written.
  const results = args.files.map((file) => {
    const sql = readSqlFile(file);
    return { file, sql, result: fix(sql, { target: args.target, lossy: args.lossy, filename: file }) };
  });

  const reports: FileReport[] = results.map(({ file, result }) => ({
    filePath: file,
    target: args.target,
    findings: result.remaining,
    applied: result.applied,
    ...(args.format === 'json' && !sqlToStdout ? { output: result.output } : {}),
  }));

  if (args.output !== undefined && args.output !== '-') writeFileAtomic(args.output, results[0]!.result.output);
  if (args.write) {
    for (const { file, sql, result } of results) {
      if (result.output !== sql) writeFileAtomic(file, result.output, file);
    }
  }
  if (args.diff !== undefined) {
    const diff = results.map((r) => r.result.diff).join('');
    if (args.diff === '-') io.stdout.write(diff);
    else writeFileAtomic(args.diff, diff);
  }
  if (sqlToStdout) io.stdout.write(results[0]!.result.output);
  const reportStream = sqlToStdout || args.diff === '-' ? io.stderr : io.stdout;
  reportStream.write(render(reports, args.format, reportStream, io.env));
  return results.some((r) => r.result.remaining.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Where the rule docs live: next to the rule sources, shipped in the package as rules/*.md. */
const RULES_DOC_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

function runRules(format: 'table' | 'json', io: Streams): number {
  if (format === 'json') {
    const out = rules.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      fixable: r.meta.fixable,
      source: r.meta.source,
      docs: `rules/${r.meta.id}.md`,
    }));
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout.write(`${'rule'.padEnd(width)}  severity  fix          description\n`);
  for (const r of rules) {
    const fix = r.meta.fixable.length === 0 ? '-' : r.meta.fixable.join('/');
    io.stdout.write(
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${fix.padEnd(11)}  ${r.meta.description}\n`,
    );
  }
  return 0;
}

function runExplain(id: string, io: Streams): number {
  const rule = rules.find((r) => r.meta.id === id);
  if (rule === undefined) throw new UsageError(`unknown rule "${id}" (see clustrix-lint rules)`);
  io.stdout.write(readFileSync(join(RULES_DOC_DIR, `${id}.md`), 'utf8'));
  return 0;
}

function runTargets(io: Streams): number {
  for (const t of TARGETS)
    io.stdout.write(`${t.id.padEnd(16)}${t.name}${t.id === DEFAULT_TARGET_ID ? '  (default)' : ''}\n`);
  return 0;
}

/** One line for a failure that is not a finding; a stack trace only with --debug. */
function describeFailure(e: unknown, debug: boolean): string {
  if (debug && e instanceof Error && e.stack) return e.stack;
  if (e instanceof UsageError || e instanceof ConfigError) return `clustrix-lint: ${e.message}`;
  if (e instanceof SqlSyntaxError) return e.message;
  if (e instanceof InternalError) return `clustrix-lint: internal error: ${e.message} (run with --debug for details)`;
  return `clustrix-lint: internal error: ${e instanceof Error ? e.message : String(e)} (run with --debug for details)`;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: Streams = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  const targetIds = TARGETS.map((t) => t.id);
  const common = (y: ReturnType<typeof yargs>) =>
    y
      .positional('files', {
        describe: 'SQL scripts',
        type: 'string',
        array: true,
        demandOption: 'give at least one SQL file',
      })
      .option('target', {
        alias: 't',
        describe: 'ClustrixDB/Xpand version to check against',
        choices: targetIds,
        default: DEFAULT_TARGET_ID,
      })
      .option('format', {
        alias: 'f',
        describe: 'report format',
        choices: ['stylish', 'json'] as const,
        default: 'stylish' as const,
      });
  try {
    const parser = yargs()
      .scriptName('clustrix-lint')
      .usage('$0 [check] FILES… | $0 fix FILES… [-o FILE | --write] [--diff FILE|-] [--lossy]')
      .command(
        ['check <files..>', '$0 <files..>'],
        'report what the target rejects or treats differently',
        common,
        (a) => {
          exitCode = runCheck(a as unknown as CommonArgs, io);
        },
      )
      .command(
        'fix <files..>',
        'write a clean script (to stdout, -o FILE or --write) and optionally a diff report',
        (y) =>
          common(y)
            .option('output', {
              alias: 'o',
              describe: 'write the clean script here (one input; - for stdout)',
              type: 'string',
              nargs: 1,
            })
            .option('write', { describe: 'fix the input files in place', type: 'boolean', default: false })
            .option('diff', {
              describe: 'write a unified diff of the changes to FILE, or - for stdout',
              type: 'string',
              nargs: 1,
            })
            .option('lossy', {
              describe: 'also apply fixes that drop a feature the target lacks',
              type: 'boolean',
              default: false,
            }),
        (a) => {
          exitCode = runFix(a as unknown as FixArgs, io);
        },
      )
      .command('targets', 'list the ClustrixDB/Xpand versions known to the catalog', {}, () => {
        exitCode = runTargets(io);
      })
      .command(
        'rules',
        'list the rules',
        (y) => y.option('format', { alias: 'f', choices: ['table', 'json'] as const, default: 'table' as const }),
        (a) => {
          exitCode = runRules(a.format, io);
        },
      )
      .command(
        'explain <rule>',
        "print a rule's documentation",
        (y) => y.positional('rule', { type: 'string', demandOption: true }),
        (a) => {
          exitCode = runExplain(a.rule, io);
        },
      )
      .option('debug', { describe: 'print stack traces for internal errors', type: 'boolean', default: false })
      .strict()
      .help()
      .version()
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .exitProcess(false)
      .fail((msg, err) => {
        // yargs spreads some messages over lines; the contract is one line.
        throw err ?? new UsageError(msg.replace(/\s*\n\s*/g, ' '));
      })
      .showHelpOnFail(false);
    const parsed = await parser.parseAsync([...argv], {}, (err, _argv, output) => {
      if (output && !err) io.stdout.write(output + '\n');
    });
    debug = Boolean((parsed as { debug?: boolean }).debug);
    return exitCode;
  } catch (e) {
    io.stderr.write(describeFailure(e, debug) + '\n');
    return 2;
  }
}
