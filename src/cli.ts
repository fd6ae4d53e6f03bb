// The command line: yargs wiring, inputs, config, report output and exit codes (0 clean, 1
// errors left or too many warnings, 2 usage/config/IO/internal failure).
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import {
  baselineEntries,
  baselineName,
  filterByBaseline,
  fingerprints,
  readBaseline,
  type BaselineEntry,
} from './baseline.js';
import { DEFAULT_TARGET_ID, TARGETS } from './catalog.js';
import { ConfigFinder, EMPTY_CONFIG, loadConfigFile, parseSeverity, type Config } from './config.js';
import type { RuleSetting } from './engine.js';
import { ConfigError, InternalError, SqlSyntaxError } from './errors.js';
import { IgnoreList, STDIN, expandInputs, type Input } from './files.js';
import type { FileReport } from './format/types.js';
import { checkDetailed, checkStream, fix, fixStream, rules } from './index.js';
import { AtomicWriter, UsageError, decodeSql, openSqlStream, readSqlFile, writeFileAtomic } from './io.js';
import type { Finding } from './rule.js';

export interface Streams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Reads all of standard input. */
  readonly readStdin: () => Buffer;
  /** Standard input as a stream of chunks. */
  readonly stdinStream: () => AsyncIterable<Uint8Array>;
  readonly cwd: string;
}

const FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface CommonArgs {
  files: string[];
  target?: string;
  format: Format;
  outputFile?: string;
  config?: string | false;
  rule: string[];
  inlineConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  maxWarnings: number;
  quiet: boolean;
  baseline?: string;
  baselineWrite?: string;
  stdin: boolean;
  stdinFilename?: string;
}

interface FixArgs extends CommonArgs {
  output?: string;
  write: boolean;
  diff?: string;
  lossy: boolean;
}

/** Where the rule docs live: next to the rule sources, shipped in the package as rules/*.md. */
const RULES_DOC_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

