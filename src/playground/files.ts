// Scripts in and out: a new script shown in the editor (opened, dropped on the editor, or the
// example), and the clean script, the diff and the link copied or downloaded.
import EXAMPLE from 'virtual:example';
import { decodeScript } from './decode.js';
import { notify, ui } from './dom.js';
import { clearMarks } from './marks.js';
import { renderAll } from './results.js';
import { run } from './runner.js';
import { session } from './session.js';
import { TextModel } from './text-model.js';
import { updateUrl } from './url.js';

/** Shows `text` (named `name`) in the editor, the caret at its top, with no results yet. */
export function setText(text: string, name: string): void {
  session.model = new TextModel(text);
  session.filename = name;
  ui.filename.textContent = name;
  ui.sql.value = session.model.shown;
  ui.sql.setSelectionRange(0, 0);
  ui.sql.scrollTop = 0;
  ui.sql.scrollLeft = 0;
  clearMarks();
  session.findings = null;
  session.fixView = null;
  session.failure = null;
  renderAll();
}

/** Loads and checks a file decoded as the CLI would; a file that is not UTF-8 is refused with the CLI's message. */
async function loadFile(file: File): Promise<void> {
  try {
    const text = decodeScript(new Uint8Array(await file.arrayBuffer()), file.name);
    notify([]);
    history.pushState(null, '', location.href); // Back returns to the script before the file
    session.syncUrl = true;
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

const baseName = (name: string) => name.replace(/\.sql$/i, '');

/** The buttons that open, load the example, copy and download, and a file dropped on the editor. */
export function wireFiles(): void {
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => {
    const file = ui.file.files?.[0];
    if (file !== undefined) void loadFile(file);
    ui.file.value = '';
  });
  ui.example.addEventListener('click', () => {
    history.pushState(null, '', location.href);
    session.syncUrl = true;
    notify([]);
    setText(EXAMPLE, 'input.sql');
    run();
  });
  ui.copyLink.addEventListener('click', () => {
    session.syncUrl = true;
    updateUrl();
    void copy(location.href, ui.copyLink);
  });
  ui.copyClean.addEventListener('click', () => void copy(session.fixView?.output ?? '', ui.copyClean));
  ui.downloadClean.addEventListener('click', () => {
    const view = session.fixView;
    if (view !== null) download(view.output, `${baseName(session.filename)}.clean.sql`);
  });
  ui.downloadDiff.addEventListener('click', () => {
    const view = session.fixView;
    if (view !== null) download(view.diff, `${session.filename}.diff`);
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
}
