// Code actions: a quick fix per fixable finding, ESLint-style disable comments, and "fix all safe
// problems" as the `source.fixAll.clustrix-lint` source action, whose result is exactly `fix()`'s.
import { diffLines } from 'diff';
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Directive } from '../core/directives.js';
import { upperBound } from '../core/position.js';
import { fix, rules } from '../index.js';
import { mergeEdits } from '../core/edits.js';
import type { Edit, Finding, FixKind } from '../core/rule.js';
import type { Token } from '../core/tokenize.js';
import type { Analysis } from './analysis.js';
import { rangeOf, type Positions } from './diagnostics.js';
import {
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  FIX_ALL_LOSSY_KIND,
  QUICK_FIX_KIND,
  type ClientAbilities,
  type FixAllData,
} from './protocol.js';

/**
 * How a fix of each kind is offered. A record over FixKind, so a new kind cannot be added to the
 * rules without deciding here how it is shown. Suggestions are offered, never preferred (an
 * editor's "auto fix" key never picks one), and left out of fix-all, which `fix()` decides: it
 * applies none unless asked.
 */
const PRESENTATION: Record<FixKind, { readonly preferred: boolean; readonly title: (title: string) => string }> = {
  safe: { preferred: true, title: (t) => t },
  lossy: { preferred: false, title: (t) => `${t} (lossy: drops a feature)` },
  suggestion: { preferred: false, title: (t) => `${t} (suggestion: changes behaviour, review it)` },
};

/**
 * Lossy quick fixes only with `clustrixLint.lossy`, as `fix` applies them only with --lossy.
 * Suggestions always: choosing one is the explicit request that `fix --apply-suggestion` is.
 */
function offered(kind: FixKind, lossy: boolean): boolean {
  return kind !== 'lossy' || lossy;
}

/** True when a request limited to `only` kinds wants actions of `kind` (kinds are dot-separated hierarchies). */
export function wants(kind: string, only: readonly string[] | null): boolean {
  return only === null || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

const RULE_IDS = new Set(rules.map((r) => r.meta.id));

function textEdits(doc: Positions, edits: readonly Edit[]): TextEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: rangeOf(doc, e.start, e.end), newText: e.text }));
}

export function workspaceEdit(a: Analysis, edits: TextEdit[], abilities: ClientAbilities): WorkspaceEdit {
  const { uri, version } = a.input;
  return abilities.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
    : { changes: { [uri]: edits } };
}

/** The code actions for `range` of the analysed document. */
export function codeActions(
  a: Analysis,
  range: Range,
  only: readonly string[] | null,
  abilities: ClientAbilities,
): CodeAction[] {
  if (!a.checked || a.options === null) return [];
  const lossy = a.options.lossy;
  const from = a.doc.offsetAt(range.start);
  const to = a.doc.offsetAt(range.end);
  const here: number[] = [];
  a.findings.forEach((f, i) => {
    if (f.start <= to && f.end >= from) here.push(i);
  });
  const actions: CodeAction[] = [];
  if (wants(QUICK_FIX_KIND, only)) {
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const seen = new Set<string>();
    for (const i of here) {
      const f = a.findings[i]!;
      const diagnostic = a.diagnostics[i]!;
      if (f.fix !== null && f.fix.edits.length > 0 && offered(f.fix.kind, lossy)) {
        const how = PRESENTATION[f.fix.kind];
        fixes.push({
          title: how.title(f.fix.title),
          kind: QUICK_FIX_KIND,
          diagnostics: [diagnostic],
          ...(how.preferred ? { isPreferred: true } : {}),
          edit: workspaceEdit(a, textEdits(a.doc, f.fix.edits), abilities),
        });
      }
      const key = `${f.ruleId}\u0000${f.line}`;
      if (RULE_IDS.has(f.ruleId) && !seen.has(key)) {
        seen.add(key);
        for (const d of disableEdits(a, f)) {
          disables.push({
            title: d.title,
            kind: QUICK_FIX_KIND,
            diagnostics: [diagnostic],
            edit: workspaceEdit(a, textEdits(a.doc, [d.edit]), abilities),
          });
        }
      }
    }
    // Preferred (safe) fixes first, as editors list them in this order.
    actions.push(...fixes.filter((x) => x.isPreferred), ...fixes.filter((x) => !x.isPreferred), ...disables);
  }
  const explicit = (kind: string) => only !== null && wants(kind, only);
  if (wants(FIX_ALL_KIND, only) && a.findings.some((f) => f.fix?.kind === 'safe')) {
    const action = fixAllAction(a, false, abilities, explicit(FIX_ALL_KIND));
    if (action !== null) actions.push(action);
  }
  if (lossy && wants(FIX_ALL_LOSSY_KIND, only) && a.findings.some((f) => f.fix?.kind === 'lossy')) {
    const action = fixAllAction(a, true, abilities, explicit(FIX_ALL_LOSSY_KIND));
    if (action !== null) actions.push(action);
  }
  return actions;
}

