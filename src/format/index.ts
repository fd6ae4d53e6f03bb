// The report formats of check and fix, by name: the one place to add a format (a writer module
// here, one entry below). Each writer module is loaded only when its format is asked for, so a
// JSON report never loads chalk (stylish) nor the SARIF writer.
import { allRules, rules } from '../../rules/index.js';
import { packageVersion, ruleDoc } from '../node/package.js';
import type { FileRecords } from './records.js';
import type { Out } from './types.js';

/** What a writer may need beyond the records: how the stylish report is drawn. */
export interface WriteOptions {
  /** Colour the text (stylish on a terminal). */
  readonly color: boolean;
  /** List every finding and fix (stylish). */
  readonly verbose: boolean;
}

/** Writes the report of `files` to `out`. */
export type FormatWriter = (files: readonly FileRecords[], out: Out, options: WriteOptions) => Promise<void>;

/** Every format, in the order `--help` lists them (the first is the default). */
export const FORMAT_WRITERS = {
  stylish: async (files, out, options) => (await import('./stylish.js')).writeStylish(files, out, options),
  compact: async (files, out) => (await import('./compact.js')).writeCompact(files, out),
  json: async (files, out) => (await import('./json.js')).writeJson(files, out),
  sarif: async (files, out) => {
    // The server rules are listed only when a live database was checked (they never run on files).
    const listed = files.some((r) => r.live !== null) ? allRules : rules;
    const options = { rules: listed, version: packageVersion(), docs: ruleDoc };
    return (await import('./sarif.js')).writeSarif(files, out, options);
  },
  github: async (files, out) => (await import('./github.js')).writeGithub(files, out),
  junit: async (files, out) => (await import('./junit.js')).writeJunit(files, out),
} as const satisfies Readonly<Record<string, FormatWriter>>;

export type Format = keyof typeof FORMAT_WRITERS;

/** The format names, for `--format`'s choices. */
export const FORMATS = Object.keys(FORMAT_WRITERS) as Format[];

/** Writes a report in `format`, loading only that format's writer. */
export function writeReport(
  format: Format,
  files: readonly FileRecords[],
  out: Out,
  options: WriteOptions,
): Promise<void> {
  const write: FormatWriter = FORMAT_WRITERS[format];
  return write(files, out, options);
}
