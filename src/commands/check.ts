// `clustrix-lint check`: report what the target rejects or treats differently.
import { FileRecords } from '../format/records.js';
import { checkDetailed, rules } from '../index.js';
import { Progress } from '../progress.js';
import { checkStreamInto } from '../stream.js';
import {
  applyBaseline,
  concurrencyOf,
  executorFor,
  finish,
  inOrder,
  inputSize,
  lintOptions,
  needsWholeText,
  recordOptions,
  units,
  type CommandSpec,
  type CommonArgs,
  type Streams,
} from './shared.js';

export async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const all = units(args, io);
  const options = recordOptions(args, false);
  if (needsWholeText(args)) {
    const results = all.map((u) => {
      const sql = u.sql();
      return { u, sql, result: checkDetailed(sql, lintOptions(args, u)) };
    });
    const kept = applyBaseline(
      results.map(({ u, sql, result }) => ({ name: u.name, sql, findings: result.findings })),
      args,
      io,
    );
    const files = results.map(({ u, result }, i) => {
      const r = new FileRecords(u.name, u.target, options);
      r.fill(
        kept[i]!,
        [],
        result.suppressed.map((s) => ({ finding: s.finding, reason: s.directive.reason })),
      );
      return r;
    });
    return finish(files, args, io, io.stdout);
  }
  // Streaming: constant memory per file, segments checked by `--concurrency` threads.
  const concurrency = concurrencyOf(args);
  const size = inputSize(all);
  const executor = await executorFor(concurrency, size);
  const progress = Progress.for(io, args.progress, size, 'checked');
  let files: FileRecords[];
  try {
    files = await inOrder(all, concurrency.threads > 1 ? concurrency.threads * 2 : 1, async (u) => {
      const r = new FileRecords(u.name, u.target, options);
      try {
        await checkStreamInto(rules, u.stream(), r, {
          ...lintOptions(args, u),
          executor,
          onBytes: progress === null ? undefined : (n) => progress.add(n),
        });
      } catch (e) {
        r.dispose();
        throw e;
      }
      return r;
    });
  } finally {
    progress?.clear();
    await executor.close();
  }
  return finish(files, args, io, io.stdout);
}

export const checkCommand: CommandSpec<CommonArgs> = {
  command: ['check [files..]', '$0 [files..]'],
  describe: 'report what the target rejects or treats differently',
  builder: (y, common) => common(y),
  run: runCheck,
};
