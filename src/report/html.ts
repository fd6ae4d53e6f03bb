// The assessment as one self-contained HTML page: inline CSS, SVG charts and a little JavaScript
// that only filters and folds (the content is all in the HTML, for readers without JavaScript
// and for print). No network request: a Content-Security-Policy forbids every fetch. The data
// is embedded as JSON (`#clustrix-lint-data`, the findings of check --format json). Long lists
// are capped and folded so a page for a big dump stays quick to open.
import {
  FIXABILITIES,
  OBJECT_KINDS,
  STATUSES,
  type Complexity,
  type Excerpt,
  type FileModel,
  type Fixability,
  type FindingRecord,
  type ObjectRecord,
  type ReportModel,
  type RuleView,
  type StatementStatus,
} from './model.js';
import { reportData } from './data.js';
import {
  COMPLEXITY_RUBRIC,
  FIX_HINT,
  FIX_LABEL,
  KIND_PLURAL,
  STATUS_HINT,
  STATUS_LABEL,
  at,
  blockerText,
  bytesText,
  findingAt,
  num,
  plural,
  share,
  subject,
} from './text.js';

/** Caps that keep a page for a big input quick to open (the embedded data has everything). */
export const LIMITS = {
  /** Message groups shown per rule; the rest are listed by message and count. */
  groups: 20,
  /** Occurrences shown per group; more are folded, up to `locations`. */
  occurrences: 8,
  /** Of those, how many show their code excerpt and fix. */
  excerpts: 2,
  locations: 200,
  /** Statements listed per file and status. */
  statements: 200,
  /** Objects listed per file. */
  objects: 2000,
  /** Findings listed per file in a comparison. */
  compare: 200,
} as const;

