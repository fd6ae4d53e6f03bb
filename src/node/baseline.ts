// Baselines for adopting the tool on a legacy schema: record today's findings, report only new
// ones. A finding is identified by its file, rule and a fingerprint of its statement's text
// (whitespace-normalized), so it survives lines being added or moved elsewhere in the file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Finding } from '../core/rule.js';
import { SqlSource } from '../core/source.js';

export interface BaselineEntry {
  readonly file: string;
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly count: number;
}

export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

/**
 * Fingerprints of `findings` in `sql`, in the same order. The findings `fix` left are read where
 * they are in `sql`, the clean script (`output`), though reported in the input.
 */
export function fingerprints(sql: string, findings: readonly Finding[]): string[] {
  const source = new SqlSource(sql);
  return findings.map((f) => {
    const { start, end } = f.output ?? f;
    const stmt = source.statements.find((s) => start >= s.start && start <= s.end);
    const context = stmt === undefined ? '' : sql.slice(stmt.start, stmt.end).replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256');
    hash.update([f.ruleId, f.messageId, context, sql.slice(start, end)].join('\u0000'));
    return hash.digest('hex').slice(0, 24);
  });
}

/** The baseline's name for a file: relative to the baseline file, with / separators. */
export function baselineName(file: string, baselinePath: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(file))
    .split(sep)
    .join('/');
}

export function readBaseline(path: string): BaselineFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${path}: ${code === 'ENOENT' ? 'no such baseline file' : `not a baseline file (${e instanceof Error ? e.message : String(e)})`}`,
    );
  }
  const b = raw as Partial<BaselineFile> | null;
  if (b === null || b.version !== 1 || !Array.isArray(b.findings))
    throw new ConfigError(`${path}: not a clustrix-lint baseline (version 1)`);
  return b as BaselineFile;
}

/** Collects entries (counting repeats) for one file's findings. */
export function baselineEntries(
  name: string,
  findings: readonly Finding[],
  prints: readonly string[],
): BaselineEntry[] {
  const counts = new Map<string, { ruleId: string; fingerprint: string; count: number }>();
  findings.forEach((f, i) => {
    const key = `${f.ruleId}\u0000${prints[i]!}`;
    const e = counts.get(key) ?? { ruleId: f.ruleId, fingerprint: prints[i]!, count: 0 };
    e.count++;
    counts.set(key, e);
  });
  return [...counts.values()].map((e) => ({ file: name, ...e }));
}

/** Findings of one file that the baseline does not account for. */
export function filterByBaseline(
  baseline: BaselineFile,
  name: string,
  findings: readonly Finding[],
  prints: readonly string[],
): Finding[] {
  const budget = new Map<string, number>();
  for (const e of baseline.findings) {
    if (e.file !== name) continue;
    const key = `${e.ruleId}\u0000${e.fingerprint}`;
    budget.set(key, (budget.get(key) ?? 0) + e.count);
  }
  return findings.filter((f, i) => {
    const key = `${f.ruleId}\u0000${prints[i]!}`;
    const left = budget.get(key) ?? 0;
    if (left <= 0) return true;
    budget.set(key, left - 1);
    return false;
  });
}
