// `clustrix-lint explain <rule>`: print a rule's page.
import { allRules } from '../../rules/index.js';
import { UsageError } from '../node/io.js';
import { ruleDoc, type CommandSpec, type Streams } from './shared.js';

export function runExplain(id: string, io: Streams): number {
  const doc = allRules.some((r) => r.meta.id === id) ? ruleDoc(id) : undefined;
  if (doc === undefined) throw new UsageError(`unknown rule "${id}" (see clustrix-lint rules)`);
  io.stdout.write(doc);
  return 0;
}

export const explainCommand: CommandSpec<{ rule: string }> = {
  command: 'explain <rule>',
  describe: "print a rule's documentation",
  builder: (y) => y.positional('rule', { type: 'string', demandOption: true }),
  run: (args, io) => runExplain(args.rule, io),
};
