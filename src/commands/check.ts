// `clustrix-lint check`: report what the target rejects or treats differently, in files or in a
// live database (read-only).
import type { FileReport } from '../format/types.js';
import { checkDetailed, checkStream } from '../index.js';
import {
  finish,
  lintOptions,
  needsWholeText,
  units,
  writeDump,
  type CommandSpec,
  type CommonArgs,
  type Streams,
} from './shared.js';

export async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const sqlOf = new Map<FileReport, string>();
  const reports: FileReport[] = [];
  const all = await units(args, io);
  for (const u of all) {
    if (u.live !== undefined) {
      const { checkLive } = await import('../live/check.js');
      const result = checkLive(u.live, lintOptions(args, u));
      const report: FileReport = {
        filePath: u.name,
        target: u.target,
        findings: result.findings,
        suppressed: result.suppressed,
        live: u.live.schema,
      };
      sqlOf.set(report, u.sql());
      reports.push(report);
    } else if (needsWholeText(args)) {
      const sql = u.sql();
      const result = checkDetailed(sql, lintOptions(args, u));
      const report: FileReport = {
        filePath: u.name,
        target: u.target,
        findings: result.findings,
        suppressed: result.suppressed,
      };
      sqlOf.set(report, sql);
      reports.push(report);
    } else {
      const findings = await checkStream(u.stream(), lintOptions(args, u));
      reports.push({ filePath: u.name, target: u.target, findings });
    }
  }
  writeDump(args, io, all);
  return finish(reports, sqlOf, args, io, io.stdout);
}

export const checkCommand: CommandSpec<CommonArgs> = {
  command: ['check [files..]', '$0 [files..]'],
  describe: 'report what the target rejects or treats differently',
  builder: (y, common) => common(y),
  run: runCheck,
};
