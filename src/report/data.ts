// The data the HTML page embeds as JSON (`#clustrix-lint-data`): each file's findings as
// check --format json gives them, with the statement and object summaries, the totals and the
// rating, and the comparison when there is one.
import { jsonFinding } from '../format/json.js';
import { counts } from '../format/types.js';
import type { ReportModel } from './model.js';

/** The page's embedded data: `{ target, files: [{ filePath, findings }] }` with check --format json's findings. */
export function reportData(model: ReportModel) {
  const compare = model.compare;
  return {
    format: 'clustrix-lint-report',
    version: 1,
    tool: model.tool,
    target: model.target?.id ?? null,
    files: model.files.map((f) => ({
      filePath: f.filePath,
      target: f.target,
      ...(f.error === null ? {} : { error: f.error }),
      findings: f.findings.map((r) => jsonFinding(r.finding)),
      advice: f.advice.map((r) => jsonFinding(r.finding)),
      // Advice has its own counts (adviceCount, suggestionCount); the severities never include it.
      ...counts([...f.findings, ...f.advice].map((r) => r.finding)),
      statements: { total: f.statementCount, byStatus: f.byStatus },
      complexity: f.complexity,
      objects: f.objects.map((o) => ({
        kind: o.kind,
        name: o.name,
        line: o.line,
        status: o.status,
        complexity: o.complexity,
        findings: o.findings.length,
        ...(o.size === undefined ? {} : { size: o.size }),
      })),
    })),
    totals: model.totals,
    complexity: model.complexity,
    explanation: model.explanation,
    ...(compare === null
      ? {}
      : {
          compare: {
            from: compare.from.id,
            to: compare.to.id,
            files: compare.files.map((c) => ({
              filePath: c.filePath,
              appeared: c.appeared.map((r) => jsonFinding(r.finding)),
              disappeared: c.disappeared.map((r) => jsonFinding(r.finding)),
              changed: c.changed.map((x) => ({ from: jsonFinding(x.from.finding), to: jsonFinding(x.to.finding) })),
            })),
          },
        }),
  };
}
