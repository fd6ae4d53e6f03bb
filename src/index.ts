// The Node entry point (`clustrix-lint`): the portable API of api.ts, with node-sql-parser and
// diff loaded lazily (deps-node.ts, so a plain check loads neither), plus the Node-only streaming
// helpers and live-database reading. Browsers, web workers and Deno use src/core.ts
// (`clustrix-lint/core`) instead.
import './node/deps-node.js';
import { getTarget } from './core/catalog/index.js';
import type { Finding } from './core/rule.js';
import { checkSuggestionRules } from './core/suggestions.js';
import { checkStreamWith, fixStreamWith, type SegmentExecutor, type StreamFixResult } from './stream/index.js';
import type { LiveRead } from './live/check.js';
import type { ReadDatabaseOptions } from './live/index.js';
import { rules, serverRules } from '../rules/index.js';
import { forScripts, type CheckOptions, type FixOptions } from './core/api.js';

export * from './core/api.js';
export type { StreamFixResult } from './stream/index.js';

/** Options of the stream functions. */
export interface StreamApiOptions {
  /** Bytes per segment (default 1 MiB). */
  readonly segmentSize?: number;
  /**
   * Worker threads that check (and fix) segments in parallel; 1 (the default) runs everything in
   * this thread. The results are those of one segment after the other, whatever the number.
   */
  readonly concurrency?: number;
}

/** Runs `run` with the executor `concurrency` asks for, closing its workers afterwards. */
async function withExecutor<T>(concurrency: number | undefined, run: (executor?: SegmentExecutor) => Promise<T>) {
  if (concurrency === undefined || concurrency <= 1) return run();
  const { WorkerPool } = await import('./stream/pool.js');
  if (!WorkerPool.available()) return run();
  const pool = new WorkerPool(concurrency);
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}

/**
 * Checks a script read from a stream (file, stdin, …) in constant memory, segment by segment.
 * The findings are those of `check` on the whole text, except that a disable-file comment does
 * not reach back into segments (about 1 MB each) before the one it is written in.
 */
export function checkStream(
  input: AsyncIterable<Uint8Array | string>,
  options: CheckOptions & StreamApiOptions = {},
): Promise<Finding[]> {
  getTarget(options.target);
  return withExecutor(options.concurrency, (executor) =>
    checkStreamWith(rules, input, { ...forScripts(options), executor }),
  );
}

/**
 * Fixes a script read from a stream, handing the clean script to `write` as it is produced. The
 * edits of an applied fix are offsets into the input (for a first pass), and its statement text
 * is an excerpt of at most 200 characters.
 */
export function fixStream(
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: FixOptions & StreamApiOptions = {},
): Promise<StreamFixResult> {
  getTarget(options.target);
  checkSuggestionRules(rules, options);
  return withExecutor(options.concurrency, (executor) =>
    fixStreamWith(rules, input, write, { ...forScripts(options), executor }),
  );
}

/**
 * Reads a live database (`mysql://user@host[:port]/db1,db2`) through a read-only session, for
 * checkLive and fixLive. The only function here that does I/O; mysql2 is loaded on first use.
 */
export async function readDatabase(url: string, options: ReadDatabaseOptions = {}): Promise<LiveRead> {
  return (await import('./live/index.js')).readDatabase(url, options);
}

export { checkLive, fixLive } from './live/check.js';
export type {
  LiveCheckOptions,
  LiveCheckResult,
  LiveFixResult,
  LiveRead,
  LocatedFinding,
  LocatedFix,
} from './live/check.js';
export type { ReadDatabaseOptions } from './live/index.js';
export type { LiveFacts } from './live/facts.js';
export { liveFacts } from './live/facts.js';
export type {
  DefinerUse,
  HiddenKind,
  LiveDatabase,
  LiveObject,
  LivePartition,
  LiveSchema,
  LiveServer,
  LiveTableFacts,
  ObjectLocation,
  ObjectType,
} from './live/types.js';
export { serverRules };
