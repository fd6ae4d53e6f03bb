// The human report (ESLint's "stylish" layout): the only module that imports chalk. A file with
// more findings (or fixes) of one rule than --max-shown lists the first ones and says how many
// more there are; fix then also sums its fixes up by rule. --verbose lists everything.
import { Chalk } from 'chalk';
import type { AppliedFix } from '../fixer.js';
import type { Finding } from '../rule.js';
import type { FileRecords, RuleTally } from './records.js';
import { Buffered, type Out } from './types.js';

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
  (['safe', 'lossy'] as const)
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
  for (const r of files) {
    const n = r.counts;
    errors += n.errorCount;
    warnings += n.warningCount;
    infos += n.infoCount;
    safeFixable += r.fixable.safe;
    lossyFixable += r.fixable.lossy;
    appliedCount += r.appliedCount;
    if (r.findingCount === 0 && r.appliedCount === 0) continue;
    await line(c.underline(r.filePath));
    // The whole list with --verbose (from the records' spool, one pass for the width); else the
    // first of each rule, which the records keep in memory.
    const verbose = options.verbose && r.findings !== null;
    const applied: Iterable<AppliedFix> | AsyncIterable<AppliedFix> =
      verbose && r.appliedList !== null ? r.appliedList : r.listedApplied();
    const findings: Iterable<Finding> | AsyncIterable<Finding> = verbose ? r.findings! : r.listedFindings();
    let width = 0;
    for await (const x of applied) width = Math.max(width, `${x.line}:${x.column}`.length);
    for await (const x of findings) width = Math.max(width, `${x.line}:${x.column}`.length);
    for await (const a of applied) {
      const kind = a.kind === 'lossy' ? c.yellow(' (lossy)') : '';
      await line(
        `  ${c.dim(`${a.line}:${a.column}`.padEnd(width))}  ${c.green('fixed  ')}  ${a.title}${kind}  ${c.dim(a.ruleId)}`,
      );
    }
    for await (const f of findings) {
      const sev =
        f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      await line(`  ${c.dim(`${f.line}:${f.column}`.padEnd(width))}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
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
            `  … and ${number(t.count - t.first.length)} more ${ruleId} ${t.count - t.first.length === 1 ? 'problem' : 'problems'} (${number(t.count)} in all)`,
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
  await b.flush();
}
