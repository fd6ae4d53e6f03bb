// `clustrix-lint targets`: the ClustrixDB/Xpand versions the catalog knows.
import { DEFAULT_TARGET_ID, TARGETS } from '../core/catalog/index.js';
import type { Streams } from '../node/streams.js';
import type { CommandSpec } from './options.js';

export function runTargets(io: Streams): number {
  for (const t of TARGETS) {
    io.stdout.write(`${t.id.padEnd(16)}${t.name}${t.id === DEFAULT_TARGET_ID ? '  (default)' : ''}\n`);
  }
  return 0;
}

export const targetsCommand: CommandSpec<Record<string, never>> = {
  command: 'targets',
  describe: 'list the ClustrixDB/Xpand versions known to the catalog',
  options: {},
  run: (_args, io) => runTargets(io),
};
