// What every part of the HTML page uses: how many items of each list a page shows, escaping
// (text, JSON in a script, the inline markdown of rule pages), the colours and the badges.
import type { Complexity, Fixability, StatementStatus } from './model.js';
import { COMPLEXITY_RUBRIC, FIX_HINT, FIX_LABEL, STATUS_HINT, STATUS_LABEL } from './text.js';

/**
 * How many items of each list the page shows (message groups, occurrences, locations, statements,
 * objects, compared findings): caps that keep a page for a big input quick to open. The embedded
 * data has everything.
 */
export const LISTED_ON_PAGE = {
  /** Message groups shown per rule; the rest are listed by message and count. */
  groups: 20,
  /** Occurrences shown per group; more are folded, up to `locations`. */
  occurrences: 8,
  /** Of those, how many show their code excerpt and fix. */
  excerpts: 2,
  locations: 200,
  /** Statements listed per file and status. */
  statements: 200,
  /** Objects listed per file. */
  objects: 2000,
  /** Findings listed per file in a comparison. */
  compare: 200,
} as const;

/** The last part of a path, for places too narrow for all of it. */
export const baseName = (path: string): string => path.replace(/^.*[/\\]/, '');

/** Text as HTML (element content or a quoted attribute value). */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside `<script>`: no `<`, `>` or `&` (so no `</script>` or `<!--`), and no U+2028/2029. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The inline markdown of rule pages: `code`, **bold**, [text](https://…), <https://…>. A small
 * scanner, not a regular expression; a closing mark is looked for within a bounded window only,
 * so the cost stays linear in the text whatever it holds.
 */
export function inlineMarkdown(md: string): string {
  const WINDOW = 2048;
  const find = (mark: string, from: number) => {
    const k = md.slice(from, from + WINDOW).indexOf(mark);
    return k < 0 ? -1 : from + k;
  };
  let out = '';
  let plain = '';
  const flush = () => {
    out += esc(plain);
    plain = '';
  };
  const isUrl = (u: string) => u.startsWith('https://') && !/[\s<>()[\]"]/.test(u);
  for (let i = 0; i < md.length;) {
    const c = md[i]!;
    if (c === '`') {
      const end = find('`', i + 1);
      if (end > i + 1) {
        flush();
        out += `<code>${esc(md.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    } else if (c === '*' && md[i + 1] === '*') {
      const end = find('**', i + 2);
      if (end > i + 2 && !md.slice(i + 2, end).includes('*')) {
        flush();
        out += `<strong>${esc(md.slice(i + 2, end))}</strong>`;
        i = end + 2;
        continue;
      }
    } else if (c === '[') {
      const close = find(']', i + 1);
      const text = close < 0 ? '' : md.slice(i + 1, close);
      if (close > i + 1 && !text.includes('[') && md[close + 1] === '(') {
        const end = find(')', close + 2);
        const url = end < 0 ? '' : md.slice(close + 2, end);
        if (isUrl(url)) {
          flush();
          out += `<a href="${esc(url)}" rel="noreferrer">${inlineMarkdown(text)}</a>`;
          i = end + 1;
          continue;
        }
      }
    } else if (c === '<' && md.startsWith('https://', i + 1)) {
      const end = find('>', i + 1);
      const url = end < 0 ? '' : md.slice(i + 1, end);
      if (isUrl(url)) {
        flush();
        out += `<a href="${esc(url)}" rel="noreferrer">${esc(url)}</a>`;
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** The colour of each fixability in charts and legends (the CSS badges use the same). */
export const FIX_COLOR: Record<Fixability, string> = {
  safe: '#0550ae',
  lossy: '#7d4e00',
  person: '#a40e26',
  review: '#57606a',
};
/** The colour of each statement status. */
export const STATUS_COLOR: Record<StatementStatus, string> = {
  ok: '#116329',
  safe: '#0550ae',
  lossy: '#7d4e00',
  person: '#a40e26',
  incidental: '#6639ba',
};

/** A coloured label; `title` says what it means. */
export const badge = (cls: string, text: string, title?: string) =>
  `<span class="badge ${cls}"${title === undefined ? '' : ` title="${esc(title)}"`}>${esc(text)}</span>`;
/** The badges of a complexity, a statement status and a fixability, with their meaning as title. */
export const complexityBadge = (c: Complexity) => badge(`cx-${c}`, c.toUpperCase(), COMPLEXITY_RUBRIC[c]);
export const statusBadge = (s: StatementStatus) => badge(`st-${s}`, STATUS_LABEL[s], STATUS_HINT[s]);
export const fixBadge = (x: Fixability) => badge(`fx-${x}`, FIX_LABEL[x], FIX_HINT[x]);
/** Advice is badged by what it offers: a suggestion to apply on request, or a recommendation to read. */
export const adviceBadge = (suggestion: boolean) =>
  suggestion
    ? badge(
        'fx-suggestion',
        'suggestion',
        'clustrix-lint fix --suggestions (or --apply-suggestion <rule>) applies it; it changes behaviour: review it',
      )
    : badge('fx-advice', 'recommendation', "no automatic change: a decision for the schema's owner");
