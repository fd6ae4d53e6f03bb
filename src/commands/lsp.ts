// `clustrix-lint lsp --stdio`: a Language Server for editors (diagnostics as you type, quick fixes,
// fix-all, disable comments). The server and vscode-languageserver load only when this runs.
import { UsageError } from '../node/io.js';
import type { CommandSpec } from './options.js';

export interface LspArgs {
  stdio: boolean;
  clientProcessId?: number;
}

export const lspCommand: CommandSpec<LspArgs> = {
  command: 'lsp',
  describe: 'run the Language Server for editors (on standard input and output: --stdio)',
  options: {
    stdio: {
      describe: 'talk LSP over standard input and output (the only transport)',
      type: 'boolean',
      default: false,
    },
    // vscode-languageclient adds this for servers it starts; vscode-languageserver reads it
    // from the command line and exits when that process is gone.
    clientProcessId: { type: 'number', hidden: true },
  },
  run: async (args) => {
    if (!args.stdio) throw new UsageError('lsp: give --stdio (the server talks LSP over standard input and output)');
    const { startServer } = await import('../lsp/server.js');
    startServer();
    // The server ends the process itself when the client sends exit (or closes the stream).
    return new Promise<number>(() => {});
  },
};
