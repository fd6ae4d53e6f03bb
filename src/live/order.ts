// The order that makes a schema script load: a table after the tables its foreign keys reference,
// a view after the views (and tables) it selects from. Cycles cannot be ordered; they are
// reported so the script can turn foreign key checks off around them.
import { SqlSource } from '../core/source.js';
import { identValue, type Token } from '../core/tokenize.js';
import { isPunct } from '../core/structure.js';

/** `db\0name`, the key of an object across databases. */
export const keyOf = (database: string, name: string, caseInsensitive = false): string =>
  caseInsensitive ? `${database.toLowerCase()}\u0000${name.toLowerCase()}` : `${database}\u0000${name}`;

export interface Ordered<T> {
  readonly order: T[];
  /** Items that could not be placed after everything they depend on (part of a cycle). */
  readonly cyclic: T[];
}

/**
 * A stable topological order: items keep their given order unless a dependency forces one
 * later; what a cycle leaves is appended in the given order.
 */
export function topological<T>(
  items: readonly T[],
  key: (t: T) => string,
  dependsOn: (t: T) => Iterable<string>,
): Ordered<T> {
  const byKey = new Map(items.map((t) => [key(t), t]));
  const deps = new Map<T, Set<string>>();
  for (const t of items) {
    const own = key(t);
    deps.set(t, new Set([...dependsOn(t)].filter((d) => d !== own && byKey.has(d))));
  }
  const placed = new Set<string>();
  const order: T[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const t of items) {
      const k = key(t);
      if (placed.has(k)) continue;
      if ([...deps.get(t)!].every((d) => placed.has(d))) {
        placed.add(k);
        order.push(t);
        progress = true;
        // Restart from the top so earlier items that were waiting on this one come next.
        break;
      }
    }
  }
  const cyclic = items.filter((t) => !placed.has(key(t)));
  return { order: [...order, ...cyclic], cyclic };
}

/**
 * The objects a view's SHOW CREATE text may name: every backquoted identifier, alone or with the
 * one before it as a qualifier (`db`.`v` or `v`.`col`). SHOW CREATE quotes every identifier, so
 * keywords never count; an alias that happens to equal a view's name only adds an ordering
 * constraint, never drops one.
 */
export function viewReferences(text: string, database: string, caseInsensitive = false): Set<string> {
  const out = new Set<string>();
  let tokens: readonly Token[];
  try {
    tokens = new SqlSource(text).statements[0]?.code ?? [];
  } catch {
    return out;
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'quotedIdent' || t.text.startsWith('"')) continue;
    const name = identValue(t);
    out.add(keyOf(database, name, caseInsensitive));
    const before = tokens[k - 2];
    if (isPunct(tokens[k - 1], '.') && before?.kind === 'quotedIdent')
      out.add(keyOf(identValue(before), name, caseInsensitive));
  }
  return out;
}