/** The last part of a path, for places too narrow for all of it. */
const baseName = (path: string): string => path.replace(/^.*[/\\]/, '');

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside `<script>`: no `<`, `>` or `&` (so no `</script>` or `<!--`), and no U+2028/2029. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The inline markdown of rule pages: `code`, **bold**, [text](https://…), <https://…>. A small
 * scanner, not a regular expression; a closing mark is looked for within a bounded window only,
 * so the cost stays linear in the text whatever it holds.
 */
export function inlineMarkdown(md: string): string {
  const WINDOW = 2048;
  const find = (mark: string, from: number) => {
    const k = md.slice(from, from + WINDOW).indexOf(mark);
    return k < 0 ? -1 : from + k;
  };
  let out = '';
  let plain = '';
  const flush = () => {
    out += esc(plain);
    plain = '';
  };
  const isUrl = (u: string) => u.startsWith('https://') && !/[\s<>()[\]"]/.test(u);
  for (let i = 0; i < md.length;) {
    const c = md[i]!;
    if (c === '`') {
      const end = find('`', i + 1);
      if (end > i + 1) {
        flush();
        out += `<code>${esc(md.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    } else if (c === '*' && md[i + 1] === '*') {
      const end = find('**', i + 2);
      if (end > i + 2 && !md.slice(i + 2, end).includes('*')) {
        flush();
        out += `<strong>${esc(md.slice(i + 2, end))}</strong>`;
        i = end + 2;
        continue;
      }
    } else if (c === '[') {
      const close = find(']', i + 1);
      const text = close < 0 ? '' : md.slice(i + 1, close);
      if (close > i + 1 && !text.includes('[') && md[close + 1] === '(') {
        const end = find(')', close + 2);
        const url = end < 0 ? '' : md.slice(close + 2, end);
        if (isUrl(url)) {
          flush();
          out += `<a href="${esc(url)}" rel="noreferrer">${inlineMarkdown(text)}</a>`;
          i = end + 1;
          continue;
        }
      }
    } else if (c === '<' && md.startsWith('https://', i + 1)) {
      const end = find('>', i + 1);
      const url = end < 0 ? '' : md.slice(i + 1, end);
      if (isUrl(url)) {
        flush();
        out += `<a href="${esc(url)}" rel="noreferrer">${esc(url)}</a>`;
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

const FIX_COLOR: Record<Fixability, string> = {
  safe: '#0550ae',
  lossy: '#7d4e00',
  person: '#a40e26',
  review: '#57606a',
};
const STATUS_COLOR: Record<StatementStatus, string> = {
  ok: '#116329',
  safe: '#0550ae',
  lossy: '#7d4e00',
  person: '#a40e26',
  incidental: '#6639ba',
};

const badge = (cls: string, text: string, title?: string) =>
  `<span class="badge ${cls}"${title === undefined ? '' : ` title="${esc(title)}"`}>${esc(text)}</span>`;
const complexityBadge = (c: Complexity) => badge(`cx-${c}`, c.toUpperCase(), COMPLEXITY_RUBRIC[c]);
const statusBadge = (s: StatementStatus) => badge(`st-${s}`, STATUS_LABEL[s], STATUS_HINT[s]);
const fixBadge = (x: Fixability) => badge(`fx-${x}`, FIX_LABEL[x], FIX_HINT[x]);
/** Advice is badged by what it offers: a suggestion to apply on request, or a recommendation to read. */
const adviceBadge = (suggestion: boolean) =>
  suggestion
    ? badge(
        'fx-suggestion',
        'suggestion',
        'clustrix-lint fix --suggestions (or --apply-suggestion <rule>) applies it; it changes behaviour: review it',
      )
    : badge('fx-advice', 'recommendation', "no automatic change: a decision for the schema's owner");

const CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--ok:#116329;--safe:#0550ae;--lossy:#7d4e00;--person:#a40e26;--incidental:#6639ba;--review:#57606a;--advice:#0a5f70}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.45;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:#0550ae}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.86em}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
header.top{background:#24292f;color:#fff;padding:1.2rem 1.5rem}
header.top h1{margin:0;font-size:1.6rem}
header.top p{margin:.3rem 0 0;color:#e6edf3}
nav.toc{border-bottom:1px solid var(--line);background:var(--soft);padding:.4rem 1.5rem;position:sticky;top:0;z-index:2}
nav.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
main{max-width:1240px;margin:0 auto;padding:0 1.5rem 3rem}
h2{font-size:1.35rem;margin:2rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;background:#fff;overflow-wrap:anywhere}
.card h3{margin:0 0 .4rem;font-size:.95rem;color:var(--muted);font-weight:600}
.big{font-size:2rem;font-weight:700;margin:.1rem 0 .4rem}
.card ul{list-style:none;margin:0;padding:0}
.card li{display:flex;justify-content:space-between;gap:.5rem;padding:.12rem 0;border-bottom:1px dotted var(--line)}
.card li>span:last-child{white-space:nowrap}
.card li:last-child{border-bottom:0}
.muted{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:600;color:#fff;white-space:nowrap;vertical-align:baseline}
.cx-high,.st-person,.fx-person{background:var(--person)}
.cx-medium,.st-lossy,.fx-lossy{background:var(--lossy)}
.cx-low,.st-ok{background:var(--ok)}
.st-safe,.fx-safe{background:var(--safe)}
.st-incidental{background:var(--incidental)}
.fx-review{background:var(--review)}
.fx-suggestion,.fx-advice{background:var(--advice)}
.big .badge{font-size:1.5rem;padding:.1rem .8rem}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td code{overflow-wrap:anywhere}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto}
figure{margin:1rem 0;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
figcaption{font-weight:600;margin-bottom:.4rem}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1f2328}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.88rem;margin:.4rem 0 0;padding:0;list-style:none}
article.rule,article.advice{border:1px solid var(--line);border-radius:8px;padding:.2rem 1rem .6rem;margin:1rem 0}
article.rule h3,article.advice h3{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
.group{border-top:1px solid var(--line);padding:.3rem 0}
.group h4{font-weight:600}
ol.occ{margin:.2rem 0;padding-left:1.4rem}
ol.occ li{margin:.35rem 0}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem;margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre .ln{display:inline-block;min-width:3.2em;color:var(--muted);user-select:none}
pre mark{background:#fff1b3;color:inherit}
pre.diff del,pre.diff ins{display:block;text-decoration:none}
pre.diff del{background:#ffebe9;color:#82071e}
pre.diff ins{background:#dafbe1;color:#0f5323}
.fixtitle{font-size:.88rem;color:var(--muted);margin:.3rem 0 0}
details{margin:.3rem 0}
summary{cursor:pointer;color:#0550ae}
ul.locs{columns:2 26rem;margin:.3rem 0;padding-left:1.2rem;font-size:.88rem}
.tools{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;margin:.6rem 0}
.tools label{font-size:.9rem}
.tools input[type=search]{font:inherit;padding:.2rem .4rem;min-width:16rem}
.tools button{font:inherit;padding:.15rem .6rem}
.hidden{display:none!important}
.explain{margin:.3rem 0}
footer{max-width:1240px;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.88rem;border-top:1px solid var(--line)}
@media print{
  nav.toc,.tools,.skip{display:none}
  header.top{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
  header.top p{color:#000}
  main{max-width:none;padding:0}
  article.rule,article.advice,figure,.card,tr,pre{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  .badge,pre.diff del,pre.diff ins,pre mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:11px}
}
`;

/** Progressive enhancement only: a filter, fix-kind toggles, fold/unfold all, and print unfolding. */
const SCRIPT = `(function(){
'use strict';
var rules=document.getElementById('rules');
if(rules){
  var bar=document.createElement('div');bar.className='tools';bar.setAttribute('role','search');
  bar.innerHTML='<label>Filter findings <input type="search" id="flt" placeholder="rule, message, file or object"></label>'+
    ['safe','lossy','person','review'].map(function(k){return '<label><input type="checkbox" checked data-fx="'+k+'"> '+document.querySelector('.legend [data-fx="'+k+'"]').textContent+'</label>';}).join('')+
    '<button type="button" id="unfold">Unfold all</button><button type="button" id="fold">Fold all</button>';
  rules.insertBefore(bar,rules.querySelector('article'));
  var apply=function(){
    var q=document.getElementById('flt').value.toLowerCase();
    var off={};bar.querySelectorAll('[data-fx]').forEach(function(c){if(!c.checked)off[c.getAttribute('data-fx')]=1;});
    rules.querySelectorAll('article.rule').forEach(function(a){
      var any=false;
      a.querySelectorAll('.group').forEach(function(g){
        var show=!off[g.getAttribute('data-fx')]&&(q===''||g.textContent.toLowerCase().indexOf(q)>=0||a.getAttribute('data-rule').indexOf(q)>=0);
        g.classList.toggle('hidden',!show);if(show)any=true;
      });
      a.classList.toggle('hidden',!any);
    });
  };
  bar.addEventListener('input',apply);bar.addEventListener('change',apply);
  var all=function(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});};
  document.getElementById('unfold').addEventListener('click',function(){all(true);});
  document.getElementById('fold').addEventListener('click',function(){all(false);});
}
var closed=[];
window.addEventListener('beforeprint',function(){closed=[];document.querySelectorAll('details:not([open])').forEach(function(d){closed.push(d);d.open=true;});});
window.addEventListener('afterprint',function(){closed.forEach(function(d){d.open=false;});closed=[];});
})();`;

/** A horizontal stacked bar chart: one row per label, segments by key. */
function barChart<K extends string>(
  id: string,
  title: string,
  desc: string,
  rows: ReadonlyArray<{ label: string; values: Record<K, number> }>,
  keys: readonly K[],
  colors: Record<K, string>,
  names: Record<K, string>,
): string {
  const labelWidth = Math.min(260, 12 + 7 * Math.max(8, ...rows.map((r) => r.label.length)));
  const barWidth = 560;
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((r) => keys.reduce((n, k) => n + r.values[k], 0)));
  const height = rows.length * rowHeight + 6;
  const width = labelWidth + barWidth + 70;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = 3 + i * rowHeight;
    const total = keys.reduce((n, k) => n + r.values[k], 0);
    parts.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>`);
    let x = labelWidth;
    for (const k of keys) {
      const v = r.values[k];
      if (v === 0) continue;
      const w = Math.max(1, (v / max) * barWidth);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colors[k]}"><title>${esc(`${r.label}: ${num(v)} ${names[k]}`)}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 15}">${num(total)}</text>`);
  });
  const legend = keys
    .map(
      (k) =>
        `<li data-fx="${k}"><span class="dot" style="background:${colors[k]}" aria-hidden="true"></span>${esc(names[k])}</li>`,
    )
    .join('');
  return `<figure><figcaption id="${id}-t">${esc(title)}</figcaption><div class="scroll" tabindex="0" role="region" aria-label="${esc(title)} (scrolls sideways)"><svg role="img" aria-labelledby="${id}-t ${id}-d" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><desc id="${id}-d">${esc(desc)}</desc>${parts.join('')}</svg></div><ul class="legend">${legend}</ul></figure>`;
}

/** One stacked bar with a legend that carries the numbers (for the statement statuses). */
function shareBar<K extends string>(
  label: string,
  values: Record<K, number>,
  keys: readonly K[],
  colors: Record<K, string>,
  names: Record<K, string>,
  dataName: string,
): string {
  const total = keys.reduce((n, k) => n + values[k], 0);
  const width = 300;
  let x = 0;
  const rects: string[] = [];
  for (const k of keys) {
    if (values[k] === 0 || total === 0) continue;
    const w = Math.max(1, (values[k] / total) * width);
    rects.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="14" fill="${colors[k]}"></rect>`);
    x += w;
  }
  const desc = keys.map((k) => `${names[k]} ${num(values[k])}`).join(', ');
  const list = keys
    .map(
      (k) =>
        `<li><span><span class="dot" style="background:${colors[k]}" aria-hidden="true"></span>${esc(names[k])}</span><span><span data-${dataName}="${k}">${num(values[k])}</span> <span class="muted">${share(values[k], total)}</span></span></li>`,
    )
    .join('');
  return `<svg role="img" aria-label="${esc(`${label}: ${desc}`)}" width="100%" height="14" viewBox="0 0 ${width} 14" preserveAspectRatio="none">${rects.join('')}</svg><ul>${list}</ul>`;
}

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

function objectLabel(file: FileModel, r: FindingRecord): string {
  if (r.object === null) {
    const st = r.statement === null ? undefined : file.statements[r.statement];
    return st === undefined ? '' : st.label;
  }
  const o = file.objects[r.object]!;
  return `${o.kind} ${o.name}`;
}

/**
 * One rule's article: its facts, then its messages with their occurrences. For advice
 * (`advice`), the occurrences are in FileModel.advice and each message is badged by what it
 * offers instead of by fixability.
 */
function ruleSection(model: ReportModel, rule: RuleView, advice = false): string {
  const out: string[] = [];
  const records = (file: FileModel) => (advice ? file.advice : file.findings);
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
  const shown = rule.groups.slice(0, LIMITS.groups);
  for (const g of shown) {
    const count = g.occurrences.length;
    const first = records(model.files[g.occurrences[0]!.file]!)[g.occurrences[0]!.finding]!;
    const label = advice ? adviceBadge(first.finding.fix?.kind === 'suggestion') : fixBadge(g.fixability);
    out.push(
      `<div class="group"${advice ? '' : ` data-fx="${g.fixability}"`}><h4>${esc(g.message)} <span class="muted">×${num(count)}</span> ${label} <span class="muted">${esc(g.severity)}</span></h4><ol class="occ">`,
    );
    const visible = g.occurrences.slice(0, LIMITS.occurrences);
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
      if (r.excerpt !== null && excerpts < LIMITS.excerpts) {
        excerpts++;
        out.push(excerptHtml(r.excerpt, r));
      }
      out.push('</li>');
    }
    out.push('</ol>');
    const rest = g.occurrences.slice(LIMITS.occurrences);
    if (rest.length > 0) {
      const listed = rest.slice(0, LIMITS.locations);
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
  }
  const more = rule.groups.slice(LIMITS.groups);
  if (more.length > 0) {
    out.push(`<details><summary>${plural(more.length, 'more message')}</summary><ul>`);
    for (const g of more.slice(0, LIMITS.locations)) {
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

function objectRows(file: FileModel, objects: readonly ObjectRecord[], withSize: boolean): string {
  // A live database's script is built by the tool: a line in it means nothing to the reader.
  const lines = file.live === undefined;
  return objects
    .map((o) => {
      const by: Record<Fixability, number> = { safe: 0, lossy: 0, person: 0, review: 0 };
      for (const i of o.findings) by[file.findings[i]!.fixability]++;
      const counts = FIXABILITIES.filter((x) => by[x] > 0)
        .map((x) => `${num(by[x])} ${FIX_LABEL[x]}`)
        .join(', ');
      const reason =
        o.reason === null
          ? '<span class="muted">nothing to do</span>'
          : `<a href="#rule-${esc(o.reason.ruleId)}"><code>${esc(o.reason.ruleId)}</code></a> at line ${o.reason.object === undefined ? o.reason.line : `${o.reason.object.line} of its text`} (${esc(FIX_LABEL[o.reason.fixability])})`;
      const blocker = o.blockedBy === null ? '' : blockerText(file.statements[o.blockedBy], lines);
      const rows = o.size?.rows ?? null;
      const bytes = o.size?.bytes ?? null;
      const size = withSize
        ? `<td class="n"${rows === null ? '' : ` data-rows="${rows}"`}>${rows === null ? '' : num(rows)}</td><td class="n"${bytes === null ? '' : ` data-bytes="${bytes}" title="${num(bytes)} bytes"`}>${bytes === null ? '' : esc(bytesText(bytes))}</td>`
        : '';
      return `<tr><td>${esc(o.kind)}</td><td><code>${esc(o.name)}</code>${o.table === null ? '' : ` <span class="muted">on ${esc(o.table)}</span>`}${o.defined ? '' : ' <span class="muted">(changed, not created here)</span>'}</td>${lines ? `<td class="n">${o.line}</td>` : ''}<td>${complexityBadge(o.complexity)}</td><td>${reason}</td><td>${statusBadge(o.status)}${blocker === '' ? '' : ` <span class="muted">after ${esc(blocker)}</span>`}</td><td>${counts === '' ? '—' : esc(counts)}</td>${size}</tr>`;
    })
    .join('');
}

/** A table's size in words, for the list of objects with nothing to do: ` (12 rows, 16.0 KiB)`. */
function sizeNote(o: ObjectRecord): string {
  if (o.size === undefined) return '';
  const parts = [
    ...(o.size.rows === null ? [] : [plural(o.size.rows, 'row')]),
    ...(o.size.bytes === null ? [] : [bytesText(o.size.bytes)]),
  ];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function objectsSection(model: ReportModel): string {
  const out: string[] = ['<section id="objects" aria-labelledby="objects-h"><h2 id="objects-h">Objects</h2>'];
  out.push(
    `<p>Tables, views, routines, triggers and events, from the statements that create or change them (<code>ALTER TABLE</code>, <code>CREATE INDEX … ON</code>). Complexity: <strong>high</strong> when ${esc(COMPLEXITY_RUBRIC.high)}; <strong>medium</strong> when ${esc(COMPLEXITY_RUBRIC.medium)}; <strong>low</strong> otherwise. The rule behind each rating is shown.</p>`,
  );
  const withSize = model.files.some((f) => f.objects.some((o) => o.size !== undefined));
  const order: Record<Complexity, number> = { high: 0, medium: 1, low: 2 };
  model.files.forEach((file, fi) => {
    // A server report has no objects of its own (its findings are under Findings by rule).
    if (file.error !== null || file.live?.part === 'server') return;
    const rated = file.objects.filter((o) => o.findings.length > 0 || o.status !== 'ok');
    const clean = file.objects.filter((o) => o.findings.length === 0 && o.status === 'ok');
    const counts = (['high', 'medium', 'low'] as const)
      .map((c) => `${num(file.objects.filter((o) => o.complexity === c).length)} ${c}`)
      .join(', ');
    out.push(
      `<h3 id="objects-${fi}">${esc(file.filePath)}</h3><p>${plural(file.objects.length, 'object')}: ${counts}.</p>`,
    );
    const head = `<thead><tr><th scope="col">kind</th><th scope="col">name</th>${file.live === undefined ? '<th scope="col" class="n">line</th>' : ''}<th scope="col">complexity</th><th scope="col">because of</th><th scope="col">status</th><th scope="col">findings</th>${withSize ? '<th scope="col" class="n">rows (estimate)</th><th scope="col" class="n">size</th>' : ''}</tr></thead>`;
    const sorted = [...rated]
      .sort((a, b) => order[a.complexity] - order[b.complexity] || a.line - b.line)
      .slice(0, LIMITS.objects);
    // Objects only safe fixes touch are folded; the ones someone has to look at stay in view.
    const look = sorted.filter((o) => o.complexity !== 'low' || o.status === 'incidental');
    const safe = sorted.filter((o) => o.complexity === 'low' && o.status !== 'incidental');
    if (look.length > 0)
      out.push(
        `<div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table>${head}<tbody>${objectRows(file, look, withSize)}</tbody></table></div>`,
      );
    if (safe.length > 0) {
      out.push(
        `<details><summary>${plural(safe.length, 'object')} with safe fixes only</summary><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table>${head}<tbody>${objectRows(file, safe, withSize)}</tbody></table></div></details>`,
      );
    }
    if (rated.length > LIMITS.objects)
      out.push(
        `<p class="muted">${num(rated.length - LIMITS.objects)} more objects with findings are in the embedded data.</p>`,
      );
    if (clean.length > 0) {
      out.push(
        `<details><summary>${plural(clean.length, 'object')} with nothing to do</summary><p class="mono">${clean
          .slice(0, LIMITS.objects)
          .map((o) => esc(`${o.kind} ${o.name}${sizeNote(o)}`))
          .join(', ')}${clean.length > LIMITS.objects ? ', …' : ''}</p></details>`,
      );
    }
  });
  out.push('</section>');
  return out.join('');
}

function statementsSection(model: ReportModel): string {
  const out: string[] = [
    '<section id="statements" aria-labelledby="statements-h"><h2 id="statements-h">Statements</h2>',
  ];
  out.push(
    '<p>Every statement gets a status. An <strong>incidental</strong> one has no error of its own that needs a person but needs a table, view or procedure whose <code>CREATE</code> earlier in the script needs a person (or is incidental itself): it fails only because that one does, and loads once that one is fixed (after the safe and lossy fixes). Statements that load as is are only counted; the lists below show the rest.</p>',
  );
  const shown: StatementStatus[] = ['person', 'incidental', 'lossy', 'safe'];
  model.files.forEach((file) => {
    if (file.error !== null || file.live?.part === 'server') return;
    const any = shown.some((s) => file.byStatus[s] > 0);
    const tally = STATUSES.filter((s) => file.byStatus[s] > 0)
      .map((s) => `${num(file.byStatus[s])} ${STATUS_LABEL[s]}`)
      .join(', ');
    out.push(
      `<h3>${esc(file.filePath)}</h3><p>${plural(file.statementCount, 'statement')}${tally === '' ? '' : `: ${esc(tally)}`}.</p>`,
    );
    if (!any) return;
    // A live database's script is built by the tool: its lines mean nothing to the reader.
    const lines = file.live === undefined;
    const lineCell = (n: number) => (lines ? `<td class="n">${n}</td>` : '');
    for (const s of shown) {
      const list = file.statements.filter((st) => st.status === s);
      const groups = s === 'incidental' ? file.dataGroups.filter((g) => g.status === 'incidental') : [];
      if (list.length === 0 && groups.length === 0) continue;
      const incidental = s === 'incidental';
      const rows = list.slice(0, LIMITS.statements).map((st) => {
        const rulesHere = [...new Set(st.findings.map((i) => file.findings[i]!.finding.ruleId))];
        const blocker = st.blockedBy === null ? '' : blockerText(file.statements[st.blockedBy], lines);
        const own =
          incidental && st.own !== 'ok' ? ` <span class="muted">then: ${esc(STATUS_LABEL[st.own])}</span>` : '';
        return `<tr>${lineCell(st.line)}<td><code>${esc(st.label)}</code></td><td>${rulesHere.map((id) => `<a href="#rule-${esc(id)}"><code>${esc(id)}</code></a>`).join(', ') || '—'}${own}</td>${incidental ? `<td>${esc(blocker)}</td>` : ''}</tr>`;
      });
      for (const g of groups) {
        rows.push(
          `<tr>${lineCell(g.line)}<td><code>${esc(`${g.kind.toUpperCase()} INTO ${g.table ?? '?'}`)}</code> ×${num(g.count)}</td><td>—</td><td>${esc(blockerText(g.blockedBy === null ? undefined : file.statements[g.blockedBy], lines))}</td></tr>`,
        );
      }
      const total = list.length + groups.reduce((n, g) => n + g.count, 0);
      const heading = `${statusBadge(s)} ${plural(total, 'statement')} <span class="muted">— ${esc(STATUS_HINT[s])}</span>`;
      const table = `<div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr>${lines ? '<th scope="col" class="n">line</th>' : ''}<th scope="col">statement</th><th scope="col">rules</th>${incidental ? '<th scope="col">fails because of</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${list.length > LIMITS.statements ? `<p class="muted">and ${num(list.length - LIMITS.statements)} more.</p>` : ''}`;
      // Statements the safe fixes take care of are folded: nobody has to look at them.
      if (s === 'safe') out.push(`<details><summary>${heading}</summary>${table}</details>`);
      else out.push(`<h4>${heading}</h4>${table}`);
    }
  });
  out.push('</section>');
  return out.join('');
}

function compareSection(model: ReportModel): string {
  const c = model.compare;
  if (c === null) return '';
  const appeared = c.files.reduce((n, f) => n + f.appeared.length, 0);
  const gone = c.files.reduce((n, f) => n + f.disappeared.length, 0);
  const changed = c.files.reduce((n, f) => n + f.changed.length, 0);
  const out: string[] = [
    '<section id="compare" aria-labelledby="compare-h"><h2 id="compare-h">What changes from ' +
      esc(c.from.name) +
      ' to ' +
      esc(c.to.name) +
      '</h2>',
  ];
  out.push(
    `<p>For ${esc(c.from.name)}: <strong data-compare="from">${num(c.fromTotals.findings)}</strong> findings, complexity ${complexityBadge(c.fromTotals.complexity)}. For ${esc(c.to.name)}: <strong data-compare="to">${num(model.totals.findings)}</strong> findings, complexity ${complexityBadge(model.complexity)}. Moving to ${esc(c.to.name)}, <strong data-compare="disappeared">${num(gone)}</strong> go away, <strong data-compare="appeared">${num(appeared)}</strong> appear and <strong data-compare="changed">${num(changed)}</strong> change (another message, severity or fix). The rest of this page is for ${esc(c.to.name)}.</p>`,
  );
  const table = (records: readonly FindingRecord[], caption: string) => {
    if (records.length === 0) return '';
    const rows = records
      .slice(0, LIMITS.compare)
      .map(
        (r) =>
          `<tr><td class="n">${r.finding.line}</td><td><code>${esc(r.finding.ruleId)}</code></td><td>${esc(r.finding.severity)}</td><td>${fixBadge(r.fixability)}</td><td>${esc(r.finding.message)}</td></tr>`,
      )
      .join('');
    return `<h4>${esc(caption)} (${num(records.length)})</h4><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col" class="n">line</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col">fix</th><th scope="col">message</th></tr></thead><tbody>${rows}</tbody></table></div>${records.length > LIMITS.compare ? `<p class="muted">and ${num(records.length - LIMITS.compare)} more (in the embedded data).</p>` : ''}`;
  };
  c.files.forEach((f) => {
    if (f.appeared.length + f.disappeared.length + f.changed.length === 0) return;
    out.push(`<h3>${esc(f.filePath)}</h3>`);
    out.push(table(f.disappeared, `Only on ${c.from.name}: they go away`));
    out.push(table(f.appeared, `Only on ${c.to.name}: they appear`));
    if (f.changed.length > 0) {
      const rows = f.changed
        .slice(0, LIMITS.compare)
        .map(
          (x) =>
            `<tr><td class="n">${x.to.finding.line}</td><td><code>${esc(x.to.finding.ruleId)}</code></td><td>${esc(x.from.finding.severity)} → ${esc(x.to.finding.severity)}</td><td>${fixBadge(x.from.fixability)} → ${fixBadge(x.to.fixability)}</td><td>${esc(x.to.finding.message)}</td></tr>`,
        )
        .join('');
      out.push(
        `<h4>Changed (${num(f.changed.length)})</h4><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col" class="n">line</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col">fix</th><th scope="col">message (${esc(c.to.name)})</th></tr></thead><tbody>${rows}</tbody></table></div>`,
      );
    }
  });
  if (appeared + gone + changed === 0) out.push('<p>Nothing changes: both targets give the same findings.</p>');
  out.push('</section>');
  return out.join('');
}

function filesSection(model: ReportModel): string {
  const mixed = model.target === null;
  const rows = model.files
    .map((f) => {
      const c = { errors: 0, warnings: 0, infos: 0 };
      for (const r of f.findings) {
        if (r.finding.severity === 'error') c.errors++;
        else if (r.finding.severity === 'warning') c.warnings++;
        else c.infos++;
      }
      const fix = FIXABILITIES.filter((x) => f.byFixability[x] > 0)
        .map((x) => `${num(f.byFixability[x])} ${FIX_LABEL[x]}`)
        .join(', ');
      const problem =
        f.error === null ? '' : `<br><strong>not assessed:</strong> <span class="mono">${esc(f.error)}</span>`;
      return `<tr data-file="${esc(f.filePath)}"><td><code>${esc(f.filePath)}</code>${problem}</td>${mixed ? `<td>${esc(f.target)}</td>` : ''}<td class="n">${num(f.statementCount)}</td><td class="n" data-count="findings">${num(f.findings.length)}</td><td class="n" data-count="errors">${num(c.errors)}</td><td class="n" data-count="warnings">${num(c.warnings)}</td><td class="n" data-count="infos">${num(c.infos)}</td><td class="n" data-count="advice">${num(f.advice.length)}</td><td>${esc(fix) || '—'}</td><td>${f.error === null ? complexityBadge(f.complexity) : badge('cx-high', 'NOT READ')}</td></tr>`;
    })
    .join('');
  return `<section id="files" aria-labelledby="files-h"><h2 id="files-h">Files</h2><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col">file</th>${mixed ? '<th scope="col">target</th>' : ''}<th scope="col" class="n">statements</th><th scope="col" class="n">findings</th><th scope="col" class="n">errors</th><th scope="col" class="n">warnings</th><th scope="col" class="n">info</th><th scope="col" class="n">recommended</th><th scope="col">what it takes</th><th scope="col">complexity</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** Who the advice is for: the target's name, or the family when configs chose several targets. */
const adviceFor = (model: ReportModel) => model.target?.name ?? 'ClustrixDB/Xpand';

/** The advice's own card: its count never joins the findings, errors, warnings and info beside it. */
function adviceCard(model: ReportModel): string {
  const t = model.totals;
  if (t.adviceCount === 0) return '';
  return `<div class="card"><h3>Recommended for ${esc(adviceFor(model))}</h3><p class="big" data-count="advice">${num(t.adviceCount)}</p><ul><li><span>suggestions (<code>fix --suggestions</code>)</span><span data-count="suggestions">${num(t.suggestionCount)}</span></li></ul><p class="muted">Not incompatibilities, counted apart from the findings: <a href="#advice">what and why</a>.</p></div>`;
}

/** The advice rules' recommendations, apart from the incompatibilities (Findings by rule). */
function adviceSection(model: ReportModel): string {
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

function summarySection(model: ReportModel): string {
  const t = model.totals;
  const r = model.reason;
  const because =
    r === null
      ? ''
      : `<p class="muted">Rated by <a href="#rule-${esc(r.ruleId)}"><code>${esc(r.ruleId)}</code></a> (${esc(FIX_LABEL[r.fixability])}) at <span class="mono" title="${esc(r.filePath ?? '')}">${esc(r.object === undefined ? at(baseName(r.filePath ?? ''), r.line) : at(r.object.name, r.object.line))}</span>.</p>`;
  const statusNames = Object.fromEntries(STATUSES.map((s) => [s, STATUS_LABEL[s]])) as Record<StatementStatus, string>;
  const fixNames = Object.fromEntries(FIXABILITIES.map((x) => [x, FIX_LABEL[x]])) as Record<Fixability, string>;
  const objectRows = OBJECT_KINDS.map((k) => {
    const o = t.objects[k];
    return `<tr><th scope="row">${esc(KIND_PLURAL[k])}</th><td class="n" data-objects="${k}">${num(o.total)}</td><td class="n">${num(o.affected)}</td><td class="n">${num(o.byComplexity.high)}</td><td class="n">${num(o.byComplexity.medium)}</td><td class="n">${num(o.byComplexity.low)}</td></tr>`;
  }).join('');
  const unreadable =
    t.unreadable === 0
      ? ''
      : `<p><strong>${plural(t.unreadable, 'file')} could not be read</strong> and ${t.unreadable === 1 ? 'is' : 'are'} not assessed (see Files).</p>`;
  const lives = model.files.filter((f) => f.live?.part === 'schema');
  const live =
    lives.length === 0
      ? ''
      : `<h3>Live databases</h3><p>Read (read-only) from the server; sizes and row estimates are information_schema's (<code>DATA_LENGTH + INDEX_LENGTH</code>, <code>TABLE_ROWS</code>: an estimate for InnoDB), shown beside each table under Objects.</p><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col">input</th><th scope="col">server version</th><th scope="col">databases</th><th scope="col" class="n">tables</th><th scope="col" class="n">rows (estimate)</th><th scope="col" class="n">size</th></tr></thead><tbody>${lives
          .map((f) => {
            const l = f.live!;
            return `<tr data-live="${esc(f.filePath)}"><td><code>${esc(f.filePath)}</code></td><td>${esc(l.version)}</td><td>${esc(l.databases.join(', '))}</td><td class="n" data-live-count="tables">${num(l.tables)}</td><td class="n"${l.rows === null ? '' : ` data-live-count="rows" data-value="${l.rows}"`}>${l.rows === null ? '—' : num(l.rows)}</td><td class="n"${l.bytes === null ? '' : ` data-live-count="bytes" data-value="${l.bytes}" title="${num(l.bytes)} bytes"`}>${l.bytes === null ? '—' : esc(bytesText(l.bytes))}</td></tr>`;
          })
          .join('')}</tbody></table></div>`;
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>${unreadable}<div class="cards">
<div class="card"><h3>Migration complexity</h3><p class="big" data-complexity="${model.complexity}">${complexityBadge(model.complexity)}</p><p class="explain">${esc(model.explanation)}</p>${because}</div>
<div class="card"><h3>Statements</h3><p class="big" data-count="statements">${num(t.statements)}</p>${shareBar('Statements by status', t.byStatus, STATUSES, STATUS_COLOR, statusNames, 'status')}</div>
<div class="card"><h3>Findings</h3><p class="big" data-count="findings">${num(t.findings)}</p><ul><li><span>errors</span><span data-count="errors">${num(t.errorCount)}</span></li><li><span>warnings</span><span data-count="warnings">${num(t.warningCount)}</span></li><li><span>info</span><span data-count="infos">${num(t.infoCount)}</span></li></ul></div>
${adviceCard(model)}
<div class="card"><h3>What it takes</h3>${shareBar('Findings by what fixes them', t.byFixability, FIXABILITIES, FIX_COLOR, fixNames, 'fix')}</div>
</div>
<h3>Objects</h3><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col">kind</th><th scope="col" class="n">in the script</th><th scope="col" class="n">with findings</th><th scope="col" class="n">high</th><th scope="col" class="n">medium</th><th scope="col" class="n">low</th></tr></thead><tbody>${objectRows}</tbody></table></div>${live}</section>`;
}

