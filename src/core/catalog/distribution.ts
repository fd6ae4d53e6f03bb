// How Xpand places rows and index entries, and the facts the advice rules (`prefer-*`) rest on:
// distribution keys and slices, AUTO_UNIQUE, primary keys. Every fact names its source
// (sources.ts) and whether it is stated or inferred.
import { SOURCES, type Source } from './sources.js';

/**
 * How Xpand places rows and index entries (knowledge base §5.3, §7; xpand-mysql8.md rows 19–20),
 * read by the advice rules (`prefer-*`):
 * - every index, the primary key included, is a "representation" hash-distributed on its first
 *   column, or on its first n columns with `DISTRIBUTE=n` [S];
 * - DISTRIBUTE of a primary key is at most its own column count; of another index, at most its
 *   columns plus the primary key's [S];
 * - a representation is cut into SLICES (default: one per node); a representation should never
 *   have fewer slices than the cluster has nodes [S]; a slice that grows past
 *   rebalancer_split_threshold_kb (8 GB) is split by hash range [S];
 * - so the rows of one distribution-key value always share one slice, however many they are, and
 *   a key of v values fills at most v slices [I, from the two facts above];
 * - Xpand runs `/*$ … *\/` comments, which every other database ignores [S]: Xpand-only options
 *   written there keep a script loadable on MySQL.
 */
export const DISTRIBUTION = {
  /**
   * The versions whose documentation says all this (ClustrixDB 9.x and Xpand). ClustrixDB 7.0's
   * manual said an index was distributed on all of its columns by default; 7.5–8.5 say nothing
   * found: the advice is given from 9.0 on only.
   */
  since: 'clustrixdb-9.0',
  defaultDistribute: 1,
  /**
   * The most nodes the vendor's own service (SkySQL, Power tier) offers a cluster: 21 [S]. A count
   * that reaches it (slices, distinct key values) cannot leave nodes of such a cluster empty.
   */
  largestOfferedClusterNodes: 21,
  /** Xpand recommends at most 64 partitions per table [S]: SLICES sized from more is not proposed. */
  maxSlicesFromPartitions: 64,
  source: SOURCES.distribute,
  slicesSource: SOURCES.slices,
  clusterSizesSource: SOURCES.clusterSizes,
  executableCommentSource: SOURCES.xpandTables,
  /**
   * Xpand distributes data itself and needs no partitioning for it [S]; that HASH/KEY partitioning
   * columns leading the primary key with DISTRIBUTE keep its spreading is our inference [I].
   */
  partitioningSource: SOURCES.partitioningXpand,
} as const satisfies Record<string, string | number | Source>;

/**
 * AUTO_INCREMENT and AUTO_UNIQUE (xpand-mysql8.md 19a–19b): Xpand keeps AUTO_INCREMENT values
 * consecutive by serializing their generation, a bottleneck under concurrent inserts; AUTO_UNIQUE
 * values are unique, neither ordered nor consecutive, and cheaper; an AUTO_UNIQUE column must be
 * BIGINT(0) UNSIGNED [S].
 */
export const AUTO_UNIQUE = {
  /** Documented in the ClustrixDB 9.x manual and for Xpand; not found for older versions. */
  since: 'clustrixdb-9.0',
  type: 'BIGINT(0) UNSIGNED',
  source: SOURCES.autoUnique,
} as const;

/**
 * A table without a primary key gets a hidden one, and the primary key is what distributes the
 * table's rows [S]; row-based replication (which Xpand's parallel replication needs) finds each
 * replicated row by its primary key and scans the table when there is none [S].
 */
export const PRIMARY_KEY = {
  /** Parallel replication and its need of primary keys are documented for Xpand. */
  since: 'xpand-5.3',
  hiddenSource: SOURCES.primaryKey,
  source: SOURCES.parallelReplication,
} as const satisfies Record<string, string | Source>;
