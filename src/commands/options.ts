// How a command declares itself: its positionals and options as data (yargs reads them to parse
// and to write --help; cli.ts reads them to know which options take a value), and the option
// groups several commands share, each declared once. The command modules add their own options.
import type { Argv, Options, PositionalOptions } from 'yargs';
import { DEFAULT_TARGET_ID, TARGETS } from '../core/catalog/index.js';
import { FORMATS, type Format } from '../format/index.js';
import type { ServerFlags } from '../live/connect.js';
import { UsageError } from '../node/io.js';
import type { Streams } from '../node/streams.js';
import { rules } from '../../rules/index.js';

/** Options by name (as typed after `--`), in the order `--help` lists them. */
export type OptionGroup = Readonly<Record<string, Options>>;

/** One CLI command: its yargs declaration and what it runs. */
export interface CommandSpec<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  /** Its positional arguments by name. */
  readonly positionals?: Readonly<Record<string, PositionalOptions>>;
  /** Every option it takes: shared groups spread, then its own. */
  readonly options: OptionGroup;
  /** Resolves to the exit code. (A method, so a command of any `A` is a CommandSpec<unknown>.) */
  run(args: A, io: Streams): number | Promise<number>;
}

/** Declares a command's positionals and options on its yargs builder. */
export function declareOptions(y: Argv, spec: Pick<CommandSpec<unknown>, 'positionals' | 'options'>): Argv {
  let out = y;
  for (const [name, positional] of Object.entries(spec.positionals ?? {})) out = out.positional(name, positional);
  return out.options(spec.options);
}

/**
 * The flags that take a value (every option not boolean, by its name and aliases), so a `-` after
 * one of them is that value, not standard input.
 */
export function valueFlags(groups: readonly OptionGroup[]): Set<string> {
  const out = new Set<string>();
  for (const group of groups) {
    for (const [name, option] of Object.entries(group)) {
      if (option.type === 'boolean') continue;
      const aliases: readonly string[] =
        option.alias === undefined ? [] : typeof option.alias === 'string' ? [option.alias] : option.alias;
      for (const flag of [name, ...aliases]) out.add(flag.length === 1 ? `-${flag}` : `--${flag}`);
    }
  }
  return out;
}

/** The files positional of every command that reads scripts. */
export const FILES_POSITIONAL = {
  files: {
    describe:
      'SQL files, directories or quoted globs; - for standard input; mysql://user@host[:port]/db1,db2 for a live database',
    type: 'string',
    array: true,
    default: [],
  },
} as const satisfies Readonly<Record<string, PositionalOptions>>;

/** --target: every command that checks or fixes. */
export const TARGET_OPTION = {
  target: {
    alias: 't',
    describe: `ClustrixDB/Xpand version (default ${DEFAULT_TARGET_ID})`,
    choices: TARGETS.map((t) => t.id),
  },
} as const satisfies OptionGroup;

/** How the inputs are read and checked: target, config, rule settings, standard input. */
export const INPUT_OPTIONS = {
  ...TARGET_OPTION,
  config: { alias: 'c', describe: 'use this config file (or --no-config for none)', type: 'string', nargs: 1 },
  rule: {
    describe: 'set a rule severity: id:off|info|warn|error (repeatable)',
    type: 'string',
    array: true,
    default: [],
  },
  'inline-config': {
    describe: 'honour clustrix-lint-disable comments (--no-inline-config to ignore them)',
    type: 'boolean',
    default: true,
  },
  'report-unused-disable-directives': {
    describe: 'warn about disable comments that suppress nothing',
    type: 'boolean',
    default: false,
  },
  stdin: { describe: 'read SQL from standard input', type: 'boolean', default: false },
  'stdin-filename': { describe: 'name standard input in reports and for config lookup', type: 'string', nargs: 1 },
} as const satisfies OptionGroup;

/** How findings are reported: format, where, how many, against which baseline. */
export const REPORTING_OPTIONS = {
  format: { alias: 'f', describe: 'report format', choices: FORMATS, default: 'stylish' as Format },
  'output-file': { describe: 'write the report to FILE instead of standard output', type: 'string', nargs: 1 },
  'max-warnings': { describe: 'exit 1 when there are more warnings than this', type: 'number', default: -1 },
  quiet: { alias: 'q', describe: 'report errors only', type: 'boolean', default: false },
  baseline: { describe: 'report only findings not recorded in this baseline file', type: 'string', nargs: 1 },
  'baseline-write': { describe: 'record the current findings in this baseline file', type: 'string', nargs: 1 },
} as const satisfies OptionGroup;

