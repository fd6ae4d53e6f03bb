// `clustrix-lint fix`: write a clean script (stdout, -o FILE or --write) and optionally a diff.
// For a live database the clean script is made from the schema read from it (read-only): the
// server is never changed.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { STDIN, sameFile } from '../node/files.js';
import { FileRecords } from '../format/records.js';
import { fix, rules, type FixResult } from '../index.js';
import { AtomicWriter, UsageError, writeFileAtomic } from '../node/io.js';
import { writeToStream, type Streams } from '../node/streams.js';
import { decodeChunks, encodeScript } from '../node/encoding.js';
import { fixStreamInto, type StreamWrite } from '../stream/index.js';
import { needsWholeText, streamInputs } from './executor.js';
import { applyBaseline, finish, recordOptions, unreadableRecords } from './finish.js';
import { lintOptions, readInputs, writeDump, type InputFile } from './inputs.js';
import {
  COMMON_OPTIONS,
  FILES_POSITIONAL,
  SUGGESTION_OPTIONS,
  suggestionsOption,
  type CommandSpec,
  type CommonArgs,
  type SuggestionArgs,
} from './options.js';

export interface FixArgs extends CommonArgs, SuggestionArgs {
  output?: string;
  write: boolean;
  diff?: string;
  lossy: boolean;
}

const rethrow = (e: unknown): never => {
  throw e;
};

/** Says that fix wrote nothing because some of its inputs could not be read or tokenized. */
function nothingWritten(io: Streams, unreadable: number, inputs: number): void {
  if (inputs === 1) return; // its own message says it all
  const which = unreadable === 1 ? '1 input' : `${unreadable} inputs`;
  const others = unreadable < inputs ? ' (the report says what fix would do with the others)' : '';
  io.stderr.write(`clustrix-lint: nothing was written: ${which} could not be read or tokenized${others}\n`);
}

/** The fix policy the flags ask for: lossy fixes, suggestions. */
type Policy = { lossy: boolean; suggestions: boolean | string[] };

/** Where fix writes: the clean script to standard output or not, and the stream the report goes to. */
interface Destinations {
  readonly sqlToStdout: boolean;
  readonly reportStream: Streams['stdout'];
}

/** What both ways of fixing take: the arguments, the policy, the streams, the inputs, where output goes. */
interface FixRun {
  readonly args: FixArgs;
  readonly policy: Policy;
  readonly io: Streams;
  readonly all: readonly InputFile[];
  readonly to: Destinations;
}

/** Checks -o, --write and --diff against the inputs, and says where the script and report go. */
function destinations(args: FixArgs, io: Streams, all: readonly InputFile[]): Destinations {
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
  return { sqlToStdout, reportStream: sqlToStdout || args.diff === '-' ? io.stderr : io.stdout };
}

export async function runFix(args: FixArgs, io: Streams): Promise<number> {
  if (args.output !== undefined && args.write) throw new UsageError('use either -o/--output or --write, not both');
  const policy = { lossy: args.lossy, suggestions: suggestionsOption(args) };
  const all = await readInputs(args, io);
  const run: FixRun = { args, policy, io, all, to: destinations(args, io, all) };
  return needsWholeText(args) ? runFixWhole(run) : runFixStreaming(run);
}

/**
 * fix on whole texts (live databases, baselines, diffs): everything is computed first, so a bad
 * input means nothing at all is written; the report still says what fix would have done with the
 * others.
 */
