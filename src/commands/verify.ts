// `clustrix-lint verify`: load the original and the clean script into two scratch databases on a
// real server and explain every schema difference. The original may be a live database
// (mysql://…/db): its schema is read (read-only) and used as the original script.
import { resolve } from 'node:path';
import { DEFAULT_TARGET_ID } from '../core/catalog/index.js';
import { ConfigFinder } from '../node/config.js';
import { allRules } from '../../rules/index.js';
import { fix } from '../index.js';
import { UsageError, readSqlFile } from '../node/io.js';
import type { Streams } from '../node/streams.js';
import { isServerUrl, type ServerFlags } from '../live/connect.js';
import type { FixResult } from '../index.js';
import { readInputs } from './inputs.js';
import {
  SERVER_OPTIONS,
  SUGGESTION_OPTIONS,
  TARGET_OPTION,
  suggestionsOption,
  type CommandSpec,
  type SuggestionArgs,
} from './options.js';

/** The parsed options of verify. */
export interface VerifyArgs extends ServerFlags, SuggestionArgs {
  file: string;
  url?: string;
  charset?: string;
  keep: boolean;
  target?: string;
  lossy: boolean;
  format: 'stylish' | 'json';
}

export async function runVerify(args: VerifyArgs, io: Streams): Promise<number> {
  const { connectionOptions, mysqlConnect, formatVerifyStylish, VERIFY_EXIT } = await import('../verify/cli.js');
  const { verify } = await import('../verify/run.js');
  const suggestions = suggestionsOption(args);
  const options = connectionOptions(args, io.env);
  let name = args.file;
  let target: string;
  let sql: string;
  let fixed: FixResult;
  if (isServerUrl(args.file)) {
    // The schema as read is the original script; the clean one is what fix makes of it.
    const [u] = await readInputs(
      { ...args, files: [args.file], rule: [], inlineConfig: true, reportUnusedDisableDirectives: false, stdin: false },
      io,
    );
    if (u!.live!.schema.databases.length !== 1)
      throw new UsageError(`${u!.name}: verify compares one database; name exactly one`);
    const { fixLive } = await import('../live/check.js');
    name = u!.name;
    target = u!.target;
    sql = u!.sql();
    fixed = fixLive(u!.live!, { target, lossy: args.lossy, suggestions, filename: name, rules: u!.settings });
  } else {
    const path = resolve(io.cwd, args.file);
    const config = new ConfigFinder(allRules).forFile(path);
    target = args.target ?? config.target ?? DEFAULT_TARGET_ID;
    sql = readSqlFile(path, args.file);
    fixed = fix(sql, { target, lossy: args.lossy, suggestions, filename: args.file, rules: config.rules });
  }
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
      ? JSON.stringify({ filePath: name, target, ...report }, null, 2) + '\n'
      : formatVerifyStylish(name, target, report),
  );
  return VERIFY_EXIT[report.verdict];
}

export const verifyCommand: CommandSpec<VerifyArgs> = {
  command: 'verify <file>',
  describe: 'load the original and the clean script into two scratch databases and compare their schemas',
  positionals: {
    file: {
      describe: 'the original: an SQL file, or a live database (mysql://user@host/db, only read)',
      type: 'string',
      demandOption: true,
    },
  },
  options: {
    ...SUGGESTION_OPTIONS,
    url: {
      describe: 'server for the scratch databases: mysql://user[:password]@host[:port]/',
      type: 'string',
      nargs: 1,
    },
    ...SERVER_OPTIONS,
    charset: { describe: "character set of the scratch databases (default: the server's)", type: 'string', nargs: 1 },
    keep: { describe: 'keep the scratch databases for inspection', type: 'boolean', default: false },
    ...TARGET_OPTION,
    lossy: { describe: 'also apply lossy fixes', type: 'boolean', default: false },
    format: { alias: 'f', choices: ['stylish', 'json'], default: 'stylish' },
  },
  run: runVerify,
};
