// `clustrix-lint rules`: the rule table, or JSON for tools.
import { rules } from '../index.js';
import type { CommandSpec, Streams } from './shared.js';

export function runRules(format: 'table' | 'json', io: Streams): number {
  if (format === 'json') {
    const out = rules.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      category: r.meta.category ?? 'compatibility',
      fixable: r.meta.fixable,
      source: r.meta.source,
      docs: `rules/${r.meta.id}.md`,
    }));
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout.write(`${'rule'.padEnd(width)}  severity  fix          description\n`);
  for (const r of rules) {
    const fixKinds = r.meta.fixable.length === 0 ? '-' : r.meta.fixable.join('/');
    io.stdout.write(
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${fixKinds.padEnd(11)}  ${r.meta.description}\n`,
    );
  }
  return 0;
}

export const rulesCommand: CommandSpec<{ format: 'table' | 'json' }> = {
  command: 'rules',
  describe: 'list the rules',
  builder: (y) => y.option('format', { alias: 'f', choices: ['table', 'json'] as const, default: 'table' as const }),
  run: (args, io) => runRules(args.format, io),
};
