// Comparing two targets: the findings of each file for one target matched with those for the
// other, by place and rule.
import { byPlace } from '../core/engine.js';
import type { Finding } from '../core/rule.js';
import type { CompareFile, FileModel, FindingRecord } from './model.js';

/**
 * What changes between two targets. Findings are matched by place and rule (their messages name
 * the target, so they always differ): unmatched ones appear or go away; a matched one with
 * another message, severity or fixability has changed.
 */
export function compareFiles(from: readonly FileModel[], to: readonly FileModel[]): CompareFile[] {
  const placeKey = (f: Finding) => `${f.start}:${f.end}:${f.ruleId}`;
  return to.map((t, i) => {
    const f = from[i]!;
    const before = new Map<string, FindingRecord[]>();
    for (const r of f.findings) {
      const k = placeKey(r.finding);
      const list = before.get(k);
      if (list === undefined) before.set(k, [r]);
      else list.push(r);
    }
    const appeared: FindingRecord[] = [];
    const changed: Array<{ from: FindingRecord; to: FindingRecord }> = [];
    for (const r of t.findings) {
      const list = before.get(placeKey(r.finding));
      // The same message first, so two findings of one rule at one place pair up as they should.
      const at =
        list === undefined
          ? -1
          : Math.max(
              0,
              list.findIndex((x) => x.finding.messageId === r.finding.messageId),
            );
      const match = list === undefined || list.length === 0 ? undefined : list.splice(at, 1)[0];
      if (match === undefined) appeared.push(r);
      else if (
        match.finding.messageId !== r.finding.messageId ||
        match.finding.severity !== r.finding.severity ||
        match.fixability !== r.fixability
      )
        changed.push({ from: match, to: r });
    }
    const disappeared = [...before.values()].flat().sort((a, b) => byPlace(a.finding, b.finding));
    return { filePath: t.filePath, appeared, disappeared, changed };
  });
}
