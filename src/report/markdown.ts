// The assessment as GitHub-flavoured markdown, for a pull-request comment or $GITHUB_STEP_SUMMARY:
// tables for the numbers, <details> for the occurrences. Kept under GitHub's comment limit
// (65,536 characters): the occurrence lists are cut first, with a note.
import { OBJECT_KINDS } from '../core/objects.js';
import { FIXABILITIES, STATUSES, type FileModel, type ReportModel, type StatementStatus } from './model.js';
import {
  COMPLEXITY_RUBRIC,
  FIX_LABEL,
  KIND_PLURAL,
  STATUS_LABEL,
  adviceFor,
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

/**
 * The report as GitHub-flavoured markdown, at most `budget` characters: the summary tables first,
 * then each rule's occurrences while they fit (a note says when some are left out).
 */
export function markdownReport(model: ReportModel, budget = MARKDOWN_BUDGET): string {
  const head = [
    ...summaryLines(model),
    ...compareLines(model),
    ...liveTableLines(model),
    ...personLines(model),
    ...ruleTableLines(model),
    ...adviceTableLines(model),
    ...fileLines(model),
  ];
  return withOccurrences(model, head.join('\n'), budget);
}

/** The heading, the rating, live databases, unreadable files, and the tables of findings, statements and objects. */
function summaryLines(model: ReportModel): string[] {
  const t = model.totals;
  const out: string[] = [];
  out.push(`## Migration assessment${model.target === null ? '' : ` for ${model.target.name}`}`);
  out.push('');
  out.push(`${mdText(subject(model))} by clustrix-lint ${mdText(model.tool.version)}.`);
  out.push('');
  out.push(`**Complexity: ${model.complexity.toUpperCase()}**: ${mdText(model.explanation)}`);
  out.push('');
  for (const line of liveLines(model)) out.push(`- Live database ${mdText(line)}`);
  if (liveLines(model).length > 0) out.push('');
  if (t.unreadable > 0) {
    for (const f of model.files.filter((x) => x.error !== null)) out.push(`> **Not assessed:** ${mdText(f.error!)}`);
    out.push('');
  }
  out.push('| findings | errors | warnings | info | fixed safely | fixable with --lossy | need a person | to review |');
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const fx = (x: (typeof FIXABILITIES)[number]) =>
    `${num(t.byFixability[x])} (${share(t.byFixability[x], t.findings)})`;
  out.push(
    `| ${num(t.findings)} | ${num(t.errorCount)} | ${num(t.warningCount)} | ${num(t.infoCount)} | ${fx('safe')} | ${fx('lossy')} | ${fx('person')} | ${fx('review')} |`,
  );
  out.push('');
  if (t.adviceCount > 0) {
    // Advice is not an incompatibility: its count stays out of the findings and severities above.
    out.push(
      `**Recommended for ${mdText(adviceFor(model))}:** ${plural(t.adviceCount, 'recommendation')}${t.suggestionCount === 0 ? '' : `, ${plural(t.suggestionCount, 'suggestion')} among them (\`clustrix-lint fix --suggestions\` applies ${t.suggestionCount === 1 ? 'it' : 'them'})`}. Not incompatibilities: counted apart from the findings (see below).`,
    );
    out.push('');
  }
  out.push('| statements | ' + STATUSES.map((s) => STATUS_LABEL[s]).join(' | ') + ' |');
  out.push('| ---: | ' + STATUSES.map(() => '---:').join(' | ') + ' |');
  out.push(
    `| ${num(t.statements)} | ${STATUSES.map((s) => `${num(t.byStatus[s])} (${share(t.byStatus[s], t.statements)})`).join(' | ')} |`,
  );
  out.push('');
  const kinds = OBJECT_KINDS.filter((k) => t.objects[k].total > 0);
  if (kinds.length > 0) {
    out.push('| objects | in the script | with findings | high | medium | low |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const k of kinds) {
      const o = t.objects[k];
      out.push(
        `| ${KIND_PLURAL[k]} | ${num(o.total)} | ${num(o.affected)} | ${num(o.byComplexity.high)} | ${num(o.byComplexity.medium)} | ${num(o.byComplexity.low)} |`,
      );
    }
    out.push('');
  }
  return out;
}

/** What changes between the two targets of --compare-targets (nothing without them). */
function compareLines(model: ReportModel): string[] {
  const t = model.totals;
  const out: string[] = [];
  const c = model.compare;
  if (c === null) return out;
  const appeared = c.files.reduce((n, f) => n + f.appeared.length, 0);
  const gone = c.files.reduce((n, f) => n + f.disappeared.length, 0);
  const changed = c.files.reduce((n, f) => n + f.changed.length, 0);
  out.push(`### From ${c.from.name} to ${c.to.name}`);
  out.push('');
  out.push(
    `${num(c.fromTotals.findings)} findings for ${mdText(c.from.name)} (complexity ${c.fromTotals.complexity.toUpperCase()}), ${num(t.findings)} for ${mdText(c.to.name)} (${model.complexity.toUpperCase()}): ${num(gone)} go away, ${num(appeared)} appear, ${num(changed)} change (another message, severity or fix).`,
  );
  out.push('');
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
    out.push(`<details><summary>${plural(rows.length, 'change')}</summary>`);
    out.push('');
    out.push('| change | where | rule | message |');
    out.push('| --- | --- | --- | --- |');
    out.push(...rows.slice(0, 100));
    if (rows.length > 100) out.push(`| … | ${num(rows.length - 100)} more | | |`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  return out;
}

/** A live database's tables with findings, beside their size: what a migration moves. */
function liveTableLines(model: ReportModel): string[] {
  const out: string[] = [];
  for (const file of model.files.filter((f) => f.live?.part === 'schema')) {
    const tables = file.objects.filter((o) => o.kind === 'table' && o.findings.length > 0);
    if (tables.length === 0) continue;
    const order: Record<string, number> = { high: 0, medium: 1, low: 2 };
    tables.sort((a, b) => order[a.complexity]! - order[b.complexity]! || (b.size?.bytes ?? 0) - (a.size?.bytes ?? 0));
    out.push(`<details><summary>Tables of ${mdText(file.filePath)} with findings: ${num(tables.length)}</summary>`);
    out.push('');
    out.push('| table | complexity | findings | rows (estimate) | size |');
    out.push('| --- | --- | ---: | ---: | ---: |');
    for (const o of tables.slice(0, FILE_ROWS)) {
      const rows = o.size?.rows ?? null;
      const bytes = o.size?.bytes ?? null;
      out.push(
        `| ${code(o.name)} | ${o.complexity} | ${num(o.findings.length)} | ${rows === null ? '—' : num(rows)} | ${bytes === null ? '—' : bytesText(bytes)} |`,
      );
    }
    if (tables.length > FILE_ROWS) out.push(`| … | ${num(tables.length - FILE_ROWS)} more | | | |`);
    out.push('', '</details>', '');
  }
  return out;
}

/** What needs a person, first: statements that need one, then incidental ones. */
function personLines(model: ReportModel): string[] {
  const out: string[] = [];
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
    out.push('### What needs a person');
    out.push('');
    out.push('| where | statement | status | why |');
    out.push('| --- | --- | --- | --- |');
    out.push(...person.slice(0, PERSON_ROWS));
    if (person.length > PERSON_ROWS) out.push(`| … | ${num(person.length - PERSON_ROWS)} more | | |`);
    out.push('');
  }
  return out;
}

/** One row per rule: its findings by fixability and its source. */
function ruleTableLines(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.rules.length > 0) {
    out.push('### Findings by rule');
    out.push('');
    out.push('| rule | findings | fixed safely | fixable with --lossy | need a person | to review | source |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of model.rules) {
      const source =
        r.sourceUrl === null ? '—' : `[vendor](${r.sourceUrl})${r.evidence === null ? '' : `, ${r.evidence}`}`;
      out.push(
        `| ${code(r.id)} | ${num(r.total)} | ${num(r.byFixability.safe)} | ${num(r.byFixability.lossy)} | ${num(r.byFixability.person)} | ${num(r.byFixability.review)} | ${source} |`,
      );
    }
    out.push('');
  }
  return out;
}

/** One row per advice rule: its recommendations and suggestions, apart from the findings. */
function adviceTableLines(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.advice.length > 0) {
    out.push(`### Recommended for ${mdText(adviceFor(model))}`);
    out.push('');
    out.push(
      'What the advice rules (`prefer-*`) recommend so that the schema runs well there: the script loads without them. A suggestion is applied only by `clustrix-lint fix --suggestions` or `--apply-suggestion <rule>`, never by a plain `fix`: it changes behaviour, review it.',
    );
    out.push('');
    out.push('| rule | recommendations | suggestions | source |');
    out.push('| --- | ---: | ---: | --- |');
    for (const r of model.advice) {
      const suggested = r.groups
        .flatMap((g) => g.occurrences)
        .filter((o) => model.files[o.file]!.advice[o.finding]!.finding.fix?.kind === 'suggestion').length;
      const source =
        r.sourceUrl === null ? '—' : `[vendor](${r.sourceUrl})${r.evidence === null ? '' : `, ${r.evidence}`}`;
      out.push(`| ${code(r.id)} | ${num(r.total)} | ${num(suggested)} | ${source} |`);
    }
    out.push('');
  }
  return out;
}

/** The files, folded, when there are several. */
function fileLines(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.files.length > 1) {
    out.push('<details><summary>Files</summary>');
    out.push('');
    out.push('| file | statements | findings | errors | complexity |');
    out.push('| --- | ---: | ---: | ---: | --- |');
    for (const f of model.files.slice(0, FILE_ROWS)) {
      const errors = f.findings.filter((r) => r.finding.severity === 'error').length;
      out.push(
        `| ${code(f.filePath)} | ${num(f.statementCount)} | ${num(f.findings.length)} | ${num(errors)} | ${f.error === null ? f.complexity.toUpperCase() : 'not read'} |`,
      );
    }
    if (model.files.length > FILE_ROWS) out.push(`| … ${num(model.files.length - FILE_ROWS)} more | | | | |`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  return out;
}

/** `text` (the tables), then the occurrences, rule by rule, while they fit in `budget`; then the rubric. */
function withOccurrences(model: ReportModel, tables: string, budget: number): string {
  let text = tables;
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