function chartsSection(model: ReportModel): string {
  const t = model.totals;
  if (t.findings === 0) return '';
  const fixNames = Object.fromEntries(FIXABILITIES.map((x) => [x, FIX_LABEL[x]])) as Record<Fixability, string>;
  const byRule = barChart(
    'chart-rules',
    'Findings by rule',
    `Findings by rule, split by what fixes them: ${model.rules.map((r) => `${r.id} ${r.total}`).join(', ')}.`,
    model.rules.map((r) => ({ label: r.id, values: r.byFixability })),
    FIXABILITIES,
    FIX_COLOR,
    fixNames,
  );
  const kindRows = [
    ...OBJECT_KINDS.filter((k) => t.objects[k].total > 0).map((k) => ({
      label: KIND_PLURAL[k],
      values: t.objects[k].byFixability,
    })),
    { label: 'other statements', values: t.scriptLevel },
  ];
  const byKind = barChart(
    'chart-kinds',
    'Findings by object kind',
    `Findings by object kind, split by what fixes them: ${kindRows.map((r) => `${r.label} ${FIXABILITIES.reduce((n, x) => n + r.values[x], 0)}`).join(', ')}.`,
    kindRows,
    FIXABILITIES,
    FIX_COLOR,
    fixNames,
  );
  return `<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">At a glance</h2>${byRule}${byKind}</section>`;
}

