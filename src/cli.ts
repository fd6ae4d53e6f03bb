// The command line: yargs wiring and the options check and fix share. Each command lives in its
// own module under src/commands/. Exit codes: 0 clean, 1 errors left or too many warnings, 2
// usage/config/IO/internal failure.
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { DEFAULT_TARGET_ID, TARGETS } from './core/catalog/index.js';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { fixCommand } from './commands/fix.js';
import { lspCommand } from './commands/lsp.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import {
  ALL_DATABASES_OPTION,
  FORMATS,
  serverOptions,
  type CommandSpec,
  type Format,
  type Streams,
} from './commands/shared.js';
import { targetsCommand } from './commands/targets.js';
import { verifyCommand } from './commands/verify.js';
import { ConfigError, InternalError, SqlSyntaxError } from './core/errors.js';
import { redactUrls } from './live/connect.js';
import { UsageError } from './node/io.js';

export type { Streams } from './commands/shared.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS: ReadonlyArray<CommandSpec<any>> = [
  checkCommand,
  fixCommand,
  reportCommand,
  verifyCommand,
  targetsCommand,
  rulesCommand,
  explainCommand,
  lspCommand,
];

/** One line for a failure that is not a finding; a stack trace only with --debug. */
function describeFailure(e: unknown, debug: boolean): string {
  if (debug && e instanceof Error && e.stack) return redactUrls(e.stack);
  if (e instanceof UsageError || e instanceof ConfigError) return `clustrix-lint: ${e.message}`;
  if (e instanceof SqlSyntaxError) return e.message;
  // Our own messages name servers by their safe label; anything else might hold a URL.
  if (e instanceof InternalError)
    return redactUrls(`clustrix-lint: internal error: ${e.message} (run with --debug for details)`);
  return redactUrls(
    `clustrix-lint: internal error: ${e instanceof Error ? e.message : String(e)} (run with --debug for details)`,
  );
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
  '--apply-suggestion',
  '--compare-targets',
  '--socket',
  '--password-file',
  '--connect-timeout',
  '--tls-ca',
  '--dump',
  '--url',
  '--charset',
  '--max-shown',
  '--concurrency',
]);

/** yargs drops a lone `-` positional; it means standard input, so turn it into --stdin. */
function stdinDashToFlag(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '-' && (i === 0 || !VALUE_OPTIONS.has(argv[i - 1]!)) ? '--stdin' : a));
}

/** The options of every command that reads scripts: inputs, target, config, rule settings. */
function inputOptions(y: Argv): Argv {
  const targetIds = TARGETS.map((t) => t.id);
  return y
    .positional('files', {
      describe:
        'SQL files, directories or quoted globs; - for standard input; mysql://user@host[:port]/db1,db2 for a live database',
      type: 'string',
      array: true,
      default: [],
    })
    .option('target', {
      alias: 't',
      describe: `ClustrixDB/Xpand version (default ${DEFAULT_TARGET_ID})`,
      choices: targetIds,
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
    .option('stdin', { describe: 'read SQL from standard input', type: 'boolean', default: false })
    .option('stdin-filename', {
      describe: 'name standard input in reports and for config lookup',
      type: 'string',
      nargs: 1,
    });
}

/** The options check and fix share: the input options and how findings are reported. */
function common(y: Argv): Argv {
  return inputOptions(y)
    .option('format', { alias: 'f', describe: 'report format', choices: FORMATS, default: 'stylish' as Format })
    .option('output-file', {
      describe: 'write the report to FILE instead of standard output',
      type: 'string',
      nargs: 1,
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
    })
    .options(serverOptions())
    .option('all-databases', ALL_DATABASES_OPTION)
    .option('dump', {
      describe: 'write the schema script read from the mysql:// input to FILE',
      type: 'string',
      nargs: 1,
    })
    .option('concurrency', {
      describe: 'threads that check and fix (auto: one per core; 1: no worker threads)',
      type: 'string',
      default: 'auto',
      nargs: 1,
    })
    .option('progress', {
      describe: 'show a progress line on a terminal for inputs over 50 MB (--no-progress: never)',
      type: 'boolean',
      default: true,
    })
    .option('max-shown', {
      describe: 'list at most N findings and N fixes of each rule per file (stylish)',
      type: 'number',
      default: 100,
      nargs: 1,
    })
    .option('verbose', {
      describe: 'list every finding and fix (stylish), however many',
      type: 'boolean',
      default: false,
    });
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: Streams = DEFAULT_STREAMS): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  try {
    const parser = yargs()
      .scriptName('clustrix-lint')
      .usage('$0 [check] FILES…|mysql://… | $0 fix FILES…|mysql://… [-o FILE | --write] [--diff FILE|-] [--lossy]')
      .parserConfiguration({ 'camel-case-expansion': true });
    for (const c of COMMANDS) {
      parser.command(
        c.command as string | string[],
        c.describe,
        (y) => c.builder(y, common, inputOptions),
        async (a) => {
          exitCode = await c.run(a, io);
        },
      );
    }
    parser
      .option('debug', { describe: 'print stack traces for internal errors', type: 'boolean', default: false })
      .strict()
      .help()
      .version()
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .exitProcess(false)
      .fail((msg, err) => {
        // yargs spreads some messages over lines; the contract is one line. It also repeats
        // unknown arguments, which may be a server URL with a password.
        throw (
          err ??
          new UsageError(
            redactUrls(
              msg
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== '')
                .join(' '),
            ),
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
