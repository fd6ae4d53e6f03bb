// `clustrix-lint verify`: load the original and the clean script into two scratch databases on a
// real server and explain every schema difference.
import { resolve } from 'node:path';
import { DEFAULT_TARGET_ID, TARGETS } from '../catalog.js';
import { ConfigFinder } from '../config.js';
import { fix, rules } from '../index.js';
import { readSqlFile } from '../io.js';
import { suggestionOptions, suggestionsOption, type CommandSpec, type Streams, type SuggestionArgs } from './shared.js';

export interface VerifyArgs extends SuggestionArgs {
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

export async function runVerify(args: VerifyArgs, io: Streams): Promise<number> {
  const { connectionOptions, mysqlConnect, formatVerifyStylish, hasProblems } = await import('../verify/cli.js');
  const { verify } = await import('../verify/run.js');
  const suggestions = suggestionsOption(args);
  const options = connectionOptions(args, io.env);
  const path = resolve(io.cwd, args.file);
  const config = new ConfigFinder(rules).forFile(path);
  const target = args.target ?? config.target ?? DEFAULT_TARGET_ID;
  const sql = readSqlFile(path, args.file);
  const fixed = fix(sql, { target, lossy: args.lossy, suggestions, filename: args.file, rules: config.rules });
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

export const verifyCommand: CommandSpec<VerifyArgs> = {
  command: 'verify <file>',
  describe: 'load the original and the clean script into two scratch databases and compare their schemas',
  builder: (y) =>
    suggestionOptions(y)
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
        choices: TARGETS.map((t) => t.id),
      })
      .option('lossy', { describe: 'also apply lossy fixes', type: 'boolean', default: false })
      .option('format', { alias: 'f', choices: ['stylish', 'json'] as const, default: 'stylish' as const }),
  run: runVerify,
};
