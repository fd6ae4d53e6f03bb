// The versions clustrix-lint checks scripts for (ClustrixDB 7.0 through Xpand 23.09), in release
// order, and the versioned facts built on that order: a fact holds from one target on (and up to
// another, if given). Adding a target is adding a line to TARGET_DEFS, then checking the facts
// whose ranges end at the newest target.
import { ConfigError } from '../errors.js';
import { SOURCES, type Source } from './sources.js';

export interface Target {
  /** Target id as used on the command line, e.g. `xpand-23.09`. */
  readonly id: string;
  /** Human name used in messages, e.g. `Xpand 23.09`. */
  readonly name: string;
  readonly product: 'clustrixdb' | 'xpand';
  /** Position in release order, oldest first. */
  readonly order: number;
}

const TARGET_DEFS: ReadonlyArray<Omit<Target, 'order'>> = [
  { id: 'clustrixdb-7.0', name: 'ClustrixDB 7.0', product: 'clustrixdb' },
  { id: 'clustrixdb-7.5', name: 'ClustrixDB 7.5', product: 'clustrixdb' },
  { id: 'clustrixdb-8.0', name: 'ClustrixDB 8.0', product: 'clustrixdb' },
  { id: 'clustrixdb-8.5', name: 'ClustrixDB 8.5', product: 'clustrixdb' },
  { id: 'clustrixdb-9.0', name: 'ClustrixDB 9.0', product: 'clustrixdb' },
  { id: 'clustrixdb-9.1', name: 'ClustrixDB 9.1', product: 'clustrixdb' },
  { id: 'clustrixdb-9.2', name: 'ClustrixDB 9.2', product: 'clustrixdb' },
  { id: 'xpand-5.3', name: 'Xpand 5.3', product: 'xpand' },
  { id: 'xpand-6.0', name: 'Xpand 6.0', product: 'xpand' },
  { id: 'xpand-6.1', name: 'Xpand 6.1', product: 'xpand' },
  { id: 'xpand-23.09', name: 'Xpand 23.09', product: 'xpand' },
];

/** All targets, oldest first. */
export const TARGETS: readonly Target[] = TARGET_DEFS.map((t, order) => ({ ...t, order }));

export const DEFAULT_TARGET_ID = 'xpand-23.09';

/** Looks a target up by id; throws ConfigError naming the valid ids otherwise. */
export function getTarget(id: string = DEFAULT_TARGET_ID): Target {
  const t = TARGETS.find((x) => x.id === id.toLowerCase());
  if (t === undefined) {
    throw new ConfigError(`unknown target "${id}" (expected one of: ${TARGETS.map((x) => x.id).join(', ')})`);
  }
  return t;
}

function order(id: string): number {
  return getTarget(id).order;
}

/** True when `target` is at or after the target `since` (and at or before `until`, if given). */
export function targetInRange(target: Target, since: string, until?: string): boolean {
  return target.order >= order(since) && (until === undefined || target.order <= order(until));
}

export type Support = 'supported' | 'deprecated' | 'unverified' | 'unsupported';

export interface SupportInfo {
  readonly support: Support;
  readonly source: Source | null;
}

/** A fact that holds from `since` (target id, inclusive) up to `until` (inclusive), if given. */
export interface VersionedSupport {
  readonly since: string;
  readonly until?: string;
  readonly support: Support;
  readonly source: Source;
}

/** What `facts` say of `target`: the last matching fact wins, so later ranges refine earlier ones. */
export function supportAt(facts: readonly VersionedSupport[], target: Target): SupportInfo {
  let found: VersionedSupport | undefined;
  for (const f of facts) {
    if (target.order >= order(f.since) && (f.until === undefined || target.order <= order(f.until))) found = f;
  }
  return found ? { support: found.support, source: found.source } : { support: 'unsupported', source: null };
}

/** Features that exist only from some version on. */
export const VERSIONED_FEATURES = {
  json: { since: 'clustrixdb-9.0', source: SOURCES.json },
  invisibleIndex: { since: 'clustrixdb-9.0', source: SOURCES.invisible },
  nationalVarchar: { since: 'xpand-6.1', source: SOURCES.dataTypes },
} as const;
