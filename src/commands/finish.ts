// The end of a check or fix run: the baseline (recorded, or applied to the findings), the records
// of inputs that could not be read, the report in the format asked for (to --output-file
// atomically, or to a stream) and the exit code.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { SqlSyntaxError } from '../core/errors.js';
import { writeReport } from '../format/index.js';
import { FileRecords, type RecordOptions } from '../format/records.js';
import { SYNTAX_ERROR, type ReportFinding } from '../format/types.js';
import {
  baselineEntries,
  baselineName,
  filterByBaseline,
  fingerprints,
  readBaseline,
  type BaselineEntry,
} from '../node/baseline.js';
import { AtomicWriter, UnreadableInput, writeFileAtomic } from '../node/io.js';
import { useColor, writeToStream, type Streams } from '../node/streams.js';
import type { InputFile } from './inputs.js';
import type { CommonArgs } from './options.js';

/** How a file's records are kept for the report asked for. */
export function recordOptions(args: CommonArgs, fix: boolean): RecordOptions {
  return {
    all: args.format !== 'stylish' || args.verbose === true,
    limit: args.verbose === true ? Infinity : Math.max(0, args.maxShown ?? 100),
    quiet: args.quiet,
    suppressed: args.format === 'sarif' && !fix,
    fix,
  };
}

/** One whole-text result, for the baseline (its fingerprints need the text the findings are in). */
export interface WholeResult {
  readonly name: string;
  /** The text the findings are in: for `fix`, the clean script (where their `output` places them). */
  readonly sql: string;
  readonly findings: readonly ReportFinding[];
  /** A live database: its name is its URL, its findings are on objects. */
  readonly live?: boolean;
}

/** A result's name in a baseline: the file relative to the baseline, or a live database's URL. */
function nameInBaseline(r: WholeResult, baselinePath: string, io: Streams): string {
  return r.live === true ? r.name : baselineName(resolve(io.cwd, r.name), resolve(io.cwd, baselinePath));
}

/**
 * Fingerprints of a result's findings: from the statement text for a file; on a live database
 * from the object and the message, which stay the same when other objects come and go.
 */
function printsOf(r: WholeResult): string[] {
  if (r.live !== true) return fingerprints(r.sql, r.findings);
  return r.findings.map((f) =>
    createHash('sha256')
      .update([f.ruleId, f.messageId, f.object?.type ?? '', f.object?.name ?? '', f.message].join('\u0000'))
      .digest('hex')
      .slice(0, 24),
  );
}

/** Reads or writes the baseline: the findings of each result it does not account for. */
export function applyBaseline(results: readonly WholeResult[], args: CommonArgs, io: Streams): ReportFinding[][] {
  if (args.baselineWrite !== undefined) {
    const entries: BaselineEntry[] = [];
    for (const r of results) {
      const name = nameInBaseline(r, args.baselineWrite, io);
      entries.push(...baselineEntries(name, r.findings, printsOf(r)));
    }
    writeFileAtomic(
      resolve(io.cwd, args.baselineWrite),
      JSON.stringify({ version: 1, findings: entries }, null, 2) + '\n',
    );
  }
  const baselinePath = args.baseline ?? args.baselineWrite;
  if (baselinePath === undefined) return results.map((r) => [...r.findings]);
  const baseline = readBaseline(resolve(io.cwd, baselinePath));
  return results.map((r) => {
    return filterByBaseline(baseline, nameInBaseline(r, baselinePath, io), r.findings, printsOf(r));
  });
}

/** Writes the report to --output-file (atomically: all or nothing) or to `reportStream`. */
async function writeReportOut(
  files: readonly FileRecords[],
  args: CommonArgs,
  io: Streams,
  reportStream: Streams['stdout'],
): Promise<void> {
  const verbose = args.verbose === true;
  if (args.outputFile === undefined) {
    const color = useColor(reportStream, io.env);
    return writeReport(args.format, files, (text) => writeToStream(reportStream, text), { color, verbose });
  }
  const w = new AtomicWriter(resolve(io.cwd, args.outputFile));
  try {
    await writeReport(args.format, files, (text) => w.write(text), { color: false, verbose });
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit();
}

/** Writes the report (to --output-file, atomically, or to `reportStream`) and returns the exit code. */
export async function finish(
  files: readonly FileRecords[],
  args: CommonArgs,
  io: Streams,
  reportStream: Streams['stdout'],
): Promise<number> {
  try {
    let errors = 0;
    let warnings = 0;
    for (const r of files) {
      errors += r.all.errorCount;
      warnings += r.all.warningCount;
    }
    await writeReportOut(files, args, io, reportStream);
    // An input that could not be read or tokenized is in the report; its one-line message goes to
    // stderr too (unless the report itself did), and the run fails with code 2.
    const fatal = files.filter((r) => r.fatal !== null);
    if (fatal.length > 0) {
      if (reportStream !== io.stderr || args.outputFile !== undefined)
        for (const r of fatal) io.stderr.write(r.fatal!.message + '\n');
      return 2;
    }
    if (errors > 0) return 1;
    if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
      io.stderr.write(`clustrix-lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } finally {
    for (const r of files) r.dispose();
  }
}

/**
 * The records of an input that could not be read or tokenized (`e`: a located SqlSyntaxError or
 * an UnreadableInput), holding one `syntax-error` finding at the place given; null for any other
 * failure, which is not about the input.
 */
export function unreadableRecords(
  e: unknown,
  u: Pick<InputFile, 'name' | 'target'>,
  options: RecordOptions,
): FileRecords | null {
  if (!(e instanceof SqlSyntaxError) && !(e instanceof UnreadableInput)) return null;
  const line = e.line ?? 1;
  const column = e.column ?? 1;
  const finding: ReportFinding = {
    ruleId: SYNTAX_ERROR,
    messageId: e instanceof SqlSyntaxError ? 'untokenizable' : 'unreadable',
    severity: 'error',
    message: e.reason,
    start: 0,
    end: 0,
    line,
    column,
    endLine: line,
    endColumn: column,
    fix: null,
    fatal: true,
  };
  const r = new FileRecords(u.name, u.target, { ...options, quiet: false });
  r.fill([finding]);
  // Located messages read like a compiler's (`file:line:col: reason`); others name the tool.
  const where = e instanceof SqlSyntaxError ? `${u.name}: ${e.reason}` : e.message;
  r.fatal = { finding, message: e.line !== undefined ? e.message : `clustrix-lint: ${where}` };
  return r;
}
