// verify: load the original and the clean script into two scratch databases on a real server,
// compare their schemas through information_schema, and explain every difference by a fix.
import { randomBytes } from 'node:crypto';
import type { AppliedFix } from '../core/fixer.js';
import { nameAt } from '../core/names.js';
import { changedObjects } from '../core/objects.js';
import { SqlSource } from '../core/source.js';
import { createTableLayout, isPunct } from '../core/structure.js';
import { identValue, isWord } from '../core/tokenize.js';
import { pairStatements } from './pair.js';
import {
  SNAPSHOT_KINDS,
  countByKind,
  diffSnapshots,
  snapshot,
  type Difference,
  type Snapshot,
  type SnapshotKind,
  type Queryable,
} from './schema.js';
import { dynamicProcedures, reachesBeyond } from './scope.js';

export type { ConnectionOptions } from '../live/connect.js';

export interface StatementOutcome {
  readonly index: number;
  readonly line: number;
  readonly text: string;
  readonly error: string;
}

export interface Explained extends Difference {
  /** The fix (rule id and title) or the failed original statement that accounts for it. */
  readonly because: string;
}

export type ObjectCounts = Readonly<Record<SnapshotKind, number>>;

export interface VerifyReport {
  /**
   * `same`: every difference is explained and every clean statement loaded where its original
   * did; `different`: not so; `inconclusive`: no problem found, but (almost) nothing was compared
   * (see `inconclusive`).
   */
  readonly verdict: 'same' | 'different' | 'inconclusive';
  /** Why the run proves little (see inconclusiveReason), or null. */
  readonly inconclusive: string | null;
  readonly databases: { readonly original: string; readonly clean: string; readonly kept: boolean };
  readonly statements: { readonly original: number; readonly clean: number };
  /** The original's CREATE statements (tables, indexes, views, triggers, routines, events) and how many loaded. */
  readonly creates: { readonly total: number; readonly loaded: number };
  /**
   * Schema objects by kind: in the original's database, in the clean one's, and on both sides
   * (compared property by property); `total` sums `compared`.
   */
  readonly objects: {
    readonly original: ObjectCounts;
    readonly clean: ObjectCounts;
    readonly compared: ObjectCounts;
    readonly total: number;
  };
  /** Original statements the server refused ("original does not load on this server"). */
  readonly originalFailed: StatementOutcome[];
  /** Clean statements that failed although their original loaded: always a problem. */
  readonly cleanFailed: StatementOutcome[];
  /** Clean statements that failed where the original failed too. */
  readonly bothFailed: StatementOutcome[];
  /** Statements not run because they would reach beyond the scratch database. */
  readonly skipped: StatementOutcome[];
  readonly explained: Explained[];
  readonly unexplained: Difference[];
}

/**
 * Which applied fixes can account for a difference, by object kind and property: a fix by one of
 * `rules` (`'*'`: any rule) applied to a statement that creates or changes the object's table (or
 * the view, trigger, routine or event itself) explains it. Each line says why the fix has that
 * effect; nothing is explained by a fix to another object.
 */
const EXPLAINERS: ReadonlyArray<{
  kinds: readonly SnapshotKind[];
  properties: readonly string[] | '*';
  rules: readonly string[] | '*';
}> = [
  // A changed charset or collation changes the column's and the table's.
  {
    kinds: ['column', 'table'],
    properties: ['collation', 'charset'],
    rules: ['no-unsupported-collation', 'no-unsupported-charset', 'no-unsupported-data-type'],
  },
  { kinds: ['table'], properties: ['engine'], rules: ['no-unsupported-engine'] },
  // A new engine brings its own index structures: MEMORY's HASH indexes become InnoDB's BTREE.
  { kinds: ['index'], properties: ['type'], rules: ['no-unsupported-engine'] },
  // MyISAM, MEMORY, … parse FOREIGN KEY clauses and drop them; InnoDB creates them.
  { kinds: ['foreign key'], properties: '*', rules: ['no-unsupported-engine'] },
  {
    kinds: ['table'],
    properties: ['options'],
    rules: ['no-ignored-table-option', 'no-unsupported-partitioning', 'prefer-distribute-over-partitioning'],
  },
  {
    kinds: ['index'],
    properties: '*',
    rules: [
      'no-fulltext',
      'no-spatial',
      'no-unsupported-index-type',
      'no-invisible-index',
      'no-functional-key-part',
      // A suggestion: the primary key's columns reordered to lead with the partitioning columns.
      'prefer-distribute-over-partitioning',
    ],
  },
  {
    kinds: ['partitioning'],
    properties: '*',
    rules: ['no-unsupported-partitioning', 'prefer-distribute-over-partitioning'],
  },
  // A suggestion: the key becomes BIGINT UNSIGNED and loses AUTO_INCREMENT (its AUTO_UNIQUE is
  // inside /*$ … */, which only Xpand reads).
  { kinds: ['column'], properties: ['type', 'extra'], rules: ['prefer-auto-unique'] },
  { kinds: ['check'], properties: '*', rules: ['no-check-constraint'] },
  {
    kinds: ['column'],
    properties: ['type', 'default'],
    rules: ['no-decimal-overflow', 'no-unsupported-data-type', 'no-enum-trailing-space', 'no-expression-default'],
  },
  // INVISIBLE shows in EXTRA (MariaDB); so does an expression default (MySQL: DEFAULT_GENERATED).
  { kinds: ['column'], properties: ['extra'], rules: ['no-invisible-column', 'no-expression-default'] },
  { kinds: ['view'], properties: ['checkOption'], rules: ['no-view-check-option'] },
  // A view, trigger, routine or event is compared by its text: any fix to its statement changes it.
  { kinds: ['view', 'trigger', 'procedure', 'function', 'event'], properties: '*', rules: '*' },
];

