// The playground page: a script editor with findings inline, the clean script and the diff. The
// check and fix run in a Web Worker (worker.ts) on the portable core; this thread only draws, and
// draws only what is on screen (the editor's visible lines, the diff's visible lines, the first
// findings), so a 1 MB script stays usable.
import { DEFAULT_TARGET_ID, TARGETS } from '../core/catalog.js';
import type { Finding, RuleMeta, Severity } from '../core/rule.js';
import { rules } from '../../rules/index.js';
import WORKER_SOURCE from 'virtual:worker';
import RULE_DOCS from 'virtual:rule-docs';
import EXAMPLE from 'virtual:example';
import { decodeScript } from './decode.js';
import { markdownToDom } from './markdown.js';
import type { AppliedSummary, FailureInfo, RunRequest, RunResponse } from './protocol.js';
import { encodeFragment, parseFragment } from './state.js';
import { TextModel } from './text-model.js';

/** Findings (and applied fixes) rendered at a time; "Show more" adds as many again. */
const PAGE = 200;
/** Characters of one line drawn in the editor overlay and the diff (the textarea itself holds all). */
const MAX_DRAWN_COLUMNS = 4000;
/** Lines drawn above and below the visible ones. */
const OVERSCAN = 6;
/** Longest fragment written to the address bar (Chromium refuses URLs over 2 MB). */
const MAX_FRAGMENT = 1_500_000;
/** Quiet time after typing before a new check starts. */
const TYPING_DELAY_MS = 250;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const RULE_META = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground: #${id} is missing`);
  return el as T;
}

