// The rule registry: an explicit list, sorted by id. test/meta.test.ts keeps it and rules/ in step.
import type { Rule } from '../src/rule.js';
import noUnsupportedCharset from './no-unsupported-charset.js';
import noUnsupportedCollation from './no-unsupported-collation.js';
import noUnsupportedIndexType from './no-unsupported-index-type.js';
import noUnsupportedPartitioning from './no-unsupported-partitioning.js';
import unrecognizedStatement from './unrecognized-statement.js';

export const rules: readonly Rule[] = [
  noUnsupportedCharset,
  noUnsupportedCollation,
  noUnsupportedIndexType,
  noUnsupportedPartitioning,
  unrecognizedStatement,
];