/** Names compare as the server compares table names when lower_case_table_names is set: folded. */
const fold = (name: string) => name.toLowerCase();

/**
 * The tables, sequences, views, triggers, routines and events the statements of `text` create or
 * change, and for a trigger its table (names folded, see `fold`; see changedObjects).
 */
export function objectsOf(text: string): Set<string> {
  const out = new Set<string>();
  let source: SqlSource;
  try {
    source = new SqlSource(text);
  } catch {
    return out;
  }
  for (const stmt of source.statements) for (const name of changedObjects(stmt)) out.add(fold(name));
  return out;
}

/** `CREATE TABLE copy LIKE source` (or `(LIKE source)`): source → its copies (names folded). */
function likeCopies(source: SqlSource): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const stmt of source.statements) {
    if (stmt.kind !== 'create_table') continue;
    const code = stmt.code;
    const at = createTableLayout(stmt).nameAt;
    let k = at + 1;
    if (isPunct(code[k], '(')) k++;
    if (at < 0 || !isWord(code[k], 'LIKE')) continue;
    const from = nameAt(code, k + 1);
    const to = code[at];
    if (from === null || to === undefined) continue;
    const key = fold(from.name);
    out.set(key, [...(out.get(key) ?? []), fold(identValue(to))]);
  }
  return out;
}

/** `objects` and, transitively, the tables created LIKE one of them. */
function withCopies(objects: Set<string>, copies: Map<string, string[]>): Set<string> {
  const out = new Set(objects);
  const todo = [...objects];
  while (todo.length > 0) {
    for (const c of copies.get(todo.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        todo.push(c);
      }
    }
  }
  return out;
}

/** Runs the statements of `sql` one by one on `db`; returns the failures by statement index. */
async function load(
  db: Queryable,
  source: SqlSource,
): Promise<{ failed: Map<number, string>; skipped: StatementOutcome[] }> {
  const failed = new Map<number, string>();
  const skipped: StatementOutcome[] = [];
  const dynamic = dynamicProcedures(source.statements);
  for (const stmt of source.statements) {
    if (stmt.code.length === 0) continue;
    const text = source.text.slice(stmt.start, stmt.end);
    const beyond = reachesBeyond(stmt, dynamic);
    if (beyond !== null) {
      skipped.push({
        index: stmt.index,
        line: source.locOf(stmt.start).line,
        text,
        error: `would reach beyond the scratch database: ${beyond}`,
      });
      continue;
    }
    try {
      await db.query(text);
    } catch (e) {
      failed.set(stmt.index, e instanceof Error ? e.message : String(e));
    }
  }
  return { failed, skipped };
}

/** Statements that create schema objects: what a conclusive run must have loaded. */
const CREATES: ReadonlySet<string> = new Set([
  'create_table',
  'create_index',
  'create_view',
  'create_trigger',
  'create_procedure',
  'create_function',
  'create_event',
]);

/**
 * A run is inconclusive when it compared (almost) nothing: no object exists on both sides, or
 * fewer than half of the original's CREATE statements loaded on this server (they failed, or
 * were skipped as reaching beyond the scratch database). Then "no unexplained difference" says
 * nothing about the clean script.
 */
export function inconclusiveReason(
  compared: number,
  creates: { readonly total: number; readonly loaded: number },
): string | null {
  if (creates.total > 0 && creates.loaded * 2 < creates.total)
    return `only ${creates.loaded} of the original's ${creates.total} CREATE statements loaded on this server`;
  if (compared === 0)
    return creates.total === 0
      ? 'the script creates no schema object, so there is nothing to compare'
      : 'no schema object exists on both sides';
  return null;
}