/**
 * A fix-all action. Its edit is what `fix()` makes of the whole document, and a fix run on a big
 * schema takes seconds, so it is computed here only when the client asked for this kind (a fix-all
 * on save needs the edit at once). Otherwise the edit waits until the action is chosen: through
 * codeAction/resolve, or, for a client without it, a command whose edit comes by workspace/applyEdit.
 */
function fixAllAction(a: Analysis, lossy: boolean, abilities: ClientAbilities, asked: boolean): CodeAction | null {
  const title = lossy
    ? 'Fix all problems clustrix-lint can fix, lossy fixes included (drops features the target lacks)'
    : 'Fix all safe problems (clustrix-lint)';
  const action: CodeAction = { title, kind: lossy ? FIX_ALL_LOSSY_KIND : FIX_ALL_KIND };
  const data: FixAllData = { clustrixLint: 'fixAll', uri: a.input.uri, version: a.input.version, lossy };
  if (!asked) {
    return abilities.resolveEdits
      ? { ...action, data }
      : { ...action, command: { title, command: FIX_ALL_COMMAND, arguments: [data] } };
  }
  try {
    return { ...action, edit: fixAllEdit(a, lossy, abilities) };
  } catch (e) {
    // The fixer refuses to emit a broken script (InternalError): no fix-all then, the other actions stay.
    a.log.push(`clustrix-lint: fix-all on ${a.input.uri}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** The edit of fix-all: applied to the document, it gives `fix(text).output` exactly. */
export function fixAllEdit(a: Analysis, lossy: boolean, abilities: ClientAbilities): WorkspaceEdit {
  const options = a.options!;
  const result = fix(a.text, { target: options.target, rules: options.rules, filename: options.filename, lossy });
  let edits: TextEdit[];
  if (result.output === a.text) edits = [];
  else if (result.applied.every((x) => x.pass === 1)) {
    // One pass: the fixes' own edits, all offsets into this very text, are the change (and the
    // smallest), composed as the fixer composed them (an edit inside a removal is absorbed by it).
    const merged = mergeEdits(result.applied.flatMap((x) => x.edits));
    edits = textEdits(a.doc, merged ?? diffEdits(a.text, result.output));
  } else {
    // Later passes edit the text of the pass before; a diff of the lines expresses all of it in this text.
    edits = textEdits(a.doc, diffEdits(a.text, result.output));
  }
  return workspaceEdit(a, edits, abilities);
}

/** Edits that turn `before` into `after`: the common ends kept, a line diff of the rest. */
export function diffEdits(before: string, after: string): Edit[] {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const a = before.slice(p, before.length - s);
  const b = after.slice(p, after.length - s);
  const edits: Edit[] = [];
  let at = p;
  for (const change of diffLines(a, b)) {
    const last = edits[edits.length - 1];
    if (change.added) {
      if (last !== undefined && last.end === at) edits[edits.length - 1] = { ...last, text: last.text + change.value };
      else edits.push({ start: at, end: at, text: change.value });
    } else if (change.removed) {
      const end = at + change.value.length;
      if (last !== undefined && last.end === at) edits[edits.length - 1] = { ...last, end };
      else edits.push({ start: at, end, text: '' });
      at = end;
    } else {
      at += change.value.length;
    }
  }
  // The diff's pieces always add up to both texts; should that ever fail, one edit of the middle is still right.
  let rebuilt = '';
  let k = 0;
  for (const e of edits) {
    rebuilt += before.slice(k, e.start) + e.text;
    k = e.end;
  }
  rebuilt += before.slice(k);
  return rebuilt === after ? edits : [{ start: p, end: before.length - s, text: b }];
}

// ---- Disable comments ---------------------------------------------------------------------------

interface DisableEdit {
  readonly title: string;
  readonly edit: Edit;
}

/** Index of the token that holds `offset` (start <= offset < end), or -1 at the end of the text. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  // Tokens are sorted and do not overlap: the first that ends after `offset` holds it, or none does.
  const k = upperBound(tokens, offset, (t) => t.end);
  return k < tokens.length && tokens[k]!.start <= offset ? k : -1;
}

/**
 * True when a comment may be inserted at `offset`: not inside a string, comment, data payload or
 * other multi-line token, and not inside an executable comment (whose inside the target ignores).
 */
function canInsertAt(tokens: readonly Token[], offset: number): boolean {
  const k = tokenAt(tokens, offset);
  if (k < 0) {
    const last = tokens[tokens.length - 1];
    return last === undefined || last.exec === null || last.kind === 'execClose';
  }
  const t = tokens[k]!;
  if (t.start < offset && t.kind !== 'whitespace') return false;
  return t.exec === null || (t.kind === 'execOpen' && t.start === offset);
}

/** Where the rule ids of a directive end (before ` -- reason` and a closing `*\/`): `, id` goes there. */
function idsEnd(d: Directive, text: string): number {
  const raw = text.slice(d.start, d.end);
  const bodyEnd = raw.startsWith('/*') ? d.end - 2 : d.end;
  const keyword = `clustrix-lint-${d.kind}`;
  const after = d.start + raw.indexOf(keyword) + keyword.length;
  const sep = text.indexOf(' -- ', after);
  let end = sep >= 0 && sep < bodyEnd ? sep : bodyEnd;
  while (end > after && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * The disable comments offered for a finding, ESLint-style: on a line of its own above the
 * finding's line (`-- clustrix-lint-disable-next-line id`), at the end of the line
 * (`-- clustrix-lint-disable-line id`), and for the whole file. A directive of the same kind
 * already there gets the rule added to its list instead. A placement that would land inside a
 * string, comment or executable comment, or behind a `--`/`#` comment, is not offered.
 */
export function disableEdits(a: Analysis, f: Finding): DisableEdit[] {
  const text = a.text;
  const source = a.source;
  const tokens = source.tokens;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const id = f.ruleId;
  const out: DisableEdit[] = [];
  // Directives count lines as the engine does (at \n), so these offsets do too.
  const lineStart = Math.max(f.start === 0 ? 0 : text.lastIndexOf('\n', f.start - 1) + 1, bom);
  const nl = text.indexOf('\n', f.start);
  let lineEnd = nl < 0 ? text.length : nl;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const usable = (d: Directive) => d.ruleIds !== null && d.line === d.endLine;
  const addTo = (d: Directive): Edit => ({ start: idsEnd(d, text), end: idsEnd(d, text), text: `, ${id}` });

  const above = a.directives.find((d) => d.kind === 'disable-next-line' && d.endLine + 1 === f.line && usable(d));
  const thisLine = `Disable ${id} for this line`;
  if (above !== undefined) out.push({ title: thisLine, edit: addTo(above) });
  else if (canInsertAt(tokens, lineStart)) {
    const indent = /^[ \t]*/.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 200)))![0];
    out.push({
      title: thisLine,
      edit: {
        start: lineStart,
        end: lineStart,
        text: `${indent}-- clustrix-lint-disable-next-line ${id}${source.eol}`,
      },
    });
  }

  const sameLine = `Disable ${id} for this line (comment at the end of the line)`;
  const onLine = a.directives.find((d) => d.kind === 'disable-line' && d.line === f.line && usable(d));
  if (onLine !== undefined) out.push({ title: sameLine, edit: addTo(onLine) });
  else if (canInsertAt(tokens, lineEnd)) {
    // Not behind a line comment (it would swallow the directive) nor on a DELIMITER line.
    let k = tokenAt(tokens, lineEnd);
    k = k < 0 ? tokens.length - 1 : k - 1;
    while (k >= 0 && tokens[k]!.kind === 'whitespace' && !tokens[k]!.text.includes('\n')) k--;
    const last = tokens[k];
    const blocked =
      last !== undefined &&
      last.end > lineStart &&
      ((last.kind === 'comment' && !last.text.startsWith('/*')) || last.kind === 'delimiterCommand');
    if (!blocked) {
      out.push({
        title: sameLine,
        edit: { start: lineEnd, end: lineEnd, text: ` -- clustrix-lint-disable-line ${id}` },
      });
    }
  }

  const firstStatement = source.statements[0]?.start ?? text.length;
  const fileWide = a.directives.find((d) => d.kind === 'disable-file' && d.start < firstStatement && usable(d));
  out.push({
    title: `Disable ${id} for the entire file`,
    edit:
      fileWide !== undefined
        ? addTo(fileWide)
        : { start: bom, end: bom, text: `-- clustrix-lint-disable-file ${id}${source.eol}` },
  });
  return out;
}
