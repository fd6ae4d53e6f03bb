// Who runs the segment jobs of a stream: this thread, one at a time (IN_THREAD), or a pool of
// worker threads (pool.ts). The stream takes the results in input order, whichever runs them.
import type { EngineOptions } from '../core/engine.js';
import type { FixMode } from '../core/fixer.js';
import type { Rule } from '../core/rule.js';
import type { SegmentJob } from './job.js';
import { runSegment, type SegmentResult } from './segment.js';

/** Runs segment jobs: in this thread, or in worker threads (see pool.ts). */
export interface SegmentExecutor {
  /** How many jobs it runs at once. */
  readonly parallel: number;
  /** Whether the next job will run in this thread (its tokens then save tokenizing its text again). */
  readonly local?: boolean;
  /**
   * The one rule set it runs, when it cannot run another (a pool of worker threads: each worker
   * loads the built-in rules itself); absent when it runs the rules each call passes. A stream
   * refuses an executor whose rule set is not its own.
   */
  readonly rules?: readonly Rule[];
  /**
   * Runs one job with `rules` (which must be `this.rules` when that is set: an executor refuses
   * another set rather than ignore it), `options` and `mode` (null: check).
   */
  run(job: SegmentJob, rules: readonly Rule[], options: EngineOptions, mode: FixMode | null): Promise<SegmentResult>;
}

/** The executor that runs jobs in this thread, one at a time, with whatever rules it is given. */
export const IN_THREAD: SegmentExecutor = {
  parallel: 1,
  // Runs at once; a failure becomes the promise's (the stream places bad input when it takes it).
  run: (job, rules, options, mode) => new Promise((resolve) => resolve(runSegment(job, rules, options, mode))),
};
