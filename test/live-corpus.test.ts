// Checking a database vs checking the script that made it, on a real MariaDB: every WSO2 corpus
// script and a selection of public ones are loaded into their own database, checked live, and
// compared with checking the script. Findings are compared per object (rule, message id, count);
// every difference must fall in one of the classes below, each with its reason, and each file
// shows exactly the classes listed for it. `LIVE_COMPARISON_OUT=file.json` writes the comparison.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { check } from '../src/index.js';
import { checkLive } from '../src/live/check.js';
import { mysqlConnect } from '../src/live/connect.js';
import { readSchema } from '../src/live/read.js';
import { buildScript } from '../src/live/script.js';
import { SqlSource } from '../src/core/source.js';
import type { Statement } from '../src/core/statements.js';
import { objectsOf } from '../src/verify/run.js';
import { dynamicProcedures, reachesBeyond } from '../src/verify/scope.js';
import { CORPUS_DIR, CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';
import { MARIADBD, MARIADB_SKIP_REASON, startMariadb, type Server } from './helpers/mariadb.js';

const PUBLIC_DIR = resolve(CORPUS_DIR, '..', 'public');
/** Public scripts that load on MariaDB 10.11 (all or in good part), with the features they bring. */
const PUBLIC = [
  'test_db__3c7fa05__sakila_sakila-mv-schema.sql', // views, routines, triggers, SPATIAL in /*!50705 */
  'test_db__3c7fa05__employees_partitioned.sql', // RANGE COLUMNS partitioning inside /*!50510 */
  'icinga2__v2.16.5__lib_db_ido_mysql_schema_mysql.sql', // 61 tables, latin1_general_cs columns
  'panel__1.0-develop-706db62__database_schema_mysql-schema.sql', // MariaDB dump, JSON as LONGTEXT + CHECK
  'magentadesk__7ba2da3a216b__docker_mariadb_init_1_base.sql', // sequences, system versioning, partitions, triggers
  'tbls__abd6fe6b1dc8__testdata_ddl_mysql_mysql.sql', // CHECK, generated column, procedure, function, view
  'MongooseIM__475087c6e8cc__priv_mysql.sql', // USING HASH everywhere, HASH partitioning, JSON
  'Elgg__1.12.18__engine_schema_mysql.sql', // MyISAM, MEMORY, FULLTEXT
  'roundcubemail__1.7.3__SQL_mysql.initial.sql', // utf8mb4 schema with FKs
];

interface Difference {
  readonly key: string; // rule/messageId
  readonly object: string;
  readonly file: number;
  readonly live: number;
}

interface FileFacts {
  /** Objects whose statements did not load (or were skipped) on the server. */
  readonly notLoaded: Set<string>;
  /** Objects some of whose statements hold an executable comment. */
  readonly execComment: Set<string>;
  /** Tables with a JSON column in the script. */
  readonly json: Set<string>;
  /** Objects with both kinds of index-type finding difference (CREATE INDEX … USING HASH ON). */
  readonly indexTypeMoved: Set<string>;
}

/** The classes of difference, each with the reason it exists. */
const CLASSES: ReadonlyArray<{
  readonly id: string;
  readonly reason: string;
  readonly matches: (d: Difference, facts: FileFacts) => boolean;
}> = [
  {
    id: 'server',
    reason: 'only a server has variables: the server report (no-server-variable-difference) has no script counterpart',
    matches: (d) => d.file === 0 && d.object === '(server)' && d.key.startsWith('no-server-variable-difference/'),
  },
  {
    id: 'not-schema',
    reason:
      'SHOW CREATE reads objects; the session statements of a script (SET, LOCK TABLES, executable-comment SETs, unrecognized statements) and its data are not part of a schema',
    matches: (d) => d.live === 0 && d.object === '-',
  },
  {
    id: 'not-loaded',
    reason:
      'the statement does not load on MariaDB (e.g. ENGINE=NDB) or names another database, so the object is not on the server',
    matches: (d, f) => d.live === 0 && f.notLoaded.has(d.object),
  },
  {
    id: 'executable-comment',
    reason:
      'the server ran (or, for MySQL 5.7+ versions, skipped) each /*!NNNNN … */ comment when the script was loaded; SHOW CREATE shows the outcome without the wrapper',
    matches: (d, f) => d.live === 0 && d.key.startsWith('no-executable-comment/') && f.execComment.has(d.object),
  },
  {
    id: 'executable-comment-outcome',
    reason:
      'what an executable comment held is on the server only if MariaDB ran it (an ALTER … ENGINE=InnoDB ran; a /*!50705 GEOMETRY column was skipped; a /*!50510 RANGE COLUMNS partitioning ran), and the live text shows the outcome',
    matches: (d, f) => !d.key.startsWith('no-executable-comment/') && f.execComment.has(d.object),
  },
  {
    id: 'index-type-position',
    reason:
      'SHOW CREATE writes an index type after the key parts (`KEY k (c) USING BTREE`, `… USING HASH`), where the target takes BTREE and ignores HASH (none, or a warning), whereas the script wrote it before them (`CREATE INDEX k USING HASH ON t (c)`, `INDEX k USING BTREE (c)`), which the target rejects (an error)',
    matches: (d, f) =>
      f.indexTypeMoved.has(d.object) &&
      ((d.key === 'no-unsupported-index-type/beforeKeyParts' && d.file > d.live) ||
        (d.key === 'no-unsupported-index-type/ignored' && d.live > d.file)),
  },
  {
    id: 'view-algorithm-written',
    reason:
      'SHOW CREATE VIEW always writes the ALGORITHM clause, ALGORITHM=UNDEFINED when the script had none, which the target grammar lacks',
    matches: (d) => d.key === 'no-unsupported-view-clause/algorithm' && d.file === 0,
  },
  {
    id: 'json-as-longtext',
    reason: 'MariaDB stores a JSON column as LONGTEXT with CHECK (json_valid(…)), which SHOW CREATE shows',
    matches: (d, f) => d.key === 'no-check-constraint/notEnforced' && d.live > d.file && f.json.has(d.object),
  },
  {
    id: 'sql-mode-per-object',
    reason:
      "the server keeps the sql_mode each routine and trigger was created under (a script-wide SET SQL_MODE='TRADITIONAL', expanded); the live script sets it again before them",
    matches: (d) => d.key === 'no-discarded-sql-mode/discarded' && d.file === 0,
  },
];

/** The classes each file shows besides `server` (which every file shows). */
const EXPECTED: Record<string, readonly string[]> = {
  'carbon-apimgt__v6.4.50-apim2.6.0__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql_cluster.sql':
    ['not-loaded'],
  'carbon-apimgt__v9.33.89__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql_cluster.sql':
    ['not-loaded'],
  'carbon-kernel__v4.4.35__distribution_kernel_carbon-home_dbscripts_mysql5.7.sql': ['index-type-position'],
  'carbon-kernel__v4.4.35__distribution_kernel_carbon-home_dbscripts_mysql_cluster.sql': ['not-loaded'],
  'carbon-kernel__v4.4.7__distribution_kernel_carbon-home_dbscripts_mysql.sql': ['index-type-position'],
  'carbon-kernel__v4.9.26__distribution_kernel_carbon-home_dbscripts_mysql.sql': ['index-type-position'],
  'test_db__3c7fa05__sakila_sakila-mv-schema.sql': [
    'executable-comment',
    'executable-comment-outcome',
    'not-loaded',
    'sql-mode-per-object',
    'view-algorithm-written',
  ],
  'test_db__3c7fa05__employees_partitioned.sql': ['executable-comment', 'not-schema', 'view-algorithm-written'],
  'icinga2__v2.16.5__lib_db_ido_mysql_schema_mysql.sql': ['not-schema'],
  'panel__1.0-develop-706db62__database_schema_mysql-schema.sql': ['not-schema'],
  'magentadesk__7ba2da3a216b__docker_mariadb_init_1_base.sql': ['executable-comment', 'not-loaded', 'not-schema'],
  'MongooseIM__475087c6e8cc__priv_mysql.sql': ['index-type-position', 'json-as-longtext'],
  'tbls__abd6fe6b1dc8__testdata_ddl_mysql_mysql.sql': ['view-algorithm-written'],
};

let server: Server;
const results: Array<Record<string, unknown>> = [];
const wso2 = corpusFiles() ?? [];
const files = [...wso2, ...(wso2.length === 0 ? [] : PUBLIC.map((f) => join(PUBLIC_DIR, f)))];

const DATA_KINDS = new Set(['insert', 'replace', 'update', 'delete', 'select', 'lock_tables', 'unlock_tables']);

/** Loads a script statement by statement (data left out), like a client would; returns what did not load. */
async function load(db: string, source: SqlSource): Promise<{ failed: Statement[]; loaded: number }> {
  // Without IGNORE_SPACE, which mysql2 sets by default: routines keep the server's sql_mode.
  const c = await mysql.createConnection({
    socketPath: server.socket,
    user: 'root',
    database: db,
    flags: ['-IGNORE_SPACE'],
  });
  const sql = source.text;
  const dynamic = dynamicProcedures(source.statements);
  const failed: Statement[] = [];
  let loaded = 0;
  try {
    for (const st of source.statements) {
      if (DATA_KINDS.has(st.kind) || /^CALL$/i.test(st.code[0]?.text ?? '')) continue;
      if (reachesBeyond(st, dynamic) !== null) {
        failed.push(st);
        continue;
      }
      try {
        await c.query(sql.slice(st.start, st.end));
        loaded++;
      } catch {
        failed.push(st);
      }
    }
  } finally {
    await c.end();
  }
  return { failed, loaded };
}

const count = (keys: string[]) => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

describe.skipIf(MARIADBD === null || wso2.length === 0)(
  `checking a database vs checking its script (${MARIADBD === null ? MARIADB_SKIP_REASON : wso2.length === 0 ? CORPUS_SKIP_REASON : 'MariaDB and the corpus present'})`,
  () => {
    beforeAll(async () => {
      server = await startMariadb({ ephemeral: true });
    }, 60_000);
    afterAll(async () => {
      if (process.env.LIVE_COMPARISON_OUT)
        writeFileSync(process.env.LIVE_COMPARISON_OUT, JSON.stringify(results, null, 2));
      await server?.stop();
    });

    it.each(files.map((f, i) => [basename(f), f, i] as const))(
      '%s: the same findings both ways, but for the classes listed',
      async (name, file, i) => {
        const db = `cmp_${i}`;
        server.sql(`CREATE DATABASE ${db} CHARACTER SET latin1`);
        try {
          const sql = readFileSync(file, 'utf8');
          const source = new SqlSource(sql);
          const { failed, loaded } = await load(db, source);
          // The script's findings, each on the object its statement creates or changes.
          const facts: FileFacts = {
            notLoaded: new Set(),
            execComment: new Set(),
            json: new Set(),
            indexTypeMoved: new Set(),
          };
          const objectOf = (st: Statement | undefined) =>
            st === undefined ? '-' : ([...objectsOf(sql.slice(st.start, st.end))][0] ?? '-');
          for (const st of source.statements) {
            const o = objectOf(st);
            if (o === '-') continue;
            if (failed.includes(st) && /^create_(table|view|trigger|procedure|function|event)$/.test(st.kind))
              facts.notLoaded.add(o);
            if (st.tokens.some((t) => t.kind === 'execOpen')) facts.execComment.add(o);
            if (st.code.some((t) => t.kind === 'word' && t.text.toUpperCase() === 'JSON')) facts.json.add(o);
          }
          const fileFindings = check(sql);
          const fileKeys = fileFindings.map((f) => {
            const st = source.statements.find((s) => f.start >= s.start && f.start <= (s.delimiter?.end ?? s.end));
            const dataLike =
              st === undefined || ['set', 'lock_tables', 'unlock_tables', 'other', 'unknown', 'drop'].includes(st.kind);
            return `${f.ruleId}/${f.messageId}\u0000${dataLike ? '-' : objectOf(st)}`;
          });
          const connect = await mysqlConnect({ socketPath: server.socket, user: 'root' });
          const schema = await readSchema(connect, { server: 'mysql://localhost', databases: [db] });
          const live = checkLive({ schema, script: buildScript(schema, `mysql://localhost/${db}`) });
          const liveKeys = live.findings.map(
            (f) =>
              `${f.ruleId}/${f.messageId}\u0000${f.object.object === null ? `(${f.object.type})` : f.object.object.toLowerCase()}`,
          );
          const a = count(fileKeys);
          const b = count(liveKeys);
          const differences: Difference[] = [];
          for (const k of new Set([...a.keys(), ...b.keys()])) {
            const [key, object] = k.split('\u0000') as [string, string];
            if ((a.get(k) ?? 0) !== (b.get(k) ?? 0))
              differences.push({ key, object, file: a.get(k) ?? 0, live: b.get(k) ?? 0 });
          }
          for (const d of differences) {
            if (d.key === 'no-unsupported-index-type/beforeKeyParts' && d.file > d.live)
              facts.indexTypeMoved.add(d.object);
          }
          const classified = differences.map((d) => ({
            ...d,
            class: CLASSES.find((c) => c.matches(d, facts))?.id ?? null,
          }));
          const byRule = (keys: string[]) =>
            Object.fromEntries([...count(keys.map((k) => k.split('/')[0]!))].sort(([x], [y]) => (x < y ? -1 : 1)));
          const seen = [...new Set(classified.map((d) => d.class ?? 'UNCLASSIFIED'))].sort();
          results.push({
            file: name,
            classes: seen,
            unclassified: classified.filter((d) => d.class === null),
            statements: source.statements.length,
            loaded,
            notLoaded: failed.length,
            script: byRule(fileKeys),
            live: byRule(liveKeys),
            differences: Object.fromEntries(
              CLASSES.map((c) => [
                c.id,
                classified.filter((d) => d.class === c.id).reduce((n, d) => n + Math.abs(d.file - d.live), 0),
              ]).filter(([, n]) => n !== 0),
            ),
          });
          expect(classified.filter((d) => d.class === null)).toEqual([]);
          expect(seen).toEqual(['server', ...(EXPECTED[name] ?? [])].sort());
          // Every WSO2 script but the NDB ones loads whole: then nothing of its schema is missing.
          if (name.startsWith('carbon-') && !name.includes('cluster'))
            expect(failed.filter((st) => st.kind.startsWith('create_'))).toEqual([]);
        } finally {
          server.sql(`DROP DATABASE ${db}`);
        }
      },
      120_000,
    );
  },
);
