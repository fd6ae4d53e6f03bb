// A pool of worker threads that check and fix stream segments in parallel (--concurrency). The
// stream takes their results in input order (see StreamRun in run.ts), so the output and the
// findings are those of one segment after the other. Workers start only when a run has enough
// work for them: the first jobs run in this thread, so a small file never waits for a worker.
// Functions do not cross to a thread, so each worker loads the built-in rules itself: that is the
// one rule set a pool runs, and it refuses any other.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from '../core/engine.js';
import type { FixMode } from '../core/fixer.js';
import { ConfigError, InternalError, SqlSyntaxError } from '../core/errors.js';
import type { Rule } from '../core/rule.js';
import { rules as builtIn } from '../../rules/index.js';
import { IN_THREAD, type SegmentExecutor } from './executor.js';
import type { SegmentJob } from './job.js';
import type { SegmentResult } from './segment.js';
import type { JobMessage, WireError } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Jobs (segments, or small files) run in this thread before the workers start: starting a worker
 * costs about what checking a few segments does, so a run that ends sooner never starts them.
 */
const WARM_UP = 8;

/** Rebuilds an error a worker sent, with its class. */
function revive(e: WireError): Error {
  let error: Error;
  if (e.name === 'SqlSyntaxError') error = new SqlSyntaxError(e.reason ?? e.message, e.offset ?? -1);
  else if (e.name === 'InternalError') error = new InternalError(e.message);
  else if (e.name === 'ConfigError') error = new ConfigError(e.message);
  else error = new InternalError(`${e.name}: ${e.message}`);
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
}

/**
 * Runs segment jobs of the built-in rules in `size` worker threads (a worker loads them itself).
 * Call close() when done; the workers keep the process alive only while they have work.
 */
export class WorkerPool implements SegmentExecutor {
  readonly parallel: number;
  /** The one rule set the pool runs: the built-in rules, which each worker loads. */
  readonly rules: readonly Rule[] = builtIn;
  private slots: Slot[] | null = null;
  private readonly waiting: Array<{ message: JobMessage }> = [];
  private readonly pending = new Map<
    number,
    { resolve: (r: SegmentResult) => void; reject: (e: Error) => void; slot: Slot | null }
  >();
  private nextId = 0;
  private seen = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    this.parallel = Math.max(1, size);
  }

  /** Whether worker threads can run here (the pool runs from the built files, not the TypeScript sources). */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER));
  }

  get local(): boolean {
    return this.slots === null && this.seen < WARM_UP;
  }

  /** Runs a job with the built-in rules; `rules` must be those (`this.rules`): any other set is refused. */
  run(job: SegmentJob, rules: readonly Rule[], options: EngineOptions, mode: FixMode | null): Promise<SegmentResult> {
    if (rules !== this.rules)
      return Promise.reject(new InternalError('a worker pool runs the built-in rules, not another rule set'));
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.slots === null && this.seen++ < WARM_UP) return IN_THREAD.run(job, rules, options, mode);
    this.slots ??= this.spawn();
    const id = this.nextId++;
    // Tokens made for a job in this thread are not worth copying to a worker: it makes its own.
    const { tokens: _tokens, ...plain } = job;
    const message: JobMessage = { id, job: plain, options, mode };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot: null });
      this.waiting.push({ message });
      this.dispatch();
    });
  }

  private spawn(): Slot[] {
    return Array.from({ length: this.parallel }, () => {
      const worker = new Worker(WORKER);
      const slot: Slot = { worker, busy: false };
      worker.unref();
      worker.on('message', (m: { id: number; result?: SegmentResult; error?: WireError }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        slot.busy = false;
        if (this.pending.size === 0 && this.waiting.length === 0) this.unrefAll();
        if (p !== undefined) {
          if (m.error !== undefined) p.reject(revive(m.error));
          else p.resolve(m.result!);
        }
        this.dispatch();
      });
      worker.on('error', (e) => this.fail(new InternalError(`a worker thread failed: ${e.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0 && this.failure === null)
          this.fail(new InternalError(`a worker thread exited with code ${code}`));
      });
      return slot;
    });
  }

  private dispatch(): void {
    for (const slot of this.slots ?? []) {
      if (slot.busy) continue;
      const next = this.waiting.shift();
      if (next === undefined) return;
      slot.busy = true;
      slot.worker.ref();
      const p = this.pending.get(next.message.id);
      if (p !== undefined) p.slot = slot;
      slot.worker.postMessage(next.message);
    }
  }

  private unrefAll(): void {
    for (const slot of this.slots ?? []) slot.worker.unref();
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.waiting.length = 0;
    this.unrefAll();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = null;
    this.failure ??= new InternalError('the worker pool is closed');
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