function useColor(stream: Streams['stdout'], env: NodeJS.ProcessEnv): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function ruleDoc(id: string): string | undefined {
  try {
    return readFileSync(join(RULES_DOC_DIR, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** Formats a report, loading only the formatter asked for (chalk only for stylish, and so on). */
async function render(reports: FileReport[], format: Format, color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./format/json.js')).formatJson(reports);
    case 'compact':
      return (await import('./format/compact.js')).formatCompact(reports);
    case 'github':
      return (await import('./format/github.js')).formatGithub(reports);
    case 'junit':
      return (await import('./format/junit.js')).formatJunit(reports);
    case 'sarif': {
      const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
      return (await import('./format/sarif.js')).formatSarif(reports, { rules, version, docs: ruleDoc });
    }
    default:
      return (await import('./format/stylish.js')).formatStylish(reports, { color });
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Settings from repeated `--rule id:severity`. */
function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const ids = new Set(rules.map((r) => r.meta.id));
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf(':');
    const id = at < 0 ? flag : flag.slice(0, at);
    if (at < 0) throw new UsageError(`--rule ${flag}: expected rule-id:severity`);
    if (!ids.has(id)) throw new UsageError(`--rule ${flag}: unknown rule "${id}"`);
    out[id] = parseSeverity(flag.slice(at + 1), `--rule ${flag}`);
  }
  return out;
}

/** Everything decided once per run: inputs, config lookup, ignore lists, rule flags. */
interface Plan {
  readonly inputs: Input[];
  readonly configFor: (path: string) => Config;
  readonly ignored: (input: Input, config: Config) => boolean;
  readonly ruleFlags: Record<string, RuleSetting>;
}

function plan(args: CommonArgs, io: Streams): Plan {
  const fileArgs = args.stdin ? [...args.files, STDIN] : args.files;
  if (fileArgs.length === 0) throw new UsageError('give at least one SQL file, directory or glob (or - / --stdin)');
  if (args.stdinFilename !== undefined && !fileArgs.includes(STDIN))
    throw new UsageError('--stdin-filename needs --stdin or -');
  const inputs = expandInputs(fileArgs, io.cwd);
  let configFor: (path: string) => Config;
  if (args.config === false) configFor = () => EMPTY_CONFIG;
  else if (typeof args.config === 'string') {
    const config = loadConfigFile(resolve(io.cwd, args.config), rules);
    configFor = () => config;
  } else {
    const finder = new ConfigFinder(rules);
    configFor = (path) => finder.forFile(resolve(io.cwd, path));
  }
  const ignoreFile = IgnoreList.fromIgnoreFile(io.cwd);
  const ignored = (input: Input, config: Config): boolean => {
    const path = input.path === STDIN ? args.stdinFilename : input.path;
    if (path === undefined) return false;
    const abs = resolve(io.cwd, path);
    if (ignoreFile?.ignores(abs)) return true;
    return config.ignore.length > 0 && new IgnoreList(config.baseDir, config.ignore).ignores(abs);
  };
  return { inputs, configFor, ignored, ruleFlags: parseRuleFlags(args.rule) };
}

interface Unit {
  readonly input: Input;
  /** The name reports use: the path, or --stdin-filename, or <stdin>. */
  readonly name: string;
  /** The whole script (read on first use). */
  readonly sql: () => string;
  /** The script as a stream of chunks, for constant-memory checking and fixing. */
  readonly stream: () => AsyncIterable<Uint8Array>;
  readonly target: string;
  readonly settings: Record<string, RuleSetting>;
}

/** Every input that is not ignored, with its config resolved; nothing is read yet. */
function units(args: CommonArgs, io: Streams): Unit[] {
  const p = plan(args, io);
  const out: Unit[] = [];
  let stdinText: string | undefined;
  for (const input of p.inputs) {
    const name = input.path === STDIN ? (args.stdinFilename ?? '<stdin>') : input.path;
    const configPath = input.path === STDIN ? (args.stdinFilename ?? join(io.cwd, '<stdin>')) : input.path;
    const config = p.configFor(configPath);
    if (p.ignored(input, config)) continue;
    const path = resolve(io.cwd, input.path);
    let text: string | undefined;
    const sql =
      input.path === STDIN
        ? () => (stdinText ??= decodeSql(io.readStdin(), name))
        : () => (text ??= readSqlFile(path, input.path));
    const stream = input.path === STDIN ? io.stdinStream : () => openSqlStream(path, input.path);
    const target = args.target ?? config.target ?? DEFAULT_TARGET_ID;
    out.push({ input, name, sql, stream, target, settings: { ...config.rules, ...p.ruleFlags } });
  }
  return out;
}

/** Applies the baseline (reading or writing it), --quiet, and reports; returns the exit code. */
async function finish(
  reports: FileReport[],
  sqlOf: Map<FileReport, string>,
  args: CommonArgs,
  io: Streams,
  reportStream: Streams['stdout'],
): Promise<number> {
  if (args.baselineWrite !== undefined) {
    const entries: BaselineEntry[] = [];
    for (const r of reports) {
      const name = baselineName(resolve(io.cwd, r.filePath), resolve(io.cwd, args.baselineWrite));
      entries.push(...baselineEntries(name, r.findings, fingerprints(sqlOf.get(r)!, r.findings)));
    }
    writeFileAtomic(
      resolve(io.cwd, args.baselineWrite),
      JSON.stringify({ version: 1, findings: entries }, null, 2) + '\n',
    );
  }
  const baselinePath = args.baseline ?? args.baselineWrite;
  let shown = reports;
  if (baselinePath !== undefined) {
    const baseline = readBaseline(resolve(io.cwd, baselinePath));
    shown = reports.map((r) => {
      const name = baselineName(resolve(io.cwd, r.filePath), resolve(io.cwd, baselinePath));
      const findings = filterByBaseline(baseline, name, r.findings, fingerprints(sqlOf.get(r)!, r.findings));
      return { ...r, findings };
    });
  }
  const all = shown.flatMap((r) => r.findings as Finding[]);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (args.quiet) shown = shown.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const stream = args.outputFile === undefined ? reportStream : undefined;
  const text = await render(shown, args.format, stream !== undefined && useColor(stream, io.env));
  if (args.outputFile !== undefined) writeFileAtomic(resolve(io.cwd, args.outputFile), text);
  else reportStream.write(text);
  if (errors > 0) return 1;
  if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr.write(`clustrix-lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function lintOptions(args: CommonArgs, u: Unit) {
  return {
    target: u.target,
    filename: u.name,
    rules: u.settings,
    inlineDirectives: args.inlineConfig,
    reportUnusedDirectives: args.reportUnusedDisableDirectives ? ('warning' as const) : undefined,
  };
}

/** Whole-text processing is needed for baselines (fingerprints), SARIF suppressions, JSON output and diffs. */
function needsWholeText(args: CommonArgs & { diff?: string }): boolean {
  return (
    args.baseline !== undefined ||
    args.baselineWrite !== undefined ||
    args.format === 'sarif' ||
    args.format === 'json' ||
    args.diff !== undefined
  );
}

async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const sqlOf = new Map<FileReport, string>();
  const reports: FileReport[] = [];
  for (const u of units(args, io)) {
    if (needsWholeText(args)) {
      const sql = u.sql();
      const result = checkDetailed(sql, lintOptions(args, u));
      const report: FileReport = {
        filePath: u.name,
        target: u.target,
        findings: result.findings,
        suppressed: result.suppressed,
      };
      sqlOf.set(report, sql);
      reports.push(report);
    } else {
      const findings = await checkStream(u.stream(), lintOptions(args, u));
      reports.push({ filePath: u.name, target: u.target, findings });
    }
  }
  return finish(reports, sqlOf, args, io, io.stdout);
}

async function runFix(args: FixArgs, io: Streams): Promise<number> {
  if (args.output !== undefined && args.write) throw new UsageError('use either -o/--output or --write, not both');
  const all = units(args, io);
  const usesStdin = all.some((u) => u.input.path === STDIN);
  if (args.write && usesStdin) throw new UsageError('--write cannot write to standard input; use -o');
  if (args.output !== undefined && all.length !== 1) throw new UsageError('-o/--output takes exactly one input file');
  if (
    args.output !== undefined &&
    args.output !== '-' &&
    !usesStdin &&
    sameFile(resolve(io.cwd, args.output), resolve(io.cwd, all[0]!.input.path))
  ) {
    throw new UsageError(`${args.output}: -o points at the input; use --write to fix a file in place`);
  }
  const sqlToStdout = args.output === '-' || (args.output === undefined && !args.write && args.diff === undefined);
  if (sqlToStdout && all.length !== 1) {
    throw new UsageError('several inputs: use --write to fix them in place, or --diff to review the changes');
  }
  if (sqlToStdout && args.diff === '-')
    throw new UsageError('--diff - and the clean script cannot both go to standard output');
  const reportStream = sqlToStdout || args.diff === '-' ? io.stderr : io.stdout;
  if (!needsWholeText(args)) return runFixStreaming(args, io, all, sqlToStdout, reportStream);

  // Compute everything first: a bad file means nothing at all is written.
  const results = all.map((u) => {
    const sql = u.sql();
    return { u, sql, result: fix(sql, { ...lintOptions(args, u), lossy: args.lossy }) };
  });
  const sqlOf = new Map<FileReport, string>();
  const reports: FileReport[] = results.map(({ u, result }) => {
    const report: FileReport = {
      filePath: u.name,
      target: u.target,
      findings: result.remaining,
      applied: result.applied,
      ...(args.format === 'json' && !sqlToStdout ? { output: result.output } : {}),
    };
    sqlOf.set(report, result.output);
    return report;
  });

  if (args.output !== undefined && args.output !== '-')
    writeFileAtomic(resolve(io.cwd, args.output), results[0]!.result.output);
  if (args.write) {
    for (const { u, sql, result } of results) {
      const path = resolve(io.cwd, u.input.path);
      if (result.output !== sql) writeFileAtomic(path, result.output, path);
    }
  }
  if (args.diff !== undefined) {
    const diff = results.map((r) => r.result.diff).join('');
    if (args.diff === '-') io.stdout.write(diff);
    else writeFileAtomic(resolve(io.cwd, args.diff), diff);
  }
  if (sqlToStdout) io.stdout.write(results[0]!.result.output);
  return finish(reports, sqlOf, args, io, reportStream);
}

/**
 * fix without whole-text needs: each input streams through the fixer into a temporary file (or
 * standard output); temporary files are renamed into place only when every input succeeded.
 */
async function runFixStreaming(
  args: FixArgs,
  io: Streams,
  all: Unit[],
  sqlToStdout: boolean,
  reportStream: Streams['stdout'],
): Promise<number> {
  const pending: Array<{ writer: AtomicWriter; keepModeOf?: string; changed: boolean }> = [];
  const reports: FileReport[] = [];
  try {
    for (const u of all) {
      const path = resolve(io.cwd, u.input.path);
      let writer: AtomicWriter | undefined;
      let write: (text: string) => void | Promise<void>;
      if (sqlToStdout) write = (text) => writeToStream(io.stdout, text);
      else {
        const w = new AtomicWriter(args.write ? path : resolve(io.cwd, args.output!));
        writer = w;
        write = (text) => w.write(text);
      }
      const entry =
        writer === undefined ? undefined : { writer, keepModeOf: args.write ? path : undefined, changed: false };
      if (entry !== undefined) pending.push(entry);
      const result = await fixStream(u.stream(), write, { ...lintOptions(args, u), lossy: args.lossy });
      if (entry !== undefined) entry.changed = result.applied.length > 0;
      reports.push({ filePath: u.name, target: u.target, findings: result.remaining, applied: result.applied });
    }
  } catch (e) {
    for (const p of pending) p.writer.abort();
    throw e;
  }
  for (const p of pending) {
    // With --write, a file that needed no fix is left exactly as it was (no new mtime).
    if (args.write && !p.changed) p.writer.abort();
    else p.writer.commit(p.keepModeOf);
  }
  return finish(reports, new Map(), args, io, reportStream);
}

/** Writes to a stream, waiting when it asks us to (so a slow reader does not fill memory). */
function writeToStream(stream: Streams['stdout'], text: string): void | Promise<void> {
  if (stream.write(text)) return;
  return new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
}

interface VerifyCommandArgs {
  file: string;
  url?: string;
  socket?: string;
  passwordFile?: string;
  charset?: string;
  keep: boolean;
  target?: string;
  lossy: boolean;
  format: 'stylish' | 'json';
}

async function runVerify(args: VerifyCommandArgs, io: Streams): Promise<number> {
  const { connectionOptions, mysqlConnect, formatVerifyStylish, hasProblems } = await import('./verify/cli.js');
  const { verify } = await import('./verify/run.js');
  const options = connectionOptions(args, io.env);
  const path = resolve(io.cwd, args.file);
  const config = new ConfigFinder(rules).forFile(path);
  const target = args.target ?? config.target ?? DEFAULT_TARGET_ID;
  const sql = readSqlFile(path, args.file);
  const fixed = fix(sql, { target, lossy: args.lossy, filename: args.file, rules: config.rules });
  const report = await verify(
    {
      original: sql,
      clean: fixed.output,
      applied: fixed.applied,
      charset: args.charset,
      keep: args.keep,
      onInterrupt: (cleanup) => {
        const handler = () => {
          void cleanup().finally(() => process.exit(130));
        };
        process.once('SIGINT', handler);
        process.once('SIGTERM', handler);
        return () => {
          process.removeListener('SIGINT', handler);
          process.removeListener('SIGTERM', handler);
        };
      },
    },
    await mysqlConnect(options),
  );
  io.stdout.write(
    args.format === 'json'
      ? JSON.stringify({ filePath: args.file, target, ...report }, null, 2) + '\n'
      : formatVerifyStylish(args.file, target, report),
  );
  return hasProblems(report) ? 1 : 0;
}

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
    const fixKinds = r.meta.fixable.length === 0 ? '-' : r.meta.fixable.join('/');
    io.stdout.write(
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${fixKinds.padEnd(11)}  ${r.meta.description}\n`,
    );
  }
  return 0;
}

function runExplain(id: string, io: Streams): number {
  const doc = rules.some((r) => r.meta.id === id) ? ruleDoc(id) : undefined;
  if (doc === undefined) throw new UsageError(`unknown rule "${id}" (see clustrix-lint rules)`);
  io.stdout.write(doc);
  return 0;
}

function runTargets(io: Streams): number {
  for (const t of TARGETS) {
    io.stdout.write(`${t.id.padEnd(16)}${t.name}${t.id === DEFAULT_TARGET_ID ? '  (default)' : ''}\n`);
  }
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

const DEFAULT_STREAMS: Streams = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readStdin: () => readFileSync(0),
  stdinStream: () => process.stdin,
  cwd: process.cwd(),
};

/** Options that take a value, so a `-` after them is that value, not standard input. */
const VALUE_OPTIONS = new Set([
  '-o',
  '--output',
  '--diff',
  '--output-file',
  '-c',
  '--config',
  '--baseline',
  '--baseline-write',
  '--stdin-filename',
  '-f',
  '--format',
  '-t',
  '--target',
  '--rule',
  '--max-warnings',
]);

/** yargs drops a lone `-` positional; it means standard input, so turn it into --stdin. */
function stdinDashToFlag(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '-' && (i === 0 || !VALUE_OPTIONS.has(argv[i - 1]!)) ? '--stdin' : a));
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: Streams = DEFAULT_STREAMS): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const targetIds = TARGETS.map((t) => t.id);
  const common = (y: ReturnType<typeof yargs>) =>
    y
      .positional('files', {
        describe: 'SQL files, directories or quoted globs; - for standard input',
        type: 'string',
        array: true,
        default: [],
      })
      .option('target', {
        alias: 't',
        describe: `ClustrixDB/Xpand version (default ${DEFAULT_TARGET_ID})`,
        choices: targetIds,
      })
      .option('format', { alias: 'f', describe: 'report format', choices: FORMATS, default: 'stylish' as Format })
      .option('output-file', {
        describe: 'write the report to FILE instead of standard output',
        type: 'string',
        nargs: 1,
      })
      .option('config', {
        alias: 'c',
        describe: 'use this config file (or --no-config for none)',
        type: 'string',
        nargs: 1,
      })
      .option('rule', {
        describe: 'set a rule severity: id:off|info|warn|error (repeatable)',
        type: 'string',
        array: true,
        default: [],
      })
      .option('inline-config', {
        describe: 'honour clustrix-lint-disable comments (--no-inline-config to ignore them)',
        type: 'boolean',
        default: true,
      })
      .option('report-unused-disable-directives', {
        describe: 'warn about disable comments that suppress nothing',
        type: 'boolean',
        default: false,
      })
      .option('max-warnings', {
        describe: 'exit 1 when there are more warnings than this',
        type: 'number',
        default: -1,
      })
      .option('quiet', { alias: 'q', describe: 'report errors only', type: 'boolean', default: false })
      .option('baseline', {
        describe: 'report only findings not recorded in this baseline file',
        type: 'string',
        nargs: 1,
      })
      .option('baseline-write', {
        describe: 'record the current findings in this baseline file',
        type: 'string',
        nargs: 1,
      })
      .option('stdin', { describe: 'read SQL from standard input', type: 'boolean', default: false })
      .option('stdin-filename', {
        describe: 'name standard input in reports and for config lookup',
        type: 'string',
        nargs: 1,
      });
  try {
    const parser = yargs()
      .scriptName('clustrix-lint')
      .usage('$0 [check] FILES… | $0 fix FILES… [-o FILE | --write] [--diff FILE|-] [--lossy]')
      .parserConfiguration({ 'camel-case-expansion': true })
      .command(
        ['check [files..]', '$0 [files..]'],
        'report what the target rejects or treats differently',
        common,
        async (a) => {
          exitCode = await runCheck(a as unknown as CommonArgs, io);
        },
      )
      .command(
        'fix [files..]',
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
        async (a) => {
          exitCode = await runFix(a as unknown as FixArgs, io);
        },
      )
      .command(
        'verify <file>',
        'load the original and the clean script into two scratch databases and compare their schemas',
        (y) =>
          y
            .positional('file', { type: 'string', demandOption: true })
            .option('url', {
              describe: 'server to use: mysql://user[:password]@host[:port]/',
              type: 'string',
              nargs: 1,
            })
            .option('socket', {
              describe: 'reach the server over this unix socket (user still from --url)',
              type: 'string',
              nargs: 1,
            })
            .option('password-file', {
              describe: 'read the password from this file (else the URL, else MYSQL_PWD)',
              type: 'string',
              nargs: 1,
            })
            .option('charset', {
              describe: "character set of the scratch databases (default: the server's)",
              type: 'string',
              nargs: 1,
            })
            .option('keep', { describe: 'keep the scratch databases for inspection', type: 'boolean', default: false })
            .option('target', {
              alias: 't',
              describe: `ClustrixDB/Xpand version (default ${DEFAULT_TARGET_ID})`,
              choices: targetIds,
            })
            .option('lossy', { describe: 'also apply lossy fixes', type: 'boolean', default: false })
            .option('format', { alias: 'f', choices: ['stylish', 'json'] as const, default: 'stylish' as const }),
        async (a) => {
          exitCode = await runVerify(a as unknown as VerifyCommandArgs, io);
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
        throw (
          err ??
          new UsageError(
            msg
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
              .join(' '),
          )
        );
      })
      .showHelpOnFail(false);
    await parser.parseAsync(stdinDashToFlag(argv));
    return exitCode;
  } catch (e) {
    io.stderr.write(describeFailure(e, debug) + '\n');
    return 2;
  }
}
