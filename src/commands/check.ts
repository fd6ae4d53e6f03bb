// `clustrix-lint check`: report what the target rejects or treats differently.
import type { FileReport } from '../format/types.js';
import { checkDetailed, checkStream } from '../index.js';
import {
  finish,
  lintOptions,
  needsWholeText,
  units,
  type CommandSpec,
  type CommonArgs,
  type Streams,
} from './shared.js';

export async function runCheck(args: CommonArgs, io: Streams): Promise<number> {
  const sqlOf = new Map<FileReport, string>();
  const reports: FileReport[] = [];
  for (const u of units(args, io)) {
    if (needsWholeText(args)) {
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
  return finish(reports, sqlOf, args, io, io.stdout);
}

export const checkCommand: CommandSpec<CommonArgs> = {
  command: ['check [files..]', '$0 [files..]'],
  describe: 'report what the target rejects or treats differently',
  builder: (y, common) => common(y),
  run: runCheck,
};
