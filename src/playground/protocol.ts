// Messages between the playground page and its worker. Everything is plain data (structured clone).
import type { AppliedFix, Finding } from '../core.js';

/** What the page shows of an applied fix. */
export type AppliedSummary = Pick<AppliedFix, 'ruleId' | 'kind' | 'title' | 'message' | 'pass' | 'line' | 'column'>;

export interface RunRequest {
  readonly id: number;
  readonly sql: string;
  readonly target: string;
  readonly lossy: boolean;
  readonly filename: string;
}

export interface FailureInfo {
  readonly name: string;
  readonly message: string;
  /** For a SqlSyntaxError: the offset of the bad input, and its 1-based line and column. */
  readonly offset?: number;
  readonly line?: number;
  readonly column?: number;
}

/** A run answers twice: the findings first (fast), then the clean script and diff. */
export type RunResponse =
  | { readonly id: number; readonly phase: 'check'; readonly findings: Finding[]; readonly ms: number }
  | {
      readonly id: number;
      readonly phase: 'fix';
      readonly output: string;
      readonly applied: AppliedSummary[];
      readonly remaining: number;
      readonly diff: string;
      readonly ms: number;
    }
  | { readonly id: number; readonly phase: 'error'; readonly error: FailureInfo };
