// Debian's Chromium, which the browser tests drive (never a downloaded browser), and its flags.
import { existsSync } from 'node:fs';

/** Debian's chromium, which the browser tests drive (never a downloaded browser). */
export const CHROMIUM = process.env.CLUSTRIX_LINT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every test browser starts with: headless, and no call to any network service. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The chromium binary, or null when it is not installed (a failure under CI=true: .ci/run installs it). */
export function chromiumPath(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but chromium is missing at ${CHROMIUM} (.ci/run installs it)`);
  return null;
}

export const CHROMIUM_SKIP_REASON = `chromium not found at ${CHROMIUM} (apt-get install chromium); browser tests of the HTML report skipped`;
