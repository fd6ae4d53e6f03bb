// What the commands share: the I/O they run against, the options of check and fix, inputs with
// their config resolved, and the report step (baseline, --quiet, formats, exit code).
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
} from '../baseline.js';
import { DEFAULT_TARGET_ID } from '../catalog.js';
import { ConfigFinder, EMPTY_CONFIG, loadConfigFile, parseSeverity, type Config } from '../config.js';
import type { RuleSetting } from '../engine.js';
import { IgnoreList, STDIN, expandInputs, type Input } from '../files.js';
import type { FileRecords, RecordOptions } from '../format/records.js';
import type { Out } from '../format/types.js';
import { rules } from '../index.js';
import { IN_THREAD, type SegmentExecutor } from '../stream.js';
import { AtomicWriter, UsageError, decodeSql, openSqlStream, readSqlFile, writeFileAtomic } from '../io.js';
import type { Finding } from '../rule.js';

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
 * and fix share (inputs, target, format, config, rules, baseline, …) to a builder.
 */
export interface CommandSpec<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv, common: (y: Argv) => Argv) => Argv;
  /** Resolves to the exit code. */
  readonly run: (args: A, io: Streams) => number | Promise<number>;
}

export const FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** The options of check and fix (see `common` in cli.ts). */
export interface CommonArgs {
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
  /** Threads that check and fix: `auto` (one per core) or a number; 1 runs everything in this thread. */
  concurrency?: string | number;
  /** Show a progress line on a terminal for long inputs (--no-progress: never). */
  progress: boolean;
  /** List every finding and fix in the stylish report. */
  verbose: boolean;
  /** List at most this many findings (and fixes) of each rule per file in the stylish report. */
  maxShown: number;
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
      return (await import('../format/sarif.js')).writeSarif(files, out, { rules, version, docs: ruleDoc });
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
  /** The absolute path of the input file (unused for standard input). */
  readonly path: string;
}

/** Every input that is not ignored, with its config resolved; nothing is read yet. */
export function units(args: CommonArgs, io: Streams): Unit[] {
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
    out.push({ input, name, sql, stream, target, settings: { ...config.rules, ...p.ruleFlags }, path });
  }
  return out;
}

/** How a file's records are kept for the report asked for. */
export function recordOptions(args: CommonArgs, fix: boolean): RecordOptions {
  return {
    all: args.format !== 'stylish' || args.verbose,
    limit: args.verbose ? Infinity : Math.max(0, args.maxShown),
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
  readonly findings: readonly Finding[];
}

/** Reads or writes the baseline: the findings of each result it does not account for. */
export function applyBaseline(results: readonly WholeResult[], args: CommonArgs, io: Streams): Finding[][] {
  if (args.baselineWrite !== undefined) {
    const entries: BaselineEntry[] = [];
    for (const r of results) {
      const name = baselineName(resolve(io.cwd, r.name), resolve(io.cwd, args.baselineWrite));
      entries.push(...baselineEntries(name, r.findings, fingerprints(r.sql, r.findings)));
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
    const name = baselineName(resolve(io.cwd, r.name), resolve(io.cwd, baselinePath));
    return filterByBaseline(baseline, name, r.findings, fingerprints(r.sql, r.findings));
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
        await render(files, args.format, (text) => w.write(text), false, args.verbose);
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
        args.verbose,
      );
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
  const { WorkerPool } = await import('../pool.js');
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
export function lintOptions(args: CommonArgs, u: Unit) {
  return {
    target: u.target,
    filename: u.name,
    rules: u.settings,
    inlineDirectives: args.inlineConfig,
    reportUnusedDirectives: args.reportUnusedDisableDirectives ? ('warning' as const) : undefined,
  };
}

/** Whole-text processing is needed for baselines (fingerprints of statement texts) and diffs. */
export function needsWholeText(args: CommonArgs & { diff?: string }): boolean {
  return args.baseline !== undefined || args.baselineWrite !== undefined || args.diff !== undefined;
}

/** Writes to a stream, waiting when it asks us to (so a slow reader does not fill memory). */
export function writeToStream(stream: Streams['stdout'], text: string | Uint8Array): void | Promise<void> {
  if (stream.write(text)) return;
  return new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
}
