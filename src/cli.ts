// The command line: yargs wiring. Each command lives in its own module under src/commands/ and
// declares its options as data (the shared groups in src/commands/options.ts). What the commands
// share sits beside them there (options, inputs, executor, finish) rather than in a folder of its
// own: it exists only for the commands, and the playground's bundle test keeps src/commands/ out
// of the browser as a whole. Exit codes: 0 clean, 1 errors left or too many warnings, 2
// usage/config/IO/internal failure.
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { fixCommand } from './commands/fix.js';
import { lspCommand } from './commands/lsp.js';
import { declareOptions, valueFlags, type CommandSpec } from './commands/options.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import { targetsCommand } from './commands/targets.js';
import { verifyCommand } from './commands/verify.js';
import { ConfigError, InternalError, SqlSyntaxError } from './core/errors.js';
import { redactUrls } from './live/connect.js';
import { UsageError } from './node/io.js';
import type { Streams } from './node/streams.js';

export type { Streams } from './node/streams.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS: ReadonlyArray<CommandSpec<unknown>> = [
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
const VALUE_OPTIONS = valueFlags(COMMANDS.map((c) => c.options));

/** yargs drops a lone `-` positional; it means standard input, so turn it into --stdin. */
function stdinDashToFlag(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '-' && (i === 0 || !VALUE_OPTIONS.has(argv[i - 1]!)) ? '--stdin' : a));
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
        (y) => declareOptions(y, c),
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
