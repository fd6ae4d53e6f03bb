// `clustrix-lint rules`: the rule table, or JSON for tools. The server rules (they check what a
// live database reports about itself, never a script) are listed after the script rules.
import { rules, serverRules } from '../../rules/index.js';
import type { Streams } from '../node/streams.js';
import type { CommandSpec } from './options.js';

export function runRules(format: 'table' | 'json', io: Streams): number {
  if (format === 'json') {
    const out = [...rules, ...serverRules].map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      category: r.meta.category ?? 'compatibility',
      fixable: r.meta.fixable,
      source: r.meta.source,
      docs: `rules/${r.meta.id}.md`,
      checks: serverRules.includes(r) ? 'server' : 'script',
    }));
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...[...rules, ...serverRules].map((r) => r.meta.id.length));
  io.stdout.write(`${'rule'.padEnd(width)}  severity  fix          description\n`);
  for (const r of rules) {
    const fixKinds = r.meta.fixable.length === 0 ? '-' : r.meta.fixable.join('/');
    io.stdout.write(
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${fixKinds.padEnd(11)}  ${r.meta.description}\n`,
    );
  }
  io.stdout.write('\nfor a live database (mysql://…), on what the server reports about itself:\n');
  for (const r of serverRules) {
    io.stdout.write(
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(8)}  ${'-'.padEnd(11)}  ${r.meta.description}\n`,
    );
  }
  return 0;
}

export const rulesCommand: CommandSpec<{ format: 'table' | 'json' }> = {
  command: 'rules',
  describe: 'list the rules',
  options: { format: { alias: 'f', choices: ['table', 'json'], default: 'table' } },
  run: (args, io) => runRules(args.format, io),
};
