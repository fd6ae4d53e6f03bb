// The human report (ESLint's "stylish" layout): the only module that imports chalk. A file with
// more findings (or fixes) of one rule than --max-shown lists the first ones and says how many
// more there are; fix then also sums its fixes up by rule. --verbose lists everything. A live
// database is one entry whose findings are grouped by object (server, database, table, …), each
// with its line and column inside that object's SHOW CREATE text.
import { Chalk } from 'chalk';
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

export async function writeStylish(files: readonly FileRecords[], out: Out, options: StylishOptions): Promise<void> {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const b = new Buffered(out);
  const line = (text: string) => b.write(text + '\n');
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let safeFixable = 0;
  let lossyFixable = 0;
  let appliedCount = 0;
  let advice = 0;
  let suggestions = 0;
  /** Advice a configuration raised to error: it fails the run (exit 1), so the summary says so. */
  let raised = 0;
  for (const r of files) {
    const n = r.counts;
    const superseded = r.supersededList;
    errors += n.errorCount;
    warnings += n.warningCount;
    infos += n.infoCount;
    advice += n.adviceCount + superseded.length;
    suggestions += n.suggestionCount + superseded.length;
    raised += r.adviceErrors;
    safeFixable += r.fixable.safe;
    lossyFixable += r.fixable.lossy;
    appliedCount += r.appliedCount;
    if (r.findingCount === 0 && r.appliedCount === 0 && superseded.length === 0) continue;
    await line(c.underline(r.filePath));
    // The whole list with --verbose (from the records' spool, one pass for the width); else the
    // first of each rule, which the records keep in memory.
    const verbose = options.verbose && r.findings !== null;
    const applied: Iterable<AppliedFix> | AsyncIterable<AppliedFix> =
      verbose && r.appliedList !== null ? r.appliedList : r.listedApplied();
    const findings: Iterable<Finding> | AsyncIterable<Finding> = verbose ? r.findings! : r.listedFindings();
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
    if (!verbose) {
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
    await line('');
  }
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
  await b.flush();
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
