// What the commands share: the I/O they run against, the options of check and fix, inputs with
// their config resolved, and the report step (baseline, --quiet, formats, exit code).
import { readFileSync, realpathSync } from 'node:fs';
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
import { IgnoreList, STDIN, expandInputs, isIgnored, type Input } from '../files.js';
import type { FileReport } from '../format/types.js';
import { rules } from '../index.js';
import { UsageError, decodeSql, openSqlStream, readSqlFile, writeFileAtomic } from '../io.js';
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

/** Formats a report, loading only the formatter asked for (chalk only for stylish, and so on). */
async function render(reports: FileReport[], format: Format, color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../format/json.js')).formatJson(reports);
    case 'compact':
      return (await import('../format/compact.js')).formatCompact(reports);
    case 'github':
      return (await import('../format/github.js')).formatGithub(reports);
    case 'junit':
      return (await import('../format/junit.js')).formatJunit(reports);
    case 'sarif': {
      const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
      return (await import('../format/sarif.js')).formatSarif(reports, { rules, version, docs: ruleDoc });
    }
    default:
      return (await import('../format/stylish.js')).formatStylish(reports, { color });
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
    out.push({ input, name, sql, stream, target, settings: { ...config.rules, ...p.ruleFlags } });
  }
  return out;
}

/** Applies the baseline (reading or writing it), --quiet, and reports; returns the exit code. */
export async function finish(
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
  if (args.quiet) {
    const errorsOnly = (list: readonly Finding[]) => list.filter((f) => f.severity === 'error');
    shown = shown.map((r) => ({
      ...r,
      findings: errorsOnly(r.findings),
      ...(r.superseded === undefined ? {} : { superseded: errorsOnly(r.superseded) }),
    }));
  }
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

/** Whole-text processing is needed for baselines (fingerprints), SARIF suppressions, JSON output and diffs. */
export function needsWholeText(args: CommonArgs & { diff?: string }): boolean {
  return (
    args.baseline !== undefined ||
    args.baselineWrite !== undefined ||
    args.format === 'sarif' ||
    args.format === 'json' ||
    args.diff !== undefined
  );
}

/** Writes to a stream, waiting when it asks us to (so a slow reader does not fill memory). */
export function writeToStream(stream: Streams['stdout'], text: string): void | Promise<void> {
  if (stream.write(text)) return;
  return new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
}
