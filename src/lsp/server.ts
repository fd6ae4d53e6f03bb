// `clustrix-lint lsp --stdio`: the language server's main thread. It keeps the open documents,
// asks the client for settings, debounces changes and hands checks, code actions and fix-all to
// the check worker (pool.ts), publishing only what is still about the document's current version.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  CodeActionKind,
  ErrorCodes,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type CodeAction,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CANCELLED, CheckPool } from './pool.js';
import {
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  FIX_ALL_LOSSY_KIND,
  type ClientAbilities,
  type DiagnosticsResult,
  type DocumentInput,
  type FixAllData,
  type WorkerRequest,
} from './protocol.js';

/** Quiet time after the last change before a check starts; a document just opened is checked at once. */
export const DEBOUNCE_MS = 200;

/** The languages (as editors name them) and file names taken as MySQL scripts. */
const LANGUAGES = new Set(['sql', 'mysql', 'mariadb']);
const handles = (doc: TextDocument) => LANGUAGES.has(doc.languageId) || /\.sql$/i.test(doc.uri);

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The `clustrixLint` settings given at start-up: `initializationOptions.clustrixLint`, or the options themselves. */
function initialSettings(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const o = options as Record<string, unknown>;
  if ('clustrixLint' in o) return o.clustrixLint;
  return ['target', 'rules', 'lossy'].some((k) => k in o) ? o : undefined;
}

