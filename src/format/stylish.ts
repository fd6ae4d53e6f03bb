// The human report (ESLint's "stylish" layout): the only module that imports chalk. A file with
// more findings (or fixes) of one rule than --max-shown lists the first ones and says how many
// more there are; fix then also sums its fixes up by rule. --verbose lists everything. A live
// database is one entry whose findings are grouped by object (server, database, table, …), each
// with its line and column inside that object's SHOW CREATE text.
import { Chalk, type ChalkInstance } from 'chalk';
import type { ObjectLocation } from '../live/types.js';
import type { FileRecords, RuleTally } from './records.js';
import {
  Buffered,
  shownMessage,
  type Out,
  type ReportApplied as AppliedFix,
  type ReportFinding as Finding,
} from './types.js';

export interface StylishOptions {
  readonly color: boolean;
  /** List every finding and fix (the records keep them all). */
  readonly verbose: boolean;
}

function plural(n: number, word: string): string {
  const count = n.toLocaleString('en-US');
  if (n === 1) return `${count} ${word}`;
  return `${count} ${word}${/(?:s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;
}

const number = (n: number) => n.toLocaleString('en-US');

/** "12 safe, 3 lossy", the kinds present. */
const kinds = (t: RuleTally<unknown>) =>
  (['safe', 'lossy', 'suggestion'] as const)
    .filter((k) => t.byKind[k] > 0)
    .map((k) => `${number(t.byKind[k])} ${k}`)
    .join(', ');

/** The run's totals that the closing lines give. */
interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  safeFixable: number;
  lossyFixable: number;
  appliedCount: number;
  advice: number;
  suggestions: number;
  /** Advice a configuration raised to error: it fails the run (exit 1), so the summary says so. */
  raised: number;
}

/** Writes one line of the report. */
type Line = (text: string) => Promise<void>;

export async function writeStylish(files: readonly FileRecords[], out: Out, options: StylishOptions): Promise<void> {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const b = new Buffered(out);
  const line: Line = (text) => b.write(text + '\n');
  const t: Totals = {
    errors: 0,
    warnings: 0,
    infos: 0,
    safeFixable: 0,
    lossyFixable: 0,
    appliedCount: 0,
    advice: 0,
    suggestions: 0,
    raised: 0,
  };
  for (const r of files) {
    const n = r.counts;
    const superseded = r.supersededList;
    t.errors += n.errorCount;
    t.warnings += n.warningCount;
    t.infos += n.infoCount;
    t.advice += n.adviceCount + superseded.length;
    t.suggestions += n.suggestionCount + superseded.length;
    t.raised += r.adviceErrors;
    t.safeFixable += r.fixable.safe;
    t.lossyFixable += r.fixable.lossy;
    t.appliedCount += r.appliedCount;
    if (r.findingCount === 0 && r.appliedCount === 0 && superseded.length === 0) continue;
    await writeFile(r, superseded, line, c, options.verbose);
  }
  await writeSummary(t, line, c);
  await b.flush();
}

/** One file's part: its name, its fixes and findings, and what was left out of the lists. */
async function writeFile(
  r: FileRecords,
  superseded: readonly Finding[],
  line: Line,
  c: ChalkInstance,
  verboseAsked: boolean,
): Promise<void> {
  await line(c.underline(r.filePath));
  // The whole list with --verbose (from the records' spool, one pass for the width); else the
  // first of each rule, which the records keep in memory.
  const verbose = verboseAsked && r.findings !== null;
  const applied: Iterable<AppliedFix> | AsyncIterable<AppliedFix> =
    verbose && r.appliedList !== null ? r.appliedList : r.listedApplied();
  const findings: Iterable<Finding> | AsyncIterable<Finding> = verbose ? r.findings : r.listedFindings();
  const pos = (f: Finding | AppliedFix) =>
    f.object === undefined ? `${f.line}:${f.column}` : `${f.object.line}:${f.object.column}`;
  let width = 0;
  for await (const x of applied) width = Math.max(width, pos(x).length);
  for await (const x of findings) width = Math.max(width, pos(x).length);
  for (const x of superseded) width = Math.max(width, pos(x).length);
  const appliedLine = (a: AppliedFix, indent: string) => {
    const kind = a.kind === 'lossy' ? c.yellow(' (lossy)') : a.kind === 'suggestion' ? c.cyan(' (suggestion)') : '';
    return `${indent}${c.dim(pos(a).padEnd(width))}  ${c.green('fixed  ')}  ${a.title}${kind}  ${c.dim(a.ruleId)}`;
  };
  const sev = (f: Finding) =>
    f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
  const findingLine = (f: Finding, indent: string) =>
    `${indent}${c.dim(pos(f).padEnd(width))}  ${sev(f)}  ${shownMessage(f)}  ${c.dim(f.ruleId)}`;
  // Positioned in the input: what they were about is gone from the output.
  const supersededLine = (f: Finding, indent: string) =>
    `${indent}${c.dim(pos(f).padEnd(width))}  ${sev(f)}  ${f.message} (in the input; another fix removed what it is about: apply it with --apply-suggestion ${f.ruleId})  ${c.dim(f.ruleId)}`;
  if (r.live === null) {
    for await (const a of applied) await line(appliedLine(a, '  '));
    for await (const f of findings) await line(findingLine(f, '  '));
    for (const f of superseded) await line(supersededLine(f, '  '));
  } else {
    // A live database's records are few (its script is read whole): grouped in memory.
    const all = { applied: [] as AppliedFix[], findings: [] as Finding[] };
    for await (const a of applied) all.applied.push(a);
    for await (const f of findings) all.findings.push(f);
    for (const g of byObject(all.applied, all.findings)) {
      await line(`  ${c.bold(objectTitle(g.object))}`);
      for (const a of g.applied) await line(appliedLine(a, '    '));
      for (const f of g.findings) await line(findingLine(f, '    '));
    }
    for (const f of superseded) await line(supersededLine(f, '  '));
  }
  if (!verbose) await writeCuts(r, line, c);
  await line('');
}

/** Says how many fixes and findings of each rule the lists left out (past --max-shown). */
async function writeCuts(r: FileRecords, line: Line, c: ChalkInstance): Promise<void> {
  let cut = false;
  for (const [ruleId, t] of r.appliedRules) {
    if (t.count <= t.first.length) continue;
    cut = true;
    await line(
      c.dim(`  … and ${plural(t.count - t.first.length, 'more fix')} by ${ruleId} (${number(t.count)} in all)`),
    );
  }
  const appliedCut = cut;
  for (const [ruleId, t] of r.findingRules) {
    if (t.count <= t.first.length) continue;
    cut = true;
    await line(
      c.dim(
        `  … and ${number(t.count - t.first.length)} more ${ruleId} ${t.first[0]?.category === 'advice' ? (t.count - t.first.length === 1 ? 'recommendation' : 'recommendations') : t.count - t.first.length === 1 ? 'problem' : 'problems'} (${number(t.count)} in all)`,
      ),
    );
  }
  if (appliedCut) {
    const byRule = [...r.appliedRules]
      .sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1))
      .map(([ruleId, t]) => `${ruleId} ${kinds(t)}`);
    await line(`  ${plural(r.appliedCount, 'fix')} applied by rule: ${byRule.join('; ')}`);
  }
  if (cut) await line(c.dim('  (--verbose lists them all; --max-shown N lists the first N of each rule)'));
}

/** The closing lines: problems, what fix can do about them, and the recommendations. */
async function writeSummary(t: Totals, line: Line, c: ChalkInstance): Promise<void> {
  const { errors, warnings, infos, safeFixable, lossyFixable, appliedCount, advice, suggestions, raised } = t;
  const total = errors + warnings + infos;
  if (total === 0) {
    if (appliedCount > 0) await line(c.green(`✔ ${plural(appliedCount, 'fix')} applied, no problems left`));
  } else {
    const mark = errors > 0 ? c.red.bold('✖') : c.yellow.bold('⚠');
    await line(
      `${mark} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${number(infos)} info)`,
    );
    if (safeFixable + lossyFixable > 0) {
      const parts: string[] = [];
      if (safeFixable > 0) parts.push(`${number(safeFixable)} fixable with \`clustrix-lint fix\``);
      if (lossyFixable > 0)
        parts.push(`${number(lossyFixable)} more with \`--lossy\` (drops a feature the target lacks)`);
      await line(`  ${parts.join(', ')}.`);
    }
  }
  if (advice > 0) {
    // Recommendations are not problems: their count never joins the errors and warnings above.
    const failing = raised === 0 ? '' : ` (${number(raised)} set to error by the configuration: they fail the run)`;
    const offer =
      suggestions === 0
        ? ''
        : `; ${plural(suggestions, 'suggestion')} (\`clustrix-lint fix --suggestions\` or \`--apply-suggestion <rule>\`: they change behaviour, review them)`;
    await line(
      `${c.cyan('ℹ')} ${plural(advice, 'recommendation')} for ClustrixDB/Xpand, not problems${failing}${offer}`,
    );
  }
}

interface ObjectGroup {
  readonly object: ObjectLocation;
  readonly applied: AppliedFix[];
  readonly findings: Finding[];
}

/** The server first, then databases, then every other object in the order it first appears. */
function byObject(applied: readonly AppliedFix[], findings: readonly Finding[]): ObjectGroup[] {
  const groups = new Map<string, ObjectGroup>();
  const group = (o: ObjectLocation) => {
    const key = `${o.type}\u0000${o.name}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { object: o, applied: [], findings: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const a of applied) if (a.object !== undefined) group(a.object).applied.push(a);
  for (const f of findings) if (f.object !== undefined) group(f.object).findings.push(f);
  const rank = (o: ObjectLocation) => (o.type === 'server' ? 0 : o.type === 'database' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a.object) - rank(b.object));
}

function objectTitle(o: ObjectLocation): string {
  if (o.type === 'server') return `server ${o.name}`;
  if (o.type === 'database') return `database ${o.database ?? ''}`;
  return `${o.type} ${o.database ?? ''}.${o.object ?? ''}`;
}
