// The HTML page's summary sections: the summary cards, the charts, the comparison of two targets,
// the files, and how to read the page.
import { OBJECT_KINDS } from '../core/objects.js';
import {
  FIXABILITIES,
  STATUSES,
  type Fixability,
  type FindingRecord,
  type ReportModel,
  type StatementStatus,
} from './model.js';
import {
  COMPLEXITY_RUBRIC,
  FIX_HINT,
  FIX_LABEL,
  KIND_PLURAL,
  STATUS_HINT,
  STATUS_LABEL,
  adviceFor,
  at,
  bytesText,
  num,
  plural,
} from './text.js';
import { barChart, shareBar } from './html-charts.js';
import {
  FIX_COLOR,
  LISTED_ON_PAGE,
  STATUS_COLOR,
  badge,
  baseName,
  complexityBadge,
  esc,
  fixBadge,
  statusBadge,
} from './html-kit.js';

/** What changes between the two targets of --compare-targets, file by file; empty without them. */
export function compareSection(model: ReportModel): string {
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
      .slice(0, LISTED_ON_PAGE.compare)
      .map(
        (r) =>
          `<tr><td class="n">${r.finding.line}</td><td><code>${esc(r.finding.ruleId)}</code></td><td>${esc(r.finding.severity)}</td><td>${fixBadge(r.fixability)}</td><td>${esc(r.finding.message)}</td></tr>`,
      )
      .join('');
    return `<h4>${esc(caption)} (${num(records.length)})</h4><div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr><th scope="col" class="n">line</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col">fix</th><th scope="col">message</th></tr></thead><tbody>${rows}</tbody></table></div>${records.length > LISTED_ON_PAGE.compare ? `<p class="muted">and ${num(records.length - LISTED_ON_PAGE.compare)} more (in the embedded data).</p>` : ''}`;
  };
  c.files.forEach((f) => {
    if (f.appeared.length + f.disappeared.length + f.changed.length === 0) return;
    out.push(`<h3>${esc(f.filePath)}</h3>`);
    out.push(table(f.disappeared, `Only on ${c.from.name}: they go away`));
    out.push(table(f.appeared, `Only on ${c.to.name}: they appear`));
    if (f.changed.length > 0) {
      const rows = f.changed
        .slice(0, LISTED_ON_PAGE.compare)
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

/** The files, one row each: counts, what their findings take, complexity (or why not read). */
export function filesSection(model: ReportModel): string {
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

/** The advice's own card: its count never joins the findings, errors, warnings and info beside it. */
function adviceCard(model: ReportModel): string {
  const t = model.totals;
  if (t.adviceCount === 0) return '';
  return `<div class="card"><h3>Recommended for ${esc(adviceFor(model))}</h3><p class="big" data-count="advice">${num(t.adviceCount)}</p><ul><li><span>suggestions (<code>fix --suggestions</code>)</span><span data-count="suggestions">${num(t.suggestionCount)}</span></li></ul><p class="muted">Not incompatibilities, counted apart from the findings: <a href="#advice">what and why</a>.</p></div>`;
}

/** The summary: rating and why, statements, findings, advice, what it takes, objects, live databases. */
export function summarySection(model: ReportModel): string {
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

/** The charts of findings by rule and by object kind; empty without findings. */
export function chartsSection(model: ReportModel): string {
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

/** How to read the page: the fixabilities, statuses and complexities. */
export function methodSection(): string {
  const statuses = STATUSES.map((s) => `<li>${statusBadge(s)} ${esc(STATUS_HINT[s])}</li>`).join('');
  const fixes = FIXABILITIES.map((x) => `<li>${fixBadge(x)} ${esc(FIX_HINT[x])}</li>`).join('');
  return `<section id="method" aria-labelledby="method-h"><h2 id="method-h">How to read this</h2>
<p>Findings are those of <code>clustrix-lint check</code> for the target. What each one takes:</p><ul class="plain">${fixes}</ul>
<p>A statement's status comes from its errors (warnings do not stop a load) and from the statements before it:</p><ul class="plain">${statuses}</ul>
<p>Complexity, per object, file and report: <strong>high</strong> when ${esc(COMPLEXITY_RUBRIC.high)}; <strong>medium</strong> when ${esc(COMPLEXITY_RUBRIC.medium)}; <strong>low</strong> when ${esc(COMPLEXITY_RUBRIC.low)}. Warnings without a fix on statements that belong to no object (<code>SET</code>, <code>LOCK TABLES</code>) are listed to review and do not raise it.</p>
<p>Next: <code>clustrix-lint fix --lossy</code> writes the clean script and a diff; <code>clustrix-lint verify</code> loads both scripts into a real server and proves what changed.</p></section>`;
}
