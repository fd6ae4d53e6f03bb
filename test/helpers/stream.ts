// A stand-in for the worker pool, for the streaming tests.
import { runSegment, type SegmentExecutor } from '../../src/stream/index.js';

/**
 * Runs jobs as the worker pool does, in this thread: jobs and results copied (structured clone,
 * as postMessage does), no tokens from the cutter, and results coming back out of order (each
 * after a few event-loop turns, varying), so the stream must take them in input order.
 */
export function fakePool(parallel = 3): SegmentExecutor {
  let n = 0;
  return {
    parallel,
    local: false,
    run: async (job, rules, options, lossy) => {
      const copy = structuredClone(job);
      for (let k = (n++ * 7) % 5; k > 0; k--) await new Promise((r) => setImmediate(r));
      return structuredClone(runSegment(copy, rules, options, lossy));
    },
  };
}
