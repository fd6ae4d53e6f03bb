// Checking and fixing what was read from a live server: the schema script with the script rules,
// the server report with the server rules, every finding placed on its object.
import { rules, serverRules, allRules } from '../../rules/index.js';
import { getTarget } from '../core/catalog/index.js';
import type { Suppressed } from '../core/directives.js';
import { lintSource, lintSourceDetailed, settingsFor, type EngineOptions } from '../core/engine.js';
import { fixLoop, fixPolicy } from '../core/fixer.js';
import { unifiedDiff } from '../format/diff.js';
import { SqlSource, withLocation } from '../core/source.js';
import { statisticsOf } from '../core/statistics.js';
import { checkSuggestionRules } from '../core/suggestions.js';
import { Locator, locateFindings, type LocatedFinding, type LocatedFix } from './locate.js';
import type { LiveScript, LiveText } from './script.js';
import type { LiveSchema, ObjectLocation } from './types.js';

/** What was read from one server, ready to check. */
export interface LiveRead {
  readonly schema: LiveSchema;
  readonly script: LiveScript;
}

export interface LiveCheckOptions extends EngineOptions {
  readonly filename?: string;
}

export interface LiveCheckResult {
  /** The server report's findings first, then the script's, in script order. */
  readonly findings: LocatedFinding[];
  readonly suppressed: Array<Suppressed & { readonly finding: LocatedFinding }>;
}

export interface LiveFixResult {
  /** The clean schema script. */
  readonly output: string;
  readonly applied: LocatedFix[];
  /** Findings left: the server report's, then those on the clean script. */
  readonly remaining: LocatedFinding[];
  /** Suggestions not applied whose subject another fix removed, placed on the script as read. */
  readonly superseded: LocatedFinding[];
  /** Unified diff from the script as read to the clean script. */
  readonly diff: string;
}

function scriptOptions(options: LiveCheckOptions, read: LiveRead): EngineOptions {
  // The index statistics let the rules judge a key by the data the database holds.
  return { ...options, rules: settingsFor(rules, allRules, options.rules), statistics: statisticsOf(read.schema) };
}

/** The findings of the server report (variables, unreadable objects); the server rules offer no fixes. */
function checkReport(read: LiveRead, options: LiveCheckOptions) {
  const report: LiveText = read.script.report;
  const result = withLocation(report.text, `${read.script.name} (server report)`, () =>
    lintSourceDetailed(new SqlSource(report.text), serverRules, {
      ...options,
      rules: settingsFor(serverRules, allRules, options.rules),
      reportUnusedDirectives: undefined,
    }),
  );
  return {
    findings: locateFindings(report, `${read.schema.server.url}/`, result.findings),
    suppressed: result.suppressed.map((s) => ({
      ...s,
      finding: locateFindings(report, `${read.schema.server.url}/`, [s.finding])[0]!,
    })),
  };
}

export function checkLive(read: LiveRead, options: LiveCheckOptions = {}): LiveCheckResult {
  getTarget(options.target);
  const script = read.script.script;
  const server = `${read.schema.server.url}/`;
  const result = withLocation(script.text, read.script.name, () =>
    lintSourceDetailed(new SqlSource(script.text), rules, scriptOptions(options, read)),
  );
  const report = checkReport(read, options);
  return {
    findings: [...report.findings, ...locateFindings(script, server, result.findings)],
    suppressed: [
      ...report.suppressed,
      ...result.suppressed.map((s) => ({ ...s, finding: locateFindings(script, server, [s.finding])[0]! })),
    ],
  };
}

export function fixLive(
  read: LiveRead,
  options: LiveCheckOptions & { lossy?: boolean; suggestions?: boolean | readonly string[] } = {},
): LiveFixResult {
  getTarget(options.target);
  checkSuggestionRules(rules, options);
  const script = read.script.script;
  const server = `${read.schema.server.url}/`;
  const engineOptions = scriptOptions(options, read);
  const result = withLocation(script.text, read.script.name, () =>
    fixLoop(script.text, (source) => lintSource(source, rules, engineOptions), fixPolicy(options)),
  );
  // Everything a fix run reports is placed in the script as read (fix-map.ts), so on its objects as read.
  const locator = new Locator(script, server);
  const applied = result.applied.map((a) => {
    const at = locator.offsetOf(a.line, a.column);
    return { ...a, object: locator.place(at, at) };
  });
  return {
    output: result.output,
    applied,
    remaining: [...checkReport(read, options).findings, ...locateFindings(script, server, result.remaining)],
    superseded: locateFindings(script, server, result.superseded),
    diff: unifiedDiff(script.text, result.output, read.script.name),
  };
}

export type { LocatedFinding, LocatedFix, ObjectLocation };
