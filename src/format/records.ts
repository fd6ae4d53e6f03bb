// The records of a report, kept in bounded memory whatever their number: counts, the first
// findings and fixes of each rule (all the human report lists), and, for the formats that list
// every record (json, sarif, junit, compact, github, --verbose), a spool: records in memory up to
// a limit, then in a temporary file, read back one at a time when the report is written.
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byPlace } from '../core/engine.js';
import type { LiveSchema } from '../live/types.js';
import type { FixKind, Severity } from '../core/rule.js';
import type { StreamSink, StreamSuppressed } from '../stream/index.js';
import type { ReportApplied as AppliedFix, ReportFinding as Finding } from './types.js';

/**
 * Records kept in memory before a spool moves to a temporary file: a record (message, fix, an
 * excerpt of its statement) is up to about 1 kB, so a few MB per list.
 */
const IN_MEMORY = 5_000;

let spoolNumber = 0;

/** Temporary files still open, removed at exit whatever happens. */
const LIVE = new Set<string>();
let cleanupInstalled = false;
function track(path: string): void {
  LIVE.add(path);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const p of LIVE) rmSync(p, { force: true });
  });
}

/**
 * A list of records in arrival order, in memory up to IN_MEMORY of them, then in a temporary file
 * (one JSON line each). `late` records are merged in by `order` when read, if given, else after.
 */
export class Spool<T> {
  private memory: T[] = [];
  private file: { fd: number; path: string } | null = null;
  private buffered = '';
  private lateOnes: T[] = [];
  count = 0;

  constructor(private readonly order?: (a: T, b: T) => number) {}

  push(record: T): void {
    this.count++;
    if (this.file === null) {
      this.memory.push(record);
      if (this.memory.length > IN_MEMORY) this.spill();
      return;
    }
    this.buffered += JSON.stringify(record) + '\n';
    if (this.buffered.length > 1 << 16) this.flush();
  }

  /** Records that belong among the others by `order` (sorted). */
  late(records: readonly T[]): void {
    this.count += records.length;
    this.lateOnes.push(...records);
  }

  private spill(): void {
    const path = join(tmpdir(), `clustrix-lint-${process.pid}-${spoolNumber++}-${Date.now().toString(36)}.ndjson`);
    const fd = openSync(path, 'wx', 0o600);
    track(path);
    this.file = { fd, path };
    this.buffered = this.memory.map((r) => JSON.stringify(r) + '\n').join('');
    this.memory = [];
    this.flush();
  }

  private flush(): void {
    if (this.file === null || this.buffered === '') return;
    writeSync(this.file.fd, this.buffered);
    this.buffered = '';
  }

  /** The records in order (spooled ones read back from the file). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const late = this.lateOnes;
    let k = 0;
    const order = this.order;
    const before = function* (x: T): Generator<T> {
      if (order === undefined) return;
      while (k < late.length && order(late[k]!, x) < 0) yield late[k++]!;
    };
    if (this.file === null) {
      for (const x of this.memory) {
        yield* before(x);
        yield x;
      }
    } else {
      this.flush();
      let rest = '';
      for await (const chunk of createReadStream(this.file.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        const text = rest + (chunk as string);
        let at = 0;
        for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
          const x = JSON.parse(text.slice(at, nl)) as T;
          at = nl + 1;
          yield* before(x);
          yield x;
        }
        rest = text.slice(at);
      }
    }
    while (k < late.length) yield late[k++]!;
  }

  /** Removes the temporary file, if any. */
  dispose(): void {
    if (this.file === null) return;
    closeSync(this.file.fd);
    rmSync(this.file.path, { force: true });
    LIVE.delete(this.file.path);
    this.file = null;
  }
}

export interface Counts {
  /** Compatibility findings by severity: advice never counts here. */
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Advice findings (recommendations for the target), whatever their severity. */
  adviceCount: number;
  /** Advice findings whose fix is a suggestion `fix --suggestions` would apply. */
  suggestionCount: number;
}

const zeroCounts = (): Counts => ({ errorCount: 0, warningCount: 0, infoCount: 0, adviceCount: 0, suggestionCount: 0 });

/** What a rule's findings or fixes add up to in one file, with the first few kept to list. */
export interface RuleTally<T> {
  count: number;
  readonly bySeverity: Record<Severity, number>;
  readonly byKind: Record<FixKind, number>;
  /** The first `limit` of them, by position. */
  readonly first: T[];
}

const tally = <T>(): RuleTally<T> => ({
  count: 0,
  bySeverity: { error: 0, warning: 0, info: 0 },
  byKind: { safe: 0, lossy: 0, suggestion: 0 },
  first: [],
});

export interface RecordOptions {
  /** Keep every record (the format lists them all), not only the first `limit` of each rule. */
  readonly all: boolean;
  /** How many findings and fixes of each rule to keep for listing. */
  readonly limit: number;
  /** Show only error findings (--quiet); every finding still counts for the exit code. */
  readonly quiet: boolean;
  /** Keep the findings directives suppressed (SARIF lists them). */
  readonly suppressed?: boolean;
  /** A report of `fix` (it lists the fixes applied). */
  readonly fix?: boolean;
}

/**
 * One file's report: counts, the first findings and fixes of each rule, and every record when the
 * format lists them all. It is the sink of a stream; the whole-text paths fill it the same way.
 */
