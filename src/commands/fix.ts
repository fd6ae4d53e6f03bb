// `clustrix-lint fix`: write a clean script (stdout, -o FILE or --write) and optionally a diff.
// For a live database the clean script is made from the schema read from it (read-only): the
// server is never changed.
import { resolve } from 'node:path';
import { STDIN } from '../files.js';
import type { FileReport } from '../format/types.js';
import { fix, fixStream, type FixResult } from '../index.js';
import { AtomicWriter, UsageError, writeFileAtomic } from '../io.js';
import {
  finish,
  lintOptions,
  needsWholeText,
  sameFile,
  suggestionOptions,
  suggestionsOption,
  units,
  writeDump,
  writeToStream,
  type CommandSpec,
  type CommonArgs,
  type Streams,
  type SuggestionArgs,
  type Unit,
} from './shared.js';

export interface FixArgs extends CommonArgs, SuggestionArgs {
  output?: string;
  write: boolean;
  diff?: string;
  lossy: boolean;
}

export async function runFix(args: FixArgs, io: Streams): Promise<number> {
  if (args.output !== undefined && args.write) throw new UsageError('use either -o/--output or --write, not both');
  const policy = { lossy: args.lossy, suggestions: suggestionsOption(args) };
  const all = await units(args, io);
  const usesStdin = all.some((u) => u.input.path === STDIN);
  if (args.write && usesStdin) throw new UsageError('--write cannot write to standard input; use -o');
  const live = all.find((u) => u.live !== undefined);
  if (args.write && live !== undefined)
    throw new UsageError(`--write: ${live.name} is a live database, which fix never changes; use -o FILE`);
  if (args.output !== undefined && all.length !== 1) throw new UsageError('-o/--output takes exactly one input file');
  if (
    args.output !== undefined &&
    args.output !== '-' &&
    !usesStdin &&
    live === undefined &&
    sameFile(resolve(io.cwd, args.output), resolve(io.cwd, all[0]!.input.path))
  ) {
    throw new UsageError(`${args.output}: -o points at the input; use --write to fix a file in place`);
  }
  const sqlToStdout = args.output === '-' || (args.output === undefined && !args.write && args.diff === undefined);
  if (sqlToStdout && all.length !== 1) {
    throw new UsageError('several inputs: use --write to fix them in place, or --diff to review the changes');
  }
  if (sqlToStdout && args.diff === '-')
    throw new UsageError('--diff - and the clean script cannot both go to standard output');
  const reportStream = sqlToStdout || args.diff === '-' ? io.stderr : io.stdout;
  if (!needsWholeText(args)) return runFixStreaming(args, policy, io, all, sqlToStdout, reportStream);

  // Compute everything first: a bad file means nothing at all is written.
  const fixLive = live === undefined ? undefined : (await import('../live/check.js')).fixLive;
  const results = all.map((u) => {
    const sql = u.sql();
    const options = { ...lintOptions(args, u), ...policy };
    const result: FixResult =
      u.live !== undefined && fixLive !== undefined ? fixLive(u.live, options) : fix(sql, options);
    return { u, sql, result };
  });
  const sqlOf = new Map<FileReport, string>();
  const reports: FileReport[] = results.map(({ u, result }) => {
    const report: FileReport = {
      filePath: u.name,
      target: u.target,
      findings: result.remaining,
      applied: result.applied,
      superseded: result.superseded,
      ...(args.format === 'json' && !sqlToStdout ? { output: result.output } : {}),
      ...(u.live === undefined ? {} : { live: u.live.schema }),
    };
    sqlOf.set(report, result.output);
    return report;
  });

  if (args.output !== undefined && args.output !== '-')
    writeFileAtomic(resolve(io.cwd, args.output), results[0]!.result.output);
  if (args.write) {
    for (const { u, sql, result } of results) {
      const path = resolve(io.cwd, u.input.path);
      if (result.output !== sql) writeFileAtomic(path, result.output, path);
    }
  }
  if (args.diff !== undefined) {
    const diff = results.map((r) => r.result.diff).join('');
    if (args.diff === '-') io.stdout.write(diff);
    else writeFileAtomic(resolve(io.cwd, args.diff), diff);
  }
  if (sqlToStdout) io.stdout.write(results[0]!.result.output);
  writeDump(args, io, all);
  return finish(reports, sqlOf, args, io, reportStream);
}

/**
 * fix without whole-text needs: each input streams through the fixer into a temporary file (or
 * standard output); temporary files are renamed into place only when every input succeeded.
 */
async function runFixStreaming(
  args: FixArgs,
  policy: { lossy: boolean; suggestions: boolean | string[] },
  io: Streams,
  all: Unit[],
  sqlToStdout: boolean,
  reportStream: Streams['stdout'],
): Promise<number> {
  const pending: Array<{ writer: AtomicWriter; keepModeOf?: string; changed: boolean }> = [];
  const reports: FileReport[] = [];
  try {
    for (const u of all) {
      const path = resolve(io.cwd, u.input.path);
      let writer: AtomicWriter | undefined;
      let write: (text: string) => void | Promise<void>;
      if (sqlToStdout) write = (text) => writeToStream(io.stdout, text);
      else {
        const w = new AtomicWriter(args.write ? path : resolve(io.cwd, args.output!));
        writer = w;
        write = (text) => w.write(text);
      }
      const entry =
        writer === undefined ? undefined : { writer, keepModeOf: args.write ? path : undefined, changed: false };
      if (entry !== undefined) pending.push(entry);
      const result = await fixStream(u.stream(), write, { ...lintOptions(args, u), ...policy });
      if (entry !== undefined) entry.changed = result.applied.length > 0;
      reports.push({
        filePath: u.name,
        target: u.target,
        findings: result.remaining,
        applied: result.applied,
        superseded: result.superseded,
      });
    }
  } catch (e) {
    for (const p of pending) p.writer.abort();
    throw e;
  }
  for (const p of pending) {
    // With --write, a file that needed no fix is left exactly as it was (no new mtime).
    if (args.write && !p.changed) p.writer.abort();
    else p.writer.commit(p.keepModeOf);
  }
  return finish(reports, new Map(), args, io, reportStream);
}

export const fixCommand: CommandSpec<FixArgs> = {
  command: 'fix [files..]',
  describe: 'write a clean script (to stdout, -o FILE or --write) and optionally a diff report',
  builder: (y, common) =>
    suggestionOptions(common(y))
      .option('output', {
        alias: 'o',
        describe: 'write the clean script here (one input; - for stdout)',
        type: 'string',
        nargs: 1,
      })
      .option('write', { describe: 'fix the input files in place', type: 'boolean', default: false })
      .option('diff', {
        describe: 'write a unified diff of the changes to FILE, or - for stdout',
        type: 'string',
        nargs: 1,
      })
      .option('lossy', {
        describe: 'also apply fixes that drop a feature the target lacks',
        type: 'boolean',
        default: false,
      }),
  run: runFix,
};
