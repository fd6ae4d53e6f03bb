// What the language server's main thread and its check worker say to each other, and the code
// action kinds both sides use. Types only, apart from the constants.
import type { CodeAction, Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver';

/** ESLint's convention: `source.fixAll.<tool>`, so `editor.codeActionsOnSave: { "source.fixAll": … }` runs it. */
export const FIX_ALL_KIND = 'source.fixAll.clustrix-lint';
/**
 * The lossy variant of fix-all (like `fix --lossy`), offered only with `clustrixLint.lossy`. Deliberately
 * not under `source.fixAll`: a fix-all on save must never drop a feature.
 */
export const FIX_ALL_LOSSY_KIND = 'source.clustrix-lint.fixAllLossy';
export const QUICK_FIX_KIND = 'quickfix';
/**
 * For clients without codeAction/resolve: the fix-all action runs this command, and the server
 * sends the edit with workspace/applyEdit. Its argument is a FixAllData.
 */
export const FIX_ALL_COMMAND = 'clustrix-lint.fixAll';

/** One open document as the worker needs it. */
export interface DocumentInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** The file on disk (for the config lookup and ignore files), or null (an untitled buffer). */
  readonly path: string | null;
  /** The workspace folder the document belongs to (where `.clustrix-lintignore` is read), or null. */
  readonly root: string | null;
  /** The client's `clustrixLint` settings for this document, unvalidated. */
  readonly settings: unknown;
  /** Bumped when a config or ignore file changes on disk, so the worker does not reuse an older analysis. */
  readonly epoch: number;
}

/** What the client can take, for the shape of the edits. */
export interface ClientAbilities {
  /** `workspace.workspaceEdit.documentChanges`: versioned edits, which a client refuses on a changed document. */
  readonly documentChanges: boolean;
  /** `codeAction/resolve` for `edit`: the fix-all edit is computed only when chosen. */
  readonly resolveEdits: boolean;
}

export type WorkerRequest =
  | { readonly type: 'diagnostics'; readonly doc: DocumentInput }
  | {
      readonly type: 'codeActions';
      readonly doc: DocumentInput;
      readonly range: Range;
      readonly only: readonly string[] | null;
      readonly abilities: ClientAbilities;
    }
  | {
      readonly type: 'fixAll';
      readonly doc: DocumentInput;
      readonly lossy: boolean;
      readonly abilities: ClientAbilities;
    }
  | { readonly type: 'forget'; readonly uri: string };

export interface DiagnosticsResult {
  readonly diagnostics: Diagnostic[];
  /** Matched by `.clustrix-lintignore` or the config's `ignore`: nothing is reported. */
  readonly ignored: boolean;
}

/** `data` of a fix-all action sent without its edit (for codeAction/resolve), and the argument of FIX_ALL_COMMAND. */
export interface FixAllData {
  readonly clustrixLint: 'fixAll';
  readonly uri: string;
  readonly version: number;
  readonly lossy: boolean;
}

export type WorkerResult = DiagnosticsResult | CodeAction[] | WorkspaceEdit | null;

/** A reply; `log` holds problems for the server log (a configuration error, an internal error, a refused fix-all). */
export type WorkerMessage =
  | { readonly id: number; readonly ok: true; readonly result: WorkerResult; readonly log: readonly string[] }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly log: readonly string[] };
