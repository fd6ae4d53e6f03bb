// The report-wide part of the model: the files' models summed up (statements by status, findings by
// severity and fixability, objects by kind and complexity), the rule views, and the rating of the
// whole report with the one sentence that explains it.
import { OBJECT_KINDS } from '../core/objects.js';
import { counts } from '../format/types.js';
import {
  STATUSES,
  zeroFix,
  zeroStatus,
  type CompareModel,
  type Complexity,
  type ComplexityReason,
  type FileModel,
  type Fixability,
  type FixabilityCounts,
  type ModelOptions,
  type ObjectKind,
  type ReportModel,
  type RuleView,
} from './model.js';
import { ruleViews } from './rule-views.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function explain(byFix: FixabilityCounts, rules: readonly RuleView[], unreadable: number): string {
  const parts: string[] = [];
  const top = (x: Fixability) =>
    rules
      .filter((r) => r.byFixability[x] > 0)
      .sort((a, b) => b.byFixability[x] - a.byFixability[x] || (a.id < b.id ? -1 : 1))
      .slice(0, 3)
      .map((r) => `${r.id} ×${r.byFixability[x].toLocaleString('en-US')}`)
      .join(', ');
  if (unreadable > 0) parts.push(`${plural(unreadable, 'file')} could not be read`);
  if (byFix.person > 0)
    parts.push(
      `${plural(byFix.person, 'finding')} ${byFix.person === 1 ? 'needs' : 'need'} a person (${top('person')})`,
    );
  if (byFix.lossy > 0)
    parts.push(
      `${plural(byFix.lossy, 'finding')} ${byFix.lossy === 1 ? 'needs' : 'need'} a lossy fix (${top('lossy')})`,
    );
  if (byFix.review > 0)
    parts.push(
      `${plural(byFix.review, 'finding')} without a fix ${byFix.review === 1 ? 'is' : 'are'} to review (${top('review')})`,
    );
  if (byFix.safe > 0)
    parts.push(`${plural(byFix.safe, 'finding')} ${byFix.safe === 1 ? 'is' : 'are'} fixed safely by clustrix-lint fix`);
  if (parts.length === 0) return 'No findings: every statement loads as is.';
  const text = parts.join('; ') + '.';
  return text[0]!.toUpperCase() + text.slice(1);
}
/** The report-wide views (rules, totals, rating) over the files' models. */
export function buildReport(
  files: readonly FileModel[],
  options: ModelOptions,
  compare: CompareModel | null = null,
): ReportModel {
  const rules = ruleViews(files, options, (f) => f.findings);
  const advice = ruleViews(files, options, (f) => f.advice);
  const byStatus = zeroStatus();
  const byFixability = zeroFix();
  const scriptLevel = zeroFix();
  const objects = Object.fromEntries(
    OBJECT_KINDS.map((k) => [
      k,
      { total: 0, affected: 0, byComplexity: { low: 0, medium: 0, high: 0 }, byFixability: zeroFix() },
    ]),
  ) as Record<
    ObjectKind,
    { total: number; affected: number; byComplexity: Record<Complexity, number>; byFixability: FixabilityCounts }
  >;
  let statements = 0;
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let findingsTotal = 0;
  let adviceCount = 0;
  let suggestionCount = 0;
  for (const file of files) {
    adviceCount += file.advice.length;
    suggestionCount += file.advice.filter((r) => r.finding.fix?.kind === 'suggestion').length;
    statements += file.statementCount;
    for (const s of STATUSES) byStatus[s] += file.byStatus[s];
    const c = counts(file.findings.map((r) => r.finding));
    errorCount += c.errorCount;
    warningCount += c.warningCount;
    infoCount += c.infoCount;
    findingsTotal += file.findings.length;
    for (const r of file.findings) {
      byFixability[r.fixability]++;
      if (r.object === null) scriptLevel[r.fixability]++;
      else objects[file.objects[r.object]!.kind].byFixability[r.fixability]++;
    }
    for (const o of file.objects) {
      const t = objects[o.kind];
      t.total++;
      if (o.findings.length > 0) t.affected++;
      t.byComplexity[o.complexity]++;
    }
  }
  const unreadable = files.filter((f) => f.error !== null).length;
  const rank: Record<Complexity, number> = { low: 0, medium: 1, high: 2 };
  let level: Complexity = 'low';
  let reason: ComplexityReason | null = null;
  for (const file of files) {
    if (rank[file.complexity] > rank[level] || (reason === null && file.reason !== null && file.complexity === level)) {
      level = file.complexity;
      reason = file.reason === null ? null : { ...file.reason, filePath: file.filePath };
    }
  }
  const targets = [...new Set(files.map((f) => f.target))];
  return {
    tool: { name: 'clustrix-lint', version: options.version },
    target: targets.length === 1 ? { id: targets[0]!, name: options.targetName(targets[0]!) } : null,
    files,
    rules,
    advice,
    totals: {
      files: files.filter((f) => f.live === undefined).length,
      databases: files.reduce((n, f) => n + (f.live?.part === 'schema' ? f.live.databases.length : 0), 0),
      unreadable,
      statements,
      byStatus,
      findings: findingsTotal,
      errorCount,
      warningCount,
      infoCount,
      byFixability,
      objects,
      scriptLevel,
      adviceCount,
      suggestionCount,
    },
    complexity: level,
    reason,
    explanation: explain(byFixability, rules, unreadable),
    compare,
  };
}
