// What the playground page holds now: the script (as a TextModel), its name, the options, and the
// results of the last check and fix. One shared object, written by the modules that load a script
// (files.ts, main.ts), run the worker (runner.ts) and follow the controls (main.ts), and read by
// the ones that draw (editor.ts, results.ts) and keep the link (url.ts).
import { DEFAULT_TARGET_ID } from '../core/catalog/index.js';
import type { Finding } from '../core/rule.js';
import type { AppliedSummary, FailureInfo } from './protocol.js';
import { TextModel } from './text-model.js';

/** Findings (and applied fixes) rendered at a time; "Show more" adds as many again. */
export const PAGE = 200;
/** Characters of one line drawn in the editor overlay and the diff (the textarea itself holds all). */
export const MAX_DRAWN_COLUMNS = 4000;

/** The last fix's answer, with the diff split into lines for drawing. */
export interface FixView {
  readonly output: string;
  readonly applied: readonly AppliedSummary[];
  readonly remaining: number;
  readonly diff: string;
  readonly diffLines: readonly string[];
  readonly diffWidth: number;
}

export interface Session {
  model: TextModel;
  filename: string;
  target: string;
  lossy: boolean;
  /** Findings of the last finished check, sorted by position; null before the first. */
  findings: Finding[] | null;
  fixView: FixView | null;
  failure: FailureInfo | null;
  /** True while the results shown are for an older text than the editor's. */
  stale: boolean;
  findingsShown: number;
  appliedShown: number;
  /** Whether the URL should follow the state (not before the user changed anything on a bare page). */
  syncUrl: boolean;
}

export const session: Session = {
  model: new TextModel(''),
  filename: 'input.sql',
  target: DEFAULT_TARGET_ID,
  lossy: false,
  findings: null,
  fixView: null,
  failure: null,
  stale: false,
  findingsShown: PAGE,
  appliedShown: PAGE,
  syncUrl: false,
};
