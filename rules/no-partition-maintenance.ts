// Flags partition maintenance Xpand lacks: COALESCE/ANALYZE/CHECK/OPTIMIZE/REBUILD/REPAIR PARTITION
// and explicit partition selection (FROM t PARTITION (p)); and any partition maintenance of a
// table the script created without partitioning, or with partitioning the target cannot take.
import { PARTITIONING } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  defineRule,
  isPunct,
  isWord,
  nameAt,
  removeSpecEdit,
  type TableFacts,
} from '../src/core/kit.js';

const MAINTENANCE = new Set(['COALESCE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR']);
/** ALTER TABLE actions that work on a table's partitions. */
const ON_PARTITIONS = new Set([
  ...MAINTENANCE,
  'ADD',
  'DROP',
  'REORGANIZE',
  'TRUNCATE',
  'EXCHANGE',
  'DISCARD',
  'IMPORT',
]);

export default defineRule({
  meta: {
    id: 'no-partition-maintenance',
    description:
      'Disallow COALESCE, ANALYZE, CHECK, OPTIMIZE, REBUILD and REPAIR PARTITION and explicit partition selection, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: ['lossy'],
    statements: ['alter_table', 'select', 'insert', 'replace', 'update', 'delete', 'create_view'],
    messages: {
      maintenance: '{{action}} PARTITION is not supported by {{target}}.',
      selection: 'Selecting partitions explicitly (PARTITION (…) after a table name) is not supported by {{target}}.',
      unsupportedPartitioning:
        '{{action}} works on the {{type}} partitioning of {{table}} (line {{line}}), which {{target}} cannot take: once that partitioning goes (--lossy removes it), this fails too, so --lossy removes it with it.',
      notPartitioned:
        '{{action}} works on the partitions of {{table}}, which the script creates without partitioning (line {{line}}): this fails on {{target}}; the lossy fix removes it.',
    },
    source: PARTITIONING.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    if (stmt.kind === 'alter_table') {
      const layout = alterTableLayout(stmt);
      // Looked up only for a partition clause: a stream's segment then depends on earlier ones'
      // tables only where it has to (mysqldump's ALTER TABLE … DISABLE KEYS does not).
      let looked: { table: TableFacts | undefined } | undefined;
      const tableFacts = () => (looked ??= { table: ctx.schema.table(nameAt(code, layout.nameAt)?.name ?? '') }).table;
      for (const spec of layout.specs) {
        const action = code[spec.from]!;
        const onPartitions =
          (action.kind === 'word' &&
            ON_PARTITIONS.has(action.text.toUpperCase()) &&
            isWord(code[spec.from + 1], 'PARTITION')) ||
          (isWord(action, 'REMOVE') && isWord(code[spec.from + 1], 'PARTITIONING'));
        // A table this script created: does it have partitions the target keeps?
        const table = onPartitions ? tableFacts() : undefined;
        const partition = table === undefined ? null : table.partition;
        if (onPartitions && table !== undefined && (partition === null || !isKept(partition))) {
          const words = `${action.text.toUpperCase()} ${code[spec.from + 1]!.text.toUpperCase()}`;
          ctx.report({
            messageId: partition === null ? 'notPartitioned' : 'unsupportedPartitioning',
            data: {
              action: words,
              table: table.name,
              type: partition === null ? '' : `${partition.linear ? 'LINEAR ' : ''}${partition.type}`,
              line: partition?.line ?? table.line,
            },
            start: action.start,
            end: code[spec.from + 1]!.end,
            fix: {
              kind: 'lossy',
              title: `Remove ${words} (${table.name} has no partitions there)`,
              edits: [removeSpecEdit(ctx.source, stmt, layout.specs, spec)],
            },
          });
          continue;
        }
        if (
          action.kind === 'word' &&
          MAINTENANCE.has(action.text.toUpperCase()) &&
          isWord(code[spec.from + 1], 'PARTITION')
        ) {
          ctx.report({
            messageId: 'maintenance',
            data: { action: action.text.toUpperCase() },
            start: action.start,
            end: code[spec.from + 1]!.end,
          });
        }
      }
      return;
    }
    for (let k = 1; k < code.length; k++) {
      const t = code[k]!;
      const prev = code[k - 1]!;
      if (!isWord(t, 'PARTITION') || !isPunct(code[k + 1], '(')) continue;
      // After a table name: a name token, not a keyword such as BY or OVER (window PARTITION BY).
      if (
        prev.kind === 'quotedIdent' ||
        (prev.kind === 'word' && !['BY', 'OVER', 'ADD', 'DROP'].includes(prev.text.toUpperCase()))
      ) {
        ctx.report({ messageId: 'selection', start: t.start, end: t.end });
      }
    }
  },
});

/** Partitioning the target keeps (RANGE, not LINEAR): maintenance of it is judged on its own. */
function isKept(p: { type: string; linear: boolean }): boolean {
  return PARTITIONING.supportedTypes.has(p.type) && !p.linear;
}
