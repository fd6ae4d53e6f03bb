// The human report (ESLint's "stylish" layout): the only module that imports chalk. A live
// database is one entry whose findings are grouped by object (server, database, table, …), each
// with its line and column inside that object's SHOW CREATE text.
import { Chalk } from 'chalk';
import type { ObjectLocation } from '../live/types.js';
import type { Finding } from '../rule.js';
import { counts, shownMessage, type FileReport, type ReportApplied, type ReportFinding } from './types.js';

export interface StylishOptions {
  readonly color: boolean;
}

function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word}${/(?:s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;
}

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let advice = 0;
  /** Advice a configuration raised to error: it fails the run (exit 1), so the summary says so. */
  let raised = 0;
  let suggestions = 0;
  let safeFixable = 0;
  let lossyFixable = 0;
  let appliedCount = 0;
  const severityLabel = (f: Finding) =>
    f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
  for (const r of reports) {
    const n = counts(r.findings);
    const superseded = r.superseded ?? [];
    errors += n.errorCount;
    warnings += n.warningCount;
    infos += n.infoCount;
    advice += n.adviceCount + superseded.length;
    raised += r.findings.filter((f) => f.category === 'advice' && f.severity === 'error').length;
    suggestions += n.suggestionCount + superseded.length;
    appliedCount += r.applied?.length ?? 0;
    if (r.findings.length === 0 && (r.applied?.length ?? 0) === 0 && superseded.length === 0) continue;
    lines.push(c.underline(r.filePath));
    const pos = (f: ReportFinding | ReportApplied) =>
      f.object === undefined ? `${f.line}:${f.column}` : `${f.object.line}:${f.object.column}`;
    const width = Math.max(0, ...[...(r.applied ?? []), ...r.findings, ...superseded].map((f) => pos(f).length));
    const appliedLine = (a: ReportApplied, indent: string) => {
      const kind = a.kind === 'lossy' ? c.yellow(' (lossy)') : a.kind === 'suggestion' ? c.cyan(' (suggestion)') : '';
      return `${indent}${c.dim(pos(a).padEnd(width))}  ${c.green('fixed  ')}  ${a.title}${kind}  ${c.dim(a.ruleId)}`;
    };
    const findingLine = (f: ReportFinding, indent: string) => {
      if (f.unfixed !== undefined || f.category === 'advice') {
        // Its fix was tried and refused: not fixable by running fix again. Advice is counted apart.
      } else if (f.fix?.kind === 'safe') safeFixable++;
      else if (f.fix?.kind === 'lossy') lossyFixable++;
      return `${indent}${c.dim(pos(f).padEnd(width))}  ${severityLabel(f)}  ${shownMessage(f)}  ${c.dim(f.ruleId)}`;
    };
    // Positioned in the input: what they were about is gone from the output.
    const supersededLine = (f: ReportFinding, indent: string) =>
      `${indent}${c.dim(pos(f).padEnd(width))}  ${severityLabel(f)}  ${f.message} (in the input; another fix removed what it is about: apply it with --apply-suggestion ${f.ruleId})  ${c.dim(f.ruleId)}`;
    const live = [...(r.applied ?? []), ...r.findings].some((f) => f.object !== undefined);
    if (!live) {
      for (const a of r.applied ?? []) lines.push(appliedLine(a, '  '));
      for (const f of r.findings) lines.push(findingLine(f, '  '));
      for (const f of superseded) lines.push(supersededLine(f, '  '));
    } else {
      for (const g of byObject(r.applied ?? [], r.findings)) {
        lines.push(`  ${c.bold(objectTitle(g.object))}`);
        for (const a of g.applied) lines.push(appliedLine(a, '    '));
        for (const f of g.findings) lines.push(findingLine(f, '    '));
      }
      for (const f of superseded) lines.push(supersededLine(f, '  '));
    }
    lines.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) {
    if (appliedCount > 0) lines.push(c.green(`✔ ${plural(appliedCount, 'fix')} applied, no problems left`));
  } else {
    const mark = errors > 0 ? c.red.bold('✖') : c.yellow.bold('⚠');
    lines.push(
      `${mark} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`,
    );
    if (safeFixable + lossyFixable > 0) {
      const parts: string[] = [];
      if (safeFixable > 0) parts.push(`${safeFixable} fixable with \`clustrix-lint fix\``);
      if (lossyFixable > 0) parts.push(`${lossyFixable} more with \`--lossy\` (drops a feature the target lacks)`);
      lines.push(`  ${parts.join(', ')}.`);
    }
  }
  if (advice > 0) {
    // Recommendations are not problems: their count never joins the errors and warnings above.
    const offer =
      suggestions === 0
        ? ''
        : `; ${plural(suggestions, 'suggestion')} (\`clustrix-lint fix --suggestions\` or \`--apply-suggestion <rule>\`: they change behaviour, review them)`;
    const failing = raised === 0 ? '' : ` (${raised} set to error by the configuration: they fail the run)`;
    lines.push(
      `${c.cyan('ℹ')} ${plural(advice, 'recommendation')} for ClustrixDB/Xpand, not problems${failing}${offer}`,
    );
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

interface ObjectGroup {
  readonly object: ObjectLocation;
  readonly applied: ReportApplied[];
  readonly findings: ReportFinding[];
}

/** The server first, then databases, then every other object in the order it first appears. */
function byObject(applied: readonly ReportApplied[], findings: readonly ReportFinding[]): ObjectGroup[] {
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