export interface VerifyInput {
  readonly original: string;
  readonly clean: string;
  readonly applied: readonly AppliedFix[];
  readonly charset?: string;
  readonly keep: boolean;
  /** Registers the drop-everything cleanup (e.g. for Ctrl-C); returns a function to unregister it. */
  readonly onInterrupt?: (cleanup: () => Promise<void>) => () => void;
}

type Connection = Queryable & { end(): Promise<void> };
export type Connect = (database?: string) => Promise<Connection>;

/** The two scratch databases' names. */
interface ScratchNames {
  readonly original: string;
  readonly clean: string;
}

/** What loading the two scripts gave. */
interface Loaded {
  readonly originalSource: SqlSource;
  readonly cleanSource: SqlSource;
  /** The original's failures and skipped statements. */
  readonly o: { failed: Map<number, string>; skipped: StatementOutcome[] };
  /** The clean script's failures and skipped statements. */
  readonly c: { failed: Map<number, string>; skipped: StatementOutcome[] };
  /** Original statement index → the index of its clean version. */
  readonly pairs: Map<number, number>;
  readonly originalFailed: StatementOutcome[];
  readonly cleanFailed: StatementOutcome[];
  readonly bothFailed: StatementOutcome[];
}

/** Loads both scripts, compares the schemas and explains the differences. */
export async function verify(input: VerifyInput, connect: Connect): Promise<VerifyReport> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const names = { original: `clustrix_lint_verify_${suffix}_o`, clean: `clustrix_lint_verify_${suffix}_c` };
  const admin = await connect();
  // Both names, whether or not their CREATE has run: a DROP queues behind any CREATE in flight on
  // the same connection, and after cleanup starts no CREATE is sent (see below). One promise for
  // every caller: the `finally` below must wait for a cleanup that Ctrl-C started, or it would close
  // the connection between the two DROPs and leave the second database behind.
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => {
    if (input.keep) return Promise.resolve();
    cleaning ??= (async () => {
      for (const db of [names.original, names.clean]) {
        await admin.query(`DROP DATABASE IF EXISTS \`${db}\``).catch(() => undefined);
      }
    })();
    return cleaning;
  };
  const unregister = input.onInterrupt?.(cleanup) ?? (() => undefined);
  const sessions: Connection[] = [];
  try {
    const charset = input.charset === undefined ? '' : ` CHARACTER SET ${input.charset.replace(/[^A-Za-z0-9_]/g, '')}`;
    for (const db of [names.original, names.clean]) {
      if (cleaning !== undefined) throw new Error('interrupted');
      await admin.query(`CREATE DATABASE \`${db}\`${charset}`);
    }
    const loaded = await loadBoth(input, connect, names, sessions);
    const [before, after] = [await snapshot(admin, names.original), await snapshot(admin, names.clean)];
    const { explained, unexplained } = explain(input, loaded, diffSnapshots(before, after));
    return report(input, names, loaded, before, after, explained, unexplained);
  } finally {
    for (const s of sessions) await s.end().catch(() => undefined);
    await cleanup();
    unregister();
    await admin.end().catch(() => undefined);
  }
}

/**
 * Loads the original and the clean script into their scratch databases (connections opened are
 * added to `sessions`, for the caller to close) and sorts the failed statements: the original's,
 * the clean ones whose original loaded, and those that failed on both sides.
 */
async function loadBoth(
  input: VerifyInput,
  connect: Connect,
  names: ScratchNames,
  sessions: Connection[],
): Promise<Loaded> {
  const originalSource = new SqlSource(input.original);
  const cleanSource = new SqlSource(input.clean);
  const orig = await connect(names.original);
  sessions.push(orig);
  const cln = await connect(names.clean);
  sessions.push(cln);
  // The two databases are loaded at the same time, on their own connections: nothing a loaded
  // statement does reaches the other database (see scope.ts), and a script's DDL is slow.
  const [o, c] = await Promise.all([load(orig, originalSource), load(cln, cleanSource)]);
  const pairs = pairStatements(originalSource, cleanSource, input.applied);
  const outcome = (source: SqlSource, index: number, error: string): StatementOutcome => {
    const st = source.statements[index]!;
    return { index, line: source.locOf(st.start).line, text: source.text.slice(st.start, st.end), error };
  };
  const originalFailed = [...o.failed].map(([i, e]) => outcome(originalSource, i, e));
  const cleanFailed: StatementOutcome[] = [];
  const bothFailed: StatementOutcome[] = [];
  const cleanToOriginal = new Map([...pairs].map(([a, b]) => [b, a]));
  for (const [i, e] of c.failed) {
    const oi = cleanToOriginal.get(i);
    (oi !== undefined && o.failed.has(oi) ? bothFailed : cleanFailed).push(outcome(cleanSource, i, e));
  }
  return { originalSource, cleanSource, o, c, pairs, originalFailed, cleanFailed, bothFailed };
}

