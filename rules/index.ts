// The rule registry: explicit lists, sorted by id. test/meta.test.ts keeps them and rules/ in step.
// `rules` check scripts; `serverRules` check the report of a live server (its variables and the
// objects the account could not read, see src/live/script.ts) and never run on a script.
import type { Rule } from '../src/core/kit.js';
import clientCommand from './client-command.js';
import maxColumnsPerTable from './max-columns-per-table.js';
import noAlterAlgorithm from './no-alter-algorithm.js';
import noCascadeToNonUniqueKey from './no-cascade-to-non-unique-key.js';
import noCheckConstraint from './no-check-constraint.js';
import noCollateInExpression from './no-collate-in-expression.js';
import noConvertToCharset from './no-convert-to-charset.js';
import noCreateTableSelect from './no-create-table-select.js';
import noDecimalOverflow from './no-decimal-overflow.js';
import noDescendingKeyPart from './no-descending-key-part.js';
import noDiscardedSqlMode from './no-discarded-sql-mode.js';
import noEnumTrailingSpace from './no-enum-trailing-space.js';
import noEvent from './no-event.js';
import noExecutableComment from './no-executable-comment.js';
import noExpressionDefault from './no-expression-default.js';
import noFulltext from './no-fulltext.js';
import noFunctionalKeyPart from './no-functional-key-part.js';
import noIgnoredTableOption from './no-ignored-table-option.js';
import noInvisibleColumn from './no-invisible-column.js';
import noInvisibleIndex from './no-invisible-index.js';
import noLockTables from './no-lock-tables.js';
import noMultiStatementRequest from './no-multi-statement-request.js';
import noNameCaseCollision from './no-name-case-collision.js';
import noNotNullDefaultNull from './no-not-null-default-null.js';
import noPartitionMaintenance from './no-partition-maintenance.js';
import noReservedIdentifier from './no-reserved-identifier.js';
import noSequence from './no-sequence.js';
import noServerVariableDifference from './no-server-variable-difference.js';
import noSpatial from './no-spatial.js';
import noUnsupportedCharset from './no-unsupported-charset.js';
import noUnsupportedCollation from './no-unsupported-collation.js';
import noUnsupportedDataType from './no-unsupported-data-type.js';
import noUnsupportedDml from './no-unsupported-dml.js';
import noUnsupportedEngine from './no-unsupported-engine.js';
import noUnsupportedIndexType from './no-unsupported-index-type.js';
import noUnsupportedPartitioning from './no-unsupported-partitioning.js';
import noUnsupportedRoutineFeature from './no-unsupported-routine-feature.js';
import noUnsupportedViewClause from './no-unsupported-view-clause.js';
import noViewCheckOption from './no-view-check-option.js';
import noXa from './no-xa.js';
import preferAutoUnique from './prefer-auto-unique.js';
import preferDistributeOverPartitioning from './prefer-distribute-over-partitioning.js';
import preferPrimaryKey from './prefer-primary-key.js';
import preferSelectiveDistributionKey from './prefer-selective-distribution-key.js';
import requireLockSharedDropPrimaryKey from './require-lock-shared-drop-primary-key.js';
import unreadableObject from './unreadable-object.js';
import unrecognizedStatement from './unrecognized-statement.js';

export const rules: readonly Rule[] = [
  clientCommand,
  maxColumnsPerTable,
  noAlterAlgorithm,
  noCascadeToNonUniqueKey,
  noCheckConstraint,
  noCollateInExpression,
  noConvertToCharset,
  noCreateTableSelect,
  noDecimalOverflow,
  noDescendingKeyPart,
  noDiscardedSqlMode,
  noEnumTrailingSpace,
  noEvent,
  noExecutableComment,
  noExpressionDefault,
  noFulltext,
  noFunctionalKeyPart,
  noIgnoredTableOption,
  noInvisibleColumn,
  noInvisibleIndex,
  noLockTables,
  noMultiStatementRequest,
  noNameCaseCollision,
  noNotNullDefaultNull,
  noPartitionMaintenance,
  noReservedIdentifier,
  noSequence,
  noSpatial,
  noUnsupportedCharset,
  noUnsupportedCollation,
  noUnsupportedDataType,
  noUnsupportedDml,
  noUnsupportedEngine,
  noUnsupportedIndexType,
  noUnsupportedPartitioning,
  noUnsupportedRoutineFeature,
  noUnsupportedViewClause,
  noViewCheckOption,
  noXa,
  preferAutoUnique,
  preferDistributeOverPartitioning,
  preferPrimaryKey,
  preferSelectiveDistributionKey,
  requireLockSharedDropPrimaryKey,
  unrecognizedStatement,
];

/** Rules for the server report of a live database (src/live/script.ts), sorted by id. */
export const serverRules: readonly Rule[] = [noServerVariableDifference, unreadableObject];

/** Every rule, for validating rule ids in configs, flags and directives. */
export const allRules: readonly Rule[] = [...rules, ...serverRules];
