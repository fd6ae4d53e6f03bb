// The open documents' checks: a document just opened is checked at once, a change after a quiet
// time (DEBOUNCE_MS), each by the check worker (pool.ts); diagnostics are published only when
// they are still about the document's current version, and cleared when it closes.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CANCELLED, type CheckPool } from './pool.js';
import type { DiagnosticsResult } from './protocol.js';
import type { Workspace } from './workspace.js';

/** Quiet time after the last change before a check starts; a document just opened is checked at once. */
export const DEBOUNCE_MS = 200;

/** The languages (as editors name them) and file names taken as MySQL scripts. */
const LANGUAGES = new Set(['sql', 'mysql', 'mariadb']);

/** True for a document the server checks: a MySQL script by its language or its name. */
export const handles = (doc: TextDocument): boolean => LANGUAGES.has(doc.languageId) || /\.sql$/i.test(doc.uri);

export class DocumentChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents seen since they were opened. */
  private readonly open = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly pool: CheckPool,
    private readonly workspace: Workspace,
  ) {}

  /** Follows the documents: checks on open and change, clears and forgets on close. */
  listen(): void {
    // Fires on open too: a document just opened is checked at once, a change after a quiet time.
    this.documents.onDidChangeContent(({ document }) => {
      if (!handles(document)) return;
      this.pool.cancelStale(document.uri, document.version);
      const opened = !this.open.has(document.uri);
      this.open.add(document.uri);
      this.schedule(document, opened ? 0 : DEBOUNCE_MS);
    });

    this.documents.onDidClose(({ document }) => {
      this.open.delete(document.uri);
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.workspace.forget(document.uri);
      this.pool.cancelStale(document.uri, Infinity);
      void this.pool.run({ type: 'forget', uri: document.uri });
      void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  }

  /** Checks every open script again now (the settings, folders or config files changed). */
  recheckAll(): void {
    for (const d of this.documents.all()) if (handles(d)) this.schedule(d, 0);
  }

  /** Drops the checks still waiting (at shutdown). */
  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => void this.validate(document), delay),
    );
  }

  private async validate(document: TextDocument): Promise<void> {
    this.timers.delete(document.uri);
    const input = await this.workspace.inputFor(document);
    if (input === null) return;
    let result;
    try {
      result = await this.pool.run({ type: 'diagnostics', doc: input });
    } catch (e) {
      this.connection.console.error(`clustrix-lint: checking ${input.uri} failed: ${(e as Error).message}`);
      return;
    }
    if (result === CANCELLED || !this.workspace.current(input)) return;
    const { diagnostics } = result as DiagnosticsResult;
    void this.connection.sendDiagnostics({ uri: input.uri, version: input.version, diagnostics });
  }
}