export class FileRecords implements StreamSink {
  /** Counts of the findings shown (after --quiet). */
  readonly counts: Counts = zeroCounts();
  /**
   * Counts of every finding left, for the exit code: by severity, advice included (a configuration
   * that raises an advice rule to error fails the run); adviceCount says how many are advice.
   */
  readonly all: Counts = zeroCounts();
  /** Shown compatibility findings with a fix of each kind (advice's suggestions are counted apart). */
  readonly fixable: Record<FixKind, number> = { safe: 0, lossy: 0, suggestion: 0 };
  /** For `fix`: suggestions not applied whose subject another fix removed, positioned in the input (few). */
  readonly supersededList: Finding[] = [];
  /** Shown advice findings a configuration raised to error (they fail the run like errors). */
  adviceErrors = 0;
  readonly findingRules = new Map<string, RuleTally<Finding>>();
  readonly appliedRules = new Map<string, RuleTally<AppliedFix>>();
  readonly findings: Spool<Finding> | null;
  readonly suppressedList: Spool<StreamSuppressed> | null;
  readonly appliedList: Spool<AppliedFix> | null;
  appliedCount = 0;
  /** Arrival order of the applied fixes kept for listing. */
  private readonly appliedOrder = new Map<AppliedFix, number>();
  /** The clean script, for the JSON report of fix when it goes to no other place. */
  output: (() => AsyncIterable<string>) | null = null;
  /** For a live database: what was read (the JSON report carries its facts). */
  live: LiveSchema | null = null;
  /**
   * The input could not be read or tokenized: its finding (among the findings too) and the
   * one-line message (`file:line:col: reason`) the CLI also prints; the run exits with code 2.
   */
  fatal: { readonly finding: Finding; readonly message: string } | null = null;

  constructor(
    readonly filePath: string,
    readonly target: string,
    readonly options: RecordOptions,
  ) {
    this.findings = options.all ? new Spool<Finding>(byPlace) : null;
    this.suppressedList = options.all && options.suppressed === true ? new Spool<StreamSuppressed>() : null;
    this.appliedList = options.all && options.fix === true ? new Spool<AppliedFix>() : null;
  }

  /** The findings shown, advice included. */
  get findingCount(): number {
    return this.counts.errorCount + this.counts.warningCount + this.counts.infoCount + this.counts.adviceCount;
  }

  private count(f: Finding): boolean {
    const key = `${f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'}Count` as const;
    const advice = f.category === 'advice';
    this.all[key]++;
    if (advice) this.all.adviceCount++;
    if (this.options.quiet && f.severity !== 'error') return false;
    if (advice) {
      // Recommendations are not problems: counted apart, never among the severities.
      this.counts.adviceCount++;
      if (f.severity === 'error') this.adviceErrors++;
      if (f.fix?.kind === 'suggestion' && f.unfixed === undefined) this.counts.suggestionCount++;
      return true;
    }
    this.counts[key]++;
    // A fix tried and refused (`unfixed`) is not one running fix again would apply.
    if (f.fix !== null && f.unfixed === undefined) this.fixable[f.fix.kind]++;
    return true;
  }

  private keep(f: Finding): void {
    let t = this.findingRules.get(f.ruleId);
    if (t === undefined) this.findingRules.set(f.ruleId, (t = tally()));
    t.count++;
    t.bySeverity[f.severity]++;
    if (f.fix !== null) t.byKind[f.fix.kind]++;
    if (t.first.length < this.options.limit) t.first.push(f);
  }

  finding(f: Finding): void {
    if (!this.count(f)) return;
    this.keep(f);
    this.findings?.push(f);
  }

  superseded(f: Finding): void {
    if (this.options.quiet && f.severity !== 'error') return;
    this.supersededList.push(f);
  }

  suppressed(s: StreamSuppressed): void {
    this.suppressedList?.push(s);
  }

  applied(a: AppliedFix): void {
    this.appliedCount++;
    let t = this.appliedRules.get(a.ruleId);
    if (t === undefined) this.appliedRules.set(a.ruleId, (t = tally()));
    t.count++;
    t.byKind[a.kind]++;
    if (t.first.length < this.options.limit) {
      t.first.push(a);
      this.appliedOrder.set(a, this.appliedCount);
    }
    this.appliedList?.push(a);
  }

  late(findings: Finding[], suppressed: StreamSuppressed[]): void {
    const shown = findings.filter((f) => this.count(f));
    for (const f of shown) {
      let t = this.findingRules.get(f.ruleId);
      if (t === undefined) this.findingRules.set(f.ruleId, (t = tally()));
      t.count++;
      t.bySeverity[f.severity]++;
      if (f.fix !== null) t.byKind[f.fix.kind]++;
      // Among the first of its rule by position, it may push the last one out.
      t.first.push(f);
      t.first.sort(byPlace);
      if (t.first.length > this.options.limit) t.first.pop();
    }
    this.findings?.late(shown);
    this.suppressedList?.late(suppressed);
  }

  /** Fills the records from whole-text results. */
  fill(
    findings: readonly Finding[],
    applied: readonly AppliedFix[] = [],
    suppressed: readonly StreamSuppressed[] = [],
  ) {
    for (const a of applied) this.applied(a);
    for (const f of findings) this.finding(f);
    for (const s of suppressed) this.suppressed(s);
  }

  /** The shown findings the human report lists, by position: the first `limit` of each rule, or all. */
  listedFindings(): Finding[] {
    return [...this.findingRules.values()].flatMap((t) => t.first).sort(byPlace);
  }

  /** The applied fixes the human report lists, in the order they were applied. */
  listedApplied(): AppliedFix[] {
    const order = this.appliedOrder;
    return [...this.appliedRules.values()].flatMap((t) => t.first).sort((a, b) => order.get(a)! - order.get(b)!);
  }

  dispose(): void {
    this.findings?.dispose();
    this.suppressedList?.dispose();
    this.appliedList?.dispose();
  }
}
