// The playground page's elements, looked up once (index.html holds them), and the small helpers
// every drawing module shares: HTML escaping, links to rule pages, counted words, the notice bar.
import RULE_DOCS from 'virtual:rule-docs';

/** The element with id `id`; the page is broken without it. */
export function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground: #${id} is missing`);
  return el as T;
}

export const ui = {
  target: $<HTMLSelectElement>('target'),
  lossy: $<HTMLInputElement>('lossy'),
  open: $<HTMLButtonElement>('open'),
  file: $<HTMLInputElement>('file'),
  example: $<HTMLButtonElement>('example'),
  copyLink: $<HTMLButtonElement>('copy-link'),
  notice: $<HTMLDivElement>('notice'),
  filename: $<HTMLSpanElement>('filename'),
  status: $<HTMLSpanElement>('status'),
  editor: $<HTMLDivElement>('editor'),
  sql: $<HTMLTextAreaElement>('sql'),
  overlay: $<HTMLDivElement>('overlay'),
  overlayLines: $<HTMLDivElement>('overlay-lines'),
  gutterLines: $<HTMLDivElement>('gutter-lines'),
  gutter: $<HTMLDivElement>('gutter'),
  current: $<HTMLDivElement>('current-finding'),
  tabs: [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')],
  findingsCount: $<HTMLSpanElement>('findings-count'),
  findingsSummary: $<HTMLDivElement>('findings-summary'),
  findingsList: $<HTMLOListElement>('findings-list'),
  findingsMore: $<HTMLButtonElement>('findings-more'),
  cleanSummary: $<HTMLDivElement>('clean-summary'),
  clean: $<HTMLTextAreaElement>('clean'),
  copyClean: $<HTMLButtonElement>('copy-clean'),
  downloadClean: $<HTMLButtonElement>('download-clean'),
  appliedCount: $<HTMLSpanElement>('applied-count'),
  appliedList: $<HTMLOListElement>('applied-list'),
  diffSummary: $<HTMLDivElement>('diff-summary'),
  diff: $<HTMLDivElement>('diff'),
  diffSpacer: $<HTMLDivElement>('diff-spacer'),
  diffLines: $<HTMLDivElement>('diff-lines'),
  downloadDiff: $<HTMLButtonElement>('download-diff'),
  dialog: $<HTMLDialogElement>('rule-dialog'),
  dialogTitle: $<HTMLHeadingElement>('rule-title'),
  dialogMeta: $<HTMLDivElement>('rule-meta'),
  dialogDoc: $<HTMLDivElement>('rule-doc'),
  dialogClose: $<HTMLButtonElement>('rule-close'),
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `s` safe as HTML text or as a double-quoted attribute value. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** A link to the rule's page; `inOverlay`: for the mouse only (the overlay is hidden from assistive tech, the list is not). */
export function ruleLink(id: string, inOverlay = false): string {
  return RULE_DOCS[id] === undefined
    ? `<span class="rule">${escapeHtml(id)}</span>`
    : `<a class="rule" href="#rule=${escapeHtml(id)}" data-rule="${escapeHtml(id)}"${inOverlay ? ' tabindex="-1"' : ''}>${escapeHtml(id)}</a>`;
}

/** `n` and the word, in the plural unless `n` is 1 (`3 findings`, `1 fix`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A duration for the status line: a tenth of a millisecond below 10 ms, whole milliseconds above. */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** Shows `messages` in the notice bar, or hides it when there are none. */
export function notify(messages: readonly string[]): void {
  ui.notice.hidden = messages.length === 0;
  ui.notice.textContent = messages.join(' ');
}
