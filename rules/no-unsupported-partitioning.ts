// Flags HASH / KEY / LINEAR / LIST partitioning and subpartitions; RANGE partitioning is kept.
import { PARTITIONING } from '../src/catalog.js';
import { defineRule, removalEdit, type Edit } from '../src/rule.js';
import { alterTableLayout, createTableLayout } from '../src/structure.js';

export default defineRule({
  meta: {
    id: 'no-unsupported-partitioning',
    description: 'Disallow partitioning other than RANGE, and subpartitions, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: ['lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      partitionType:
        'PARTITION BY {{type}} is not supported by {{target}} (only RANGE is); {{target}} already spreads every table over the cluster by hashing.',
      subpartition: 'SUBPARTITION BY {{type}} is not supported by {{target}}.',
      inExecComment:
        '{{what}} inside a /*!{{version}} … */ comment: {{target}} ignores such comments, so this partitioning silently never happens there, and {{target}} would reject it if the comment were unwrapped.',
    },
    source: PARTITIONING.source,
  },
  check(stmt, ctx) {
    const clause = stmt.kind === 'create_table' ? createTableLayout(stmt).partition : alterTableLayout(stmt).partition;
    if (clause === null) return;
    const code = stmt.code;
    const first = code[clause.from]!;
    const typeToken = code[clause.typeAt] ?? first;
    const execInfo = first.exec;
    const exec = (what: string) =>
      execInfo === null
        ? null
        : { messageId: 'inExecComment', data: { what, version: execInfo.version ?? '' }, severity: 'warning' as const };
    if (!PARTITIONING.supportedTypes.has(clause.type) || clause.linear) {
      const type = (clause.linear ? 'LINEAR ' : '') + clause.type;
      const inExec = exec(`PARTITION BY ${type}`);
      ctx.report({
        messageId: inExec?.messageId ?? 'partitionType',
        data: inExec?.data ?? { type },
        severity: inExec?.severity ?? 'error',
        start: first.start,
        end: typeToken.end,
        fix: {
          kind: 'lossy',
          title: `Remove PARTITION BY ${type}`,
          edits: [removalEdit(ctx.source, first, code[clause.to - 1]!)],
        },
      });
      return;
    }
    const sub = clause.subpartition;
    if (sub !== null) {
      const subFirst = code[sub.from]!;
      const edits: Edit[] = [removalEdit(ctx.source, subFirst, code[sub.to - 1]!)];
      for (const group of clause.subpartitionDefinitions) {
        edits.push(removalEdit(ctx.source, code[group.from]!, code[group.to - 1]!));
      }
      const inExec = exec(`SUBPARTITION BY ${sub.type}`);
      ctx.report({
        messageId: inExec?.messageId ?? 'subpartition',
        data: inExec?.data ?? { type: sub.type },
        severity: inExec?.severity ?? 'error',
        start: subFirst.start,
        end: (code[sub.typeAt] ?? subFirst).end,
        fix: { kind: 'lossy', title: 'Remove the subpartitioning', edits },
      });
    }
  },
});
