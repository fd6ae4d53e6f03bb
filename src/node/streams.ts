// The standard streams a CLI run works against (the real ones, or a test's), and how text goes to
// them: waiting for a slow reader, colour only on a terminal that wants it.

export interface Streams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Reads all of standard input. */
  readonly readStdin: () => Buffer;
  /** Standard input as a stream of chunks. */
  readonly stdinStream: () => AsyncIterable<Uint8Array>;
  readonly cwd: string;
}

/** Whether to colour what goes to `stream`: NO_COLOR and FORCE_COLOR first, else on a terminal. */
export function useColor(stream: Streams['stdout'], env: NodeJS.ProcessEnv): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Writes to a stream, waiting when it asks us to (so a slow reader does not fill memory). */
export function writeToStream(stream: Streams['stdout'], text: string | Uint8Array): void | Promise<void> {
  if (stream.write(text)) return;
  return new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
}