/** Sorts the differences into those a fix or a failed original statement explains and the rest. */
function explain(
  input: VerifyInput,
  loaded: Loaded,
  differences: Difference[],
): { explained: Explained[]; unexplained: Difference[] } {
  const { originalSource, c, pairs, originalFailed } = loaded;
  // A failed original statement explains the absence of what it would have created; when its
  // clean counterpart loaded, it explains every difference on the objects it names (the clean
  // side ran the statement, the original did not).
  const failedObjects = new Map<string, { error: string; cleanLoaded: boolean; line: number }>();
  for (const f of originalFailed) {
    const ci = pairs.get(f.index);
    const cleanLoaded = ci !== undefined && !c.failed.has(ci);
    for (const n of objectsOf(f.text)) {
      const prev = failedObjects.get(n);
      if (prev === undefined || (cleanLoaded && !prev.cleanLoaded))
        failedObjects.set(n, { error: f.error, cleanLoaded, line: f.line });
    }
  }
  // A table created LIKE another inherits its engine, options and indexes: a fix to the source
  // table explains the same differences on its copies.
  const copies = likeCopies(originalSource);
  const fixObjects = input.applied.map((a) => ({
    fix: a,
    objects: withCopies(a.statement === null ? new Set<string>() : objectsOf(a.statement.text), copies),
  }));
  const explained: Explained[] = [];
  const unexplained: Difference[] = [];
  for (const d of differences) {
    // A trigger is its own statement (its table's statements do not change its body).
    const owner = fold(d.kind === 'trigger' ? d.name : (d.table ?? d.name));
    const failure = failedObjects.get(owner);
    const failed = (what: string) => ({ ...d, because: `${what} (${failure!.error})` });
    if (failure !== undefined && d.original === null) {
      explained.push(failed('the original statement did not load on this server'));
      continue;
    }
    // The most specific explainer first: one naming the property beats one for every property
    // (a MEMORY table's HASH → BTREE is the engine's doing, not that of a removed USING HASH).
    const matches = EXPLAINERS.filter(
      (x) => x.kinds.includes(d.kind) && (x.properties === '*' || x.properties.includes(d.property)),
    ).sort((a, b) => Number(a.properties === '*') - Number(b.properties === '*'));
    let fix: (typeof fixObjects)[number] | undefined;
    for (const x of matches) {
      fix = fixObjects.find((f) => (x.rules === '*' || x.rules.includes(f.fix.ruleId)) && f.objects.has(owner));
      if (fix !== undefined) break;
    }
    if (fix !== undefined) explained.push({ ...d, because: `${fix.fix.ruleId}: ${fix.fix.title}` });
    else if (failure?.cleanLoaded === true)
      explained.push(
        failed(`the original statement at line ${failure.line} did not load on this server, its clean version did`),
      );
    else unexplained.push(d);
  }
  return { explained, unexplained };
}

/** The report: the counts, the verdict and whether the run was conclusive. */
function report(
  input: VerifyInput,
  names: ScratchNames,
  loaded: Loaded,
  before: Snapshot,
  after: Snapshot,
  explained: Explained[],
  unexplained: Difference[],
): VerifyReport {
  const { originalSource, cleanSource, o, originalFailed, cleanFailed, bothFailed } = loaded;
  const both = countByKind(before, (key) => after.has(key));
  const total = SNAPSHOT_KINDS.reduce((n, k) => n + both[k], 0);
  const skippedIndexes = new Set(o.skipped.map((s) => s.index));
  const createStatements = originalSource.statements.filter((st) => CREATES.has(st.kind));
  const creates = {
    total: createStatements.length,
    loaded: createStatements.filter((st) => !o.failed.has(st.index) && !skippedIndexes.has(st.index)).length,
  };
  const inconclusive = inconclusiveReason(total, creates);
  const different = unexplained.length > 0 || cleanFailed.length > 0;
  return {
    verdict: different ? 'different' : inconclusive !== null ? 'inconclusive' : 'same',
    inconclusive,
    databases: { ...names, kept: input.keep },
    statements: { original: originalSource.statements.length, clean: cleanSource.statements.length },
    creates,
    objects: { original: countByKind(before), clean: countByKind(after), compared: both, total },
    originalFailed,
    cleanFailed,
    bothFailed,
    skipped: [...o.skipped],
    explained,
    unexplained,
  };
}
