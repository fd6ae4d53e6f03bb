// `clustrix-lint lsp --stdio`: the language server's main thread. It keeps the open documents,
// asks the client for settings, debounces changes and hands checks, code actions and fix-all to
// the check worker (pool.ts), publishing only what is still about the document's current version.
// The parts: workspace.ts (the client's abilities, settings and folders), checks.ts (the open
// documents' checks), requests.ts (code actions and fix-all); this module starts them and answers
// the protocol's life cycle (initialize, registrations, configuration and file changes, shutdown).
import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentChecks } from './checks.js';
import { CheckPool } from './pool.js';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, FIX_ALL_LOSSY_KIND } from './protocol.js';
import { registerCodeActions } from './requests.js';
import { toFolders, Workspace } from './workspace.js';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

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
  const workspace = new Workspace(connection, documents);
  const checks = new DocumentChecks(connection, documents, pool, workspace);

  registerLifecycle(connection, workspace, checks);
  checks.listen();
  registerCodeActions(connection, documents, pool, workspace);
  connection.onShutdown(async () => {
    checks.stop();
    await pool.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** What the server offers in its answer to `initialize`. */
function serverCapabilities(): InitializeResult {
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
}

/**
 * `initialize` and `initialized` (the registrations the client allows), and what rechecks every
 * open script: changed settings, config or ignore files (which bump the epoch), workspace folders.
 */
function registerLifecycle(connection: Connection, workspace: Workspace, checks: DocumentChecks): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspace.initialize(params);
    return serverCapabilities();
  });

  connection.onInitialized(() => {
    if (workspace.registersConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    }
    if (workspace.watchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.clustrix-lint.json' },
          { globPattern: '**/package.json' },
          { globPattern: '**/.clustrix-lintignore' },
        ],
      });
    }
    if (workspace.supportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(toFolders(e.removed));
        workspace.folders = [...workspace.folders.filter((f) => !removed.has(f)), ...toFolders(e.added)];
        checks.recheckAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    workspace.settingsChanged(change.settings);
    checks.recheckAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    workspace.epoch++;
    checks.recheckAll();
  });
}
