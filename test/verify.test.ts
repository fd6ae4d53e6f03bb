// verify against a real MariaDB server: every corpus script's clean version loads and differs
// from the original only where a fix says so; a broken fix is caught; nothing is left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { fix } from '../src/index.js';
import { SqlSource } from '../src/source.js';
import { hasProblems } from '../src/verify/cli.js';
import { verify, type Connect, type VerifyReport } from '../src/verify/run.js';
import { diffSnapshots, snapshot } from '../src/verify/schema.js';
import { BIN, CORPUS_DIR, CORPUS_SKIP_REASON, corpusFiles, runCli } from './helpers.js';
import { MARIADBD, MARIADB_SKIP_REASON, startMariadb, type Server } from './mariadb.js';

const files = corpusFiles();
let server: Server;
const connectTo =
  (socket: string): Connect =>
  (database) =>
    mysql.createConnection({ socketPath: socket, user: 'root', database });
const scratch = () => server.sql("SHOW DATABASES LIKE 'clustrix\\_lint\\_verify\\_%'").trim();

describe.skipIf(MARIADBD === null)(`verify on a real MariaDB (${MARIADB_SKIP_REASON})`, () => {
  beforeAll(async () => {
    server = await startMariadb();
    server.sql("CREATE USER 'lint'@'localhost' IDENTIFIED BY 's3cr3t-Pw!'; GRANT ALL ON *.* TO 'lint'@'localhost';");
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  describe.skipIf(files === null)(`the WSO2 corpus (${files === null ? CORPUS_SKIP_REASON : 'present'})`, () => {
    it.each((files ?? []).map((f) => [basename(f), f]))(
      '%s: the clean script (newest target, --lossy) loads and verify finds no unexplained difference',
      (_name, file) => {
        const r = runCli([
          'verify',
          file,
          '--url',
          server.url,
          '--socket',
          server.socket,
          '--charset',
          'latin1',
          '--lossy',
          '--format',
          'json',
        ]);
        expect(r.stderr).toBe('');
        const report = JSON.parse(r.stdout) as VerifyReport;
        expect(report.unexplained).toEqual([]);
        expect(report.cleanFailed).toEqual([]);
        expect(r.status).toBe(0);
        if (readFileSync(file, 'utf8').includes('ENGINE NDB')) {
          expect(report.originalFailed.length).toBeGreaterThan(0);
          expect(report.originalFailed.every((f) => /Unknown storage engine 'NDB'|doesn't exist/i.test(f.error))).toBe(
            true,
          );
        } else {
          expect(report.originalFailed.filter((f) => /^CREATE|^ALTER/i.test(f.text))).toEqual([]);
        }
      },
      120_000,
    );

    it.each([
      [
        'carbon-apimgt__v6.4.50-apim2.6.0__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql_cluster.sql',
        'carbon-apimgt__v6.4.50-apim2.6.0__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql.sql',
        [],
        [],
      ],
      [
        'carbon-apimgt__v9.33.89__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql_cluster.sql',
        'carbon-apimgt__v9.33.89__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql.sql',
        [],
        ['am_api_sequence_backend'],
      ],
      [
        'carbon-kernel__v4.4.35__distribution_kernel_carbon-home_dbscripts_mysql_cluster.sql',
        'carbon-kernel__v4.4.35__distribution_kernel_carbon-home_dbscripts_mysql5.7.sql',
        ['um_custom_userstore'],
        [],
      ],
    ])(
      '%s: the clean NDB script creates InnoDB tables, the same set as its InnoDB sibling (up to upstream differences)',
      async (ndb, innodb, onlyNdb, onlyInnodb) => {
        const admin = await mysql.createConnection({ socketPath: server.socket, user: 'root' });
        const dbs = ['sibling_ndb', 'sibling_innodb'];
        try {
          for (const [db, file] of [
            [dbs[0]!, ndb],
            [dbs[1]!, innodb],
          ] as const) {
            await admin.query(`CREATE DATABASE ${db} CHARACTER SET latin1`);
            const c = await mysql.createConnection({ socketPath: server.socket, user: 'root', database: db });
            const src = new SqlSource(fix(readFileSync(join(CORPUS_DIR, file), 'utf8'), { lossy: true }).output);
            for (const st of src.statements)
              if (/^CREATE|^ALTER/i.test(st.kind)) await c.query(src.text.slice(st.start, st.end));
            await c.end();
          }
          const [a, b] = [await snapshot(admin, dbs[0]!), await snapshot(admin, dbs[1]!)];
          const tables = (s: typeof a) => [...s.keys()].filter((k) => k.startsWith('table ')).map((k) => k.slice(6));
          const ta = tables(a);
          const tb = tables(b);
          expect(ta.length).toBeGreaterThan(30);
          expect(ta.filter((t) => !tb.includes(t))).toEqual(onlyNdb);
          expect(tb.filter((t) => !ta.includes(t))).toEqual(onlyInnodb);
          expect([...new Set(ta.map((t) => a.get(`table ${t}`)!.get('engine')))]).toEqual(['InnoDB']);
          expect(diffSnapshots(a, b).filter((d) => d.object.startsWith('table ') && d.property === 'engine')).toEqual(
            [],
          );
        } finally {
          for (const db of dbs) await admin.query(`DROP DATABASE IF EXISTS ${db}`);
          await admin.end();
        }
      },
      120_000,
    );
  });

  it('explains a removed FULLTEXT index, a changed collation and removed partitioning by their fixes', async () => {
    const original = [
      'CREATE TABLE doc (id INT PRIMARY KEY, title VARCHAR(50) COLLATE utf8mb4_general_nopad_ci, body TEXT, FULLTEXT KEY ft (body)) DEFAULT CHARSET=utf8mb4;',
      'CREATE TABLE part (id INT) PARTITION BY HASH (id) PARTITIONS 4;',
      'CREATE INDEX i USING HASH ON doc (title);',
    ].join('\n');
    const fixed = fix(original, { lossy: true });
    const report = await verify(
      { original, clean: fixed.output, applied: fixed.applied, keep: false },
      connectTo(server.socket),
    );
    expect(report.unexplained).toEqual([]);
    const because = report.explained.map((e) => `${e.object} ${e.property} ← ${e.because.split(':')[0]}`);
    expect(because).toEqual(
      expect.arrayContaining([
        'index doc.ft exists ← no-fulltext',
        'column doc.title collation ← no-unsupported-collation',
        'partitioning part exists ← no-unsupported-partitioning',
      ]),
    );
  }, 60_000);

  it('explains what applied suggestions change, and shows one that breaks a later statement', async () => {
    const original = [
      'CREATE TABLE msg (id BIGINT NOT NULL, u INT NOT NULL, flag BOOLEAN, PRIMARY KEY (id, u), KEY k_flag (flag)) ENGINE=InnoDB PARTITION BY HASH (u) PARTITIONS 32;',
      'CREATE TABLE hit (id INT NOT NULL AUTO_INCREMENT, url VARCHAR(99), PRIMARY KEY (id)) ENGINE=InnoDB AUTO_INCREMENT=3000001;',
    ].join('\n');
    const fixed = fix(original, { lossy: true, suggestions: true });
    expect(
      fixed.applied
        .filter((a) => a.kind === 'suggestion')
        .map((a) => a.ruleId)
        .sort(),
    ).toEqual(['prefer-auto-unique', 'prefer-distribute-over-partitioning', 'prefer-selective-distribution-key']);
    const report = await verify(
      { original, clean: fixed.output, applied: fixed.applied, keep: false },
      connectTo(server.socket),
    );
    expect(report.unexplained).toEqual([]);
    expect(report.cleanFailed).toEqual([]);
    const because = report.explained.map((e) => `${e.object} ${e.property} ← ${e.because.split(':')[0]}`);
    expect(because).toEqual(
      expect.arrayContaining([
        'index msg.primary columns ← prefer-distribute-over-partitioning',
        'column hit.id type ← prefer-auto-unique',
        'column hit.id extra ← prefer-auto-unique',
      ]),
    );
    // DISTRIBUTE, SLICES and AUTO_UNIQUE are inside /*$ … */: MariaDB shows no difference for them.
    expect(report.explained.some((e) => e.object === 'index msg.k_flag')).toBe(false);

    // A foreign key from an INT column to the key that became BIGINT UNSIGNED: the clean script fails there.
    const withChild = `${original}\nCREATE TABLE visit (hit_id INT, FOREIGN KEY (hit_id) REFERENCES hit (id));`;
    const suggested = fix(withChild, { suggestions: ['prefer-auto-unique'] });
    const broken = await verify(
      { original: withChild, clean: suggested.output, applied: suggested.applied, keep: false },
      connectTo(server.socket),
    );
    expect(broken.cleanFailed.map((f) => f.text)).toEqual([
      'CREATE TABLE visit (hit_id INT, FOREIGN KEY (hit_id) REFERENCES hit (id))',
    ]);
    expect(hasProblems(broken)).toBe(true);

    // Through the CLI: the same flags as fix.
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-verify-'));
    writeFileSync(join(dir, 'advice.sql'), original);
    const cli = runCli([
      'verify',
      join(dir, 'advice.sql'),
      '--lossy',
      '--suggestions',
      '--url',
      server.url,
      '--socket',
      server.socket,
    ]);
    expect(cli.stdout).toMatch(/prefer-distribute-over-partitioning: Replace PARTITION BY HASH\(u\)/);
    expect(cli.status).toBe(0);
    const bad = runCli(['verify', join(dir, 'advice.sql'), '--apply-suggestion', 'no-xa', '--url', server.url]);
    expect(bad.stderr).toMatch(/^clustrix-lint: --apply-suggestion no-xa: this rule makes no suggestions/);
    expect(bad.status).toBe(2);
  }, 90_000);

  it('catches a broken fix: a dropped column is an unexplained difference, which fails verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-verify-'));
    const original = 'CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), note TEXT) ENGINE=MyISAM;\n';
    // The fix a buggy rule might make: it also drops a column.
    const broken = 'CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=InnoDB;\n';
    const applied = fix(original).applied;
    const report = await verify({ original, clean: broken, applied, keep: false }, connectTo(server.socket));
    expect(report.unexplained).toEqual([
      { object: 'column t.note', table: 't', property: 'exists', original: 'yes', clean: null },
    ]);
    expect(report.explained.map((e) => e.because)).toEqual([
      'no-unsupported-engine: Replace ENGINE MyISAM with InnoDB',
    ]);
    expect(hasProblems(report)).toBe(true);
    // Through the CLI the real fix only changes the engine, which the fix explains: exit 0.
    writeFileSync(join(dir, 'ok.sql'), original);
    const ok = runCli(['verify', join(dir, 'ok.sql'), '--url', server.url, '--socket', server.socket]);
    expect(ok.stdout).toMatch(/1 × no-unsupported-engine: Replace ENGINE MyISAM with InnoDB/);
    expect(ok.status).toBe(0);
  }, 60_000);

  it('reports statements the original cannot load and keeps comparing the rest', async () => {
    const original = 'CREATE TABLE a (id INT) ENGINE=NDB;\nCREATE TABLE b (id INT, KEY k (id) USING HASH);\n';
    const fixed = fix(original);
    const report = await verify(
      { original, clean: fixed.output, applied: fixed.applied, keep: false },
      connectTo(server.socket),
    );
    expect(report.originalFailed.map((f) => [f.line, f.error])).toEqual([[1, "Unknown storage engine 'NDB'"]]);
    expect(report.unexplained).toEqual([]);
    expect(
      report.explained.every(
        (e) => e.object.includes(' a') || e.object.startsWith('column a.') || e.object.startsWith('table a'),
      ),
    ).toBe(true);
  }, 60_000);

  it('never runs statements that reach beyond the scratch database', async () => {
    const original =
      'CREATE DATABASE other;\nUSE other;\nCREATE TABLE mysql.evil (id INT);\nGRANT ALL ON *.* TO nobody;\nCREATE TABLE t (id INT);\n';
    const report = await verify({ original, clean: original, applied: [], keep: false }, connectTo(server.socket));
    expect(report.skipped.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(server.sql("SHOW DATABASES LIKE 'other'").trim()).toBe('');
    expect(server.sql("SHOW TABLES FROM mysql LIKE 'evil'").trim()).toBe('');
  }, 60_000);

  it('never runs a trigger, event or CALL whose body would write to another database', async () => {
    server.sql('CREATE DATABASE audit; CREATE TABLE audit.log (id INT);');
    try {
      const original = [
        'CREATE TABLE t (id INT);',
        'DELIMITER $$',
        // The first INTO is a variable; the write to audit.log comes later in the body.
        'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN DECLARE v INT; SELECT COUNT(*) INTO v FROM t; INSERT INTO audit.log VALUES (NEW.id); END$$',
        "CREATE PROCEDURE d() BEGIN SET @q = 'INSERT INTO audit.log VALUES (2)'; PREPARE s FROM @q; EXECUTE s; END$$",
        'DELIMITER ;',
        'CALL d();',
        'INSERT INTO t VALUES (1);',
        '',
      ].join('\n');
      const report = await verify({ original, clean: original, applied: [], keep: false }, connectTo(server.socket));
      expect(report.skipped.map((s) => [s.line, s.error.replace(/^.*?: /, '')])).toEqual([
        [3, 'names another database (audit.log)'],
        [6, 'calls d, which runs SQL built at run time that cannot be checked'],
      ]);
      // The procedure itself is created (harmless until called), the INSERT into t runs.
      expect(report.originalFailed).toEqual([]);
      expect(server.sql('SELECT COUNT(*) FROM audit.log').trim()).toBe('0');
    } finally {
      server.sql('DROP DATABASE audit;');
    }
  }, 60_000);

  it('credentials: from the URL, MYSQL_PWD or --password-file, and never printed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-verify-'));
    writeFileSync(join(dir, 's.sql'), 'CREATE TABLE t (id INT);\n');
    writeFileSync(join(dir, 'pw'), 's3cr3t-Pw!\n');
    const s = join(dir, 's.sql');
    const base = ['verify', s, '--socket', server.socket];
    const viaUrl = runCli([...base, '--url', `mysql://lint:${encodeURIComponent('s3cr3t-Pw!')}@localhost/`]);
    expect(viaUrl.status).toBe(0);
    expect(runCli([...base, '--url', 'mysql://lint@localhost/'], { env: { MYSQL_PWD: 's3cr3t-Pw!' } }).status).toBe(0);
    expect(runCli([...base, '--url', 'mysql://lint@localhost/', '--password-file', join(dir, 'pw')]).status).toBe(0);
    const wrong = runCli([...base, '--url', 'mysql://lint:not-the-Pw@localhost/']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(
      /^clustrix-lint: cannot connect to .*mysqld\.sock: Access denied for user 'lint'@'localhost'/,
    );
    for (const r of [viaUrl, wrong]) expect(r.stdout + r.stderr).not.toMatch(/s3cr3t|not-the-Pw/);
  }, 60_000);

  it('--keep keeps the scratch databases; otherwise none remain, also after Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-verify-'));
    writeFileSync(join(dir, 's.sql'), 'CREATE TABLE t (id INT);\n');
    const kept = runCli([
      'verify',
      join(dir, 's.sql'),
      '--url',
      server.url,
      '--socket',
      server.socket,
      '--keep',
      '--format',
      'json',
    ]);
    const names = (JSON.parse(kept.stdout) as VerifyReport).databases;
    expect(scratch().split('\n').sort()).toEqual([names.clean, names.original].sort());
    server.sql(`DROP DATABASE ${names.original}; DROP DATABASE ${names.clean};`);
    // A long script, interrupted while it loads.
    writeFileSync(
      join(dir, 'long.sql'),
      Array.from({ length: 4000 }, (_, i) => `CREATE TABLE t${i} (id INT, v VARCHAR(20));`).join('\n'),
    );
    const child = spawn(
      process.execPath,
      [BIN, 'verify', join(dir, 'long.sql'), '--url', server.url, '--socket', server.socket],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 200 && scratch() === ''; i++) await new Promise((r) => setTimeout(r, 50));
    expect(scratch()).not.toBe('');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(scratch()).toBe('');
  }, 120_000);

  it('leaves no scratch database behind after the suite', () => {
    expect(scratch()).toBe('');
  });
});

