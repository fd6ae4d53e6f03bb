// Inline suppressions, read from comment tokens only:
//   -- clustrix-lint-disable-next-line rule-a, rule-b -- reason
//   … -- clustrix-lint-disable-line rule-a
//   /* clustrix-lint-disable rule-a */ … /* clustrix-lint-enable rule-a */
//   -- clustrix-lint-disable-file rule-a
// With no rule ids a directive applies to every rule.
import type { Finding } from './rule.js';
import type { SqlSource } from './source.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids, or null for all rules. */
  readonly ruleIds: readonly string[] | null;
  readonly reason: string | null;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly endLine: number;
}

export interface Suppressed {
  readonly finding: Finding;
  readonly directive: Directive;
}

const DIRECTIVE = /^clustrix-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/s;

/** The directives written in the comments of `source`. */
export function parseDirectives(source: SqlSource): Directive[] {
  const out: Directive[] = [];
  for (const t of source.tokens) {
    if (t.kind !== 'comment') continue;
    let body: string;
    if (t.text.startsWith('/*')) body = t.text.slice(2, -2);
    else if (t.text.startsWith('#')) body = t.text.slice(1);
    else body = t.text.slice(2);
    const m = DIRECTIVE.exec(body.trim());
    if (m === null) continue;
    const rest = m[2]!;
    const sep = rest.indexOf(' -- ');
    const idsText = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    const reason = sep >= 0 ? rest.slice(sep + 4).trim() || null : null;
    const ids = idsText.split(/[\s,]+/).filter((s) => s !== '');
    out.push({
      kind: m[1] as DirectiveKind,
      ruleIds: ids.length > 0 ? ids : null,
      reason,
      start: t.start,
      end: t.end,
      line: source.locOf(t.start).line,
      endLine: source.locOf(t.end).line,
    });
  }
  return out;
}

const covers = (d: Directive, ruleId: string) => d.ruleIds === null || d.ruleIds.includes(ruleId);

/** The directive that suppresses `f`, if any (directives in source order). */
function suppressorOf(f: Finding, directives: readonly Directive[]): Directive | null {
  for (const d of directives) {
    if (!covers(d, f.ruleId)) continue;
    if (d.kind === 'disable-file') return d;
    if (d.kind === 'disable-line' && f.line === d.line) return d;
    if (d.kind === 'disable-next-line' && f.line === d.endLine + 1) return d;
  }
  // Block form: the last disable before the finding that no later enable (before it) closed.
  let open: Directive | null = null;
  for (const d of directives) {
    if (d.start >= f.start) break;
    if (d.kind === 'disable' && covers(d, f.ruleId)) open = d;
    else if (d.kind === 'enable' && open !== null && (d.ruleIds === null || d.ruleIds.includes(f.ruleId))) open = null;
  }
  return open;
}

/** Splits findings into kept and suppressed, and lists directives that suppressed nothing. */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
): { kept: Finding[]; suppressed: Suppressed[]; unused: Directive[] } {
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<Directive>();
  for (const f of findings) {
    const d = suppressorOf(f, directives);
    if (d === null) kept.push(f);
    else {
      suppressed.push({ finding: f, directive: d });
      used.add(d);
    }
  }
  const unused = directives.filter((d) => d.kind !== 'enable' && !used.has(d));
  return { kept, suppressed, unused };
}
