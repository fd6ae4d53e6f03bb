// Which clean statement each original statement became. The fixer only edits inside statements
// or removes whole ones (it refuses a pass that merges or splits statements), so replaying its
// passes gives the exact correspondence, also when a removed statement has the same kind as the
// one after it.
import { applyEdits } from '../core/edits.js';
import type { AppliedFix } from '../core/fixer.js';
import type { Edit } from '../core/rule.js';
import { SqlSource } from '../core/source.js';

/** Statement index in `original` → index in `clean`; statements a fix removed have none. */
export function pairStatements(
  original: SqlSource,
  clean: SqlSource,
  applied: readonly AppliedFix[],
): Map<number, number> {
  return replay(original, clean, applied) ?? pairByKind(original, clean);
}

/** Replays the fix passes; null when they do not lead to `clean` (a hand-made clean script). */
function replay(original: SqlSource, clean: SqlSource, applied: readonly AppliedFix[]): Map<number, number> | null {
  // map: original index → index in the current pass's text.
  let map = new Map(original.statements.map((s) => [s.index, s.index]));
  let source = original;
  const passes = [...new Set(applied.map((a) => a.pass))].sort((a, b) => a - b);
  for (const pass of passes) {
    const edits: Edit[] = applied
      .filter((a) => a.pass === pass)
      .flatMap((a) => a.edits)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < edits.length; k++) if (edits[k]!.start < edits[k - 1]!.end) return null;
    if (edits.length > 0 && edits.at(-1)!.end > source.text.length) return null;
    const next = new Map<number, number>();
    let j = 0;
    for (const st of source.statements) {
      const removed = edits.some((e) => e.start <= st.start && e.end >= (st.delimiter?.end ?? st.end));
      if (!removed) next.set(st.index, j++);
    }
    let text: string;
    try {
      text = applyEdits(source.text, edits);
      source = new SqlSource(text);
    } catch {
      return null;
    }
    if (source.statements.length !== j) return null;
    const composed = new Map<number, number>();
    for (const [o, at] of map) {
      const to = next.get(at);
      if (to !== undefined) composed.set(o, to);
    }
    map = composed;
  }
  return source.text === clean.text ? map : null;
}

/** In order, skipping an original statement whose kind does not match (a fix removed it). */
function pairByKind(original: SqlSource, clean: SqlSource): Map<number, number> {
  const map = new Map<number, number>();
  let j = 0;
  for (const st of original.statements) {
    const c = clean.statements[j];
    if (c !== undefined && c.kind === st.kind) {
      map.set(st.index, c.index);
      j++;
    }
  }
  return map;
}
