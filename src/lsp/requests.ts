// The language server's requests about a document's code: code actions (quick fixes, disable
// comments, fix-all), resolving a fix-all's edit, and the fix-all command for clients without
// resolve. The check worker (pool.ts) computes them; an answer about a version the document has
// left is a ContentModified error, as LSP asks.
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { handles } from './checks.js';
import { CANCELLED, type CheckPool } from './pool.js';
import { FIX_ALL_COMMAND, type FixAllData, type WorkerRequest } from './protocol.js';
import type { Workspace } from './workspace.js';

const contentModified = () => new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');

/** Answers codeAction, codeAction/resolve and workspace/executeCommand (fix-all). */
export function registerCodeActions(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  pool: CheckPool,
  workspace: Workspace,
): void {
  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined || !handles(document)) return [];
    const input = await workspace.inputFor(document);
    if (input === null) throw contentModified();
    if (token.isCancellationRequested) return [];
    const request: WorkerRequest = {
      type: 'codeActions',
      doc: input,
      range: params.range,
      only: params.context.only ?? null,
      abilities: workspace.abilities,
    };
    const cancel = token.onCancellationRequested(() => pool.cancel((r) => r === request));
    try {
      const result = await pool.run(request);
      if (result === CANCELLED) {
        if (token.isCancellationRequested) return [];
        throw contentModified();
      }
      if (!workspace.current(input)) throw contentModified();
      return result as CodeAction[];
    } finally {
      cancel.dispose();
    }
  });

  /** The fix-all edit of the version `data` names; ContentModified if the document moved on. */
  const fixAllEdit = async (data: FixAllData, token: CancellationToken): Promise<WorkspaceEdit | null> => {
    const document = documents.get(data.uri);
    if (document === undefined || document.version !== data.version) throw contentModified();
    const input = await workspace.inputFor(document);
    if (input === null) throw contentModified();
    const request: WorkerRequest = { type: 'fixAll', doc: input, lossy: data.lossy, abilities: workspace.abilities };
    const cancel = token.onCancellationRequested(() => pool.cancel((r) => r === request));
    try {
      let edit;
      try {
        edit = await pool.run(request);
      } catch (e) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, `clustrix-lint: ${(e as Error).message}`);
      }
      if (edit === CANCELLED || !workspace.current(input)) throw contentModified();
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
}
