// The two corpora in ../shared (the WSO2 scripts and the public real-world ones): their files, or
// null with a skip reason when ../shared is absent; under CI=true their absence is a failure.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.js';

export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'wso2');

/**
 * The .sql files of a corpus folder, sorted, or null when ../shared is absent (a user's clone).
 * Under CI the corpus must be there: its absence is a failure, not a skip.
 */
function sqlFilesIn(dir: string, what: string): string[] | null {
  if (!existsSync(dir)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the ${what} is missing at ${dir}`);
    return null;
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(dir, f));
}

/** The WSO2 corpus files, or null when ../shared is absent. */
export const corpusFiles = (): string[] | null => sqlFilesIn(CORPUS_DIR, 'WSO2 corpus');

export const CORPUS_SKIP_REASON = `WSO2 corpus not found at ${CORPUS_DIR} (it lives in ../shared beside the repository); corpus tests skipped`;

export const PUBLIC_CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'public');

/** The public real-world corpus (scripts from other projects, see its MANIFEST.md), or null when ../shared is absent. */
export const publicCorpusFiles = (): string[] | null => sqlFilesIn(PUBLIC_CORPUS_DIR, 'public corpus');

export const PUBLIC_CORPUS_SKIP_REASON = `public corpus not found at ${PUBLIC_CORPUS_DIR} (it lives in ../shared beside the repository); its tests skipped`;
