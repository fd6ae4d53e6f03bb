// A worker thread of the segment pool (see pool.ts): loads the rules itself and runs the segment
// jobs it is sent, one at a time, answering each with its result or its error.
import { parentPort } from 'node:worker_threads';
// The parser and diff libraries, loaded on first use as in the Node entry point (deps.ts).
import '../node/deps-node.js';
import { rules } from '../../rules/index.js';
import type { EngineOptions } from '../core/engine.js';
import type { FixMode } from '../core/fixer.js';
import { SqlSyntaxError } from '../core/errors.js';
import type { SegmentJob } from './job.js';
import { runSegment } from './segment.js';

export interface JobMessage {
  readonly id: number;
  readonly job: SegmentJob;
  readonly options: EngineOptions;
  /** null to check; else the fix mode (lossy fixes, suggestions). */
  readonly mode: FixMode | null;
}

/** An error as plain data: its class name, message and the fields of a SqlSyntaxError. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly reason?: string;
  readonly offset?: number;
}

const port = parentPort;
if (port === null) throw new Error('stream/worker.js runs as a worker thread');
port.on('message', (m: JobMessage) => {
  try {
    port.postMessage({ id: m.id, result: runSegment(m.job, rules, m.options, m.mode) });
  } catch (e) {
    const error: WireError =
      e instanceof Error
        ? {
            name: e.name,
            message: e.message,
            stack: e.stack,
            ...(e instanceof SqlSyntaxError ? { reason: e.reason, offset: e.offset } : {}),
          }
        : { name: 'Error', message: String(e) };
    port.postMessage({ id: m.id, error });
  }
});
