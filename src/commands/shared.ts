// What the commands share: the I/O they run against, the options of check and fix, inputs with
// their config resolved, and the report step (baseline, --quiet, formats, exit code).
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import {
  baselineEntries,
  baselineName,
  filterByBaseline,
  fingerprints,
  readBaseline,
  type BaselineEntry,
} from '../node/baseline.js';
import { DEFAULT_TARGET_ID } from '../core/catalog.js';
import { ConfigFinder, EMPTY_CONFIG, loadConfigFile, parseSeverity, type Config } from '../node/config.js';
import type { RuleSetting } from '../core/engine.js';
import { IgnoreList, STDIN, expandInputs, isIgnored, type Input } from '../node/files.js';
import type { RecordOptions } from '../format/records.js';
import { FileRecords } from '../format/records.js';
import { SYNTAX_ERROR, type Out, type ReportFinding } from '../format/types.js';
import { SqlSyntaxError } from '../core/errors.js';
import { allRules, rules } from '../../rules/index.js';
import {
  AtomicWriter,
  UnreadableInput,
  UsageError,
  decodeSql,
  openSqlStream,
  readSqlFile,
  writeFileAtomic,
} from '../node/io.js';
import { IN_THREAD, type SegmentExecutor } from '../stream/index.js';
import type { LiveRead } from '../live/check.js';
import { isServerUrl, type ServerFlags } from '../live/connect.js';

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

/**
 * One CLI command: its yargs declaration and what it runs. `common` adds the options that check
 * and fix share (inputs, target, format, config, rules, baseline, …) to a builder; `inputs` only
 * those about the inputs (files, target, config, rules, stdin), for commands that report otherwise.
 */
export interface CommandSpec<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv, common: (y: Argv) => Argv, inputs: (y: Argv) => Argv) => Argv;
  /** Resolves to the exit code. */
  readonly run: (args: A, io: Streams) => number | Promise<number>;
}

export const FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** How to reach a server: shared by the live inputs of check and fix, and by verify. */
export function serverOptions() {
  return {
    socket: {
      describe: 'reach the server over this unix socket (user from the URL)',
      type: 'string',
      nargs: 1,
    },
    'password-file': {
      describe: 'read the password from this file (else the URL, else MYSQL_PWD)',
      type: 'string',
      nargs: 1,
    },
    'connect-timeout': {
      describe: 'seconds to wait for the server to answer (default 10)',
      type: 'number',
      nargs: 1,
    },
    tls: { describe: 'connect with TLS, checking the server certificate', type: 'boolean', default: false },
    'tls-ca': {
      describe: 'trust this CA (PEM file) for the server certificate; implies --tls',
      type: 'string',
      nargs: 1,
    },
  } as const;
}

/** --all-databases: shared by check, fix and report. */
export const ALL_DATABASES_OPTION = {
  describe:
    'with a mysql:// URL that names no database: every database but mysql, sys, information_schema and performance_schema',
  type: 'boolean',
  default: false,
} as const;

/** The options of check and fix (see `common` in cli.ts). */
export interface CommonArgs extends ServerFlags {
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
  /** With a server URL that names no database: read every database but the system ones. */
  allDatabases?: boolean;
  /** Write the schema script read from a live database to this file. */
  dump?: string;
  /** Threads that check and fix: `auto` (one per core) or a number; 1 runs everything in this thread. */
  concurrency?: string | number;
  /** Show a progress line on a terminal for long inputs (--no-progress: never; default: shown). */
  progress?: boolean;
  /** List every finding and fix in the stylish report. */
  verbose?: boolean;
  /** List at most this many findings (and fixes) of each rule per file in the stylish report (default 100). */
  maxShown?: number;
}

/** Where the rule docs live: next to the rule sources, shipped in the package as rules/*.md. */
const RULES_DOC_DIR = fileURLToPath(new URL('../../../rules/', import.meta.url));
export const PACKAGE_JSON = fileURLToPath(new URL('../../../package.json', import.meta.url));

