// What the formatters print: one entry per checked (or fixed) file or live database, and where
// their text goes. The CLI's writers take a file's records (records.ts, bounded memory); FileReport
// is the whole-in-memory form the HTML report and the library build.
import type { Suppressed } from '../core/directives.js';
import type { AppliedFix } from '../core/fixer.js';
import type { LiveSchema, ObjectLocation } from '../live/types.js';
import type { Finding } from '../core/rule.js';

/**
 * A finding as reported: on a live database it also names its object (and its line in it).
 * `fatal`: the input could not be read or tokenized (rule id `syntax-error`), so nothing else of
 * it was checked.
 */
export type ReportFinding = Finding & { readonly object?: ObjectLocation; readonly fatal?: true };

/** The rule id of the finding an unreadable or untokenizable input becomes. */
export const SYNTAX_ERROR = 'syntax-error';
export type ReportApplied = AppliedFix & { readonly object?: ObjectLocation };
export type ReportSuppressed = Suppressed & { readonly finding: ReportFinding };

export interface FileReport {
  /** The file, or for a live database its URL without credentials (`mysql://host/db`). */
  readonly filePath: string;
  readonly target: string;
  readonly findings: readonly ReportFinding[];
  /** Findings inline directives suppressed (SARIF reports them as suppressed results). */
  readonly suppressed?: readonly ReportSuppressed[];
  /** Set for `fix`: the fixes applied and the clean script. */
  readonly applied?: readonly ReportApplied[];
  readonly output?: string;
  /** Set for `fix`: suggestions not applied whose subject another fix removed (see FixResult). */
  readonly superseded?: readonly ReportFinding[];
  /** Set for a live database: what was read (server, objects, information_schema facts). */
  readonly live?: LiveSchema;
}

/** Where a finding is shown: its object and the position inside it, else the file position. */
export function placeOf(f: ReportFinding | ReportApplied): {
  readonly where: string;
  readonly line: number;
  readonly column: number;
} {
  if (f.object === undefined) return { where: '', line: f.line, column: f.column };
  return { where: f.object.name, line: f.object.line, column: f.object.column };
}

export interface Counts {
  /** Compatibility findings by severity: advice never counts here. */
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  /** Advice findings (recommendations for the target), whatever their severity. */
  readonly adviceCount: number;
  /** Findings whose fix is a suggestion that `fix --suggestions` would apply. */
  readonly suggestionCount: number;
}

export function counts(findings: readonly Finding[]): Counts {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let adviceCount = 0;
  let suggestionCount = 0;
  for (const f of findings) {
    if (f.fix?.kind === 'suggestion' && f.unfixed === undefined) suggestionCount++;
    if (f.category === 'advice') adviceCount++;
    else if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount, adviceCount, suggestionCount };
}

/** The message as people read it: with the reason when `fix` could not apply the finding's fix. */
export function shownMessage(f: Finding): string {
  return f.unfixed === undefined ? f.message : `${f.message} (${f.unfixed})`;
}

export type { FileRecords } from './records.js';

/** Where a report's text goes, piece by piece (it may wait, so a slow reader does not fill memory). */
export type Out = (text: string) => void | Promise<void>;

/** Collects a report's pieces and hands them on in pieces of about 64 kB. */
export class Buffered {
  private text = '';
  constructor(private readonly out: Out) {}
  async write(text: string): Promise<void> {
    this.text += text;
    if (this.text.length >= 1 << 16) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    await this.out(text);
  }
}
