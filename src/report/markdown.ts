// The assessment as GitHub-flavoured markdown, for a pull-request comment or $GITHUB_STEP_SUMMARY:
// tables for the numbers, <details> for the occurrences. Kept under GitHub's comment limit
// (65,536 characters): the occurrence lists are cut first, with a note.
import {
  FIXABILITIES,
  OBJECT_KINDS,
  STATUSES,
  type FileModel,
  type ReportModel,
  type StatementStatus,
} from './model.js';
import {
  COMPLEXITY_RUBRIC,
  FIX_LABEL,
  KIND_PLURAL,
  STATUS_LABEL,
  at,
  blockerText,
  bytesText,
  findingAt,
  liveLines,
  num,
  plural,
  share,
  subject,
} from './text.js';

/** GitHub's limit for a comment body is 65,536 characters; leave room for a header someone adds. */
export const MARKDOWN_BUDGET = 60_000;
const OCCURRENCES = 10;
const PERSON_ROWS = 30;
const FILE_ROWS = 100;

/** Text for a table cell or list item: no line breaks, and nothing taken for markup. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\|*[\]`])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const code = (s: string) =>
  `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;')}</code>`;

/** Who the advice is for: the target's name, or the family when configs chose several targets. */
const adviceFor = (model: ReportModel) => model.target?.name ?? 'ClustrixDB/Xpand';

