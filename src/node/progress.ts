// One progress line on a terminal for long work: bytes done, MB/s and, when the size is known,
// the share done and the time left; redrawn in place at most a few times a second and cleared at
// the end. Never when standard error is not a terminal, under CI (CI set), or with --no-progress,
// and only for inputs over MIN_BYTES (a smaller input is done before a line would help).
import type { Streams } from './streams.js';

/** Inputs smaller than this never show progress. */
export const MIN_BYTES = 50 * 1024 * 1024;
const REDRAW_MS = 200;

/** Whether `CI` says this runs under continuous integration. */
export function underCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const mb = (bytes: number) => (bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 });

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export class Progress {
  private done = 0;
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  private constructor(
    private readonly stream: Streams['stderr'] & { columns?: number },
    /** The bytes to read in all, or null when unknown (standard input). */
    private readonly total: number | null,
    private readonly verb: string,
  ) {}

  /** A progress line for this run, or null when none is to be shown. */
  static for(io: Streams, enabled: boolean, total: number | null, verb: string): Progress | null {
    if (!enabled || io.stderr.isTTY !== true || underCi(io.env)) return null;
    if (total !== null && total < MIN_BYTES) return null;
    return new Progress(io.stderr, total, verb);
  }

  /** Counts `n` more bytes read; redraws when it is time. */
  add(n: number): void {
    this.done += n;
    if (this.done < MIN_BYTES) return;
    const now = Date.now();
    if (now - this.last < REDRAW_MS) return;
    this.last = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    let text = `clustrix-lint: ${this.verb} ${mb(this.done)} MB`;
    if (this.total !== null && this.total > 0) {
      const share = Math.min(100, Math.floor((100 * this.done) / this.total));
      text += ` of ${mb(this.total)} MB (${share} %)`;
    }
    text += `, ${mb(rate)} MB/s`;
    if (this.total !== null && rate > 0) text += `, ${clock((this.total - this.done) / rate)} left`;
    // A terminal whose size is unknown (0 columns, as a bare pseudo-terminal has) gets 80.
    const width = (this.stream.columns || 80) - 1;
    if (text.length > width) text = text.slice(0, Math.max(0, width));
    this.stream.write(`\r${text}\u001b[K`);
    this.shown = true;
  }

  /** Erases the line (before anything else is written to standard error, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