/** Starts the server on standard input and output; the process ends when the client says exit. */
export function startServer(): void {
  // Standard output carries the protocol: anything a library logs goes to standard error instead.
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[name] = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  }

  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const logged = new Set<string>();
  /** Each problem once: a bad config file would otherwise be logged on every keystroke. */
  const logOnce = (line: string) => {
    if (logged.has(line)) return;
    logged.add(line);
    connection.console.error(line);
  };
  const pool = new CheckPool(new URL('./worker.js', import.meta.url), logOnce);

  let abilities: ClientAbilities = { documentChanges: false, resolveEdits: false };
  let pullSettings = false;
  let startSettings: unknown;
  let pushedSettings: unknown;
  let folders: string[] = [];
  let watchesFiles = false;
  let registersConfiguration = false;
  let supportsFolders = false;
  /** Bumped when a config or ignore file changes. */
  let epoch = 0;
  const settingsCache = new Map<string, Promise<unknown>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents seen since they were opened. */
  const open = new Set<string>();

  const toFolders = (list: readonly WorkspaceFolder[] | null | undefined) =>
    (list ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));

  /** The innermost workspace folder holding `path`. */
  const rootOf = (path: string | null): string | null => {
    if (path === null) return folders[0] ?? null;
    let best: string | null = null;
    for (const f of folders) {
      const rel = relative(f, path);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && (best === null || f.length > best.length))
        best = f;
    }
    return best;
  };

  const settingsFor = (uri: string): Promise<unknown> => {
    const fallback = () => pushedSettings ?? startSettings;
    if (!pullSettings) return Promise.resolve(fallback());
    let p = settingsCache.get(uri);
    if (p === undefined) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'clustrixLint' }).then(
        (v: unknown) => v ?? fallback(),
        () => fallback(),
      );
      settingsCache.set(uri, p);
    }
    return p;
  };

  /** The document as the worker needs it, or null when it changed while the settings were fetched. */
  const inputFor = async (document: TextDocument): Promise<DocumentInput | null> => {
    const version = document.version;
    const settings = await settingsFor(document.uri);
    if (documents.get(document.uri) !== document || document.version !== version) return null;
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : null;
    return {
      uri: document.uri,
      version,
      text: document.getText(),
      path,
      root: rootOf(path),
      settings,
      epoch,
    };
  };

  const current = (input: DocumentInput) => {
    const d = documents.get(input.uri);
    return d !== undefined && d.version === input.version;
  };

  const validate = async (document: TextDocument) => {
    timers.delete(document.uri);
    const input = await inputFor(document);
    if (input === null) return;
    let result;
    try {
      result = await pool.run({ type: 'diagnostics', doc: input });
    } catch (e) {
      connection.console.error(`clustrix-lint: checking ${input.uri} failed: ${(e as Error).message}`);
      return;
    }
    if (result === CANCELLED || !current(input)) return;
    const { diagnostics } = result as DiagnosticsResult;
    void connection.sendDiagnostics({ uri: input.uri, version: input.version, diagnostics });
  };

  const schedule = (document: TextDocument, delay: number) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => void validate(document), delay),
    );
  };

  const recheckAll = () => {
    for (const d of documents.all()) if (handles(d)) schedule(d, 0);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    abilities = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    };
    pullSettings = caps.workspace?.configuration === true;
    registersConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchesFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    supportsFolders = caps.workspace?.workspaceFolders === true;
    startSettings = initialSettings(params.initializationOptions);
    folders = toFolders(params.workspaceFolders);
    if (folders.length === 0 && params.rootUri?.startsWith('file:')) folders = [fileURLToPath(params.rootUri)];
    else if (folders.length === 0 && typeof params.rootPath === 'string') folders = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FIX_ALL_LOSSY_KIND],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'clustrix-lint', version: PACKAGE_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (watchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.clustrix-lint.json' },
          { globPattern: '**/package.json' },
          { globPattern: '**/.clustrix-lintignore' },
        ],
      });
    }
    if (supportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(toFolders(e.removed));
        folders = [...folders.filter((f) => !removed.has(f)), ...toFolders(e.added)];
        recheckAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const s = change.settings as Record<string, unknown> | null | undefined;
    if (s !== null && typeof s === 'object' && 'clustrixLint' in s) pushedSettings = s.clustrixLint;
    settingsCache.clear();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    epoch++;
    recheckAll();
  });

  // Fires on open too: a document just opened is checked at once, a change after a quiet time.
  documents.onDidChangeContent(({ document }) => {
    if (!handles(document)) return;
    pool.cancelStale(document.uri, document.version);
    const opened = !open.has(document.uri);
    open.add(document.uri);
    schedule(document, opened ? 0 : DEBOUNCE_MS);
  });

  documents.onDidClose(({ document }) => {
    open.delete(document.uri);
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    settingsCache.delete(document.uri);
    pool.cancelStale(document.uri, Infinity);
    void pool.run({ type: 'forget', uri: document.uri });
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const contentModified = () => new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined || !handles(document)) return [];
    const input = await inputFor(document);
    if (input === null) throw contentModified();
    if (token.isCancellationRequested) return [];
    const request: WorkerRequest = {
      type: 'codeActions',
      doc: input,
      range: params.range,
      only: params.context.only ?? null,
      abilities,
    };
    const cancel = token.onCancellationRequested(() => pool.cancel((r) => r === request));
    try {
      const result = await pool.run(request);
      if (result === CANCELLED) {
        if (token.isCancellationRequested) return [];
        throw contentModified();
      }
      if (!current(input)) throw contentModified();
      return result as CodeAction[];
    } finally {
      cancel.dispose();
    }
  });

  /** The fix-all edit of the version `data` names; ContentModified if the document moved on. */
  const fixAllEdit = async (data: FixAllData, token: CancellationToken): Promise<WorkspaceEdit | null> => {
    const document = documents.get(data.uri);
    if (document === undefined || document.version !== data.version) throw contentModified();
    const input = await inputFor(document);
    if (input === null) throw contentModified();
    const request: WorkerRequest = { type: 'fixAll', doc: input, lossy: data.lossy, abilities };
    const cancel = token.onCancellationRequested(() => pool.cancel((r) => r === request));
    try {
      let edit;
      try {
        edit = await pool.run(request);
      } catch (e) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, `clustrix-lint: ${(e as Error).message}`);
      }
      if (edit === CANCELLED || !current(input)) throw contentModified();
      return edit as WorkspaceEdit | null;
    } finally {
      cancel.dispose();
    }
  };

  connection.onCodeActionResolve(async (action, token) => {
    const data = action.data as FixAllData | undefined;
    if (data?.clustrixLint !== 'fixAll') return action;
    const edit = await fixAllEdit(data, token);
    return edit === null ? action : { ...action, edit };
  });

  connection.onExecuteCommand(async (params, token) => {
    const data = params.arguments?.[0] as FixAllData | undefined;
    if (params.command !== FIX_ALL_COMMAND || data?.clustrixLint !== 'fixAll') {
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
    }
    const edit = await fixAllEdit(data, token);
    if (edit !== null) await connection.workspace.applyEdit({ label: 'clustrix-lint: fix all', edit });
    return null;
  });

  connection.onShutdown(async () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    await pool.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
