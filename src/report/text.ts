// Words and numbers both renderers use, so the HTML page and the markdown say the same thing.
import type { Complexity, Fixability, ReportModel, StatementRecord, StatementStatus } from './model.js';
import type { ReportFinding } from '../format/types.js';
import type { ObjectKind } from '../core/objects.js';

export const STATUS_LABEL: Record<StatementStatus, string> = {
  ok: 'loads as is',
  safe: 'loads after a safe fix',
  lossy: 'loads only after a lossy fix',
  person: 'needs a person',
  incidental: 'incidental',
};

export const STATUS_HINT: Record<StatementStatus, string> = {
  ok: 'no error; warnings, if any, do not stop the load',
  safe: 'clustrix-lint fix rewrites it; it means the same on the target',
  lossy: 'clustrix-lint fix --lossy drops a feature the target lacks',
  person: 'an error clustrix-lint cannot fix: someone must rewrite it',
  incidental: 'fails only because an earlier statement it needs does',
};

export const FIX_LABEL: Record<Fixability, string> = {
  safe: 'fixed safely',
  lossy: 'fixable with --lossy',
  person: 'needs a person',
  review: 'to review',
};

export const FIX_HINT: Record<Fixability, string> = {
  safe: 'clustrix-lint fix applies it; the script means the same on the target',
  lossy: 'clustrix-lint fix --lossy applies it; a feature the target lacks is dropped',
  person: 'an error with no automatic fix',
  review: 'a warning or note with no automatic fix; the statement loads as is',
};

export const COMPLEXITY_RUBRIC: Record<Complexity, string> = {
  high: 'a finding needs a person (an error with no automatic fix), or a file could not be read',
  medium: 'no finding needs a person, but one needs a lossy fix, or an object has a warning without a fix',
  low: 'only safe fixes, or nothing at all',
};

export const KIND_PLURAL: Record<ObjectKind, string> = {
  table: 'tables',
  view: 'views',
  routine: 'routines',
  trigger: 'triggers',
  event: 'events',
};

export const num = (n: number): string => n.toLocaleString('en-US');

/** `n` as a share of `total`: "42%", "<1%" for a small non-zero share, "0%". */
export function share(n: number, total: number): string {
  if (total === 0 || n === 0) return '0%';
  const p = (n / total) * 100;
  if (p < 1) return '<1%';
  if (p > 99 && n < total) return '>99%';
  return `${Math.round(p)}%`;
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${num(n)} ${n === 1 ? word : many}`;

/** Where a statement is, for lists: `file:line`. */
export const at = (filePath: string, line: number, column?: number): string =>
  column === undefined ? `${filePath}:${line}` : `${filePath}:${line}:${column}`;

/** Where a finding is: on its object for a live database (as check names it), else in its file. */
export const findingAt = (filePath: string, f: ReportFinding, column = true): string =>
  f.object === undefined
    ? at(filePath, f.line, column ? f.column : undefined)
    : at(f.object.name, f.object.line, column ? f.object.column : undefined);

/** Bytes as people read them (1,024 based, as information_schema sizes are pages). */
export function bytesText(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0
    ? `${n.toLocaleString('en-US')} bytes`
    : `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ${units[u]}`;
}

/** The live databases of a report, one line each: server, version, databases, tables, rows, size. */
export function liveLines(model: ReportModel): string[] {
  return model.files
    .filter((f) => f.live?.part === 'schema')
    .map((f) => {
      const l = f.live!;
      const sized =
        l.tables === 0
          ? 'no table size reported'
          : `${plural(l.tables, 'table')}, ${l.rows === null ? 'rows unknown' : l.rows === 0 ? 'no rows' : `about ${plural(l.rows, 'row')}`}, ${l.bytes === null ? 'size unknown' : bytesText(l.bytes)}`;
      return `${f.filePath} (server version ${l.version}): ${sized}`;
    });
}

/** Who the advice is for: the target's name, or the family when configs chose several targets. */
export const adviceFor = (model: ReportModel): string => model.target?.name ?? 'ClustrixDB/Xpand';

/** One line on the report's subject: files, statements, target. */
export function subject(model: ReportModel): string {
  const t = model.totals;
  const target = model.target?.name ?? 'the targets set by each file’s configuration';
  const inputs = [
    ...(t.files > 0 || t.databases === 0 ? [plural(t.files, 'file')] : []),
    ...(t.databases > 0 ? [plural(t.databases, 'live database')] : []),
  ];
  return `${inputs.join(', ')}, ${plural(t.statements, 'statement')}, checked for ${target}`;
}

/**
 * What blocks an incidental statement, as words; without its line for a live database, whose
 * script the tool built (the label names the object).
 */
export function blockerText(blocker: StatementRecord | undefined, withLine = true): string {
  if (blocker === undefined) return '';
  return withLine ? `${blocker.label} (line ${blocker.line})` : blocker.label;
}
