// The `verify` command: connection options, the report, the exit code.
import { mysqlConnect, parseServerUrl, type ConnectionOptions, type ServerFlags } from '../live/connect.js';
import { UsageError } from '../node/io.js';
import type { ObjectCounts, VerifyReport } from './run.js';
import { SNAPSHOT_KINDS } from './schema.js';

export { mysqlConnect };

/** Connection options from --url, --socket, --password-file and MYSQL_PWD; never echoes a password. */
export function connectionOptions(
  args: ServerFlags & { readonly url?: string },
  env: NodeJS.ProcessEnv,
): ConnectionOptions {
  if (args.url === undefined) throw new UsageError('verify needs --url mysql://user[:password]@host[:port]/');
  return parseServerUrl(args.url, args, env, '--url').options;
}

export function hasProblems(r: VerifyReport): boolean {
  return r.unexplained.length > 0 || r.cleanFailed.length > 0;
}

/** Exit status of `verify`: 0 same, 1 different, 3 inconclusive (2 is usage and connection errors). */
export const VERIFY_EXIT = { same: 0, different: 1, inconclusive: 3 } as const;

/** `12 tables, 80 columns, 9 indexes` (kinds with none left out). */
export function formatCounts(counts: ObjectCounts): string {
  const plural: Record<string, string> = { index: 'indexes', 'foreign key': 'foreign keys', check: 'checks' };
  const parts = SNAPSHOT_KINDS.filter((k) => counts[k] > 0).map(
    (k) => `${counts[k]} ${counts[k] === 1 ? k : (plural[k] ?? (k.endsWith('y') ? k : `${k}s`))}`,
  );
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function firstLine(s: string): string {
  const line = s
    .replace(/\s+/g, ' ')
    .trim()
    // The server's syntax error says where in a few words; the rest is boilerplate.
    .replace(/^You have an error in your SQL syntax; check the manual .*? to use near /, 'syntax error near ');
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}

export function formatVerifyStylish(file: string, target: string, r: VerifyReport): string {
  const out: string[] = [
    `${file} (clean script for ${target}, ${r.databases.kept ? `kept in ${r.databases.original} / ${r.databases.clean}` : 'scratch databases dropped'})`,
  ];
  out.push(`  statements: ${r.statements.original} original, ${r.statements.clean} clean`);
  out.push(`  CREATE statements of the original that loaded: ${r.creates.loaded} of ${r.creates.total}`);
  out.push(`  objects compared on both sides: ${r.objects.total} (${formatCounts(r.objects.compared)})`);
  out.push(`    in the original's database: ${formatCounts(r.objects.original)}`);
  out.push(`    in the clean one's: ${formatCounts(r.objects.clean)}`);
  if (r.skipped.length > 0)
    out.push(
      `  skipped (would reach beyond the scratch database): ${r.skipped.length}, e.g. line ${r.skipped[0]!.line}: ${firstLine(r.skipped[0]!.text)}`,
    );
  if (r.originalFailed.length > 0) {
    out.push(`  original does not load on this server: ${r.originalFailed.length} statement(s)`);
    for (const f of r.originalFailed.slice(0, 5)) out.push(`    line ${f.line}: ${firstLine(f.error)}`);
    if (r.originalFailed.length > 5) out.push(`    … ${r.originalFailed.length - 5} more`);
  }
  if (r.bothFailed.length > 0) {
    out.push(`  fails on both sides: ${r.bothFailed.length} statement(s)`);
    for (const f of r.bothFailed.slice(0, 5)) out.push(`    line ${f.line}: ${firstLine(f.error)}`);
    if (r.bothFailed.length > 5) out.push(`    … ${r.bothFailed.length - 5} more`);
  }
  for (const f of r.cleanFailed)
    out.push(`  ✖ clean script fails where the original loaded, line ${f.line}: ${firstLine(f.error)}`);
  const groups = new Map<string, number>();
  for (const e of r.explained) groups.set(e.because, (groups.get(e.because) ?? 0) + 1);
  out.push(`  explained differences: ${r.explained.length}`);
  for (const [because, n] of groups) out.push(`    ${n} × ${firstLine(because)}`);
  out.push(`  unexplained differences: ${r.unexplained.length}`);
  for (const d of r.unexplained)
    out.push(`    ✖ ${d.object} ${d.property}: ${d.original ?? '(absent)'} → ${d.clean ?? '(absent)'}`);
  out.push(
    r.verdict === 'different'
      ? '✖ the clean script does not create the same schema'
      : r.verdict === 'inconclusive'
        ? `? inconclusive: ${r.inconclusive}; verify could not compare the scripts on this server`
        : '✔ every difference is explained by an applied fix',
  );
  return out.join('\n') + '\n';
}
