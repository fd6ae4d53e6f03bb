// `clustrix-lint check`: report what the target rejects or treats differently, in files or in a
// live database (read-only).
import { FileRecords } from '../format/records.js';
import type { ReportFinding } from '../format/types.js';
import { checkDetailed, rules } from '../index.js';
import type { LiveSchema } from '../live/types.js';
import { Progress } from '../progress.js';
import { checkStreamInto, type StreamSuppressed } from '../stream.js';
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
  writeDump,
  type CommandSpec,
  type CommonArgs,
  type Streams,
  type Unit,
} from './shared.js';

/** A whole-text check of one input: a file, or the script read from a live database. */
async function checkWhole(
  args: CommonArgs,
  u: Unit,
): Promise<{ findings: readonly ReportFinding[]; suppressed: StreamSuppressed[]; live: LiveSchema | null }> {
  if (u.live !== undefined) {
    const { checkLive } = await import('../live/check.js');
    const result = checkLive(u.live, lintOptions(args, u));
    return {
      findings: result.findings,
      suppressed: result.suppressed.map((s) => ({ finding: s.finding, reason: s.directive.reason })),
      live: u.live.schema,
    };
  }
  const result = checkDetailed(u.sql(), lintOptions(args, u));
  return {
    findings: result.findings,
    suppressed: result.suppressed.map((s) => ({ finding: s.finding, reason: s.directive.reason })),
    live: null,
  };
}

export async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const all = await units(args, io);
  const options = recordOptions(args, false);
  if (needsWholeText(args)) {
    const results: Array<{ u: Unit; result: Awaited<ReturnType<typeof checkWhole>> }> = [];
    for (const u of all) results.push({ u, result: await checkWhole(args, u) });
    const kept = applyBaseline(
      results.map(({ u, result }) => ({
        name: u.name,
        sql: u.sql(),
        findings: result.findings,
        live: u.live !== undefined,
      })),
      args,
      io,
    );
    const files = results.map(({ u, result }, i) => {
      const r = new FileRecords(u.name, u.target, options);
      r.live = result.live;
      r.fill(kept[i]!, [], result.suppressed);
      return r;
    });
    writeDump(args, io, all);
    return finish(files, args, io, io.stdout);
  }
  // Streaming: constant memory per file, segments checked by `--concurrency` threads.
  const concurrency = concurrencyOf(args);
  const size = inputSize(all);
  const executor = await executorFor(concurrency, size);
  const progress = Progress.for(io, args.progress !== false, size, 'checked');
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
