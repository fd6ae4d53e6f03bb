// What the formatters print: one entry per checked (or fixed) file.
import type { Suppressed } from '../directives.js';
import type { AppliedFix } from '../fixer.js';
import type { Finding } from '../rule.js';

export interface FileReport {
  readonly filePath: string;
  readonly target: string;
  readonly findings: readonly Finding[];
  /** Findings inline directives suppressed (SARIF reports them as suppressed results). */
  readonly suppressed?: readonly Suppressed[];
  /** Set for `fix`: the fixes applied and the clean script. */
  readonly applied?: readonly AppliedFix[];
  readonly output?: string;
  /** Set for `fix`: suggestions not applied whose subject another fix removed (see FixResult). */
  readonly superseded?: readonly Finding[];
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
