// What the language server knows of the client and its workspace: what the client can do (from
// `initialize`), its `clustrixLint` settings (pulled per document when it can, else pushed or given
// at start-up), the workspace folders, and an epoch bumped when a config or ignore file changes.
// From these and an open document it makes the DocumentInput the check worker needs.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientAbilities, DocumentInput } from './protocol.js';

/** The `clustrixLint` settings given at start-up: `initializationOptions.clustrixLint`, or the options themselves. */
function initialSettings(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const o = options as Record<string, unknown>;
  if ('clustrixLint' in o) return o.clustrixLint;
  return ['target', 'rules', 'lossy'].some((k) => k in o) ? o : undefined;
}

/** The local paths of the `file:` folders among `list`. */
export const toFolders = (list: readonly WorkspaceFolder[] | null | undefined): string[] =>
  (list ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));

export class Workspace {
  abilities: ClientAbilities = { documentChanges: false, resolveEdits: false };
  /** The client registers file watchers and configuration changes dynamically, and has workspace folders. */
  watchesFiles = false;
  registersConfiguration = false;
  supportsFolders = false;
  folders: string[] = [];
  /** Bumped when a config or ignore file changes. */
  epoch = 0;
  private pullSettings = false;
  private startSettings: unknown;
  private pushedSettings: unknown;
  private readonly settingsCache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Takes the client's capabilities, start-up settings and folders from `initialize`. */
  initialize(params: InitializeParams): void {
    const caps = params.capabilities;
    this.abilities = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    };
    this.pullSettings = caps.workspace?.configuration === true;
    this.registersConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.watchesFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.supportsFolders = caps.workspace?.workspaceFolders === true;
    this.startSettings = initialSettings(params.initializationOptions);
    // Clients older than workspace folders name one root: a URI, or before that a path.
    const folders = toFolders(params.workspaceFolders);
    if (folders.length === 0 && params.rootUri?.startsWith('file:')) folders.push(fileURLToPath(params.rootUri));
    else if (folders.length === 0 && typeof params.rootPath === 'string') folders.push(params.rootPath);
    this.folders = folders;
  }

  /** Settings changed: the ones the client pushed (if it did), and every pulled one is asked for again. */
  settingsChanged(settings: unknown): void {
    const s = settings as Record<string, unknown> | null | undefined;
    if (s !== null && typeof s === 'object' && 'clustrixLint' in s) this.pushedSettings = s.clustrixLint;
    this.settingsCache.clear();
  }

  /** A document closed: its settings are asked for again if it opens again. */
  forget(uri: string): void {
    this.settingsCache.delete(uri);
  }

  /** The innermost workspace folder holding `path`. */
  rootOf(path: string | null): string | null {
    if (path === null) return this.folders[0] ?? null;
    let best: string | null = null;
    for (const f of this.folders) {
      const rel = relative(f, path);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && (best === null || f.length > best.length))
        best = f;
    }
    return best;
  }

  /** The document's `clustrixLint` settings (asked of the client once per document while they hold). */
  settingsFor(uri: string): Promise<unknown> {
    const fallback = () => this.pushedSettings ?? this.startSettings;
    if (!this.pullSettings) return Promise.resolve(fallback());
    let p = this.settingsCache.get(uri);
    if (p === undefined) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'clustrixLint' }).then(
        (v: unknown) => v ?? fallback(),
        () => fallback(),
      );
      this.settingsCache.set(uri, p);
    }
    return p;
  }

  /** The document as the worker needs it, or null when it changed while the settings were fetched. */
  async inputFor(document: TextDocument): Promise<DocumentInput | null> {
    const version = document.version;
    const settings = await this.settingsFor(document.uri);
    if (this.documents.get(document.uri) !== document || document.version !== version) return null;
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : null;
    return {
      uri: document.uri,
      version,
      text: document.getText(),
      path,
      root: this.rootOf(path),
      settings,
      epoch: this.epoch,
    };
  }

  /** True when `input` is still the document's current version. */
  current(input: DocumentInput): boolean {
    const d = this.documents.get(input.uri);
    return d !== undefined && d.version === input.version;
  }
}
