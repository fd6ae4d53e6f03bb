// The rule registry: an explicit list, sorted by id. test/meta.test.ts keeps it and rules/ in step.
import type { Rule } from '../src/rule.js';
import clientCommand from './client-command.js';
import maxColumnsPerTable from './max-columns-per-table.js';
import noCheckConstraint from './no-check-constraint.js';
import noCollateInExpression from './no-collate-in-expression.js';
import noConvertToCharset from './no-convert-to-charset.js';
import noCreateTableSelect from './no-create-table-select.js';
import noDecimalOverflow from './no-decimal-overflow.js';
import noDiscardedSqlMode from './no-discarded-sql-mode.js';
import noEnumTrailingSpace from './no-enum-trailing-space.js';
import noEvent from './no-event.js';
import noExecutableComment from './no-executable-comment.js';
import noFulltext from './no-fulltext.js';
import noIgnoredTableOption from './no-ignored-table-option.js';
import noInvisibleIndex from './no-invisible-index.js';
import noLockTables from './no-lock-tables.js';
import noMultiStatementRequest from './no-multi-statement-request.js';
import noNameCaseCollision from './no-name-case-collision.js';
import noNotNullDefaultNull from './no-not-null-default-null.js';
import noPartitionMaintenance from './no-partition-maintenance.js';
import noReservedIdentifier from './no-reserved-identifier.js';
import noSpatial from './no-spatial.js';
import noUnsupportedCharset from './no-unsupported-charset.js';
import noUnsupportedCollation from './no-unsupported-collation.js';
import noUnsupportedDataType from './no-unsupported-data-type.js';
import noUnsupportedDml from './no-unsupported-dml.js';
import noUnsupportedEngine from './no-unsupported-engine.js';
import noUnsupportedIndexType from './no-unsupported-index-type.js';
import noUnsupportedPartitioning from './no-unsupported-partitioning.js';
import noUnsupportedRoutineFeature from './no-unsupported-routine-feature.js';
import noViewCheckOption from './no-view-check-option.js';
import noXa from './no-xa.js';
import preferAutoUnique from './prefer-auto-unique.js';
import preferDistributeOverPartitioning from './prefer-distribute-over-partitioning.js';
import preferPrimaryKey from './prefer-primary-key.js';
import preferSelectiveDistributionKey from './prefer-selective-distribution-key.js';
import requireLockSharedDropPrimaryKey from './require-lock-shared-drop-primary-key.js';
import unrecognizedStatement from './unrecognized-statement.js';

export const rules: readonly Rule[] = [
  clientCommand,
  maxColumnsPerTable,
  noCheckConstraint,
  noCollateInExpression,
  noConvertToCharset,
  noCreateTableSelect,
  noDecimalOverflow,
  noDiscardedSqlMode,
  noEnumTrailingSpace,
  noEvent,
  noExecutableComment,
  noFulltext,
  noIgnoredTableOption,
  noInvisibleIndex,
  noLockTables,
  noMultiStatementRequest,
  noNameCaseCollision,
  noNotNullDefaultNull,
  noPartitionMaintenance,
  noReservedIdentifier,
  noSpatial,
  noUnsupportedCharset,
  noUnsupportedCollation,
  noUnsupportedDataType,
  noUnsupportedDml,
  noUnsupportedEngine,
  noUnsupportedIndexType,
  noUnsupportedPartitioning,
  noUnsupportedRoutineFeature,
  noViewCheckOption,
  noXa,
  preferAutoUnique,
  preferDistributeOverPartitioning,
  preferPrimaryKey,
  preferSelectiveDistributionKey,
  requireLockSharedDropPrimaryKey,
  unrecognizedStatement,
];
