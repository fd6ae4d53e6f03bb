// The assessment as one self-contained HTML page: inline CSS, SVG charts and a little JavaScript
// that only filters and folds (the content is all in the HTML, for readers without JavaScript
// and for print). No network request: a Content-Security-Policy forbids every fetch. The data
// is embedded as JSON (`#clustrix-lint-data`, the findings of check --format json). Long lists
// are capped and folded so a page for a big dump stays quick to open.
import { FIXABILITIES, type ReportModel } from './model.js';
import { FIX_LABEL, subject } from './text.js';
import { CSS, SCRIPT } from './html-assets.js';
import { FIX_COLOR, esc, scriptJson } from './html-kit.js';
import { adviceSection, ruleSection } from './html-rules.js';
import { objectsSection, statementsSection } from './html-lists.js';
import { chartsSection, compareSection, filesSection, methodSection, summarySection } from './html-sections.js';
import { reportData } from './data.js';

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
