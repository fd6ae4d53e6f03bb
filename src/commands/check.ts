// `clustrix-lint check`: report what the target rejects or treats differently, in files or in a
// live database (read-only).
import { FileRecords } from '../format/records.js';
import type { ReportFinding } from '../format/types.js';
import { checkDetailed, rules } from '../index.js';
import type { LiveSchema } from '../live/types.js';
import type { Streams } from '../node/streams.js';
import { checkStreamInto, type StreamSuppressed } from '../stream/index.js';
import { needsWholeText, streamInputs } from './executor.js';
import { applyBaseline, finish, recordOptions, unreadableRecords } from './finish.js';
import { lintOptions, readInputs, writeDump, type InputFile } from './inputs.js';
import { COMMON_OPTIONS, FILES_POSITIONAL, type CommandSpec, type CommonArgs } from './options.js';

/** A whole-text check of one input: a file, or the script read from a live database. */
async function checkWhole(
  args: CommonArgs,
  u: InputFile,
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

const rethrow = (e: unknown): never => {
  throw e;
};

export async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const all = await readInputs(args, io);
  const options = recordOptions(args, false);
  if (needsWholeText(args)) {
    // An input that cannot be read or tokenized is a finding of its own; the others are checked.
    const results: Array<{ u: InputFile; result: Awaited<ReturnType<typeof checkWhole>> } | FileRecords> = [];
    for (const u of all) {
      try {
        results.push({ u, result: await checkWhole(args, u) });
      } catch (e) {
        results.push(unreadableRecords(e, u, options) ?? rethrow(e));
      }
    }
    const checked = results.filter(
      (x): x is { u: InputFile; result: Awaited<ReturnType<typeof checkWhole>> } => !(x instanceof FileRecords),
    );
    const kept = applyBaseline(
      checked.map(({ u, result }) => ({
        name: u.name,
        sql: u.sql(),
        findings: result.findings,
        live: u.live !== undefined,
      })),
      args,
      io,
    );
    let i = 0;
    const files = results.map((x) => {
      if (x instanceof FileRecords) return x;
      const r = new FileRecords(x.u.name, x.u.target, options);
      r.live = x.result.live;
      r.fill(kept[i++]!, [], x.result.suppressed);
      return r;
    });
    writeDump(args, io, all);
    return finish(files, args, io, io.stdout);
  }
  // Streaming: constant memory per file, segments checked by `--concurrency` threads.
  const files = await streamInputs(args, io, all, 'checked', async (u, run) => {
    const r = new FileRecords(u.name, u.target, options);
    try {
      await checkStreamInto(rules, u.stream(), r, { ...lintOptions(args, u), ...run });
    } catch (e) {
      r.dispose();
      // An input that cannot be read or tokenized is a finding of its own; the others go on.
      return unreadableRecords(e, u, options) ?? rethrow(e);
    }
    return r;
  });
  return finish(files, args, io, io.stdout);
}

export const checkCommand: CommandSpec<CommonArgs> = {
  command: ['check [files..]', '$0 [files..]'],
  describe: 'report what the target rejects or treats differently',
  positionals: FILES_POSITIONAL,
  options: COMMON_OPTIONS,
  run: runCheck,
};
