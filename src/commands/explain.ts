// `clustrix-lint explain <rule>`: print a rule's page.
import { allRules } from '../../rules/index.js';
import { UsageError } from '../node/io.js';
import { ruleDoc } from '../node/package.js';
import type { Streams } from '../node/streams.js';
import type { CommandSpec } from './options.js';

export function runExplain(id: string, io: Streams): number {
  const doc = allRules.some((r) => r.meta.id === id) ? ruleDoc(id) : undefined;
  if (doc === undefined) throw new UsageError(`unknown rule "${id}" (see clustrix-lint rules)`);
  io.stdout.write(doc);
  return 0;
}

export const explainCommand: CommandSpec<{ rule: string }> = {
  command: 'explain <rule>',
  describe: "print a rule's documentation",
  positionals: { rule: { type: 'string', demandOption: true } },
  options: {},
  run: (args, io) => runExplain(args.rule, io),
};
