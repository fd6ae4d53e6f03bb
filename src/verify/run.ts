// verify: load the original and the clean script into two scratch databases on a real server,
// compare their schemas through information_schema, and explain every difference by a fix.
import { randomBytes } from 'node:crypto';
import type { AppliedFix } from '../fixer.js';
import { SqlSource } from '../source.js';
import { alterTableLayout, createIndexLayout, createTableLayout, isPunct } from '../structure.js';
import { identValue, isWord, type Token } from '../tokenize.js';
import { diffSnapshots, snapshot, type Difference, type Queryable } from './schema.js';
import { dynamicProcedures, reachesBeyond } from './scope.js';

export interface ConnectionOptions {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly socketPath?: string;
}

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

export interface VerifyReport {
  readonly databases: { readonly original: string; readonly clean: string; readonly kept: boolean };
  readonly statements: { readonly original: number; readonly clean: number };
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

/** Which rules' fixes can account for a difference, by object kind and property. */
const EXPLAINERS: ReadonlyArray<{
  kinds: readonly string[];
  properties: readonly string[] | '*';
  rules: readonly string[];
}> = [
  {
    kinds: ['column', 'table'],
    properties: ['collation', 'charset'],
    rules: ['no-unsupported-collation', 'no-unsupported-charset', 'no-unsupported-data-type'],
  },
  { kinds: ['table'], properties: ['engine'], rules: ['no-unsupported-engine'] },
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
    rules: ['no-decimal-overflow', 'no-unsupported-data-type', 'no-enum-trailing-space'],
  },
  { kinds: ['view'], properties: ['checkOption'], rules: ['no-view-check-option'] },
  { kinds: ['event'], properties: '*', rules: ['no-event'] },
  {
    kinds: ['trigger', 'procedure', 'function'],
    properties: '*',
    rules: ['no-executable-comment', 'no-unsupported-routine-feature'],
  },
];

const nameOf = (t: Token | undefined) => (t === undefined ? null : identValue(t).toLowerCase());

/** The tables, views, triggers, routines and events a statement creates or changes (lower case). */
export function objectsOf(text: string): Set<string> {
  const out = new Set<string>();
  let source: SqlSource;
  try {
    source = new SqlSource(text);
  } catch {
    return out;
  }
  for (const stmt of source.statements) {
    const code = stmt.code;
    const add = (t: Token | undefined) => {
      const n = nameOf(t);
      if (n !== null) out.add(n);
    };
    if (stmt.kind === 'create_table') add(code[createTableLayout(stmt).nameAt]);
    else if (stmt.kind === 'alter_table') add(code[alterTableLayout(stmt).nameAt]);
    else if (stmt.kind === 'create_index') {
      const on = createIndexLayout(stmt).onAt;
      if (on >= 0) add(code[on + 1 + (isPunct(code[on + 2], '.') ? 2 : 0)]);
    } else {
      const kw = code.findIndex((t) =>
        ['VIEW', 'TRIGGER', 'EVENT', 'PROCEDURE', 'FUNCTION', 'TABLE'].some((w) => isWord(t, w)),
      );
      if (kw >= 0) add(code[kw + 1 + (isWord(code[kw + 1], 'IF') ? (isWord(code[kw + 2], 'NOT') ? 3 : 2) : 0)]);
      const on = code.findIndex((t) => isWord(t, 'ON'));
      if (stmt.kind === 'create_trigger' && on >= 0) add(code[on + 1]);
    }
  }
  return out;
}

function objectKind(object: string): string {
  return object.slice(0, object.lastIndexOf(' '));
}

function objectName(object: string): string {
  return object.slice(object.lastIndexOf(' ') + 1);
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

/**
 * Pairs original and clean statements: in order, skipping an original statement whose kind does
 * not match (a fix removed it).
 */
function pair(original: SqlSource, clean: SqlSource): Map<number, number> {
  const map = new Map<number, number>();
  let j = 0;
  for (const st of original.statements) {
    const c = clean.statements[j];
    if (c !== undefined && c.kind === st.kind) {
      map.set(st.index, c.index);
      j++;
    }
  }
  return map;
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
    const originalSource = new SqlSource(input.original);
    const cleanSource = new SqlSource(input.clean);
    const orig = await connect(names.original);
    sessions.push(orig);
    const cln = await connect(names.clean);
    sessions.push(cln);
    const o = await load(orig, originalSource);
    const c = await load(cln, cleanSource);
    const pairs = pair(originalSource, cleanSource);
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

    const differences = diffSnapshots(await snapshot(admin, names.original), await snapshot(admin, names.clean));
    // What a failed original statement would have created explains its objects' absence.
    const failedObjects = new Map<string, string>();
    for (const f of originalFailed) for (const n of objectsOf(f.text)) failedObjects.set(n, f.error);
    const fixObjects = input.applied.map((a) => ({
      fix: a,
      objects: a.statement === null ? new Set<string>() : objectsOf(a.statement.text),
    }));
    const explained: Explained[] = [];
    const unexplained: Difference[] = [];
    for (const d of differences) {
      const kind = objectKind(d.object);
      const owner = d.table ?? objectName(d.object);
      const failure = failedObjects.get(owner);
      if (failure !== undefined && d.original === null) {
        explained.push({ ...d, because: `the original statement did not load on this server (${failure})` });
        continue;
      }
      const rules = EXPLAINERS.filter(
        (x) => x.kinds.includes(kind) && (x.properties === '*' || x.properties.includes(d.property)),
      ).flatMap((x) => x.rules);
      const fix = fixObjects.find((f) => rules.includes(f.fix.ruleId) && f.objects.has(owner));
      if (fix !== undefined) explained.push({ ...d, because: `${fix.fix.ruleId}: ${fix.fix.title}` });
      else unexplained.push(d);
    }
    return {
      databases: { ...names, kept: input.keep },
      statements: { original: originalSource.statements.length, clean: cleanSource.statements.length },
      originalFailed,
      cleanFailed,
      bothFailed,
      skipped: [...o.skipped],
      explained,
      unexplained,
    };
  } finally {
    for (const s of sessions) await s.end().catch(() => undefined);
    await cleanup();
    unregister();
    await admin.end().catch(() => undefined);
  }
}