async function runFixWhole({ args, policy, io, all, to }: FixRun): Promise<number> {
  const { sqlToStdout, reportStream } = to;
  const live = all.find((u) => u.live !== undefined);
  const fixLive = live === undefined ? undefined : (await import('../live/check.js')).fixLive;
  const options = recordOptions(args, true);
  const results: Array<{ u: InputFile; sql: string; result: FixResult }> = [];
  const unreadable = new Map<InputFile, FileRecords>();
  for (const u of all) {
    try {
      const sql = u.sql();
      const lint = { ...lintOptions(args, u), ...policy };
      const result: FixResult = u.live !== undefined && fixLive !== undefined ? fixLive(u.live, lint) : fix(sql, lint);
      results.push({ u, sql, result });
    } catch (e) {
      unreadable.set(u, unreadableRecords(e, u, options) ?? rethrow(e));
    }
  }
  const kept = applyBaseline(
    results.map(({ u, result }) => ({
      name: u.name,
      sql: result.output,
      findings: result.remaining,
      live: u.live !== undefined,
    })),
    args,
    io,
  );
  const fixed = results.map(({ u, result }, i) => {
    const r = new FileRecords(u.name, u.target, options);
    r.live = u.live?.schema ?? null;
    r.fill(kept[i]!, result.applied);
    for (const f of result.superseded) r.superseded(f);
    if (args.format === 'json' && !sqlToStdout)
      r.output = async function* () {
        yield result.output;
      };
    return r;
  });
  const files = all.map((u) => unreadable.get(u) ?? fixed[results.findIndex((x) => x.u === u)]!);
  if (unreadable.size > 0) {
    nothingWritten(io, unreadable.size, all.length);
    return finish(files, args, io, reportStream);
  }

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
    if (args.diff === '-') io.stdout.write(encodeScript(diff));
    else writeFileAtomic(resolve(io.cwd, args.diff), diff);
  }
  if (sqlToStdout) io.stdout.write(encodeScript(results[0]!.result.output));
  writeDump(args, io, all);
  return finish(files, args, io, reportStream);
}

/**
 * fix without whole-text needs: each input streams through the fixer into a temporary file (or
 * standard output); temporary files are renamed into place only when every input succeeded.
 */
async function runFixStreaming({ args, policy, io, all, to }: FixRun): Promise<number> {
  const { sqlToStdout, reportStream } = to;
  const pending: Array<{ writer: AtomicWriter; keepModeOf?: string; changed: boolean }> = [];
  const options = recordOptions(args, true);
  let files: FileRecords[];
  try {
    files = await streamInputs(args, io, all, 'fixed', async (u, run) => {
      const path = resolve(io.cwd, u.input.path);
      let write: StreamWrite;
      let entry: (typeof pending)[number] | undefined;
      let destination: string | undefined;
      if (sqlToStdout) write = (chunk) => writeToStream(io.stdout, chunk);
      else {
        destination = args.write ? path : resolve(io.cwd, args.output!);
        const w = new AtomicWriter(destination);
        entry = { writer: w, keepModeOf: args.write ? path : undefined, changed: false };
        pending.push(entry);
        write = (chunk) => w.write(chunk);
      }
      const r = new FileRecords(u.name, u.target, options);
      try {
        await fixStreamInto(rules, u.stream(), write, r, {
          ...lintOptions(args, u),
          ...policy,
          ...run,
        });
      } catch (e) {
        r.dispose();
        entry?.writer.abort();
        // An input that cannot be read or tokenized is a finding of its own; the others go on,
        // and nothing at all is written.
        return unreadableRecords(e, u, options) ?? rethrow(e);
      }
      if (entry !== undefined) entry.changed = r.appliedCount > 0;
      // The JSON report carries the clean script when it goes to a file: read back once written.
      if (args.format === 'json' && destination !== undefined) {
        const file = destination;
        r.output = () => decodeChunks(createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
      }
      return r;
    });
  } catch (e) {
    for (const p of pending) p.writer.abort();
    throw e;
  }
  const unreadable = files.filter((r) => r.fatal !== null).length;
  if (unreadable > 0) {
    for (const p of pending) p.writer.abort();
    for (const r of files) r.output = null;
    // With the script on stdout (one input), what came before the bad place is already out.
    if (!sqlToStdout) nothingWritten(io, unreadable, all.length);
    return finish(files, args, io, reportStream);
  }
  for (const p of pending) {
    // With --write, a file that needed no fix is left exactly as it was (no new mtime).
    if (args.write && !p.changed) p.writer.abort();
    else p.writer.commit(p.keepModeOf);
  }
  return finish(files, args, io, reportStream);
}

export const fixCommand: CommandSpec<FixArgs> = {
  command: 'fix [files..]',
  describe: 'write a clean script (to stdout, -o FILE or --write) and optionally a diff report',
  positionals: FILES_POSITIONAL,
  options: {
    ...COMMON_OPTIONS,
    ...SUGGESTION_OPTIONS,
    output: { alias: 'o', describe: 'write the clean script here (one input; - for stdout)', type: 'string', nargs: 1 },
    write: { describe: 'fix the input files in place', type: 'boolean', default: false },
    diff: { describe: 'write a unified diff of the changes to FILE, or - for stdout', type: 'string', nargs: 1 },
    lossy: { describe: 'also apply fixes that drop a feature the target lacks', type: 'boolean', default: false },
  },
  run: runFix,
};