export function useColor(stream: Streams['stdout'], env: NodeJS.ProcessEnv): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** A rule's page (rules/<id>.md), or undefined when there is none. */
export function ruleDoc(id: string): string | undefined {
  try {
    return readFileSync(join(RULES_DOC_DIR, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a report, loading only the writer asked for (chalk only for stylish, and so on). */
async function render(files: readonly FileRecords[], format: Format, out: Out, color: boolean, verbose: boolean) {
  switch (format) {
    case 'json':
      return (await import('../format/json.js')).writeJson(files, out);
    case 'compact':
      return (await import('../format/compact.js')).writeCompact(files, out);
    case 'github':
      return (await import('../format/github.js')).writeGithub(files, out);
    case 'junit':
      return (await import('../format/junit.js')).writeJunit(files, out);
    case 'sarif': {
      const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
      // The server rules are listed only when a live database was checked (they never run on files).
      const listed = files.some((r) => r.live !== null) ? allRules : rules;
      return (await import('../format/sarif.js')).writeSarif(files, out, { rules: listed, version, docs: ruleDoc });
    }
    default:
      return (await import('../format/stylish.js')).writeStylish(files, out, { color, verbose });
  }
}

export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Settings from repeated `--rule id:severity`. */
function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const ids = new Set(allRules.map((r) => r.meta.id));
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
  const files = args.files.filter((f) => !isServerUrl(f));
  const fileArgs = args.stdin ? [...files, STDIN] : files;
  if (fileArgs.length === 0 && files.length === args.files.length)
    throw new UsageError('give at least one SQL file, directory or glob (or - / --stdin, or a mysql:// URL)');
  if (args.stdinFilename !== undefined && !fileArgs.includes(STDIN))
    throw new UsageError('--stdin-filename needs --stdin or -');
  const inputs = fileArgs.length === 0 ? [] : expandInputs(fileArgs, io.cwd);
  let configFor: (path: string) => Config;
  if (args.config === false) configFor = () => EMPTY_CONFIG;
  else if (typeof args.config === 'string') {
    const config = loadConfigFile(resolve(io.cwd, args.config), allRules);
    configFor = () => config;
  } else {
    const finder = new ConfigFinder(allRules);
    configFor = (path) => finder.forFile(resolve(io.cwd, path));
  }
  const ignoreFile = IgnoreList.fromIgnoreFile(io.cwd);
  const ignored = (input: Input, config: Config): boolean => {
    const path = input.path === STDIN ? args.stdinFilename : input.path;
    if (path === undefined) return false;
    return isIgnored(resolve(io.cwd, path), ignoreFile, config);
  };
  return { inputs, configFor, ignored, ruleFlags: parseRuleFlags(args.rule) };
}

/** One input of a run, with its config resolved. */
export interface Unit {
  readonly input: Input;
  /** The name reports use: the path, or --stdin-filename, or <stdin>. */
  readonly name: string;
  /** The whole script (read on first use). */
  readonly sql: () => string;
  /** The script as a stream of chunks, for constant-memory checking and fixing. */
  readonly stream: () => AsyncIterable<Uint8Array>;
  readonly target: string;
  readonly settings: Record<string, RuleSetting>;
  /** For a live database: what was read from the server (the script is `sql()`). */
  readonly live?: LiveRead;
  /** The absolute path of the input file (unused for standard input and a live database). */
  readonly path: string;
}

/**
 * Every input that is not ignored, with its config resolved. Files are not read yet; a server
 * URL is read now (read-only), so the rest of the run works on its script like on a file.
 */
export async function units(args: CommonArgs, io: Streams): Promise<Unit[]> {
  const p = plan(args, io);
  const urls = args.files.filter(isServerUrl);
  if (args.allDatabases === true && urls.length === 0)
    throw new UsageError('--all-databases needs a server URL, e.g. mysql://user@host/');
  if (args.dump !== undefined && urls.length !== 1)
    throw new UsageError('--dump writes the schema of one server URL (mysql://…); give exactly one');
  const out = fileUnits(args, io, p);
  for (const raw of urls) out.push(await liveUnit(raw, args, io, p));
  return out;
}

/** Reads one server URL into a unit: connection, read-only reading, the script and its report. */
async function liveUnit(raw: string, args: CommonArgs, io: Streams, p: Plan): Promise<Unit> {
  const { readDatabase } = await import('../live/index.js');
  const live = await readDatabase(raw, { ...args, env: io.env });
  const name = live.script.name;
  const config = p.configFor(join(io.cwd, '<live>'));
  const text = live.script.script.text;
  return {
    input: { path: name, explicit: true },
    name,
    path: '',
    sql: () => text,
    stream: async function* () {
      yield Buffer.from(text, 'utf8');
    },
    target: args.target ?? config.target ?? DEFAULT_TARGET_ID,
    settings: { ...config.rules, ...p.ruleFlags },
    live,
  };
}

/** Writes the script read from the live input to --dump FILE, if asked. */
export function writeDump(args: CommonArgs, io: Streams, all: readonly Unit[]): void {
  if (args.dump === undefined) return;
  const live = all.find((u) => u.live !== undefined);
  if (live === undefined) return;
  writeFileAtomic(resolve(io.cwd, args.dump), live.sql());
}

function fileUnits(args: CommonArgs, io: Streams, p: Plan): Unit[] {
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
    out.push({ input, name, sql, stream, target, settings: { ...config.rules, ...p.ruleFlags }, path });
  }
  return out;
}

/** How a file's records are kept for the report asked for. */
export function recordOptions(args: CommonArgs, fix: boolean): RecordOptions {
  return {
    all: args.format !== 'stylish' || args.verbose === true,
    limit: args.verbose === true ? Infinity : Math.max(0, args.maxShown ?? 100),
    quiet: args.quiet,
    suppressed: args.format === 'sarif' && !fix,
    fix,
  };
}

/** One whole-text result, for the baseline (its fingerprints need the text the findings are in). */
export interface WholeResult {
  readonly name: string;
  /** The text the findings are positioned in. */
  readonly sql: string;
  readonly findings: readonly ReportFinding[];
  /** A live database: its name is its URL, its findings are on objects. */
  readonly live?: boolean;
}

/** A result's name in a baseline: the file relative to the baseline, or a live database's URL. */
function nameInBaseline(r: WholeResult, baselinePath: string, io: Streams): string {
  return r.live === true ? r.name : baselineName(resolve(io.cwd, r.name), resolve(io.cwd, baselinePath));
}

/**
 * Fingerprints of a result's findings: from the statement text for a file; on a live database
 * from the object and the message, which stay the same when other objects come and go.
 */
function printsOf(r: WholeResult): string[] {
  if (r.live !== true) return fingerprints(r.sql, r.findings);
  return r.findings.map((f) =>
    createHash('sha256')
      .update([f.ruleId, f.messageId, f.object?.type ?? '', f.object?.name ?? '', f.message].join('\u0000'))
      .digest('hex')
      .slice(0, 24),
  );
}

/** Reads or writes the baseline: the findings of each result it does not account for. */
export function applyBaseline(results: readonly WholeResult[], args: CommonArgs, io: Streams): ReportFinding[][] {
  if (args.baselineWrite !== undefined) {
    const entries: BaselineEntry[] = [];
    for (const r of results) {
      const name = nameInBaseline(r, args.baselineWrite, io);
      entries.push(...baselineEntries(name, r.findings, printsOf(r)));
    }
    writeFileAtomic(
      resolve(io.cwd, args.baselineWrite),
      JSON.stringify({ version: 1, findings: entries }, null, 2) + '\n',
    );
  }
  const baselinePath = args.baseline ?? args.baselineWrite;
  if (baselinePath === undefined) return results.map((r) => [...r.findings]);
  const baseline = readBaseline(resolve(io.cwd, baselinePath));
  return results.map((r) => {
    return filterByBaseline(baseline, nameInBaseline(r, baselinePath, io), r.findings, printsOf(r));
  });
}

/** Writes the report (to --output-file, atomically, or to `reportStream`) and returns the exit code. */
export async function finish(
  files: readonly FileRecords[],
  args: CommonArgs,
  io: Streams,
  reportStream: Streams['stdout'],
): Promise<number> {
  try {
    let errors = 0;
    let warnings = 0;
    for (const r of files) {
      errors += r.all.errorCount;
      warnings += r.all.warningCount;
    }
    if (args.outputFile !== undefined) {
      const w = new AtomicWriter(resolve(io.cwd, args.outputFile));
      try {
        await render(files, args.format, (text) => w.write(text), false, args.verbose === true);
      } catch (e) {
        w.abort();
        throw e;
      }
      w.commit();
    } else {
      await render(
        files,
        args.format,
        (text) => writeToStream(reportStream, text),
        useColor(reportStream, io.env),
        args.verbose === true,
      );
    }
    // An input that could not be read or tokenized is in the report; its one-line message goes to
    // stderr too (unless the report itself did), and the run fails with code 2.
    const fatal = files.filter((r) => r.fatal !== null);
    if (fatal.length > 0) {
      if (reportStream !== io.stderr || args.outputFile !== undefined)
        for (const r of fatal) io.stderr.write(r.fatal!.message + '\n');
      return 2;
    }
    if (errors > 0) return 1;
    if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
      io.stderr.write(`clustrix-lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } finally {
    for (const r of files) r.dispose();
  }
}

/**
 * The records of an input that could not be read or tokenized (`e`: a located SqlSyntaxError or
 * an UnreadableInput), holding one `syntax-error` finding at the place given; null for any other
 * failure, which is not about the input.
 */
export function unreadableRecords(
  e: unknown,
  u: Pick<Unit, 'name' | 'target'>,
  options: RecordOptions,
): FileRecords | null {
  if (!(e instanceof SqlSyntaxError) && !(e instanceof UnreadableInput)) return null;
  const line = e.line ?? 1;
  const column = e.column ?? 1;
  const finding: ReportFinding = {
    ruleId: SYNTAX_ERROR,
    messageId: e instanceof SqlSyntaxError ? 'untokenizable' : 'unreadable',
    severity: 'error',
    message: e.reason,
    start: 0,
    end: 0,
    line,
    column,
    endLine: line,
    endColumn: column,
    fix: null,
    fatal: true,
  };
  const r = new FileRecords(u.name, u.target, { ...options, quiet: false });
  r.fill([finding]);
  // Located messages read like a compiler's (`file:line:col: reason`); others name the tool.
  const where = e instanceof SqlSyntaxError ? `${u.name}: ${e.reason}` : e.message;
  r.fatal = { finding, message: e.line !== undefined ? e.message : `clustrix-lint: ${where}` };
  return r;
}

/**
 * The executor for a run: this thread for --concurrency 1, and for `auto` on inputs known to be
 * small (`bytes`; null when unknown); else a pool of worker threads (loaded only then). An explicit
 * --concurrency N uses the pool whatever the size.
 */
export async function executorFor(
  concurrency: { threads: number; auto: boolean },
  bytes: number | null,
): Promise<SegmentExecutor & { close(): Promise<void> }> {
  const small = concurrency.auto && bytes !== null && bytes < POOL_MIN_BYTES;
  if (concurrency.threads <= 1 || small) return { ...IN_THREAD, close: async () => undefined };
  const { WorkerPool } = await import('../stream/pool.js');
  if (!WorkerPool.available()) return { ...IN_THREAD, close: async () => undefined };
  return new WorkerPool(concurrency.threads);
}

/** Inputs smaller than this are checked in this thread with --concurrency auto. */
export const POOL_MIN_BYTES = 16 * 1024 * 1024;

/** The threads --concurrency asks for (auto: one per core). */
export function concurrencyOf(args: CommonArgs): { threads: number; auto: boolean } {
  const c = args.concurrency;
  if (c === undefined || c === 'auto') return { threads: Math.max(1, availableParallelism()), auto: true };
  const n = typeof c === 'number' ? c : Number(c);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`--concurrency ${String(c)}: expected auto or a whole number from 1`);
  }
  return { threads: n, auto: false };
}

/**
 * Runs `task` over `items`, up to `limit` at once, and resolves to the results in input order. On a
 * failure no further task starts; the running ones finish, and the error of the first item (in
 * input order) that failed is thrown.
 */
export async function inOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const errors: Array<{ at: number; error: unknown }> = [];
  let next = 0;
  const run = async () => {
    while (next < items.length && errors.length === 0) {
      const at = next++;
      try {
        results[at] = await task(items[at]!);
      } catch (error) {
        errors.push({ at, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  if (errors.length > 0) throw errors.sort((x, y) => x.at - y.at)[0]!.error;
  return results;
}

/** The size of all the inputs, or null when one is standard input. */
export function inputSize(all: readonly Unit[]): number | null {
  let total = 0;
  for (const u of all) {
    if (u.live !== undefined) continue; // read already, and small
    if (u.input.path === STDIN) return null;
    try {
      total += statSync(u.path).size;
    } catch {
      return null;
    }
  }
  return total;
}

/** The library options for one input. */
export function lintOptions(args: CommonArgs, u: Pick<Unit, 'target' | 'name' | 'settings'>) {
  return {
    target: u.target,
    filename: u.name,
    rules: u.settings,
    inlineDirectives: args.inlineConfig,
    reportUnusedDirectives: args.reportUnusedDisableDirectives ? ('warning' as const) : undefined,
  };
}

/** `--suggestions` and `--apply-suggestion`, which fix and verify share. */
export interface SuggestionArgs {
  suggestions: boolean;
  applySuggestion: string[];
}

/** Declares `--suggestions` and `--apply-suggestion RULE` (repeatable). */
export function suggestionOptions(y: Argv): Argv {
  return y
    .option('suggestions', {
      describe: 'also apply every suggestion (changes that may help on the target but change behaviour)',
      type: 'boolean',
      default: false,
    })
    .option('apply-suggestion', {
      describe: "also apply this rule's suggestions (repeatable)",
      type: 'string',
      array: true,
      nargs: 1,
      default: [],
    });
}

/**
 * The library's `suggestions` option from the flags: every suggestion, those of the rules named,
 * or none. A name that is not a rule, or a rule that makes no suggestions, is a usage error.
 */
export function suggestionsOption(args: SuggestionArgs): boolean | string[] {
  for (const id of args.applySuggestion) {
    const rule = rules.find((r) => r.meta.id === id);
    if (rule === undefined) throw new UsageError(`--apply-suggestion ${id}: unknown rule`);
    if (!rule.meta.fixable.includes('suggestion')) {
      const advice = rules.filter((r) => r.meta.fixable.includes('suggestion')).map((r) => r.meta.id);
      throw new UsageError(
        `--apply-suggestion ${id}: this rule makes no suggestions (rules that do: ${advice.join(', ')})`,
      );
    }
  }
  if (args.suggestions) return true;
  return args.applySuggestion.length > 0 ? [...new Set(args.applySuggestion)] : false;
}

/** Whole-text processing is needed for live databases (read whole), baselines (fingerprints of statement texts) and diffs. */
export function needsWholeText(args: CommonArgs & { diff?: string }): boolean {
  return (
    args.files.some(isServerUrl) ||
    args.baseline !== undefined ||
    args.baselineWrite !== undefined ||
    args.diff !== undefined
  );
}

/** Writes to a stream, waiting when it asks us to (so a slow reader does not fill memory). */
export function writeToStream(stream: Streams['stdout'], text: string | Uint8Array): void | Promise<void> {
  if (stream.write(text)) return;
  return new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
}
