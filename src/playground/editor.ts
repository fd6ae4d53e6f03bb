// The editor: a textarea with an overlay that draws the visible lines' highlights and messages and
// a gutter with their numbers (only what is on screen, so a 1 MB script stays usable), and the line
// below it that says which finding the caret is in.
import type { Severity } from '../core/rule.js';
import { escapeHtml, plural, ruleLink, ui } from './dom.js';
import { marks, marksAt, marksOnLines, RANK, worse, type Mark } from './marks.js';
import { MAX_DRAWN_COLUMNS, session } from './session.js';

/** Lines drawn above and below the visible ones (the editor's and the diff's). */
export const OVERSCAN = 6;

/** The editor's line height in pixels, as measured; the diff's lines are as high. */
export let lineHeight = 20;
let charWidth = 8;
let renderQueued = false;

/** Measures the editor's font and keeps the overlay off the textarea's scroll bars. */
export function measure(): void {
  lineHeight = parseFloat(getComputedStyle(ui.sql).lineHeight) || 20;
  const probe = document.createElement('span');
  probe.className = 'probe';
  probe.textContent = 'M'.repeat(100);
  ui.overlay.append(probe);
  charWidth = probe.getBoundingClientRect().width / 100 || 8;
  probe.remove();
  // Keep the overlay off the textarea's scroll bars.
  ui.overlay.style.right = `${ui.sql.offsetWidth - ui.sql.clientWidth}px`;
  ui.overlay.style.bottom = `${ui.sql.offsetHeight - ui.sql.clientHeight}px`;
}

/** Redraws the editor at the next frame (once, however often it is asked). */
export function requestRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderEditor();
  });
}

/** Draws the visible lines' marks, messages and line numbers. */
export function renderEditor(): void {
  const { model, failure } = session;
  const top = ui.sql.scrollTop;
  const first = Math.max(0, Math.floor(top / lineHeight) - OVERSCAN);
  const last = Math.min(model.lineCount - 1, Math.ceil((top + ui.sql.clientHeight) / lineHeight) + OVERSCAN);
  const byLine = new Map<number, Mark[]>();
  for (const m of marksOnLines(first, last)) {
    for (let l = Math.max(first, m.line); l <= Math.min(last, m.endLine); l++) {
      let list = byLine.get(l);
      if (list === undefined) byLine.set(l, (list = []));
      list.push(m);
    }
  }
  const errorLine =
    failure?.offset !== undefined && failure.line !== undefined ? model.lineOf(model.toShown(failure.offset)) : -1;
  let html = '';
  let gutter = '';
  for (let l = first; l <= last; l++) {
    const text = model.line(l);
    const start = model.lineStarts[l]!;
    const here = byLine.get(l) ?? [];
    html += `<div class="ln">${drawLine(text, start, here)}${l === errorLine ? errorLens() : lens(l, here, text.length)}</div>`;
    const starting = here.filter((m) => m.line === l);
    const worst = starting.reduce<Severity | null>(
      (w, m) => (w === null || RANK[m.finding.severity] > RANK[w] ? m.finding.severity : w),
      null,
    );
    const cls = l === errorLine ? ' sev-error' : worst === null ? '' : ` sev-${worst}`;
    gutter += `<div class="gl${cls}">${l + 1}</div>`;
  }
  ui.overlayLines.innerHTML = html;
  ui.gutterLines.innerHTML = gutter;
  const dy = first * lineHeight - top;
  ui.overlayLines.style.transform = `translate(${-ui.sql.scrollLeft}px, ${dy}px)`;
  ui.gutterLines.style.transform = `translateY(${dy}px)`;
}