// The race behind a CI failure, without a server: Ctrl-C arrives while the second CREATE DATABASE is
// in flight; the main flow then fails and reaches its `finally` while the interrupt's DROPs are still
// running. Closing the connection there must wait for them, or the second database stays behind.
describe('verify cleanup after an interrupt (scripted connection)', () => {
  it('closes the admin connection only after both DROPs that Ctrl-C started', async () => {
    const log: string[] = [];
    let interrupt: (() => Promise<void>) | undefined;
    const connect: Connect = async (database) => {
      if (database !== undefined) throw new Error(`Unknown database '${database}'`);
      let ended = false;
      let queue: Promise<unknown> = Promise.resolve();
      return {
        query(sql: string) {
          if (ended) return Promise.reject(new Error('Can\u2019t add new command when connection is in closed state'));
          const run = queue.then(async () => {
            await new Promise((r) => setTimeout(r, 5));
            log.push(sql.replace(/`clustrix_lint_verify_\w+_([oc])`/, '$1'));
            if (/^CREATE DATABASE .*_c`/.test(sql)) void interrupt?.();
            return [[], []] as [unknown, unknown];
          });
          queue = run.catch(() => undefined);
          return run;
        },
        end() {
          ended = true;
          return queue.then(() => void log.push('END'));
        },
      };
    };
    const input = {
      original: 'CREATE TABLE t (id INT);\n',
      clean: 'CREATE TABLE t (id INT);\n',
      applied: [],
      keep: false,
      onInterrupt: (cleanup: () => Promise<void>) => {
        interrupt = cleanup;
        return () => undefined;
      },
    };
    await expect(verify(input, connect)).rejects.toThrow(/Unknown database/);
    expect(log).toEqual([
      'CREATE DATABASE o',
      'CREATE DATABASE c',
      'DROP DATABASE IF EXISTS o',
      'DROP DATABASE IF EXISTS c',
      'END',
    ]);
  });
});
