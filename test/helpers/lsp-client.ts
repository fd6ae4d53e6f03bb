// A real LSP client for the tests: vscode-languageserver-protocol's node connection over the
// standard input and output of `node bin/clustrix-lint.js lsp --stdio` (the built CLI).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  StreamMessageReader,
  type ApplyWorkspaceEditParams,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, ROOT } from './paths.js';

/** Only a guard against a hung server: tests wait for notifications, never for a time. */
export const HANG_GUARD_MS = 120_000;

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] },
      },
      isPreferredSupport: true,
      resolveSupport: { properties: ['edit'] },
      dataSupport: true,
    },
  },
};

interface Waiter {
  readonly uri: string;
  readonly test: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics, per document, in order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** Answers workspace/configuration for a document (null: nothing set). */
  settings: (scopeUri: string | undefined) => unknown = () => null;
  /** Requests the server sent us, by method. */
  readonly requests: Array<{ method: string; params: unknown }> = [];
  stderr = '';
  private readonly waiters: Waiter[] = [];
  private readonly requestWaiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  /** Starts `node bin/clustrix-lint.js lsp --stdio`, or `command` (an installed bin) with `args`. */
  constructor(options: { command?: string; args?: readonly string[]; cwd?: string } = {}) {
    const args = options.args ?? ['lsp', '--stdio'];
    this.child =
      options.command === undefined
        ? spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn(options.command, args, { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (let k = this.waiters.length - 1; k >= 0; k--) {
        const w = this.waiters[k]!;
        if (w.uri === p.uri && w.test(p)) {
          this.waiters.splice(k, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.received('workspace/configuration', params);
      return params.items.map((item) => (item.section === 'clustrixLint' ? this.settings(item.scopeUri) : null));
    });
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.received('client/registerCapability', params);
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.received('workspace/applyEdit', params);
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.listen();
  }

  private received(method: string, params: unknown): void {
    this.requests.push({ method, params });
    for (const w of this.requestWaiters.splice(0)) w();
  }

  /** Resolves once the server has sent `count` requests of `method`. */
  request(method: string, count = 1): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} request from the server`)), HANG_GUARD_MS);
      const test = () => {
        if (this.requests.filter((q) => q.method === method).length >= count) {
          clearTimeout(timer);
          resolve();
        } else this.requestWaiters.push(test);
      };
      test();
    });
  }

  initialize(
    folders: readonly WorkspaceFolder[],
    capabilities = CAPABILITIES,
    initializationOptions?: unknown,
  ): Promise<InitializeResult> {
    return this.connection
      .sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders,
        capabilities,
        ...(initializationOptions === undefined ? {} : { initializationOptions }),
      })
      .then(async (r) => {
        await this.connection.sendNotification('initialized', {});
        return r;
      });
  }

  /**
   * The next diagnostics for `uri` that pass `test`, or the latest already received if it passes
   * (only the latest: an older publish is history).
   */
  diagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
    what = 'diagnostics',
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.published.get(uri)?.at(-1);
    if (latest !== undefined && test(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no ${what} for ${uri} (server stderr: ${this.stderr.slice(-2000)})`));
      }, HANG_GUARD_MS);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ uri, test, resolve: done });
    });
  }

  /** The diagnostics of `version`. */
  diagnosticsOf(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, `diagnostics of version ${version}`);
  }

  open(uri: string, text: string, version = 1, languageId = 'sql'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only === undefined ? {} : { only }) },
    });
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest<CodeAction>('codeAction/resolve', action);
  }

  /** shutdown, exit, and the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

/** The edits a WorkspaceEdit makes to `uri` (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit === undefined) throw new Error('the action has no edit');
  if (edit.documentChanges !== undefined) {
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? c.edits : [],
    ) as TextEdit[];
  }
  return edit.changes?.[uri] ?? [];
}

/** `text` with an action's edit applied, as an editor would. */
export function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'sql', 0, text), editsFor(edit, uri));
}
