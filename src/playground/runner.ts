// The page's side of the worker (worker.ts): one request at a time; a newer request ends a busy
// worker, and answers carry the request id so an answer to a stale request is dropped. A run is
// answered twice (the findings, then the clean script and diff), and each answer is drawn at once.
import WORKER_SOURCE from 'virtual:worker';
import { formatMs, plural, ui } from './dom.js';
import { renderEditor, updateCurrent } from './editor.js';
import { clearMarks, placeMarks } from './marks.js';
import type { RunRequest, RunResponse } from './protocol.js';
import { renderAll, renderFindings, renderFix } from './results.js';
import { MAX_DRAWN_COLUMNS, PAGE, session } from './session.js';
import { updateUrl } from './url.js';

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
    session.failure = { name: 'InternalError', message: `the checker stopped: ${event.message}` };
    setState('done');
    renderAll();
  };
  return w;
}

/** Checks and fixes the session's script now (ending a run still busy), and updates the address. */
export function run(): void {
  clearTimeout(typingTimer);
  const id = ++runId;
  if (busy && worker !== null) {
    worker.terminate();
    worker = null;
  }
  worker ??= startWorker();
  busy = true;
  setState('running');
  const { model, target, lossy, filename } = session;
  const request: RunRequest = { id, sql: model.exact, target, lossy, filename };
  worker.postMessage(request);
  updateUrl();
}

/** Runs after `delay` ms unless asked again before (typing). */
export function scheduleRun(delay: number): void {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(run, delay);
}

function onAnswer(answer: RunResponse): void {
  if (answer.id !== runId) return; // an answer to a request the editor has moved past
  if (answer.phase === 'check') {
    session.findings = answer.findings;
    session.failure = null;
    session.stale = false;
    placeMarks();
    session.findingsShown = PAGE;
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
    session.fixView = { ...answer, diffLines, diffWidth: widest };
    ui.status.textContent = `${checkedText} · fixed in ${formatMs(answer.ms)}`;
    session.appliedShown = PAGE;
    setState('done');
    renderFix();
  } else {
    busy = false;
    session.findings = null;
    clearMarks();
    session.fixView = null;
    session.failure = answer.error;
    session.stale = false;
    ui.status.textContent = answer.error.name === 'SqlSyntaxError' ? 'cannot be read' : 'error';
    setState('done');
    renderAll();
  }
}

/** The run's state on <body> (the tests wait on it) and in the status line. */
function setState(state: 'running' | 'checked' | 'done'): void {
  document.body.dataset.state = state;
  document.body.dataset.run = String(runId);
  ui.editor.classList.toggle('busy', state === 'running');
  if (state === 'running') ui.status.textContent = 'Checking…';
}
