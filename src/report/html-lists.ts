// The HTML page's lists of objects and statements, file by file: what someone has to look at in
// view, what the safe fixes take care of folded, what loads as is only counted.
import {
  FIXABILITIES,
  STATUSES,
  type Complexity,
  type FileModel,
  type Fixability,
  type ObjectRecord,
  type ReportModel,
  type StatementStatus,
} from './model.js';
import {
  COMPLEXITY_RUBRIC,
  FIX_LABEL,
  STATUS_HINT,
  STATUS_LABEL,
  blockerText,
  bytesText,
  num,
  plural,
} from './text.js';
import { LISTED_ON_PAGE, complexityBadge, esc, statusBadge } from './html-kit.js';

/** The rows of the objects table; `withSize` adds the rows and size columns of live tables. */
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

/** The objects of each file, the ones someone has to look at first (rated high, then medium). */
export function objectsSection(model: ReportModel): string {
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
      .slice(0, LISTED_ON_PAGE.objects);
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
    if (rated.length > LISTED_ON_PAGE.objects)
      out.push(
        `<p class="muted">${num(rated.length - LISTED_ON_PAGE.objects)} more objects with findings are in the embedded data.</p>`,
      );
    if (clean.length > 0) {
      out.push(
        `<details><summary>${plural(clean.length, 'object')} with nothing to do</summary><p class="mono">${clean
          .slice(0, LISTED_ON_PAGE.objects)
          .map((o) => esc(`${o.kind} ${o.name}${sizeNote(o)}`))
          .join(', ')}${clean.length > LISTED_ON_PAGE.objects ? ', …' : ''}</p></details>`,
      );
    }
  });
  out.push('</section>');
  return out.join('');
}

/** The statements of each file by status; those that load as is are only counted. */
export function statementsSection(model: ReportModel): string {
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
      const rows = list.slice(0, LISTED_ON_PAGE.statements).map((st) => {
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
      const table = `<div class="scroll" tabindex="0" role="region" aria-label="table (scrolls sideways)"><table><thead><tr>${lines ? '<th scope="col" class="n">line</th>' : ''}<th scope="col">statement</th><th scope="col">rules</th>${incidental ? '<th scope="col">fails because of</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${list.length > LISTED_ON_PAGE.statements ? `<p class="muted">and ${num(list.length - LISTED_ON_PAGE.statements)} more.</p>` : ''}`;
      // Statements the safe fixes take care of are folded: nobody has to look at them.
      if (s === 'safe') out.push(`<details><summary>${heading}</summary>${table}</details>`);
      else out.push(`<h4>${heading}</h4>${table}`);
    }
  });
  out.push('</section>');
  return out.join('');
}
