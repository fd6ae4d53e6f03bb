// The results panes: the findings list (with its summary), the clean script with the fixes applied,
// and the tabs between them and the diff. Long lists are drawn a page at a time ("Show more").
import { TARGETS } from '../core/catalog/index.js';
import { $, escapeHtml, plural, ruleLink, ui } from './dom.js';
import { drawDiff, renderDiff } from './diff-view.js';
import { renderEditor, reveal, updateCurrent } from './editor.js';
import { PAGE, session } from './session.js';

/** Redraws everything that shows results: the list, the clean script and diff, the editor. */
export function renderAll(): void {
  renderFindings();
  renderFix();
  renderEditor();
  updateCurrent();
}

/** The findings pane: the summary, or why the script cannot be checked, and the first page of the list. */
export function renderFindings(): void {
  const { findings, failure, model, target } = session;
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
  appendFindings(0, Math.min(session.findingsShown, findings.length));
}

function appendFindings(from: number, to: number): void {
  const all = session.findings ?? [];
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

/** The clean script, the fixes applied and the diff, or why there are none (yet). */
export function renderFix(): void {
  const { failure, findings, lossy } = session;
  const view = failure === null ? session.fixView : null;
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
  appendApplied(0, Math.min(session.appliedShown, view.applied.length));
  const changed = view.diffLines.filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
  ui.diffSummary.textContent =
    view.diff === ''
      ? 'No changes: the script needs no fix for this target.'
      : `${plural(changed, 'changed line')} (unified diff, 3 lines of context)`;
  drawDiff(view.diffLines, view.diffWidth);
}

function appendApplied(from: number, to: number): void {
  const applied = session.fixView?.applied ?? [];
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
      session.appliedShown += PAGE;
      appendApplied(to, Math.min(session.appliedShown, applied.length));
    });
    li.append(more);
    ui.appliedList.append(li);
  }
}

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

/** The panes' own controls: "Show more", a finding's "go to", the tabs (arrows, Home, End). */
export function wireResults(): void {
  ui.findingsMore.addEventListener('click', () => {
    const from = ui.findingsList.children.length;
    session.findingsShown += PAGE;
    appendFindings(from, Math.min(session.findingsShown, session.findings?.length ?? 0));
    (ui.findingsList.children[from]?.querySelector('button') as HTMLButtonElement | null)?.focus();
  });
  ui.findingsList.addEventListener('click', (event) => {
    const go = (event.target as Element).closest('button.goto');
    const li = go?.closest<HTMLLIElement>('li.finding');
    if (li == null) return;
    const f = session.findings?.[Number(li.dataset.index)];
    if (f === undefined) return;
    const s = session.model.toShown(f.start);
    reveal(s, Math.max(s, session.model.toShown(f.end)));
  });
  ui.diff.addEventListener('scroll', renderDiff);

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
}
