// Findings as LSP diagnostics, and the diagnostics for what stops a check (a script that does not
// tokenize, a bad configuration, an internal error).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DiagnosticSeverity, Position, Range } from 'vscode-languageserver';
import type { SqlSyntaxError } from '../core/errors.js';
import { rules } from '../index.js';
import type { Finding, Severity } from '../core/rule.js';

export const SOURCE = 'clustrix-lint';

/** The numbers of LSP's DiagnosticSeverity (Error 1, Warning 2, Information 3, Hint 4). */
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** What turns an offset into an LSP position: a TextDocument of the text that was checked. */
export interface Positions {
  positionAt(offset: number): Position;
  readonly lineCount: number;
}

/**
 * The page of each rule: the rules/<id>.md shipped in the package, as a file:// URI. It is the
 * documentation of exactly the version that reported the finding, and it opens offline; there is
 * no published site whose address would stay right across versions.
 */
const RULE_PAGES: ReadonlyMap<string, string> = (() => {
  // dist/src/lsp/ when built, src/lsp/ when the tests run the sources.
  const dirs = ['../../../rules/', '../../rules/'].map((d) => new URL(d, import.meta.url));
  const dir = dirs.find((d) => existsSync(fileURLToPath(new URL(`${rules[0]!.meta.id}.md`, d)))) ?? dirs[0]!;
  const pages = new Map<string, string>();
  for (const r of rules) {
    const page = new URL(`${r.meta.id}.md`, dir);
    if (existsSync(fileURLToPath(page))) pages.set(r.meta.id, page.href);
  }
  return pages;
})();

/** The file:// URI of a rule's page, or undefined (no such rule, or its page is not shipped). */
export function rulePage(ruleId: string): string | undefined {
  return RULE_PAGES.get(ruleId);
}

/**
 * The range of [start, end) in the checked text. From the offsets, not from the finding's line and
 * column: both are UTF-16 code units, but LSP also breaks lines at a lone CR and counts a BOM the
 * client kept as a character, and only the client's own line maths (TextDocument's) agrees with
 * the client on those.
 */
export function rangeOf(doc: Positions, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toDiagnostic(f: Finding, doc: Positions): Diagnostic {
  const href = rulePage(f.ruleId);
  return {
    range: rangeOf(doc, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(href === undefined ? {} : { codeDescription: { href } }),
    source: SOURCE,
    message: f.message,
  };
}

/** A script that does not tokenize: one error at the position the tokenizer names (e.g. the opening quote). */
export function syntaxErrorDiagnostic(e: SqlSyntaxError, doc: Positions, textLength: number): Diagnostic {
  const start = Math.min(Math.max(e.offset, 0), textLength);
  const reason = e.reason.charAt(0).toUpperCase() + e.reason.slice(1);
  return {
    range: rangeOf(doc, start, Math.min(start + 1, textLength)),
    severity: 1,
    source: SOURCE,
    message: `${reason}: clustrix-lint checks nothing else in this document until this is fixed.`,
  };
}

/** A failure that concerns the whole document (bad configuration, internal error), at its top. */
export function documentDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    source: SOURCE,
    message,
  };
}
