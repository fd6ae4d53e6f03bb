// The playground page: a script editor with findings inline, the clean script and the diff. The
// check and fix run in a Web Worker (worker.ts, driven by runner.ts) on the portable core; this
// thread only draws, and draws only what is on screen (the editor's visible lines, the diff's
// visible lines, the first findings), so a 1 MB script stays usable.
//
// This module starts the page: it fills the target list, wires the controls and the editor, and
// loads the script the link holds (or the example). The rest is in: dom.ts (the elements),
// session.ts (what the page holds), marks.ts and editor.ts (the editor), results.ts and
// diff-view.ts (the panes), rule-docs.ts (the rule dialog), files.ts (scripts in and out),
// url.ts (the address), runner.ts (the worker).
import EXAMPLE from 'virtual:example';
import { DEFAULT_TARGET_ID, TARGETS } from '../core/catalog/index.js';
import { renderDiff } from './diff-view.js';
import { ui } from './dom.js';
import { measure, nextFinding, requestRender, updateCurrent } from './editor.js';
import { setText, wireFiles } from './files.js';
import { shiftMarks } from './marks.js';
import { wireResults } from './results.js';
import { openRule, wireRuleLinks } from './rule-docs.js';
import { run, scheduleRun } from './runner.js';
import { session } from './session.js';
import { parseFragment } from './state.js';
import { TextModel } from './text-model.js';
import { adoptFragment, fragmentIsOwn, readFragment } from './url.js';

/** Quiet time after typing before a new check starts. */
const TYPING_DELAY_MS = 250;

/** Applies the URL fragment; returns whether it held a script. */
function applyFragment(): boolean {
  const parsed = readFragment();
  if (parsed.sql !== undefined) setText(parsed.sql, 'input.sql');
  if (parsed.rule !== undefined) openRule(parsed.rule);
  return parsed.sql !== undefined;
}

function fillTargets(): void {
  for (const product of ['clustrixdb', 'xpand'] as const) {
    const group = document.createElement('optgroup');
    group.label = product === 'xpand' ? 'MariaDB Xpand' : 'ClustrixDB';
    for (const t of TARGETS.filter((x) => x.product === product)) {
      const option = new Option(t.id === DEFAULT_TARGET_ID ? `${t.name} (default)` : t.name, t.id);
      group.append(option);
    }
    ui.target.append(group);
  }
}

/** The options, and the editor: typing moves the marks and checks again after a quiet time; F8 walks the findings. */
function wireControls(): void {
  ui.target.addEventListener('change', () => {
    session.target = ui.target.value;
    session.syncUrl = true;
    run();
  });
  ui.lossy.addEventListener('change', () => {
    session.lossy = ui.lossy.checked;
    session.syncUrl = true;
    run();
  });
  ui.sql.addEventListener('input', () => {
    const next = TextModel.fromEdit(ui.sql.value, session.model);
    const before = session.model.shown;
    session.model = next;
    shiftMarks(before, next.shown);
    session.stale = true;
    session.syncUrl = true;
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
}

function init(): void {
  // The drawn layers hold nothing but what renderEditor/renderDiff put there (no template whitespace).
  ui.overlay.replaceChildren(ui.overlayLines);
  ui.gutter.replaceChildren(ui.gutterLines);
  ui.diff.replaceChildren(ui.diffSpacer);
  ui.diffSpacer.replaceChildren(ui.diffLines);
  fillTargets();
  wireControls();
  wireFiles();
  wireResults();
  wireRuleLinks();

  // A fragment the user changed (or Back/Forward): a rule alone opens its page, anything else is a new case.
  window.addEventListener('hashchange', () => {
    if (fragmentIsOwn()) return;
    const only = parseFragment(location.hash);
    if (only.rule !== undefined && only.sql === undefined && only.target === undefined) {
      openRule(only.rule);
      return;
    }
    session.syncUrl = true;
    adoptFragment();
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
    session.syncUrl = true;
    adoptFragment();
  } else setText(EXAMPLE, 'input.sql');
  run();
}

init();