export function renderMarkdown(model: ReportModel, budget = MARKDOWN_BUDGET): string {
  const t = model.totals;
  const head: string[] = [];
  head.push(`## Migration assessment${model.target === null ? '' : ` for ${model.target.name}`}`);
  head.push('');
  head.push(`${mdText(subject(model))} by clustrix-lint ${mdText(model.tool.version)}.`);
  head.push('');
  head.push(`**Complexity: ${model.complexity.toUpperCase()}**: ${mdText(model.explanation)}`);
  head.push('');
  for (const line of liveLines(model)) head.push(`- Live database ${mdText(line)}`);
  if (liveLines(model).length > 0) head.push('');
  if (t.unreadable > 0) {
    for (const f of model.files.filter((x) => x.error !== null)) head.push(`> **Not assessed:** ${mdText(f.error!)}`);
    head.push('');
  }
  head.push(
    '| findings | errors | warnings | info | fixed safely | fixable with --lossy | need a person | to review |',
  );
  head.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const fx = (x: (typeof FIXABILITIES)[number]) =>
    `${num(t.byFixability[x])} (${share(t.byFixability[x], t.findings)})`;
  head.push(
    `| ${num(t.findings)} | ${num(t.errorCount)} | ${num(t.warningCount)} | ${num(t.infoCount)} | ${fx('safe')} | ${fx('lossy')} | ${fx('person')} | ${fx('review')} |`,
  );
  head.push('');
  if (t.adviceCount > 0) {
    // Advice is not an incompatibility: its count stays out of the findings and severities above.
    head.push(
      `**Recommended for ${mdText(adviceFor(model))}:** ${plural(t.adviceCount, 'recommendation')}${t.suggestionCount === 0 ? '' : `, ${plural(t.suggestionCount, 'suggestion')} among them (\`clustrix-lint fix --suggestions\` applies ${t.suggestionCount === 1 ? 'it' : 'them'})`}. Not incompatibilities: counted apart from the findings (see below).`,
    );
    head.push('');
  }
  head.push('| statements | ' + STATUSES.map((s) => STATUS_LABEL[s]).join(' | ') + ' |');
  head.push('| ---: | ' + STATUSES.map(() => '---:').join(' | ') + ' |');
  head.push(
    `| ${num(t.statements)} | ${STATUSES.map((s) => `${num(t.byStatus[s])} (${share(t.byStatus[s], t.statements)})`).join(' | ')} |`,
  );
  head.push('');
  const kinds = OBJECT_KINDS.filter((k) => t.objects[k].total > 0);
  if (kinds.length > 0) {
    head.push('| objects | in the script | with findings | high | medium | low |');
    head.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const k of kinds) {
      const o = t.objects[k];
      head.push(
        `| ${KIND_PLURAL[k]} | ${num(o.total)} | ${num(o.affected)} | ${num(o.byComplexity.high)} | ${num(o.byComplexity.medium)} | ${num(o.byComplexity.low)} |`,
      );
    }
    head.push('');
  }

  const c = model.compare;
  if (c !== null) {
    const appeared = c.files.reduce((n, f) => n + f.appeared.length, 0);
    const gone = c.files.reduce((n, f) => n + f.disappeared.length, 0);
    const changed = c.files.reduce((n, f) => n + f.changed.length, 0);
    head.push(`### From ${c.from.name} to ${c.to.name}`);
    head.push('');
    head.push(
      `${num(c.fromTotals.findings)} findings for ${mdText(c.from.name)} (complexity ${c.fromTotals.complexity.toUpperCase()}), ${num(t.findings)} for ${mdText(c.to.name)} (${model.complexity.toUpperCase()}): ${num(gone)} go away, ${num(appeared)} appear, ${num(changed)} change (another message, severity or fix).`,
    );
    head.push('');
    const rows: string[] = [];
    for (const f of c.files) {
      for (const r of f.disappeared)
        rows.push(
          `| gone | ${code(findingAt(f.filePath, r.finding, false))} | ${code(r.finding.ruleId)} | ${mdText(r.finding.message)} |`,
        );
      for (const r of f.appeared)
        rows.push(
          `| new | ${code(findingAt(f.filePath, r.finding, false))} | ${code(r.finding.ruleId)} | ${mdText(r.finding.message)} |`,
        );
      for (const x of f.changed)
        rows.push(
          `| ${x.from.finding.severity} → ${x.to.finding.severity}, ${FIX_LABEL[x.from.fixability]} → ${FIX_LABEL[x.to.fixability]} | ${code(findingAt(f.filePath, x.to.finding, false))} | ${code(x.to.finding.ruleId)} | ${mdText(x.to.finding.message)} |`,
        );
    }
    if (rows.length > 0) {
      head.push(`<details><summary>${plural(rows.length, 'change')}</summary>`);
      head.push('');
      head.push('| change | where | rule | message |');
      head.push('| --- | --- | --- | --- |');
      head.push(...rows.slice(0, 100));
      if (rows.length > 100) head.push(`| … | ${num(rows.length - 100)} more | | |`);
      head.push('');
      head.push('</details>');
      head.push('');
    }
  }

  // A live database's tables with findings, beside their size: what a migration moves.
  for (const file of model.files.filter((f) => f.live?.part === 'schema')) {
    const tables = file.objects.filter((o) => o.kind === 'table' && o.findings.length > 0);
    if (tables.length === 0) continue;
    const order: Record<string, number> = { high: 0, medium: 1, low: 2 };
    tables.sort((a, b) => order[a.complexity]! - order[b.complexity]! || (b.size?.bytes ?? 0) - (a.size?.bytes ?? 0));
    head.push(`<details><summary>Tables of ${mdText(file.filePath)} with findings: ${num(tables.length)}</summary>`);
    head.push('');
    head.push('| table | complexity | findings | rows (estimate) | size |');
    head.push('| --- | --- | ---: | ---: | ---: |');
    for (const o of tables.slice(0, FILE_ROWS)) {
      const rows = o.size?.rows ?? null;
      const bytes = o.size?.bytes ?? null;
      head.push(
        `| ${code(o.name)} | ${o.complexity} | ${num(o.findings.length)} | ${rows === null ? '—' : num(rows)} | ${bytes === null ? '—' : bytesText(bytes)} |`,
      );
    }
    if (tables.length > FILE_ROWS) head.push(`| … | ${num(tables.length - FILE_ROWS)} more | | | |`);
    head.push('', '</details>', '');
  }

  // What needs a person, first: statements that need one, then incidental ones.
  const person: string[] = [];
  const need: StatementStatus[] = ['person', 'incidental'];
  for (const file of model.files) {
    // A live database's script is built by the tool: its lines mean nothing to the reader.
    const lines = file.live === undefined;
    const where = (line: number) => code(lines ? at(file.filePath, line) : file.filePath);
    for (const st of file.statements) {
      if (!need.includes(st.status)) continue;
      const rules = [...new Set(st.findings.map((i) => file.findings[i]!.finding.ruleId))].map(code).join(', ');
      const why =
        st.status === 'incidental' ? `after ${mdText(blockerText(file.statements[st.blockedBy!], lines))}` : rules;
      person.push(`| ${where(st.line)} | ${code(st.label)} | ${STATUS_LABEL[st.status]} | ${why} |`);
    }
    for (const g of file.dataGroups) {
      if (g.status !== 'incidental') continue;
      person.push(
        `| ${where(g.line)} | ${code(`${g.kind.toUpperCase()} INTO ${g.table ?? '?'}`)} ×${num(g.count)} | incidental | after ${mdText(blockerText(file.statements[g.blockedBy!], lines))} |`,
      );
    }
  }
  if (person.length > 0) {
    head.push('### What needs a person');
    head.push('');
    head.push('| where | statement | status | why |');
    head.push('| --- | --- | --- | --- |');
    head.push(...person.slice(0, PERSON_ROWS));
    if (person.length > PERSON_ROWS) head.push(`| … | ${num(person.length - PERSON_ROWS)} more | | |`);
    head.push('');
  }

  if (model.rules.length > 0) {
    head.push('### Findings by rule');
    head.push('');
    head.push('| rule | findings | fixed safely | fixable with --lossy | need a person | to review | source |');
    head.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of model.rules) {
      const source =
        r.sourceUrl === null ? '—' : `[vendor](${r.sourceUrl})${r.evidence === null ? '' : `, ${r.evidence}`}`;
      head.push(
        `| ${code(r.id)} | ${num(r.total)} | ${num(r.byFixability.safe)} | ${num(r.byFixability.lossy)} | ${num(r.byFixability.person)} | ${num(r.byFixability.review)} | ${source} |`,
      );
    }
    head.push('');
  }
  if (model.advice.length > 0) {
    head.push(`### Recommended for ${mdText(adviceFor(model))}`);
    head.push('');
    head.push(
      'What the advice rules (`prefer-*`) recommend so that the schema runs well there: the script loads without them. A suggestion is applied only by `clustrix-lint fix --suggestions` or `--apply-suggestion <rule>`, never by a plain `fix`: it changes behaviour, review it.',
    );
    head.push('');
    head.push('| rule | recommendations | suggestions | source |');
    head.push('| --- | ---: | ---: | --- |');
    for (const r of model.advice) {
      const suggested = r.groups
        .flatMap((g) => g.occurrences)
        .filter((o) => model.files[o.file]!.advice[o.finding]!.finding.fix?.kind === 'suggestion').length;
      const source =
        r.sourceUrl === null ? '—' : `[vendor](${r.sourceUrl})${r.evidence === null ? '' : `, ${r.evidence}`}`;
      head.push(`| ${code(r.id)} | ${num(r.total)} | ${num(suggested)} | ${source} |`);
    }
    head.push('');
  }
  if (model.files.length > 1) {
    head.push('<details><summary>Files</summary>');
    head.push('');
    head.push('| file | statements | findings | errors | complexity |');
    head.push('| --- | ---: | ---: | ---: | --- |');
    for (const f of model.files.slice(0, FILE_ROWS)) {
      const errors = f.findings.filter((r) => r.finding.severity === 'error').length;
      head.push(
        `| ${code(f.filePath)} | ${num(f.statementCount)} | ${num(f.findings.length)} | ${num(errors)} | ${f.error === null ? f.complexity.toUpperCase() : 'not read'} |`,
      );
    }
    if (model.files.length > FILE_ROWS) head.push(`| … ${num(model.files.length - FILE_ROWS)} more | | | | |`);
    head.push('');
    head.push('</details>');
    head.push('');
  }

  // The occurrences, rule by rule, while they fit.
  let text = head.join('\n');
  const note =
    '\n_More occurrences are left out to keep this comment short: `clustrix-lint report -o report.html` has them all._\n';
  let cut = false;
  const blocks = [...model.rules.map((r) => ({ r, advice: false })), ...model.advice.map((r) => ({ r, advice: true }))];
  for (const { r, advice } of blocks) {
    const what = advice ? 'recommendation' : 'finding';
    const block: string[] = [`<details><summary>${mdText(r.id)}: ${plural(r.total, what)}</summary>`, ''];
    const occurrences = r.groups.flatMap((g) => g.occurrences);
    for (const o of occurrences.slice(0, OCCURRENCES)) {
      const file: FileModel = model.files[o.file]!;
      const f = (advice ? file.advice : file.findings)[o.finding]!;
      const fix = f.finding.fix === null ? '' : ` _(fix, ${f.finding.fix.kind}: ${mdText(f.finding.fix.title)})_`;
      block.push(`- ${code(findingAt(file.filePath, f.finding))} ${mdText(f.finding.message)}${fix}`);
    }
    if (occurrences.length > OCCURRENCES) block.push(`- … and ${num(occurrences.length - OCCURRENCES)} more`);
    block.push('', '</details>', '');
    const piece = block.join('\n');
    if (text.length + piece.length + note.length > budget) {
      cut = true;
      break;
    }
    text += (text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n') + piece;
  }
  if (cut) text += note;
  text += `\n<sub>Complexity is ${COMPLEXITY_RUBRIC.high.replace(/^a /, 'HIGH when a ')}; MEDIUM when ${COMPLEXITY_RUBRIC.medium}; LOW otherwise.</sub>\n`;
  return text;
}
