// The HTML page's rule articles: for each rule (or advice rule) its facts, then its messages with
// their occurrences, the first ones with their code excerpt and fix, the rest folded.
import {
  FIXABILITIES,
  type Excerpt,
  type FileModel,
  type FindingGroup,
  type FindingRecord,
  type ReportModel,
  type RuleView,
} from './model.js';
import { FIX_LABEL, adviceFor, findingAt, num, plural } from './text.js';
import { LISTED_ON_PAGE, adviceBadge, esc, fixBadge, inlineMarkdown } from './html-kit.js';

/** A finding's code excerpt (the finding marked) and its fix as a diff. */
function excerptHtml(e: Excerpt, r: FindingRecord): string {
  const f = r.finding;
  const lines = e.lines.map((text, i) => {
    const n = e.line + i;
    let body = esc(text);
    if (n === f.line) {
      const from = f.column - 1;
      const to = f.endLine === f.line ? f.endColumn - 1 : text.length;
      if (from >= 0 && from < text.length && to > from) {
        body = esc(text.slice(0, from)) + '<mark>' + esc(text.slice(from, to)) + '</mark>' + esc(text.slice(to));
      }
    }
    return `<span class="ln">${n}</span>${body}`;
  });
  if (e.truncated) lines.push('<span class="ln"></span>…');
  let out = `<pre class="code" aria-label="lines ${e.line} to ${e.line + e.lines.length - 1}"><code>${lines.join('\n')}</code></pre>`;
  if (e.diff !== null && f.fix !== null) {
    const d = e.diff;
    const del = d.removed.map((l) => `<del>- ${esc(l)}</del>`).join('');
    const ins = d.added.map((l) => `<ins>+ ${esc(l)}</ins>`).join('');
    out += `<p class="fixtitle">Fix (${esc(f.fix.kind)}): ${esc(f.fix.title)}, from line ${d.line}${d.truncated ? ' (shortened)' : ''}</p><pre class="diff" aria-label="the fix as a diff"><code>${del}${ins}</code></pre>`;
  }
  return out;
}

/** What a finding is on, for its occurrence: its object, else its statement's label. */
function objectLabel(file: FileModel, r: FindingRecord): string {
  if (r.object === null) {
    const st = r.statement === null ? undefined : file.statements[r.statement];
    return st === undefined ? '' : st.label;
  }
  const o = file.objects[r.object]!;
  return `${o.kind} ${o.name}`;
}

/** Where a rule view's occurrences point: the advice or the findings of a file. */
type Records = (file: FileModel) => readonly FindingRecord[];

/** The head of a rule's article: its id and count, description, and facts. */
function ruleFacts(rule: RuleView, advice: boolean): string {
  const out: string[] = [];
  const split = FIXABILITIES.filter((x) => rule.byFixability[x] > 0)
    .map((x) => `${num(rule.byFixability[x])} ${FIX_LABEL[x]}`)
    .join(', ');
  out.push(
    `<article class="${advice ? 'advice' : 'rule'}" id="rule-${esc(rule.id)}" data-rule="${esc(rule.id)}"><h3><code>${esc(rule.id)}</code> <span class="muted">${plural(rule.total, advice ? 'recommendation' : 'finding')}</span></h3>`,
  );
  if (rule.description !== null) out.push(`<p>${inlineMarkdown(rule.description)}</p>`);
  out.push('<dl class="facts">');
  if (rule.why !== null) out.push(`<dt>Why</dt><dd>${inlineMarkdown(rule.why)}</dd>`);
  if (rule.sourceUrl !== null) {
    const text =
      rule.sourceText === null
        ? `<a href="${esc(rule.sourceUrl)}" rel="noreferrer">${esc(rule.sourceUrl)}</a>`
        : inlineMarkdown(rule.sourceText.replace(/^Source:\s*/, ''));
    out.push(`<dt>Source</dt><dd>${text}</dd>`);
  }
  if (rule.evidence !== null) out.push(`<dt>Evidence</dt><dd>${esc(rule.evidence)}</dd>`);
  if (rule.severity !== null) {
    const fixes = rule.fixable.length === 0 ? 'none' : rule.fixable.join(', ');
    out.push(
      `<dt>Default severity</dt><dd>${esc(rule.severity)}; fixes: ${esc(fixes)} (<code>clustrix-lint explain ${esc(rule.id)}</code>)</dd>`,
    );
  } else out.push('<dt>Reported by</dt><dd>the engine (inline directives)</dd>');
  if (!advice) out.push(`<dt>Here</dt><dd>${esc(split)}</dd></dl>`);
  else out.push('</dl>');
  return out.join('');
}

