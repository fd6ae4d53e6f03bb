// The rule kit: the one module a rule imports its tools from. What a rule is (defineRule and the
// types of what it reports), the statement's structure (CREATE/ALTER TABLE and CREATE INDEX
// layouts, partition clauses, table options, charset clauses), the one index model, the one column
// model, the one name reader, token predicates, and the edits a fix is built from. Facts about the
// targets (versions, vendor sources, limits) come from the catalog, not from here.
export { defineRule } from './rule.js';
export type { Edit, Finding, Fix, FixKind, Report, Rule, RuleContext, RuleMeta, Severity } from './rule.js';
export {
  definitionRemovalEdit,
  indexDrops,
  indexRemovals,
  inStyleOf,
  insertionAfter,
  mergeEdits,
  removalEdit,
  removeListItemEdit,
  removeSpecEdit,
  removeStatementEdit,
  replaceEdit,
  specRemovalEdit,
  tokenIndexAt,
  xpandOption,
} from './edits.js';
export {
  alterTableLayout,
  bodyStatements,
  BODY_STATEMENTS,
  charsetClauses,
  CHARSET_STATEMENTS,
  createIndexLayout,
  createTableLayout,
  definitionKind,
  isPunct,
  matchParen,
  partitionClause,
  QUERY_STATEMENTS,
  splitTopLevel,
  tableOptions,
} from './structure.js';
export type {
  AlterTableLayout,
  CharsetClause,
  CodeSpan,
  Definition,
  DefinitionKind,
  IndexLayout,
  PartitionClause,
  TableLayout,
  TableOption,
} from './structure.js';
export { nestedStatements, routineBody } from './compound.js';
export type { RoutineBody } from './compound.js';
export { addedKeys, createIndexKey, indexesOf, tableKeys } from './keys.js';
export type { IndexInfo, IndexKind, KeyInfo, KeyPart } from './keys.js';
export { columnDefinitions, columnInfo, columnsOf, isIntegerType, tableColumns } from './columns.js';
export type { ColumnInfo, FewValues } from './columns.js';
export { isName, nameAt, qualifierOf, useDatabase } from './names.js';
export type { NameRef } from './names.js';
export { identValue, isTrivia, isWord, tokenize } from './tokenize.js';
export type { Token } from './tokenize.js';
export type { Statement, StatementKind } from './statements.js';
export type { SqlSource } from './source.js';
export type { TableFacts } from './schema.js';
export type { IndexStats } from './statistics.js';