const ui = {
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

// ---------------------------------------------------------------------------------------------
// State

/** A finding placed in the shown text (offsets of the textarea's value). */
interface Mark {
  readonly finding: Finding;
  s: number;
  e: number;
  line: number;
  endLine: number;
}

interface FixView {
  readonly output: string;
  readonly applied: readonly AppliedSummary[];
  readonly remaining: number;
  readonly diff: string;
  readonly diffLines: readonly string[];
  readonly diffWidth: number;
}

let model = new TextModel('');
let filename = 'input.sql';
let target = DEFAULT_TARGET_ID;
let lossy = false;
/** Findings of the last finished check, sorted by position; null before the first. */
let findings: Finding[] | null = null;
/** `findings` placed in the shown text, sorted by start, and the running maximum of their end lines. */
let marks: Mark[] = [];
let maxEndLine: number[] = [];
let fixView: FixView | null = null;
let failure: FailureInfo | null = null;
/** True while the results shown are for an older text than the editor's. */
let stale = false;
let findingsShown = PAGE;
let appliedShown = PAGE;
/** Whether the URL should follow the state (not before the user changed anything on a bare page). */
let syncUrl = false;

// ---------------------------------------------------------------------------------------------
// The worker: one request at a time; a newer request ends a busy worker, and answers carry the
// request id so an answer to a stale request is dropped.

const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
let worker: Worker | null = null;
let busy = false;
let runId = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** The status line's words for the last check. */
let checkedText = '';

function startWorker(): Worker {
  const w = new Worker(workerUrl, { name: 'clustrix-lint' });
  w.onmessage = (event: MessageEvent<RunResponse>) => onAnswer(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    console.error(`clustrix-lint worker failed: ${event.message}`);
    busy = false;
    worker = null;
    failure = { name: 'InternalError', message: `the checker stopped: ${event.message}` };
    setState('done');
    renderAll();
  };
  return w;
}

function run(): void {
  clearTimeout(typingTimer);
  const id = ++runId;
  if (busy && worker !== null) {
    worker.terminate();
    worker = null;
  }
  worker ??= startWorker();
  busy = true;
  setState('running');
  const request: RunRequest = { id, sql: model.exact, target, lossy, filename };
  worker.postMessage(request);
  updateUrl();
}

function scheduleRun(delay: number): void {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(run, delay);
}

function onAnswer(answer: RunResponse): void {
  if (answer.id !== runId) return; // an answer to a request the editor has moved past
  if (answer.phase === 'check') {
    findings = answer.findings;
    failure = null;
    stale = false;
    placeMarks();
    findingsShown = PAGE;
    checkedText = `${plural(answer.findings.length, 'finding')} · checked in ${formatMs(answer.ms)}`;
    ui.status.textContent = `${checkedText} · fixing…`;
    setState('checked');
    renderFindings();
    renderEditor();
    updateCurrent();
  } else if (answer.phase === 'fix') {
    busy = false;
    const diffLines = answer.diff === '' ? [] : answer.diff.replace(/\n$/, '').split('\n');
    let widest = 0;
    for (const l of diffLines) widest = Math.max(widest, Math.min(l.length, MAX_DRAWN_COLUMNS));
    fixView = { ...answer, diffLines, diffWidth: widest };
    ui.status.textContent = `${checkedText} · fixed in ${formatMs(answer.ms)}`;
    appliedShown = PAGE;
    setState('done');
    renderFix();
  } else {
    busy = false;
    findings = null;
    marks = [];
    maxEndLine = [];
    fixView = null;
    failure = answer.error;
    stale = false;
    ui.status.textContent = answer.error.name === 'SqlSyntaxError' ? 'cannot be read' : 'error';
    setState('done');
    renderAll();
  }
}

function setState(state: 'running' | 'checked' | 'done'): void {
  document.body.dataset.state = state;
  document.body.dataset.run = String(runId);
  ui.editor.classList.toggle('busy', state === 'running');
  if (state === 'running') ui.status.textContent = 'Checking…';
}

// ---------------------------------------------------------------------------------------------
// Marks: findings in the shown text, kept in place while the user types.

function placeMarks(): void {
  marks = (findings ?? []).map((f) => {
    const s = model.toShown(f.start);
    const e = Math.max(s, model.toShown(f.end));
    return { finding: f, s, e, line: 0, endLine: 0 };
  });
  marks.sort((a, b) => a.s - b.s || a.e - b.e);
  indexMarks();
}

function indexMarks(): void {
  maxEndLine = new Array<number>(marks.length);
  let max = -1;
  marks.forEach((m, k) => {
    m.line = model.lineOf(m.s);
    m.endLine = m.e > m.s ? model.lineOf(m.e - 1) : m.line;
    max = Math.max(max, m.endLine);
    maxEndLine[k] = max;
  });
}

/** After an edit from `before` to `after`: marks after the change move with the text, marks in it go. */
function shiftMarks(before: string, after: string): void {
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const oldEnd = before.length - q;
  const delta = after.length - before.length;
  marks = marks.filter((m) => {
    if (m.e <= p) return true;
    if (m.s < oldEnd) return false;
    m.s += delta;
    m.e += delta;
    return true;
  });
  indexMarks();
}

/** Indexes of the marks touching lines [first, last]. */
function marksOnLines(first: number, last: number): number[] {
  // The first mark whose running maximum end line reaches `first`: none before it can.
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxEndLine[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < marks.length && marks[k]!.line <= last; k++) {
    if (marks[k]!.endLine >= first) out.push(k);
  }
  return out;
}

/** The marks covering shown offset `pos`, most severe first. */
function marksAt(pos: number): Mark[] {
  const line = model.lineOf(pos);
  return marksOnLines(line, line)
    .map((k) => marks[k]!)
    .filter((m) => (m.s <= pos && pos < m.e) || m.s === pos)
    .sort((a, b) => RANK[b.finding.severity] - RANK[a.finding.severity] || a.s - b.s);
}

// ---------------------------------------------------------------------------------------------
// The editor: a textarea with an overlay that draws the visible lines' highlights and messages.

let lineHeight = 20;
let charWidth = 8;
let renderQueued = false;

function measure(): void {
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

function requestRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderEditor();
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** A link to the rule's page; `inOverlay`: for the mouse only (the overlay is hidden from assistive tech, the list is not). */
function ruleLink(id: string, inOverlay = false): string {
  return RULE_DOCS[id] === undefined
    ? `<span class="rule">${escapeHtml(id)}</span>`
    : `<a class="rule" href="#rule=${escapeHtml(id)}" data-rule="${escapeHtml(id)}"${inOverlay ? ' tabindex="-1"' : ''}>${escapeHtml(id)}</a>`;
}

function renderEditor(): void {
  const top = ui.sql.scrollTop;
  const first = Math.max(0, Math.floor(top / lineHeight) - OVERSCAN);
  const last = Math.min(model.lineCount - 1, Math.ceil((top + ui.sql.clientHeight) / lineHeight) + OVERSCAN);
  const onScreen = marksOnLines(first, last);
  const byLine = new Map<number, Mark[]>();
  for (const k of onScreen) {
    const m = marks[k]!;
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

function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/** The message of the most severe finding that starts on line `l`, after the line's text. */
function lens(l: number, here: readonly Mark[], length: number): string {
  if (length > MAX_DRAWN_COLUMNS) return '';
  const starting = here.filter((m) => m.line === l);
  if (starting.length === 0) return '';
  const top = starting.reduce((a, b) => (RANK[b.finding.severity] > RANK[a.finding.severity] ? b : a));
  const more = starting.length > 1 ? ` <span class="more">+${starting.length - 1} more</span>` : '';
  const f = top.finding;
  return `<span class="lens sev-${f.severity}${stale ? ' stale' : ''}">${escapeHtml(f.message)} ${ruleLink(f.ruleId, true)}${more}</span>`;
}

function errorLens(): string {
  return failure === null ? '' : `<span class="lens sev-error">${escapeHtml(failure.message)}</span>`;
}

/** Selects a mark's range in the editor and scrolls it into view. */
function reveal(s: number, e: number): void {
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
function updateCurrent(): void {
  const pos = ui.sql.selectionStart;
  const here = marksAt(pos);
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

function nextFinding(back: boolean): void {
  if (marks.length === 0) return;
  const pos = ui.sql.selectionStart;
  let target: Mark | undefined;
  if (back) target = [...marks].reverse().find((m) => m.s < pos) ?? marks[marks.length - 1];
  else target = marks.find((m) => m.s > pos) ?? marks[0];
  if (target !== undefined) reveal(target.s, target.e);
}

// ---------------------------------------------------------------------------------------------
// The findings list, the clean script and the diff.

function renderAll(): void {
  renderFindings();
  renderFix();
  renderEditor();
  updateCurrent();
}

function renderFindings(): void {
  const list = ui.findingsList;
  list.replaceChildren();
  ui.findingsMore.hidden = true;
  if (failure !== null) {
    ui.findingsCount.textContent = '';
    ui.findingsSummary.className = 'summary alert';
    ui.findingsSummary.setAttribute('role', 'alert');
    ui.findingsSummary.textContent = failure.message;
    if (failure.offset !== undefined) {
      const go = document.createElement('button');
      go.type = 'button';
      go.textContent = `Go to ${failure.line}:${failure.column}`;
      const at = model.toShown(failure.offset);
      go.addEventListener('click', () => reveal(at, at));
      ui.findingsSummary.append(' ', go);
    }
    return;
  }
  ui.findingsSummary.removeAttribute('role');
  ui.findingsSummary.className = 'summary';
  if (findings === null) {
    ui.findingsCount.textContent = '';
    ui.findingsSummary.textContent = 'Checking…';
    return;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  let safe = 0;
  let lossyCount = 0;
  // Advice (recommendations for the target) is listed with the rest but never counted with them.
  let advice = 0;
  for (const f of findings) {
    if (f.category === 'advice') {
      advice++;
      continue;
    }
    counts[f.severity]++;
    if (f.fix?.kind === 'safe') safe++;
    else if (f.fix?.kind === 'lossy') lossyCount++;
  }
  ui.findingsCount.textContent = String(findings.length);
  const name = TARGETS.find((t) => t.id === target)?.name ?? target;
  ui.findingsSummary.textContent =
    findings.length === 0
      ? `No findings: the script loads on ${name} as it is.`
      : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info for ${name} · ` +
        `${safe} with a safe fix, ${lossyCount} with a lossy fix` +
        (advice === 0 ? '' : ` · ${plural(advice, 'recommendation')} for ${name}, not problems`);
  appendFindings(0, Math.min(findingsShown, findings.length));
}

function appendFindings(from: number, to: number): void {
  const all = findings ?? [];
  const frag = document.createDocumentFragment();
  for (let k = from; k < to; k++) {
    const f = all[k]!;
    const li = document.createElement('li');
    li.className = `finding sev-${f.severity}`;
    li.dataset.index = String(k);
    li.dataset.rule = f.ruleId;
    li.dataset.line = String(f.line);
    li.dataset.column = String(f.column);
    li.dataset.endLine = String(f.endLine);
    li.dataset.endColumn = String(f.endColumn);
    li.dataset.severity = f.severity;
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'goto';
    go.innerHTML = `<span class="sev">${f.severity}</span><span class="loc">${f.line}:${f.column}</span><span class="msg">${escapeHtml(f.message)}</span>`;
    go.setAttribute('aria-label', `${f.severity} at line ${f.line}, column ${f.column}: ${f.message}`);
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.innerHTML =
      ruleLink(f.ruleId) + (f.fix === null ? '' : ` <span class="badge ${f.fix.kind}">${f.fix.kind} fix</span>`);
    li.append(go, meta);
    frag.append(li);
  }
  ui.findingsList.append(frag);
  const left = all.length - to;
  ui.findingsMore.hidden = left <= 0;
  ui.findingsMore.textContent = `Show ${Math.min(PAGE, left)} more (${left} not shown)`;
}

function renderFix(): void {
  const view = failure === null ? fixView : null;
  ui.downloadClean.disabled = view === null;
  ui.copyClean.disabled = view === null;
  ui.downloadDiff.disabled = view === null || view.diff === '';
  if (view === null) {
    const why = failure === null ? 'Fixing…' : 'No clean script: the input cannot be checked.';
    ui.cleanSummary.textContent = why;
    ui.diffSummary.textContent = why;
    ui.appliedCount.textContent = '0';
    ui.appliedList.replaceChildren();
    ui.clean.value = '';
    drawDiff([], 0);
    return;
  }
  const lossyLeft = (findings ?? []).filter((f) => f.fix?.kind === 'lossy').length;
  ui.cleanSummary.textContent =
    `${plural(view.applied.length, 'fix', 'fixes')} applied (${lossy ? 'safe and lossy' : 'safe only'}) · ` +
    `${plural(view.remaining, 'finding')} left in the clean script` +
    (!lossy && lossyLeft > 0
      ? ` · turn on “Lossy fixes” to apply ${plural(lossyLeft, 'lossy fix', 'lossy fixes')}`
      : '');
  if (ui.clean.value !== view.output) ui.clean.value = view.output;
  ui.appliedCount.textContent = String(view.applied.length);
  ui.appliedList.replaceChildren();
  appendApplied(0, Math.min(appliedShown, view.applied.length));
  const changed = view.diffLines.filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
  ui.diffSummary.textContent =
    view.diff === ''
      ? 'No changes: the script needs no fix for this target.'
      : `${plural(changed, 'changed line')} (unified diff, 3 lines of context)`;
  drawDiff(view.diffLines, view.diffWidth);
}

function appendApplied(from: number, to: number): void {
  const applied = fixView?.applied ?? [];
  const frag = document.createDocumentFragment();
  for (let k = from; k < to; k++) {
    const a = applied[k]!;
    const li = document.createElement('li');
    li.innerHTML = `<span class="badge ${a.kind}">${a.kind}</span> ${escapeHtml(a.title)} ${ruleLink(a.ruleId)}${a.pass > 1 ? ` <span class="more">(pass ${a.pass})</span>` : ` <span class="loc">${a.line}:${a.column}</span>`}`;
    frag.append(li);
  }
  ui.appliedList.append(frag);
  if (applied.length > to) {
    const li = document.createElement('li');
    const more = document.createElement('button');
    more.type = 'button';
    more.textContent = `Show ${Math.min(PAGE, applied.length - to)} more`;
    more.addEventListener('click', () => {
      li.remove();
      appliedShown += PAGE;
      appendApplied(to, Math.min(appliedShown, applied.length));
    });
    li.append(more);
    ui.appliedList.append(li);
  }
}

let diffLinesNow: readonly string[] = [];

function drawDiff(lines: readonly string[], width: number): void {
  diffLinesNow = lines;
  ui.diffSpacer.style.height = `${lines.length * lineHeight}px`;
  ui.diffSpacer.style.width = `${width + 2}ch`;
  renderDiff();
}

function renderDiff(): void {
  const lines = diffLinesNow;
  const top = ui.diff.scrollTop;
  const first = Math.max(0, Math.floor(top / lineHeight) - OVERSCAN);
  const last = Math.min(lines.length - 1, Math.ceil((top + ui.diff.clientHeight) / lineHeight) + OVERSCAN);
  let html = '';
  for (let k = first; k <= last; k++) {
    const l = lines[k]!;
    const cls = /^(\+\+\+|---|Index:|=+$)/.test(l)
      ? 'meta'
      : l.startsWith('@@')
        ? 'hunk'
        : l.startsWith('+')
          ? 'add'
          : l.startsWith('-')
            ? 'del'
            : l.startsWith('\\')
              ? 'meta'
              : 'ctx';
    html += `<div class="dl ${cls}">${escapeHtml(l.length > MAX_DRAWN_COLUMNS ? l.slice(0, MAX_DRAWN_COLUMNS) + '…' : l)}</div>`;
  }
  ui.diffLines.innerHTML = html;
  ui.diffLines.style.transform = `translateY(${first * lineHeight}px)`;
}

// ---------------------------------------------------------------------------------------------
// Loading a script, the URL fragment, the rule pages.

function setText(text: string, name: string): void {
  model = new TextModel(text);
  filename = name;
  ui.filename.textContent = name;
  ui.sql.value = model.shown;
  ui.sql.setSelectionRange(0, 0);
  ui.sql.scrollTop = 0;
  ui.sql.scrollLeft = 0;
  marks = [];
  maxEndLine = [];
  findings = null;
  fixView = null;
  failure = null;
  renderAll();
}

function notify(messages: readonly string[]): void {
  ui.notice.hidden = messages.length === 0;
  ui.notice.textContent = messages.join(' ');
}

function knownTarget(id: string | undefined, problems: string[]): string {
  if (id === undefined) return DEFAULT_TARGET_ID;
  const t = TARGETS.find((x) => x.id === id.toLowerCase());
  if (t !== undefined) return t.id;
  problems.push(`Unknown target "${id}" in the link; using ${DEFAULT_TARGET_ID}.`);
  return DEFAULT_TARGET_ID;
}

/** Applies the URL fragment; returns whether it held a script. */
function applyFragment(): boolean {
  const parsed = parseFragment(location.hash);
  const problems = [...parsed.problems];
  target = knownTarget(parsed.target, problems);
  lossy = parsed.lossy;
  ui.target.value = target;
  ui.lossy.checked = lossy;
  notify(problems);
  if (parsed.sql !== undefined) setText(parsed.sql, 'input.sql');
  if (parsed.rule !== undefined) openRule(parsed.rule);
  return parsed.sql !== undefined;
}

let lastFragment = '';

function updateUrl(): void {
  if (!syncUrl) return;
  let fragment = encodeFragment({ target, sql: model.exact, lossy });
  let tooLong = false;
  if (fragment.length > MAX_FRAGMENT) {
    tooLong = true;
    fragment = `target=${encodeURIComponent(target)}${lossy ? '&lossy=1' : ''}`;
  }
  ui.copyLink.title = tooLong ? 'The script is too large for a link; the link keeps the target only.' : '';
  if (fragment === lastFragment) return;
  lastFragment = fragment;
  history.replaceState(null, '', `#${fragment}`);
}

function openRule(id: string): void {
  const doc = RULE_DOCS[id];
  const meta = RULE_META.get(id);
  ui.dialogTitle.textContent = id;
  ui.dialogMeta.replaceChildren();
  ui.dialogDoc.replaceChildren();
  if (doc === undefined || meta === undefined) {
    ui.dialogDoc.textContent = `No rule "${id}" in this version of clustrix-lint.`;
  } else {
    const facts = document.createElement('p');
    facts.innerHTML =
      `<span class="badge sev-${meta.severity}">${meta.severity}</span> ` +
      `fix: ${meta.fixable.length === 0 ? 'none' : meta.fixable.map((k) => `<span class="badge ${k}">${k}</span>`).join(' ')} · ` +
      `source (${meta.source.evidence}): `;
    const a = document.createElement('a');
    a.href = meta.source.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = meta.source.url;
    facts.append(a);
    ui.dialogMeta.append(facts);
    // The page's first heading is its id, already the dialog's title.
    ui.dialogDoc.append(markdownToDom(doc.replace(/^# .*\n/, '')));
  }
  if (!ui.dialog.open) ui.dialog.showModal();
}

async function loadFile(file: File): Promise<void> {
  try {
    const text = decodeScript(new Uint8Array(await file.arrayBuffer()), file.name);
    notify([]);
    history.pushState(null, '', location.href); // Back returns to the script before the file
    syncUrl = true;
    setText(text, file.name);
    run();
  } catch (e) {
    notify([e instanceof Error ? e.message : String(e)]);
  }
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/sql' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  setTimeout(() => (button.textContent = label), 1500);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

const baseName = (name: string) => name.replace(/\.sql$/i, '');

// ---------------------------------------------------------------------------------------------
// Wiring.

function selectTab(tab: HTMLButtonElement, focus: boolean): void {
  for (const t of ui.tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')!).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-diff') renderDiff();
}

function init(): void {
  // The drawn layers hold nothing but what renderEditor/renderDiff put there (no template whitespace).
  ui.overlay.replaceChildren(ui.overlayLines);
  ui.gutter.replaceChildren(ui.gutterLines);
  ui.diff.replaceChildren(ui.diffSpacer);
  ui.diffSpacer.replaceChildren(ui.diffLines);
  for (const product of ['clustrixdb', 'xpand'] as const) {
    const group = document.createElement('optgroup');
    group.label = product === 'xpand' ? 'MariaDB Xpand' : 'ClustrixDB';
    for (const t of TARGETS.filter((x) => x.product === product)) {
      const option = new Option(t.id === DEFAULT_TARGET_ID ? `${t.name} (default)` : t.name, t.id);
      group.append(option);
    }
    ui.target.append(group);
  }

  ui.target.addEventListener('change', () => {
    target = ui.target.value;
    syncUrl = true;
    run();
  });
  ui.lossy.addEventListener('change', () => {
    lossy = ui.lossy.checked;
    syncUrl = true;
    run();
  });
  ui.sql.addEventListener('input', () => {
    const next = TextModel.fromEdit(ui.sql.value, model);
    const before = model.shown;
    model = next;
    shiftMarks(before, next.shown);
    stale = true;
    syncUrl = true;
    requestRender();
    scheduleRun(TYPING_DELAY_MS);
  });
  ui.sql.addEventListener('scroll', requestRender);
  for (const type of ['keyup', 'click', 'select', 'focus']) ui.sql.addEventListener(type, updateCurrent);
  ui.sql.addEventListener('keydown', (event) => {
    if (event.key === 'F8') {
      event.preventDefault();
      nextFinding(event.shiftKey);
    }
  });
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => {
    const file = ui.file.files?.[0];
    if (file !== undefined) void loadFile(file);
    ui.file.value = '';
  });
  ui.example.addEventListener('click', () => {
    history.pushState(null, '', location.href);
    syncUrl = true;
    notify([]);
    setText(EXAMPLE, 'input.sql');
    run();
  });
  ui.copyLink.addEventListener('click', () => {
    syncUrl = true;
    updateUrl();
    void copy(location.href, ui.copyLink);
  });
  ui.copyClean.addEventListener('click', () => void copy(fixView?.output ?? '', ui.copyClean));
  ui.downloadClean.addEventListener('click', () => {
    if (fixView !== null) download(fixView.output, `${baseName(filename)}.clean.sql`);
  });
  ui.downloadDiff.addEventListener('click', () => {
    if (fixView !== null) download(fixView.diff, `${filename}.diff`);
  });
  ui.findingsMore.addEventListener('click', () => {
    const from = ui.findingsList.children.length;
    findingsShown += PAGE;
    appendFindings(from, Math.min(findingsShown, findings?.length ?? 0));
    (ui.findingsList.children[from]?.querySelector('button') as HTMLButtonElement | null)?.focus();
  });
  ui.findingsList.addEventListener('click', (event) => {
    const go = (event.target as Element).closest('button.goto');
    const li = go?.closest<HTMLLIElement>('li.finding');
    if (li == null) return;
    const f = findings?.[Number(li.dataset.index)];
    if (f === undefined) return;
    const s = model.toShown(f.start);
    reveal(s, Math.max(s, model.toShown(f.end)));
  });
  ui.diff.addEventListener('scroll', renderDiff);

  // Rule links anywhere (editor messages, the list, the dialog) open the rule's page here.
  document.addEventListener('click', (event) => {
    const a = (event.target as Element).closest?.('a[data-rule]');
    if (a === null || a === undefined || !(a instanceof HTMLAnchorElement)) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openRule(a.dataset.rule!);
  });
  ui.dialogClose.addEventListener('click', () => ui.dialog.close());
  ui.dialog.addEventListener('click', (event) => {
    if (event.target === ui.dialog) ui.dialog.close(); // a click on the backdrop
  });

  ui.tabs.forEach((tab, k) => {
    tab.addEventListener('click', () => selectTab(tab, false));
    tab.addEventListener('keydown', (event) => {
      const n = ui.tabs.length;
      const to =
        event.key === 'ArrowRight'
          ? (k + 1) % n
          : event.key === 'ArrowLeft'
            ? (k + n - 1) % n
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? n - 1
                : -1;
      if (to < 0) return;
      event.preventDefault();
      selectTab(ui.tabs[to]!, true);
    });
  });

  // Drop a file anywhere on the editor.
  ui.editor.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    ui.editor.classList.add('dropping');
  });
  ui.editor.addEventListener('dragleave', () => ui.editor.classList.remove('dropping'));
  ui.editor.addEventListener('drop', (event) => {
    ui.editor.classList.remove('dropping');
    const file = event.dataTransfer?.files[0];
    if (file === undefined) return;
    event.preventDefault();
    void loadFile(file);
  });

  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === lastFragment) return;
    const only = parseFragment(location.hash);
    if (only.rule !== undefined && only.sql === undefined && only.target === undefined) {
      openRule(only.rule);
      return;
    }
    syncUrl = true;
    lastFragment = location.hash.slice(1);
    applyFragment();
    run();
  });
  new ResizeObserver(() => {
    measure();
    requestRender();
    renderDiff();
  }).observe(ui.sql);

  measure();
  const fromLink = applyFragment();
  if (fromLink) {
    syncUrl = true;
    lastFragment = location.hash.slice(1);
  } else setText(EXAMPLE, 'input.sql');
  run();
}

init();