/** One line's text (transparent: the textarea shows it) with the marked ranges wrapped. */
function drawLine(text: string, lineStart: number, here: readonly Mark[]): string {
  const shown = text.length > MAX_DRAWN_COLUMNS ? text.slice(0, MAX_DRAWN_COLUMNS) : text;
  if (here.length === 0) return escapeHtml(shown);
  const cuts = new Set<number>([0, shown.length]);
  const carets = new Map<number, Severity>();
  for (const m of here) {
    const s = Math.max(0, m.s - lineStart);
    const e = Math.min(shown.length, m.e - lineStart);
    if (m.e === m.s) {
      if (s <= shown.length) carets.set(s, worse(carets.get(s), m.finding.severity));
      continue;
    }
    if (s < shown.length) cuts.add(s);
    if (e > 0 && e <= shown.length) cuts.add(e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k < points.length; k++) {
    const a = points[k]!;
    const caret = carets.get(a);
    if (caret !== undefined) out += `<span class="caret sev-${caret}"></span>`;
    if (k === points.length - 1) break;
    const b = points[k + 1]!;
    let sev: Severity | undefined;
    for (const m of here) {
      if (m.e > m.s && m.s - lineStart <= a && m.e - lineStart >= b) sev = worse(sev, m.finding.severity);
    }
    const piece = escapeHtml(shown.slice(a, b));
    out += sev === undefined ? piece : `<span class="mark sev-${sev}">${piece}</span>`;
  }
  return out;
}

/** The message of the most severe finding that starts on line `l`, after the line's text. */
function lens(l: number, here: readonly Mark[], length: number): string {
  if (length > MAX_DRAWN_COLUMNS) return '';
  const starting = here.filter((m) => m.line === l);
  if (starting.length === 0) return '';
  const top = starting.reduce((a, b) => (RANK[b.finding.severity] > RANK[a.finding.severity] ? b : a));
  const more = starting.length > 1 ? ` <span class="more">+${starting.length - 1} more</span>` : '';
  const f = top.finding;
  return `<span class="lens sev-${f.severity}${session.stale ? ' stale' : ''}">${escapeHtml(f.message)} ${ruleLink(f.ruleId, true)}${more}</span>`;
}

function errorLens(): string {
  const failure = session.failure;
  return failure === null ? '' : `<span class="lens sev-error">${escapeHtml(failure.message)}</span>`;
}

/** Selects a mark's range in the editor and scrolls it into view. */
export function reveal(s: number, e: number): void {
  const model = session.model;
  ui.sql.focus({ preventScroll: true });
  ui.sql.setSelectionRange(s, e);
  const line = model.lineOf(s);
  const y = line * lineHeight;
  if (y < ui.sql.scrollTop || y + lineHeight > ui.sql.scrollTop + ui.sql.clientHeight) {
    ui.sql.scrollTop = Math.max(0, y - ui.sql.clientHeight / 3);
  }
  const x = (s - model.lineStarts[line]!) * charWidth;
  if (x < ui.sql.scrollLeft || x > ui.sql.scrollLeft + ui.sql.clientWidth - 4 * charWidth) {
    ui.sql.scrollLeft = Math.max(0, x - ui.sql.clientWidth / 2);
  }
  requestRender();
  updateCurrent();
}

/** Says which finding the caret is in, below the editor (read out by screen readers). */
export function updateCurrent(): void {
  const pos = ui.sql.selectionStart;
  const here = marksAt(pos);
  const failure = session.failure;
  ui.current.replaceChildren();
  if (failure !== null) {
    ui.current.className = 'current sev-error';
    ui.current.textContent = failure.message;
    return;
  }
  if (here.length === 0) {
    ui.current.className = 'current';
    const n = marks.length;
    ui.current.textContent =
      n === 0 ? '' : `${plural(n, 'finding')} in the script. F8: next finding, Shift+F8: previous.`;
    return;
  }
  const f = here[0]!.finding;
  ui.current.className = `current sev-${f.severity}`;
  ui.current.innerHTML =
    `<span class="sev">${f.severity}</span> <span class="loc">${f.line}:${f.column}</span> ${escapeHtml(f.message)} ${ruleLink(f.ruleId)}` +
    (f.fix === null ? '' : ` <span class="badge ${f.fix.kind}">${f.fix.kind} fix</span>`) +
    (here.length > 1 ? ` <span class="more">+${here.length - 1} more here</span>` : '');
}

/** Moves the caret to the next finding after it (F8), or the one before it (Shift+F8), wrapping around. */
export function nextFinding(back: boolean): void {
  if (marks.length === 0) return;
  const pos = ui.sql.selectionStart;
  let target: Mark | undefined;
  if (back) target = [...marks].reverse().find((m) => m.s < pos) ?? marks[marks.length - 1];
  else target = marks.find((m) => m.s > pos) ?? marks[0];
  if (target !== undefined) reveal(target.s, target.e);
}
