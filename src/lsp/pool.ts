// The check worker, seen from the server's main thread: one worker_thread runs the checks and fixes
// one job at a time, so the main thread keeps answering the client while a 5 MB dump is checked.
// A job that went stale (its document changed or closed) is dropped from the queue, and when it is
// the one running, the worker is terminated and a new one started: checks are synchronous and
// cannot be interrupted otherwise, and the new worker loads during the next change's debounce.
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest, WorkerResult } from './protocol.js';

/** What a job resolves to when it was cancelled before it finished. */
export const CANCELLED: unique symbol = Symbol('cancelled');

interface Job {
  readonly id: number;
  readonly request: WorkerRequest;
  /** The document and version the job is about; null for jobs that never go stale. */
  readonly uri: string | null;
  readonly version: number;
  readonly resolve: (result: WorkerResult | typeof CANCELLED) => void;
  readonly reject: (error: Error) => void;
}

export class CheckPool {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;
  private disposed = false;
  /** How many workers were terminated to cancel a running job (for the log and the tests' curiosity). */
  terminations = 0;

  constructor(
    private readonly script: URL,
    private readonly log: (message: string) => void,
  ) {}

  /** Queues a job; resolves to its result, or CANCELLED. */
  run(request: WorkerRequest): Promise<WorkerResult | typeof CANCELLED> {
    if (this.disposed) return Promise.resolve(CANCELLED);
    const doc = request.type === 'forget' ? null : request.doc;
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        request,
        uri: doc?.uri ?? null,
        version: doc?.version ?? 0,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /**
   * Cancels the jobs about `uri` for a version older than `version` (all of them with Infinity,
   * when the document closed). A running one is stopped by terminating the worker.
   */
  cancelStale(uri: string, version: number): void {
    for (let k = this.queue.length - 1; k >= 0; k--) {
      const job = this.queue[k]!;
      if (job.uri === uri && job.version < version) {
        this.queue.splice(k, 1);
        job.resolve(CANCELLED);
      }
    }
    const running = this.running;
    if (running !== null && running.uri === uri && running.version < version) {
      this.running = null;
      this.restart();
      running.resolve(CANCELLED);
      this.pump();
    }
  }

  /** Cancels the jobs whose request passes `predicate` (a request the client cancelled), running or queued. */
  cancel(predicate: (request: WorkerRequest) => boolean): void {
    for (let k = this.queue.length - 1; k >= 0; k--) {
      const job = this.queue[k]!;
      if (predicate(job.request)) {
        this.queue.splice(k, 1);
        job.resolve(CANCELLED);
      }
    }
    const running = this.running;
    if (running !== null && predicate(running.request)) {
      this.running = null;
      this.restart();
      running.resolve(CANCELLED);
      this.pump();
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve(CANCELLED);
    this.running?.resolve(CANCELLED);
    this.running = null;
    const w = this.worker;
    this.worker = null;
    if (w !== null) await w.terminate();
  }

  private restart(): void {
    const old = this.worker;
    this.worker = null;
    if (old !== null) {
      this.terminations++;
      void old.terminate();
    }
    this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(this.script);
    w.on('message', (m: WorkerMessage) => {
      if (w !== this.worker) return;
      const job = this.running;
      for (const line of m.log) this.log(line);
      if (job === null || job.id !== m.id) return;
      this.running = null;
      if (m.ok) job.resolve(m.result);
      else job.reject(new Error(m.error));
      this.pump();
    });
    const lost = (why: string) => {
      if (w !== this.worker) return;
      this.worker = null;
      const job = this.running;
      this.running = null;
      this.log(`clustrix-lint: the check worker stopped (${why}); starting a new one`);
      job?.reject(new Error(`the check worker stopped (${why})`));
      this.pump();
    };
    w.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => lost(`exit code ${code}`));
    // The worker must never keep the process alive: the server exits when the client says so.
    w.unref();
    this.worker = w;
    return w;
  }

  private pump(): void {
    if (this.disposed || this.running !== null) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    this.running = job;
    (this.worker ?? this.spawn()).postMessage({ id: job.id, request: job.request });
  }
}
