// One check of one version of a document, in the worker: its options, its findings as diagnostics,
// or the one diagnostic that says why it could not be checked.
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDirectives, type Directive } from '../core/directives.js';
import { ConfigError, SqlSyntaxError } from '../core/errors.js';
import { checkDetailed } from '../index.js';
import type { Finding } from '../core/rule.js';
import { SqlSource } from '../core/source.js';
import { documentOptions, type DocumentOptions } from './config.js';
import { documentDiagnostic, syntaxErrorDiagnostic, toDiagnostic } from './diagnostics.js';
import type { DiagnosticsResult, DocumentInput } from './protocol.js';

export class Analysis {
  /** The findings, sorted by position; `diagnostics[i]` is `findings[i]`'s (plus, at the end, a failure's). */
  readonly findings: readonly Finding[];
  readonly diagnostics: Diagnostic[];
  /** null when the configuration could not be read. */
  readonly options: DocumentOptions | null;
  /** True when the check ran to the end (not ignored, no syntax, configuration or internal error). */
  readonly checked: boolean;
  /** Problems for the server log, drained by the worker as it replies. */
  readonly log: string[] = [];
  private sourceCache: SqlSource | undefined;
  private directivesCache: Directive[] | undefined;

  constructor(
    readonly input: DocumentInput,
    readonly doc: TextDocument = TextDocument.create(input.uri, 'sql', input.version, input.text),
  ) {
    let options: DocumentOptions | null = null;
    let findings: Finding[] = [];
    const diagnostics: Diagnostic[] = [];
    let checked = false;
    try {
      options = documentOptions(input.path, input.root, input.settings);
      if (!options.ignored) {
        findings = checkDetailed(input.text, {
          target: options.target,
          rules: options.rules,
          filename: options.filename,
        }).findings as Finding[];
        diagnostics.push(...findings.map((f) => toDiagnostic(f, doc)));
        checked = true;
      }
    } catch (e) {
      if (e instanceof SqlSyntaxError) {
        diagnostics.push(syntaxErrorDiagnostic(e, doc, input.text.length));
      } else if (e instanceof ConfigError) {
        diagnostics.push(documentDiagnostic(`clustrix-lint cannot check this file: ${e.message}`));
        this.log.push(`clustrix-lint: ${input.uri}: ${e.message}`);
      } else {
        const why = e instanceof Error ? e.message : String(e);
        diagnostics.push(documentDiagnostic(`clustrix-lint internal error: ${why}`));
        this.log.push(
          `clustrix-lint: internal error on ${input.uri}: ${e instanceof Error && e.stack ? e.stack : why}`,
        );
      }
    }
    this.options = options;
    this.findings = findings;
    this.diagnostics = diagnostics;
    this.checked = checked;
  }

  get text(): string {
    return this.input.text;
  }

  /** The tokens and statements of the text, made on first use (for placing disable comments). */
  get source(): SqlSource {
    return (this.sourceCache ??= new SqlSource(this.input.text));
  }

  get directives(): readonly Directive[] {
    return (this.directivesCache ??= parseDirectives(this.source));
  }

  result(): DiagnosticsResult {
    return { diagnostics: this.diagnostics, ignored: this.options?.ignored === true };
  }
}
