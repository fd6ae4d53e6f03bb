// Assessing one input: check it as a stream (the findings check gives) and build its part of the
// report model from the segments as they go by.
import { getTarget } from '../core/catalog/index.js';
import type { RuleSetting } from '../core/engine.js';
import { SqlSyntaxError } from '../core/errors.js';
import type { Rule, Severity } from '../core/rule.js';
import type { IndexStatistics } from '../core/statistics.js';
import { checkStreamWith } from '../stream/index.js';
import { FileBuilder, unreadableFile } from './file-builder.js';
import type { FileModel } from './model.js';

export interface AssessOptions {
  readonly filePath: string;
  readonly target: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly inlineDirectives?: boolean;
  readonly reportUnusedDirectives?: Severity;
  /** A live database's index statistics (the advice rules judge keys by them, as check does). */
  readonly statistics?: IndexStatistics;
  /** Characters per streamed segment (tests use small ones). */
  readonly segmentSize?: number;
}

/**
 * The model of one input. A script that cannot be read or tokenized (invalid UTF-8, an
 * unterminated string, …) is part of the assessment, as a file that needs a person: its model
 * carries the located error. Anything else that goes wrong (an internal error) is thrown.
 */
export async function assessFile(
  registry: readonly Rule[],
  input: AsyncIterable<Uint8Array | string>,
  options: AssessOptions,
): Promise<FileModel> {
  getTarget(options.target);
  const builder = new FileBuilder(options.filePath, options.target);
  try {
    const findings = await checkStreamWith(registry, input, {
      target: options.target,
      filename: options.filePath,
      rules: options.rules,
      inlineDirectives: options.inlineDirectives,
      reportUnusedDirectives: options.reportUnusedDirectives,
      statistics: options.statistics,
      segmentSize: options.segmentSize,
      onSegment: (segment, source, found) => builder.segment(segment, source, found),
    });
    return builder.finish(findings);
  } catch (e) {
    if (e instanceof SqlSyntaxError) return unreadableFile(options.filePath, options.target, e.message);
    throw e;
  }
}