/** One message of a rule: its first occurrences (two with their excerpt), the rest folded. */
function messageGroup(model: ReportModel, g: FindingGroup, advice: boolean, records: Records): string {
  const out: string[] = [];
  const count = g.occurrences.length;
  const first = records(model.files[g.occurrences[0]!.file]!)[g.occurrences[0]!.finding]!;
  const label = advice ? adviceBadge(first.finding.fix?.kind === 'suggestion') : fixBadge(g.fixability);
  out.push(
    `<div class="group"${advice ? '' : ` data-fx="${g.fixability}"`}><h4>${esc(g.message)} <span class="muted">×${num(count)}</span> ${label} <span class="muted">${esc(g.severity)}</span></h4><ol class="occ">`,
  );
  const visible = g.occurrences.slice(0, LISTED_ON_PAGE.occurrences);
  let excerpts = 0;
  for (const o of visible) {
    const file = model.files[o.file]!;
    const r = records(file)[o.finding]!;
    const where = findingAt(file.filePath, r.finding);
    const what = objectLabel(file, r);
    out.push(
      `<li><span class="mono">${esc(where)}</span>${what === '' ? '' : ` <span class="muted">— ${esc(what)}</span>`}`,
    );
    // The same message has much the same fix: two excerpts per group are enough to see it.
    if (r.excerpt !== null && excerpts < LISTED_ON_PAGE.excerpts) {
      excerpts++;
      out.push(excerptHtml(r.excerpt, r));
    }
    out.push('</li>');
  }
  out.push('</ol>');
  const rest = g.occurrences.slice(LISTED_ON_PAGE.occurrences);
  if (rest.length > 0) {
    const listed = rest.slice(0, LISTED_ON_PAGE.locations);
    out.push(`<details><summary>${plural(rest.length, 'more occurrence')}</summary><ul class="locs">`);
    for (const o of listed) {
      const file = model.files[o.file]!;
      const r = records(file)[o.finding]!;
      const what = objectLabel(file, r);
      out.push(
        `<li><span class="mono">${esc(findingAt(file.filePath, r.finding))}</span>${what === '' ? '' : ` ${esc(what)}`}</li>`,
      );
    }
    out.push('</ul>');
    if (rest.length > listed.length)
      out.push(
        `<p class="muted">and ${num(rest.length - listed.length)} more: every finding is in the embedded data (<code>#clustrix-lint-data</code>).</p>`,
      );
    out.push('</details>');
  }
  out.push('</div>');
  return out.join('');
}

/**
 * One rule's article: its facts, then its messages with their occurrences. For advice
 * (`advice`), the occurrences are in FileModel.advice and each message is badged by what it
 * offers instead of by fixability.
 */
export function ruleSection(model: ReportModel, rule: RuleView, advice = false): string {
  const records: Records = (file) => (advice ? file.advice : file.findings);
  const out: string[] = [ruleFacts(rule, advice)];
  for (const g of rule.groups.slice(0, LISTED_ON_PAGE.groups)) out.push(messageGroup(model, g, advice, records));
  const more = rule.groups.slice(LISTED_ON_PAGE.groups);
  if (more.length > 0) {
    out.push(`<details><summary>${plural(more.length, 'more message')}</summary><ul>`);
    for (const g of more.slice(0, LISTED_ON_PAGE.locations)) {
      const first = g.occurrences[0]!;
      const file = model.files[first.file]!;
      const r = records(file)[first.finding]!;
      out.push(
        `<li>${esc(g.message)} <span class="muted">×${num(g.occurrences.length)}, first at ${esc(findingAt(file.filePath, r.finding, false))}</span></li>`,
      );
    }
    out.push('</ul></details>');
  }
  out.push('</article>');
  return out.join('');
}

/** The advice rules' recommendations, apart from the incompatibilities (Findings by rule). */
export function adviceSection(model: ReportModel): string {
  if (model.advice.length === 0) return '';
  const t = model.totals;
  const articles = model.advice.map((r) => ruleSection(model, r, true)).join('');
  const n = t.suggestionCount;
  const suggestions =
    n === 0
      ? 'None of them comes with a change to apply: each is a decision for the schema’s owner.'
      : `${plural(n, 'of them is a suggestion', 'of them are suggestions')}: <code>clustrix-lint fix --suggestions</code> (or <code>--apply-suggestion &lt;rule&gt;</code>) writes ${n === 1 ? 'it' : 'them'}, never a plain <code>fix</code>; ${n === 1 ? 'it changes' : 'they change'} behaviour or ${n === 1 ? 'rests' : 'rest'} on data the tool cannot see, so review each.`;
  return `<section id="advice" aria-labelledby="advice-h"><h2 id="advice-h">Recommended for ${esc(adviceFor(model))}</h2><p>What the advice rules (<code>prefer-*</code>) recommend so that the schema runs well there. They are not incompatibilities: the script loads without them, so they set no status and no complexity, and their ${plural(t.adviceCount, 'recommendation')} are counted apart from the findings. ${suggestions}</p>${articles}</section>`;
}
