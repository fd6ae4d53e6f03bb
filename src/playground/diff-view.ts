// The Diff tab: the unified diff of the clean script, drawn like the editor (only the lines on
// screen, over a spacer as tall as the whole diff), so a diff of a 1 MB script scrolls smoothly.
import { escapeHtml, ui } from './dom.js';
import { lineHeight, OVERSCAN } from './editor.js';
import { MAX_DRAWN_COLUMNS } from './session.js';

let diffLinesNow: readonly string[] = [];

/** Shows the diff's `lines`; `width` is the longest drawn line, in characters. */
export function drawDiff(lines: readonly string[], width: number): void {
  diffLinesNow = lines;
  ui.diffSpacer.style.height = `${lines.length * lineHeight}px`;
  ui.diffSpacer.style.width = `${width + 2}ch`;
  renderDiff();
}

/** Draws the diff's visible lines (after a scroll, a resize, or when its tab is shown). */
export function renderDiff(): void {
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
