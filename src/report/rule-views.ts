// The rule views of the report: for each rule, its facts (taken from its page, rules/<id>.md) and
// its findings grouped by message, each group with its occurrences (indexes into a file's list),
// most frequent first.
import type { Severity } from '../core/rule.js';
import { ruleDocFacts } from './docs.js';
import {
  zeroFix,
  type FileModel,
  type FindingRecord,
  type Fixability,
  type FixabilityCounts,
  type ModelOptions,
  type RuleView,
} from './model.js';

/** One view per rule over the records `pick` takes from each file (occurrences index that list). */
export function ruleViews(
  files: readonly FileModel[],
  options: ModelOptions,
  pick: (file: FileModel) => readonly FindingRecord[],
): RuleView[] {
  const metas = new Map(options.rules.map((r) => [r.meta.id, r.meta]));
  const ruleData = new Map<
    string,
    {
      bySeverity: Record<Severity, number>;
      byFixability: FixabilityCounts;
      groups: Map<
        string,
        {
          messageId: string;
          message: string;
          severity: Severity;
          fixability: Fixability;
          occurrences: Array<{ file: number; finding: number }>;
        }
      >;
    }
  >();
  files.forEach((file, fi) => {
    pick(file).forEach((r, i) => {
      const f = r.finding;
      let d = ruleData.get(f.ruleId);
      if (d === undefined) {
        d = { bySeverity: { error: 0, warning: 0, info: 0 }, byFixability: zeroFix(), groups: new Map() };
        ruleData.set(f.ruleId, d);
      }
      d.bySeverity[f.severity]++;
      d.byFixability[r.fixability]++;
      const key = `${f.message}\u0000${f.severity}\u0000${r.fixability}`;
      let g = d.groups.get(key);
      if (g === undefined) {
        g = {
          messageId: f.messageId,
          message: f.message,
          severity: f.severity,
          fixability: r.fixability,
          occurrences: [],
        };
        d.groups.set(key, g);
      }
      g.occurrences.push({ file: fi, finding: i });
    });
  });
  return [...ruleData.entries()]
    .map(([id, d]): RuleView => {
      const meta = metas.get(id);
      const doc = meta === undefined ? undefined : options.docs(id);
      const facts = meta === undefined || doc === undefined ? null : ruleDocFacts(doc, meta.source.url);
      const total = d.bySeverity.error + d.bySeverity.warning + d.bySeverity.info;
      return {
        id,
        description: meta?.description ?? null,
        severity: meta?.severity ?? null,
        fixable: meta?.fixable ?? [],
        sourceUrl: meta?.source.url ?? null,
        evidence: facts?.evidence ?? meta?.source.evidence ?? null,
        why: facts?.why ?? null,
        sourceText: facts?.sourceText ?? null,
        total,
        bySeverity: d.bySeverity,
        byFixability: d.byFixability,
        groups: [...d.groups.values()].sort(
          (a, b) => b.occurrences.length - a.occurrences.length || (a.message < b.message ? -1 : 1),
        ),
      };
    })
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
}
