// The two corpora in ../shared (the WSO2 scripts and the public real-world ones): their files, or
// null with a skip reason when ../shared is absent; under CI=true their absence is a failure.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.js';

export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'wso2');

/**
 * The corpus files, or null when ../shared is absent (a user's clone). Under CI the corpus must
 * be there: its absence is a failure, not a skip.
 */
export function corpusFiles(): string[] | null {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the WSO2 corpus is missing at ${CORPUS_DIR}`);
    return null;
  }
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(CORPUS_DIR, f));
}

export const CORPUS_SKIP_REASON = `WSO2 corpus not found at ${CORPUS_DIR} (it lives in ../shared beside the repository); corpus tests skipped`;

export const PUBLIC_CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'public');

/**
 * The public real-world corpus (scripts from other projects, see its MANIFEST.md), or null when
 * ../shared is absent. Under CI its absence is a failure, not a skip.
 */
export function publicCorpusFiles(): string[] | null {
  if (!existsSync(PUBLIC_CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the public corpus is missing at ${PUBLIC_CORPUS_DIR}`);
    return null;
  }
  return readdirSync(PUBLIC_CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(PUBLIC_CORPUS_DIR, f));
}

export const PUBLIC_CORPUS_SKIP_REASON = `public corpus not found at ${PUBLIC_CORPUS_DIR} (it lives in ../shared beside the repository); its tests skipped`;
