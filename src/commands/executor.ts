// How a check or fix run is carried out: on whole texts (live databases, baselines, diffs need
// them) or streaming; and the streaming executor, this thread or a pool of worker threads, with
// how many inputs are worked on at once.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isServerUrl } from '../live/connect.js';
import { STDIN } from '../node/files.js';
import { UsageError } from '../node/io.js';
import { Progress } from '../node/progress.js';
import type { Streams } from '../node/streams.js';
import { IN_THREAD, type SegmentExecutor } from '../stream/index.js';
import type { InputFile } from './inputs.js';
import type { CommonArgs } from './options.js';

/** Whole-text processing is needed for live databases (read whole), baselines (fingerprints of statement texts) and diffs. */
export function needsWholeText(args: CommonArgs & { diff?: string }): boolean {
  return (
    args.files.some(isServerUrl) ||
    args.baseline !== undefined ||
    args.baselineWrite !== undefined ||
    args.diff !== undefined
  );
}

/** Inputs smaller than this are checked in this thread with --concurrency auto. */
export const POOL_MIN_BYTES = 16 * 1024 * 1024;

/** The threads --concurrency asks for (auto: one per core). */
export function concurrencyOf(args: CommonArgs): { threads: number; auto: boolean } {
  const c = args.concurrency;
  if (c === undefined || c === 'auto') return { threads: Math.max(1, availableParallelism()), auto: true };
  const n = typeof c === 'number' ? c : Number(c);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`--concurrency ${String(c)}: expected auto or a whole number from 1`);
  }
  return { threads: n, auto: false };
}

/**
 * The executor for a run: this thread for --concurrency 1, and for `auto` on inputs known to be
 * small (`bytes`; null when unknown); else a pool of worker threads (loaded only then). An explicit
 * --concurrency N uses the pool whatever the size.
 */
export async function executorFor(
  concurrency: { threads: number; auto: boolean },
  bytes: number | null,
): Promise<SegmentExecutor & { close(): Promise<void> }> {
  const small = concurrency.auto && bytes !== null && bytes < POOL_MIN_BYTES;
  if (concurrency.threads <= 1 || small) return { ...IN_THREAD, close: async () => undefined };
  const { WorkerPool } = await import('../stream/pool.js');
  if (!WorkerPool.available()) return { ...IN_THREAD, close: async () => undefined };
  return new WorkerPool(concurrency.threads);
}

/** The size of all the inputs, or null when one is standard input. */
export function inputSize(all: readonly InputFile[]): number | null {
  let total = 0;
  for (const u of all) {
    if (u.live !== undefined) continue; // read already, and small
    if (u.input.path === STDIN) return null;
    try {
      total += statSync(u.path).size;
    } catch {
      return null;
    }
  }
  return total;
}

/** How many inputs a streaming run works on at once: two per thread, or one in this thread. */
export function inputsAtOnce(concurrency: { threads: number }): number {
  return concurrency.threads > 1 ? concurrency.threads * 2 : 1;
}

/**
 * Runs `task` over `items`, up to `limit` at once, and resolves to the results in input order. On a
 * failure no further task starts; the running ones finish, and the error of the first item (in
 * input order) that failed is thrown.
 */
export async function inOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const errors: Array<{ at: number; error: unknown }> = [];
  let next = 0;
  const run = async () => {
    while (next < items.length && errors.length === 0) {
      const at = next++;
      try {
        results[at] = await task(items[at]!);
      } catch (error) {
        errors.push({ at, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  if (errors.length > 0) throw errors.sort((x, y) => x.at - y.at)[0]!.error;
  return results;
}

/** What a streaming run gives the work on each input: the executor and the progress counter. */
export interface StreamRun {
  readonly executor: SegmentExecutor;
  readonly onBytes: ((n: number) => void) | undefined;
}

/**
 * Streams the inputs through `each`, as many at once as --concurrency allows, with one executor
 * and one progress line (`verb`: what the line says of the bytes done) for the whole run; the
 * results in input order. The executor is closed and the progress line cleared however it ends.
 */
export async function streamInputs<R>(
  args: CommonArgs,
  io: Streams,
  all: readonly InputFile[],
  verb: 'checked' | 'fixed',
  each: (input: InputFile, run: StreamRun) => Promise<R>,
): Promise<R[]> {
  const concurrency = concurrencyOf(args);
  const size = inputSize(all);
  const executor = await executorFor(concurrency, size);
  const progress = Progress.for(io, args.progress !== false, size, verb);
  const run: StreamRun = { executor, onBytes: progress === null ? undefined : (n) => progress.add(n) };
  try {
    return await inOrder(all, inputsAtOnce(concurrency), (u) => each(u, run));
  } finally {
    progress?.clear();
    await executor.close();
  }
}
