// Flags HASH / KEY / LINEAR / LIST partitioning and subpartitions; RANGE partitioning is kept,
// but checked for functions Xpand does not allow, RANGE COLUMNS, temporary tables and counts.
import { TARGET_LIMITS, PARTITIONING, PARTITION_FUNCTIONS_UNSUPPORTED } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  createTableLayout,
  defineRule,
  type Edit,
  isPunct,
  isWord,
  matchParen,
  removalEdit,
} from '../src/core/kit.js';

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
      temporary: '{{target}} cannot partition a TEMPORARY table.',
      partitionFunction: '{{target}} does not allow {{name}}() in a partitioning expression.',
      rangeColumns:
        'PARTITION BY RANGE COLUMNS is not documented for {{target}} (only integer RANGE expressions are); test it on a real cluster or rewrite it by hand.',
      tooManyPartitions: '{{count}} partitions: {{target}} recommends at most {{max}} per table (max_partitions).',
    },
    source: PARTITIONING.source,
  },
  check(stmt, ctx) {
    const clause = stmt.kind === 'create_table' ? createTableLayout(stmt).partition : alterTableLayout(stmt).partition;
    if (clause === null) return;
    const code = stmt.code;
    const first = code[clause.from]!;
    const typeToken = code[clause.typeAt] ?? first;
    const isTemporary = stmt.kind === 'create_table' && code.some((t, k) => isWord(t, 'TEMPORARY') && k < 3);
    if (isTemporary) {
      ctx.report({
        messageId: 'temporary',
        start: first.start,
        end: typeToken.end,
        fix: {
          kind: 'lossy',
          title: 'Remove the partitioning of a temporary table',
          edits: [removalEdit(ctx.source, first, code[clause.to - 1]!)],
        },
      });
      return;
    }
    if (!PARTITIONING.supportedTypes.has(clause.type) || clause.linear) {
      const type = (clause.linear ? 'LINEAR ' : '') + clause.type;
      ctx.report({
        messageId: 'partitionType',
        data: { type },
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
    if (clause.columns) {
      ctx.report({
        messageId: 'rangeColumns',
        start: first.start,
        end: code[clause.typeAt + 1]!.end,
        severity: 'warning',
      });
    }
    // The partitioning expression: the parenthesis after RANGE [COLUMNS].
    const open = clause.typeAt + (clause.columns ? 2 : 1);
    if (isPunct(code[open], '(')) {
      const close = matchParen(code, open, clause.to);
      for (let k = open + 1; k < close; k++) {
        const t = code[k]!;
        if (
          t.kind === 'word' &&
          isPunct(code[k + 1], '(') &&
          PARTITION_FUNCTIONS_UNSUPPORTED.has(t.text.toUpperCase())
        ) {
          ctx.report({
            messageId: 'partitionFunction',
            data: { name: t.text.toUpperCase() },
            start: t.start,
            end: t.end,
          });
        }
      }
    }
    let count = 0;
    if (clause.definitions !== null) {
      for (let k = clause.definitions.from + 1; k < clause.definitions.to; k++) {
        if (isWord(code[k], 'PARTITION') && (isPunct(code[k - 1], '(') || isPunct(code[k - 1], ','))) count++;
      }
    }
    if (count > TARGET_LIMITS.partitionsPerTable) {
      ctx.report({
        messageId: 'tooManyPartitions',
        data: { count, max: TARGET_LIMITS.partitionsPerTable },
        start: first.start,
        end: typeToken.end,
        severity: 'warning',
      });
    }
    const sub = clause.subpartition;
    if (sub !== null) {
      const subFirst = code[sub.from]!;
      const edits: Edit[] = [removalEdit(ctx.source, subFirst, code[sub.to - 1]!)];
      for (const group of clause.subpartitionDefinitions) {
        edits.push(removalEdit(ctx.source, code[group.from]!, code[group.to - 1]!));
      }
      ctx.report({
        messageId: 'subpartition',
        data: { type: sub.type },
        start: subFirst.start,
        end: (code[sub.typeAt] ?? subFirst).end,
        fix: { kind: 'lossy', title: 'Remove the subpartitioning', edits },
      });
    }
  },
});
