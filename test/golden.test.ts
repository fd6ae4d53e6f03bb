// Golden findings for the public corpus (../shared/corpus/public): `check` on each file, reduced
// to one line per finding (line, severity, rule id, messageId; sorted by line, then rule), is
// compared with test/golden/public/<file>.findings.txt. Every line of those snapshots was reviewed
// against the file and the knowledge base; test/golden/public/NOTES.md says why each construct of
// the MANIFEST that gets no finding needs none, and lists the findings known to be wrong.
// UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts rewrites the snapshots (review the diff).
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { SqlSyntaxError } from '../src/core/errors.js';
import { check, type Finding } from '../src/index.js';
import { publicCorpusFiles, PUBLIC_CORPUS_SKIP_REASON } from './helpers/corpus.js';
import { ROOT } from './helpers/paths.js';

const GOLDEN_DIR = join(ROOT, 'test', 'golden', 'public');
const SUFFIX = '.findings.txt';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const files = publicCorpusFiles();

/** One line per finding; a line number padded so that the columns line up in a diff. */
export function goldenLine(f: Pick<Finding, 'line' | 'severity' | 'ruleId' | 'messageId'>): string {
  return `${String(f.line).padStart(5)}  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.messageId}`;
}

/** The snapshot of one file: its findings, or the located refusal (exit 2) of an unreadable one. */
export function goldenText(sql: string, filename: string): string {
  let findings: Finding[];
  try {
    findings = check(sql, { filename });
  } catch (e) {
    if (e instanceof SqlSyntaxError) return `refused (exit 2): ${e.message}\n`;
    throw e;
  }
  const rows = [...findings].sort(
    (a, b) =>
      a.line - b.line ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0) ||
      a.column - b.column,
  );
  return rows.map((f) => `${goldenLine(f)}\n`).join('');
}

describe.skipIf(files === null)(
  files === null
    ? `golden findings of the public corpus (skipped: ${PUBLIC_CORPUS_SKIP_REASON})`
    : 'golden findings of the public corpus',
  () => {
    const names = (files ?? []).map((f) => basename(f));

    it('has a snapshot for every public file and none for a file that is gone', () => {
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        for (const stale of readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(SUFFIX))) {
          if (!names.includes(stale.slice(0, -SUFFIX.length))) unlinkSync(join(GOLDEN_DIR, stale));
        }
      }
      const snapshots = existsSync(GOLDEN_DIR)
        ? readdirSync(GOLDEN_DIR)
            .filter((f) => f.endsWith(SUFFIX))
            .map((f) => f.slice(0, -SUFFIX.length))
            .sort()
        : [];
      // Snapshots are written by the per-file tests below when updating; the set is compared then too.
      if (!UPDATE) expect(snapshots, 'run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts').toEqual(names);
      expect(names.length).toBe(36);
    });

    it.each((files ?? []).map((f) => [basename(f), f]))('%s', (name, path) => {
      const actual = goldenText(readFileSync(path, 'utf8'), name);
      const goldenPath = join(GOLDEN_DIR, name + SUFFIX);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(goldenPath, actual);
        return;
      }
      expect(
        existsSync(goldenPath),
        `no snapshot ${goldenPath}: run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`,
      ).toBe(true);
      const expected = readFileSync(goldenPath, 'utf8');
      if (actual !== expected) {
        const patch = createTwoFilesPatch(
          `test/golden/public/${name}${SUFFIX}`,
          `check ${name}`,
          expected,
          actual,
          'snapshot',
          'now',
          { context: 1 },
        );
        expect.fail(
          `findings of ${name} differ from its snapshot (- snapshot, + now; columns: line severity rule messageId).\n` +
            `If the change is right, review it and run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts\n${patch}`,
        );
      }
    });
  },
);
