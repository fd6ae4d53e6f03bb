// The method's ratings: what a finding takes to fix (its fixability), the status its errors give
// a statement, and the complexity of a set of findings with the rule behind it (model.ts states
// the method in words).
import type { Finding } from '../core/rule.js';
import type { ReportFinding } from '../format/types.js';
import {
  zeroFix,
  type Complexity,
  type ComplexityReason,
  type FindingRecord,
  type Fixability,
  type StatementStatus,
} from './model.js';

/** What a finding takes: the kind of its fix, else a person for an error and a review for the rest. */
export function fixabilityOf(f: Finding): Fixability {
  // A suggestion (advice only) fixes nothing that stops a load: advice is counted apart anyway.
  if (f.fix !== null && f.fix.kind !== 'suggestion') return f.fix.kind;
  return f.severity === 'error' ? 'person' : 'review';
}

const LEVEL_OF: Record<Fixability, Complexity> = { person: 'high', lossy: 'medium', review: 'medium', safe: 'low' };
/** Which fixability names the reason at each level, in order of preference. */
const REASON_ORDER: readonly Fixability[] = ['person', 'lossy', 'review', 'safe'];

/**
 * The complexity of a set of findings and the rule behind it. A warning without a fix on a
 * statement that belongs to no object (SET, LOCK TABLES, …) is listed to review but does not
 * raise the rating: it changes nothing in the schema.
 */
export function complexityOf(findings: readonly FindingRecord[]): {
  level: Complexity;
  reason: ComplexityReason | null;
} {
  const by = zeroFix();
  const first: Partial<Record<Fixability, Finding>> = {};
  for (const r of findings) {
    const x = r.fixability;
    if (x === 'review' && r.object === null) continue;
    by[x]++;
    const f = r.finding;
    if (first[x] === undefined) first[x] = f;
  }
  for (const x of REASON_ORDER) {
    const f = first[x];
    if (f === undefined) continue;
    const level = LEVEL_OF[x];
    const object = (f as ReportFinding).object;
    return {
      level,
      reason: {
        level,
        ruleId: f.ruleId,
        line: f.line,
        fixability: x,
        count: by[x],
        ...(object === undefined ? {} : { object }),
      },
    };
  }
  return { level: 'low', reason: null };
}
/** A statement's status from its own findings alone (its errors; warnings do not stop a load). */
export function ownStatus(findings: readonly Finding[]): StatementStatus {
  let status: StatementStatus = 'ok';
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const x = fixabilityOf(f);
    if (x === 'person') return 'person';
    if (x === 'lossy') status = 'lossy';
    else if (x === 'safe' && status === 'ok') status = 'safe';
  }
  return status;
}

const WORST: readonly StatementStatus[] = ['person', 'incidental', 'lossy', 'safe', 'ok'];
/** The worse of two statuses. */
export const worse = (a: StatementStatus, b: StatementStatus) => (WORST.indexOf(a) <= WORST.indexOf(b) ? a : b);