function methodSection(): string {
  const statuses = STATUSES.map((s) => `<li>${statusBadge(s)} ${esc(STATUS_HINT[s])}</li>`).join('');
  const fixes = FIXABILITIES.map((x) => `<li>${fixBadge(x)} ${esc(FIX_HINT[x])}</li>`).join('');
  return `<section id="method" aria-labelledby="method-h"><h2 id="method-h">How to read this</h2>
<p>Findings are those of <code>clustrix-lint check</code> for the target. What each one takes:</p><ul class="plain">${fixes}</ul>
<p>A statement's status comes from its errors (warnings do not stop a load) and from the statements before it:</p><ul class="plain">${statuses}</ul>
<p>Complexity, per object, file and report: <strong>high</strong> when ${esc(COMPLEXITY_RUBRIC.high)}; <strong>medium</strong> when ${esc(COMPLEXITY_RUBRIC.medium)}; <strong>low</strong> when ${esc(COMPLEXITY_RUBRIC.low)}. Warnings without a fix on statements that belong to no object (<code>SET</code>, <code>LOCK TABLES</code>) are listed to review and do not raise it.</p>
<p>Next: <code>clustrix-lint fix --lossy</code> writes the clean script and a diff; <code>clustrix-lint verify</code> loads both scripts into a real server and proves what changed.</p></section>`;
}

