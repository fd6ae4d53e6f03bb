// The Node entry point (`clustrix-lint`): the portable API of api.ts, with node-sql-parser and
// diff loaded lazily (deps-node.ts, so a plain check loads neither), plus the Node-only streaming
// helpers and live-database reading. Browsers, web workers and Deno use src/core.ts
// (`clustrix-lint/core`) instead.
import './deps-node.js';
import { getTarget } from './catalog.js';
import type { Finding } from './rule.js';
import { checkSuggestionRules } from './suggestions.js';
import { checkStreamWith, fixStreamWith, type StreamFixResult } from './stream.js';
import type { LiveRead } from './live/check.js';
import type { ReadDatabaseOptions } from './live/index.js';
import { rules, serverRules } from '../rules/index.js';
import { forScripts, type CheckOptions, type FixOptions } from './api.js';

export * from './api.js';
export type { StreamFixResult } from './stream.js';

/**
 * Checks a script read from a stream (file, stdin, …) in constant memory, segment by segment.
 * The findings are those of `check` on the whole text, except that a disable-file comment does
 * not reach back into segments (about 1 MB each) before the one it is written in.
 */
export function checkStream(
  input: AsyncIterable<Uint8Array | string>,
  options: CheckOptions & { segmentSize?: number } = {},
): Promise<Finding[]> {
  getTarget(options.target);
  return checkStreamWith(rules, input, forScripts(options));
}

/** Fixes a script read from a stream, handing the clean script to `write` as it is produced. */
export function fixStream(
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => void | Promise<void>,
  options: FixOptions & { segmentSize?: number } = {},
): Promise<StreamFixResult> {
  getTarget(options.target);
  checkSuggestionRules(rules, options);
  return fixStreamWith(rules, input, write, forScripts(options));
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