/** How to reach a server: shared by the live inputs of check, fix and report, and by verify. */
export const SERVER_OPTIONS = {
  socket: { describe: 'reach the server over this unix socket (user from the URL)', type: 'string', nargs: 1 },
  'password-file': {
    describe: 'read the password from this file (else the URL, else MYSQL_PWD)',
    type: 'string',
    nargs: 1,
  },
  'connect-timeout': { describe: 'seconds to wait for the server to answer (default 10)', type: 'number', nargs: 1 },
  tls: { describe: 'connect with TLS, checking the server certificate', type: 'boolean', default: false },
  'tls-ca': {
    describe: 'trust this CA (PEM file) for the server certificate; implies --tls',
    type: 'string',
    nargs: 1,
  },
} as const satisfies OptionGroup;

/** --all-databases: shared by check, fix and report. */
export const ALL_DATABASES_OPTION = {
  'all-databases': {
    describe:
      'with a mysql:// URL that names no database: every database but mysql, sys, information_schema and performance_schema',
    type: 'boolean',
    default: false,
  },
} as const satisfies OptionGroup;

/** The options check and fix share: the inputs, the report, live databases, threads and progress. */
export const COMMON_OPTIONS = {
  ...INPUT_OPTIONS,
  ...REPORTING_OPTIONS,
  ...SERVER_OPTIONS,
  ...ALL_DATABASES_OPTION,
  dump: { describe: 'write the schema script read from the mysql:// input to FILE', type: 'string', nargs: 1 },
  concurrency: {
    describe: 'threads that check and fix (auto: one per core; 1: no worker threads)',
    type: 'string',
    default: 'auto',
    nargs: 1,
  },
  progress: {
    describe: 'show a progress line on a terminal for inputs over 50 MB (--no-progress: never)',
    type: 'boolean',
    default: true,
  },
  'max-shown': {
    describe: 'list at most N findings and N fixes of each rule per file (stylish)',
    type: 'number',
    default: 100,
    nargs: 1,
  },
  verbose: { describe: 'list every finding and fix (stylish), however many', type: 'boolean', default: false },
} as const satisfies OptionGroup;

/** `--suggestions` and `--apply-suggestion RULE` (repeatable): fix and verify. */
export const SUGGESTION_OPTIONS = {
  suggestions: {
    describe: 'also apply every suggestion (changes that may help on the target but change behaviour)',
    type: 'boolean',
    default: false,
  },
  'apply-suggestion': {
    describe: "also apply this rule's suggestions (repeatable)",
    type: 'string',
    array: true,
    nargs: 1,
    default: [],
  },
} as const satisfies OptionGroup;

/** The parsed INPUT_OPTIONS and FILES_POSITIONAL, with the server options for live inputs. */
export interface InputArgs extends ServerFlags {
  files: string[];
  target?: string;
  config?: string | false;
  rule: string[];
  inlineConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** With a server URL that names no database: read every database but the system ones. */
  allDatabases?: boolean;
  /** Write the schema script read from a live database to this file. */
  dump?: string;
}

/** The parsed COMMON_OPTIONS: the options of check and fix. */
export interface CommonArgs extends InputArgs {
  format: Format;
  outputFile?: string;
  maxWarnings: number;
  quiet: boolean;
  baseline?: string;
  baselineWrite?: string;
  /** Threads that check and fix: `auto` (one per core) or a number; 1 runs everything in this thread. */
  concurrency?: string | number;
  /** Show a progress line on a terminal for long inputs (--no-progress: never; default: shown). */
  progress?: boolean;
  /** List every finding and fix in the stylish report. */
  verbose?: boolean;
  /** List at most this many findings (and fixes) of each rule per file in the stylish report (default 100). */
  maxShown?: number;
}

/** The parsed SUGGESTION_OPTIONS. */
export interface SuggestionArgs {
  suggestions: boolean;
  applySuggestion: string[];
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
