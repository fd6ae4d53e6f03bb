// The rule pages: rules/<id>.md (bundled at build time) shown in a dialog with the rule's severity,
// fix kinds and source. Rule links anywhere on the page (editor messages, the list, the dialog
// itself) open it here instead of following the link.
import RULE_DOCS from 'virtual:rule-docs';
import { rules } from '../../rules/index.js';
import type { RuleMeta } from '../core/rule.js';
import { ui } from './dom.js';
import { markdownToDom } from './markdown.js';

const RULE_META = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

/** Opens the dialog on rule `id`'s page (or says there is no such rule). */
export function openRule(id: string): void {
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

/** Rule links open the dialog (a plain click only: a modified click still follows the link); it closes by its button or backdrop. */
export function wireRuleLinks(): void {
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
}