/** The whole page. */
export function renderHtml(model: ReportModel): string {
  const title = `Migration assessment${model.target === null ? '' : ` for ${model.target.name}`}`;
  const rules = model.rules.map((r) => ruleSection(model, r)).join('');
  const fixNames = FIXABILITIES.map(
    (x) =>
      `<li data-fx="${x}"><span class="dot" style="background:${FIX_COLOR[x]}" aria-hidden="true"></span>${esc(FIX_LABEL[x])}</li>`,
  ).join('');
  const sections = [
    summarySection(model),
    chartsSection(model),
    compareSection(model),
    filesSection(model),
    objectsSection(model),
    statementsSection(model),
    model.rules.length === 0
      ? ''
      : `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Findings by rule</h2><ul class="legend">${fixNames}</ul>${rules}</section>`,
    adviceSection(model),
    methodSection(),
  ];
  const toc = [
    ['summary', 'Summary'],
    ...(model.totals.findings > 0 ? [['charts', 'At a glance']] : []),
    ...(model.compare === null ? [] : [['compare', 'Compare']]),
    ['files', 'Files'],
    ['objects', 'Objects'],
    ['statements', 'Statements'],
    ...(model.rules.length === 0 ? [] : [['rules', 'Rules']]),
    ...(model.advice.length === 0 ? [] : [['advice', 'Recommended']]),
    ['method', 'How to read this'],
  ]
    .map(([id, name]) => `<li><a href="#${id}">${esc(name!)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${esc(`${model.tool.name} ${model.tool.version}`)}">
<title>${esc(title)} — clustrix-lint</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top"><h1>${esc(title)}</h1><p>${esc(subject(model))} · clustrix-lint ${esc(model.tool.version)}</p></header>
<nav class="toc" aria-label="Sections"><ul>${toc}</ul></nav>
<main id="main">
${sections.join('\n')}
</main>
<footer>Made by clustrix-lint ${esc(model.tool.version)}. The data of this page is embedded as JSON in <code>script#clustrix-lint-data</code>: the findings as <code>clustrix-lint check --format json</code> gives them, with the statement and object summaries.</footer>
<script type="application/json" id="clustrix-lint-data">${scriptJson(reportData(model))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
