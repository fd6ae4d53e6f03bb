// The inputs of a run: the files, directories and globs named (and standard input), each with its
// config, target and rule settings resolved and ignored ones left out; and the scripts of the live
// databases named by server URLs, read now (read-only) so the rest of the run works on them as on
// files. check, fix, report and verify all get their inputs from `readInputs`.
import { join, resolve } from 'node:path';
import { DEFAULT_TARGET_ID } from '../core/catalog/index.js';
import type { RuleSetting } from '../core/engine.js';
import type { LiveRead } from '../live/check.js';
import { isServerUrl } from '../live/connect.js';
import { ConfigFinder, EMPTY_CONFIG, loadConfigFile, parseSeverity, type Config } from '../node/config.js';
import { IgnoreList, STDIN, expandInputs, isIgnored, type Input } from '../node/files.js';
import { UsageError, decodeSql, openSqlStream, readSqlFile, writeFileAtomic } from '../node/io.js';
import type { Streams } from '../node/streams.js';
import { allRules } from '../../rules/index.js';
import type { InputArgs } from './options.js';

/** One input of a run (a file, standard input or a live database's script), with its config resolved. */
export interface InputFile {
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

function plan(args: InputArgs, io: Streams): Plan {
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

/**
 * Every input that is not ignored, with its config resolved. Files are not read yet; a server
 * URL is read now (read-only), so the rest of the run works on its script like on a file.
 */
export async function readInputs(args: InputArgs, io: Streams): Promise<InputFile[]> {
  const p = plan(args, io);
  const urls = args.files.filter(isServerUrl);
  if (args.allDatabases === true && urls.length === 0)
    throw new UsageError('--all-databases needs a server URL, e.g. mysql://user@host/');
  if (args.dump !== undefined && urls.length !== 1)
    throw new UsageError('--dump writes the schema of one server URL (mysql://…); give exactly one');
  const out = fileInputs(args, io, p);
  for (const raw of urls) out.push(await liveInput(raw, args, io, p));
  return out;
}

/** Reads one server URL into an input: connection, read-only reading, the script and its report. */
async function liveInput(raw: string, args: InputArgs, io: Streams, p: Plan): Promise<InputFile> {
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

function fileInputs(args: InputArgs, io: Streams, p: Plan): InputFile[] {
  const out: InputFile[] = [];
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

/** Writes the script read from the live input to --dump FILE, if asked. */
export function writeDump(args: InputArgs, io: Streams, all: readonly InputFile[]): void {
  if (args.dump === undefined) return;
  const live = all.find((u) => u.live !== undefined);
  if (live === undefined) return;
  writeFileAtomic(resolve(io.cwd, args.dump), live.sql());
}

/** What the flags say about disable comments: honour them, report those that suppress nothing. */
export function directiveOptions(args: InputArgs): {
  inlineDirectives: boolean;
  reportUnusedDirectives: 'warning' | undefined;
} {
  return {
    inlineDirectives: args.inlineConfig,
    reportUnusedDirectives: args.reportUnusedDisableDirectives ? 'warning' : undefined,
  };
}

/** The library options for one input. */
export function lintOptions(args: InputArgs, u: Pick<InputFile, 'target' | 'name' | 'settings'>) {
  return { target: u.target, filename: u.name, rules: u.settings, ...directiveOptions(args) };
}
