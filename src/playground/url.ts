// The address bar follows the page: the target, the script and the lossy switch in the fragment
// (encoded by state.ts), so a link reproduces a case. Written with replaceState, and only once the
// user has changed something (a bare page's address stays bare).
import { DEFAULT_TARGET_ID, TARGETS } from '../core/catalog/index.js';
import { notify, ui } from './dom.js';
import { session } from './session.js';
import { encodeFragment, parseFragment, type ParsedFragment } from './state.js';

/** Longest fragment written to the address bar (Chromium refuses URLs over 2 MB). */
const MAX_FRAGMENT = 1_500_000;

/** The fragment this page last wrote or read, to tell its own changes from the user's. */
let lastFragment = '';

/** True when the address's fragment is the one this page last wrote or took. */
export function fragmentIsOwn(): boolean {
  return location.hash.slice(1) === lastFragment;
}

/** Takes the address's fragment as the page's own (it was just applied). */
export function adoptFragment(): void {
  lastFragment = location.hash.slice(1);
}

/** Writes the session's state into the address (when the URL follows the state). */
export function updateUrl(): void {
  if (!session.syncUrl) return;
  const { target, lossy } = session;
  let fragment = encodeFragment({ target, sql: session.model.exact, lossy });
  let tooLong = false;
  if (fragment.length > MAX_FRAGMENT) {
    tooLong = true;
    fragment = `target=${encodeURIComponent(target)}${lossy ? '&lossy=1' : ''}`;
  }
  ui.copyLink.title = tooLong ? 'The script is too large for a link; the link keeps the target only.' : '';
  if (fragment === lastFragment) return;
  lastFragment = fragment;
  history.replaceState(null, '', `#${fragment}`);
}

function knownTarget(id: string | undefined, problems: string[]): string {
  if (id === undefined) return DEFAULT_TARGET_ID;
  const t = TARGETS.find((x) => x.id === id.toLowerCase());
  if (t !== undefined) return t.id;
  problems.push(`Unknown target "${id}" in the link; using ${DEFAULT_TARGET_ID}.`);
  return DEFAULT_TARGET_ID;
}

/**
 * Reads the address's fragment and applies its options (target, lossy) to the session and the
 * controls, saying what could not be read; returns it for the caller to load its script and rule.
 */
export function readFragment(): ParsedFragment {
  const parsed = parseFragment(location.hash);
  const problems = [...parsed.problems];
  session.target = knownTarget(parsed.target, problems);
  session.lossy = parsed.lossy;
  ui.target.value = session.target;
  ui.lossy.checked = session.lossy;
  notify(problems);
  return parsed;
}
