// Code excerpts: the lines of the script around a finding, and what its fix makes of them as a
// short diff. Lines are clipped and excerpts bounded, so a finding on a huge statement stays small.
import type { Finding } from '../core/rule.js';
import type { Excerpt } from './model.js';

/** The first this many occurrences of each rule in a file keep a code excerpt and the fix's diff… */
export const EXCERPTS_PER_RULE = 10;
/** …and so does the first occurrence of each of this many different messages of a rule. */
export const EXCERPT_GROUPS_PER_RULE = 40;
const EXCERPT_LINES = 6;
const DIFF_LINES = 12;
const LINE_CHARS = 240;
/** A fix region longer than this is shown by its first lines only. */
const DIFF_REGION_CHARS = 20_000;

/** A line as an excerpt shows it: no byte order mark, no carriage return, at most LINE_CHARS. */
export const clip = (line: string) => {
  const clean = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  return clean.length > LINE_CHARS ? clean.slice(0, LINE_CHARS) + '…' : clean;
};

/** Offset of the start of the line holding `offset`. */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end (the `\n` or the text's end) of the line holding `offset`. */
export function lineEndOf(text: string, offset: number): number {
  const k = text.indexOf('\n', offset);
  return k < 0 ? text.length : k;
}

/** The excerpt of a finding `f` whose offsets are relative to `text`; `lineBase` is text's first line. */
export function excerptOf(text: string, f: Finding, lineBase: number): Excerpt {
  const from = lineStartOf(text, f.start);
  const to = lineEndOf(text, Math.max(f.start, f.end - 1));
  const all = text.slice(from, Math.min(to, from + EXCERPT_LINES * (LINE_CHARS + 2) * 4)).split('\n');
  const lines = all.slice(0, EXCERPT_LINES).map(clip);
  const truncated = all.length > EXCERPT_LINES || to > from + EXCERPT_LINES * (LINE_CHARS + 2) * 4;
  let diff: Excerpt['diff'] = null;
  if (f.fix !== null && f.fix.edits.length > 0) {
    const edits = [...f.fix.edits].sort((a, b) => a.start - b.start);
    const a = lineStartOf(text, edits[0]!.start);
    const b = lineEndOf(text, Math.max(...edits.map((e) => e.end)));
    const long = b - a > DIFF_REGION_CHARS;
    const before = text.slice(a, b);
    let after = '';
    let at = a;
    for (const e of edits) {
      after += text.slice(at, e.start) + e.text;
      at = e.end;
    }
    after += text.slice(at, b);
    let removed = before.split('\n');
    let added = after.split('\n');
    // Lines the fix leaves alone at either end are not part of the diff.
    let head = 0;
    while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
    let tail = 0;
    while (
      tail < removed.length - head &&
      tail < added.length - head &&
      removed[removed.length - 1 - tail] === added[added.length - 1 - tail]
    )
      tail++;
    removed = removed.slice(head, removed.length - tail);
    added = added.slice(head, added.length - tail);
    const trunc = long || removed.length > DIFF_LINES || added.length > DIFF_LINES;
    diff = {
      line: lineBase + countLines(text, a) + head,
      removed: removed.slice(0, DIFF_LINES).map(clip),
      added: added.slice(0, DIFF_LINES).map(clip),
      truncated: trunc,
    };
  }
  return { line: lineBase + countLines(text, from), lines, truncated, diff };
}

/** Newlines in text[0, offset). */
function countLines(text: string, offset: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) n++;
  return n;
}
