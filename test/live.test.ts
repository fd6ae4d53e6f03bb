// Checking a live database on a real MariaDB (its own mariadbd, on a unix socket and 127.0.0.1
// with TLS): the fixture database (test/live-fixture.sql) read by an account with only the
// read privileges, findings placed on objects, the read-only proof from the server's general
// log, the clean script loaded back and checked again, an account that may read less, several
// databases, verify, baselines, and every connection error as one line without credentials.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { check } from '../src/index.js';
import { isReadOnlyStatement } from '../src/live/session.js';
import { snapshot } from '../src/verify/schema.js';
import type { VerifyReport } from '../src/verify/run.js';
import { runCli, type RunResult } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';
import { sarifValidator } from './helpers/sarif.js';
import { MARIADBD, MARIADB_SKIP_REASON, freePort, startMariadb, type Server } from './helpers/mariadb.js';

const PW = 's3cr3t-Pw!';
const WEAK_PW = 'w3ak-Pw#';
const TLS_PW = 'tl5-Only$';
const OPENSSL = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
if (MARIADBD !== null && !OPENSSL && process.env.CI === 'true')
  throw new Error('CI=true but openssl is not installed (.ci/run installs it)');

let server: Server;
let dir: string;
let cert: string;
const lintUrl = (db: string, pw = PW, user = 'lint') => `mysql://${user}:${encodeURIComponent(pw)}@localhost/${db}`;

interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  category?: string;
  message: string;
  objectName?: string;
  objectType?: string;
  line: number;
  column: number;
  fix: { kind: string } | null;
}
interface JsonReport {
  filePath: string;
  findings: JsonFinding[];
  live?: {
    server: { version: string; variables: Record<string, string> };
    databases: Array<{ name: string; objects: Array<Record<string, unknown>>; hidden: unknown[] }>;
    definers: Array<{ account: string; objects: string[] }>;
  };
}

/** Runs the CLI against the test server's socket. */
const live = (args: string[], options: { env?: Record<string, string> } = {}): RunResult =>
  runCli([...args, '--socket', server.socket], options);
const json = (r: RunResult) => JSON.parse(r.stdout) as JsonReport[];
/** Loads a script through the mariadb client as root. */
const loadInto = (db: string, file: string) =>
  execFileSync('mariadb', ['--no-defaults', `--socket=${server.socket}`, '-uroot', db], { input: readFileSync(file) });
const noSecrets = (...results: RunResult[]) => {
  for (const r of results) expect(r.stdout + r.stderr).not.toMatch(/s3cr3t|w3ak|tl5-Only|not-the-Pw/);
};

describe.skipIf(MARIADBD === null)(`checking a live database on a real MariaDB (${MARIADB_SKIP_REASON})`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-live-'));
    let tls: { cert: string; key: string } | undefined;
    if (OPENSSL) {
      cert = join(dir, 'cert.pem');
      const key = join(dir, 'key.pem');
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ], { stdio: 'ignore' }); // prettier-ignore
      tls = { cert, key };
    }
    server = await startMariadb({ tcp: true, tls, ephemeral: true });
    server.sql('CREATE DATABASE fx');
    loadInto('fx', join(ROOT, 'test', 'live-fixture.sql'));
    server.sql(
      [
        // Only the read privileges (MariaDB 10.11 has no SHOW CREATE ROUTINE: SELECT on mysql.proc).
        `CREATE USER 'lint'@'localhost' IDENTIFIED BY '${PW}'`,
        "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON *.* TO 'lint'@'localhost'",
        "GRANT SELECT ON mysql.proc TO 'lint'@'localhost'",
        `CREATE USER 'weak'@'localhost' IDENTIFIED BY '${WEAK_PW}'`,
        "GRANT SELECT, EXECUTE ON fx.* TO 'weak'@'localhost'",
        `CREATE USER 'tlsonly'@'%' IDENTIFIED BY '${TLS_PW}' REQUIRE SSL`,
        "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON fx.* TO 'tlsonly'@'%'",
        "GRANT SELECT ON mysql.proc TO 'tlsonly'@'%'",
      ].join('; '),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('reads every kind of object with only the read privileges; findings name the object and the line in its SHOW CREATE text', () => {
    const r = live(['check', lintUrl('fx'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const [report] = json(r);
    expect(report!.filePath).toBe('mysql://localhost/fx');
    const found = report!.findings.map((f) => `${f.ruleId} ${f.objectType} ${f.objectName}`);
    const on = (object: string) => `mysql://localhost/fx/${object}`;
    expect(found).toEqual(
      expect.arrayContaining([
        'no-server-variable-difference server mysql://localhost/',
        `no-unsupported-engine table ${on('cache')}`,
        `no-unsupported-index-type table ${on('cache')}`,
        `no-unsupported-partitioning table ${on('log')}`,
        `no-fulltext table ${on('doc')}`,
        `no-spatial table ${on('place')}`,
        `no-unsupported-charset table ${on('wide')}`,
        `no-unsupported-collation table ${on('wide')}`,
        `no-unsupported-routine-feature procedure ${on('purge_log')}`,
        `no-view-check-option view ${on('m_checked')}`,
        `no-event event ${on('nightly')}`,
      ]),
    );
    // The minimal account reads everything: nothing is unreadable.
    expect(found.filter((f) => f.startsWith('unreadable-object'))).toEqual([]);
    // The line is the line of the SHOW CREATE text, as the server prints it.
    const text = server.sql('SHOW CREATE TABLE fx.cache').split('\t')[1]!.replace(/\\n/g, '\n');
    const hashLine = text.split('\n').findIndex((l) => l.includes('USING HASH')) + 1;
    const hash = report!.findings.find((f) => f.ruleId === 'no-unsupported-index-type')!;
    expect(hash).toMatchObject({ line: hashLine, column: text.split('\n')[hashLine - 1]!.indexOf('USING HASH') + 1 });
    // The facts DDL text does not show.
    const objects = report!.live!.databases[0]!.objects;
    const fact = (name: string) => objects.find((o) => o.name === name)!;
    expect(fact('cache')).toMatchObject({ type: 'table', engine: 'MEMORY', rows: 1, read: true });
    expect(fact('parent')).toMatchObject({ engine: 'InnoDB', rows: 2 });
    expect(fact('child')).toMatchObject({ references: [{ database: 'fx', table: 'parent' }] });
    expect((fact('log').partitions as unknown[]).length).toBe(4);
    expect(fact('log').partitions).toContainEqual(expect.objectContaining({ method: 'HASH', name: 'p0' }));
    expect(fact('ticket_seq')).toMatchObject({ type: 'sequence' });
    expect(fact('child_bi')).toMatchObject({ type: 'trigger', table: 'child', definer: 'root@localhost' });
    expect(typeof fact('doc').size).toBe('number');
    expect(report!.live!.definers).toEqual([
      {
        account: 'root@localhost',
        objects: expect.arrayContaining(['mysql://localhost/fx/nightly', 'mysql://localhost/fx/z_parent']) as unknown,
      },
    ]);
    expect(report!.live!.server.variables.lower_case_table_names).toBe('0');
  }, 120_000);

  it('is read-only, provably: the general log shows only SELECT, SHOW and SET SESSION, READ ONLY first', async () => {
    const root = await mysql.createConnection({ socketPath: server.socket, user: 'root' });
    const before = await snapshot(root, 'fx');
    const log = join(server.dir, 'general.log');
    server.sql(`SET GLOBAL general_log_file = '${log}'; SET GLOBAL general_log = 1;`);
    const out = join(dir, 'ro-clean.sql');
    const runs = [
      live(['check', lintUrl('fx'), '--format', 'sarif']),
      live(['fix', lintUrl('fx'), '--lossy', '-o', out, '--dump', join(dir, 'ro-dump.sql')]),
      live(['check', 'mysql://lint@localhost/', '--all-databases', '--format', 'json'], { env: { MYSQL_PWD: PW } }),
    ];
    server.sql('SET GLOBAL general_log = 0;');
    expect(runs.map((r) => r.status)).toEqual([1, 1, 1]);
    // Entries: "[date time]\t<id> <Command>\t<argument>", arguments may continue on later lines.
    const entries: Array<{ id: string; command: string; argument: string }> = [];
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const m = /^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+(\d+) (\w+(?: \w+)?)\t(.*)$/.exec(line);
      if (m !== null) entries.push({ id: m[1]!, command: m[2]!, argument: m[3]! });
      else if (entries.length > 0 && line !== '') entries.at(-1)!.argument += '\n' + line;
    }
    const sessions = new Set(
      entries.filter((e) => e.command === 'Connect' && e.argument.startsWith('lint@')).map((e) => e.id),
    );
    expect(sessions.size).toBeGreaterThanOrEqual(6); // a server session and one per database, per run
    const ours = entries.filter((e) => sessions.has(e.id));
    expect([...new Set(ours.map((e) => e.command))].sort()).toEqual(['Connect', 'Query', 'Quit']);
    const queries = ours.filter((e) => e.command === 'Query');
    expect(queries.length).toBeGreaterThan(60);
    for (const q of queries) expect(isReadOnlyStatement(q.argument), q.argument).toBe(true);
    for (const id of sessions)
      expect(queries.find((q) => q.id === id)?.argument, `session ${id}`).toBe('SET SESSION TRANSACTION READ ONLY');
    expect(
      queries.some((q) =>
        /^SHOW CREATE (TABLE|VIEW|PROCEDURE|FUNCTION|TRIGGER|EVENT|SEQUENCE|DATABASE) /.test(q.argument),
      ),
    ).toBe(true);
    // And nothing changed.
    expect(await snapshot(root, 'fx')).toEqual(before);
    await root.end();
  }, 120_000);

  it('fix --lossy -o clean.sql: it loads into a fresh database, which then has nothing fixable left; what needs a person stays', () => {
    const clean = join(dir, 'clean.sql');
    const dump = join(dir, 'dump.sql');
    const fixed = live(['fix', lintUrl('fx'), '--lossy', '-o', clean, '--dump', dump, '--format', 'json']);
    expect(fixed.stderr).toBe('');
    const applied = (json(fixed)[0] as unknown as { applied: Array<{ ruleId: string; objectName: string }> }).applied;
    expect(applied.map((a) => a.ruleId)).toEqual(
      expect.arrayContaining([
        'no-unsupported-engine',
        'no-unsupported-index-type',
        'no-unsupported-partitioning',
        'no-fulltext',
        'no-unsupported-charset',
        'no-view-check-option',
        'no-event',
      ]),
    );
    expect(applied.find((a) => a.ruleId === 'no-fulltext')!.objectName).toBe('mysql://localhost/fx/doc');
    server.sql('CREATE DATABASE fx_clean; CREATE DATABASE fx_dump;');
    loadInto('fx_clean', clean);
    // The script as read loads too, and checking it gives what checking the database gave.
    loadInto('fx_dump', dump);
    const again = json(live(['check', lintUrl('fx_clean'), '--format', 'json']))[0]!;
    // Fixable and left: only ALGORITHM=UNDEFINED, which SHOW CREATE VIEW writes for every view (the clean
    // script has none; a mysqldump of the database would have it again), one per view.
    expect(
      again.findings
        .filter((f) => f.fix !== null)
        .map((f) => `${f.ruleId}/${f.messageId} ${f.objectName}`)
        .sort(),
    ).toEqual(
      ['a_tagged', 'm_checked', 'z_parent'].map(
        (v) => `no-unsupported-view-clause/algorithm mysql://localhost/fx_clean/${v}`,
      ),
    );
    // Advice apart: what is recommended for Xpand (a table without a primary key) is no problem left.
    const advice = again.findings.filter((f) => f.category === 'advice');
    expect(advice.map((f) => `${f.ruleId}/${f.messageId} ${f.objectName}`)).toEqual([
      'prefer-primary-key/noPrimaryKey mysql://localhost/fx_clean/hist',
    ]);
    const left = again.findings
      .filter((f) => f.fix === null && f.category !== 'advice')
      .map((f) => `${f.ruleId}/${f.messageId} ${f.objectName}`)
      .sort();
    expect(left).toEqual(
      [
        // The server's settings, and what needs a person: a spatial column, a CASE statement, a sequence.
        'no-sequence/unverified mysql://localhost/fx_clean/ticket_seq',
        'no-server-variable-difference/charsetDefault mysql://localhost/',
        'no-server-variable-difference/lowerCaseTableNames mysql://localhost/',
        'no-server-variable-difference/sqlModeDiscarded mysql://localhost/',
        'no-server-variable-difference/version mysql://localhost/',
        'no-spatial/type mysql://localhost/fx_clean/place',
        'no-unsupported-routine-feature/caseStatement mysql://localhost/fx_clean/purge_log',
      ].sort(),
    );
    const strip = (r: JsonReport) =>
      r.findings.map(
        (f) =>
          `${f.ruleId}/${f.messageId} ${f.objectName?.replace(/\/fx(_dump)?(\/|$)/, '/DB$2')} ${f.line}:${f.column}`,
      );
    expect(strip(json(live(['check', lintUrl('fx_dump'), '--format', 'json']))[0]!)).toEqual(
      strip(json(live(['check', lintUrl('fx'), '--format', 'json']))[0]!),
    );
    // The dump checked as a file: the script's findings of the live check (the server report aside).
    const asFile = check(readFileSync(dump, 'utf8')).map((f) => `${f.ruleId}/${f.messageId}`);
    const asLive = json(live(['check', lintUrl('fx'), '--format', 'json']))[0]!
      .findings.filter((f) => f.objectType !== 'server')
      .map((f) => `${f.ruleId}/${f.messageId}`);
    expect(asFile).toEqual(asLive);
  }, 180_000);

  it('an account that may read less: what it cannot read is a finding, never a crash', () => {
    const r = live(['check', lintUrl('fx', WEAK_PW, 'weak'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const unreadable = json(r)[0]!
      .findings.filter((f) => f.ruleId === 'unreadable-object')
      .map((f) => `${f.severity} ${f.objectType} ${f.objectName}: ${f.message.replace(/^.*?: /, '')}`);
    expect(unreadable).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error view mysql:\/\/localhost\/fx\/a_tagged: SHOW VIEW command denied to user 'weak'@'localhost'/,
        ),
        expect.stringMatching(/^error view mysql:\/\/localhost\/fx\/m_checked: /),
        expect.stringMatching(/^error procedure mysql:\/\/localhost\/fx\/purge_log: the server returned no definition/),
        expect.stringMatching(/^error function mysql:\/\/localhost\/fx\/label: the server returned no definition/),
        expect.stringMatching(/^warning database mysql:\/\/localhost\/fx: this account has no TRIGGER privilege on fx/),
        expect.stringMatching(
          /^warning database mysql:\/\/localhost\/fx: Access denied for user 'weak'@'localhost' to database 'fx'/,
        ),
      ]),
    );
    expect(unreadable).toHaveLength(7); // three views, two routines, triggers and events
    // What it could read is still checked.
    expect(json(r)[0]!.findings.some((f) => f.ruleId === 'no-unsupported-engine')).toBe(true);
    noSecrets(r);
  }, 60_000);

  it('several databases, and --all-databases without the system schemas', () => {
    server.sql(
      'CREATE DATABASE fx_other; CREATE TABLE fx_other.ref (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES fx.parent (id));',
    );
    const dump = join(dir, 'two.sql');
    const two = live(['check', lintUrl('fx_other,fx'), '--dump', dump]);
    expect(two.status).toBe(1);
    const script = readFileSync(dump, 'utf8');
    expect(script).toMatch(
      /^CREATE DATABASE `fx_other` \/\*!40100 DEFAULT CHARACTER SET latin1 COLLATE latin1_swedish_ci \*\/;$/m,
    );
    expect(script).toMatch(/^CREATE DATABASE `fx`/m);
    // fx.parent is created before fx_other.ref, which references it.
    expect(script.indexOf('CREATE TABLE `parent`')).toBeLessThan(script.indexOf('CREATE TABLE `ref`'));
    expect(script.slice(0, script.indexOf('CREATE TABLE `ref`'))).toMatch(
      /USE `fx_other`;\n\n-- table fx_other\.ref\n$/,
    );
    const all = json(
      live(['check', 'mysql://lint@localhost/', '--all-databases', '--format', 'json'], { env: { MYSQL_PWD: PW } }),
    )[0]!;
    const names = all.live!.databases.map((d) => d.name);
    const expected = server
      .sql('SHOW DATABASES')
      .trim()
      .split('\n')
      .filter((d) => !['mysql', 'sys', 'information_schema', 'performance_schema'].includes(d));
    expect(names).toEqual(expected);
    expect(names).toContain('fx_other');
    expect(all.filePath).toBe(`mysql://localhost/${expected.join(',')}`);
    server.sql('DROP DATABASE fx_other;');
  }, 120_000);

  it('names that differ only in case are read in byte order, the same every time', () => {
    // information_schema's names compare case-insensitively: ORDER BY alone leaves Cx/cx and T/t in any order.
    server.sql(
      'CREATE DATABASE cx; CREATE DATABASE Cx; CREATE TABLE cx.t (id INT PRIMARY KEY); CREATE TABLE cx.T (id INT PRIMARY KEY);',
    );
    try {
      const dump = join(dir, 'case.sql');
      const runs = [1, 2, 3].map(() => {
        const r = live(['check', 'mysql://lint@localhost/', '--all-databases', '--format', 'json', '--dump', dump], {
          env: { MYSQL_PWD: PW },
        });
        return { stdout: r.stdout, script: readFileSync(dump, 'utf8') };
      });
      expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
      expect(new Set(runs.map((r) => r.script)).size).toBe(1);
      const names = json({ stdout: runs[0]!.stdout } as RunResult)[0]!.live!.databases.map((d) => d.name);
      expect(names.indexOf('Cx')).toBeLessThan(names.indexOf('cx'));
      const script = runs[0]!.script;
      expect(script.indexOf('CREATE TABLE `T`')).toBeGreaterThan(0);
      expect(script.indexOf('CREATE TABLE `T`')).toBeLessThan(script.indexOf('CREATE TABLE `t`'));
    } finally {
      server.sql('DROP DATABASE cx; DROP DATABASE Cx;');
    }
  }, 120_000);

  it('the distribution advice reads the index cardinality from information_schema, not the column type', () => {
    // state is a VARCHAR holding 3 values; flag a TINYINT(1) used as a number (120 values); tiny is
    // a table too small for its statistics to tell, so its BOOLEAN is judged by the type.
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `(${i + 1}, '${['new', 'running', 'done'][i % 3]}', ${i % 120}, 'n${i}')`,
    ).join(',');
    server.sql(
      [
        'CREATE DATABASE fx_stats',
        'CREATE TABLE fx_stats.job (id INT NOT NULL, state VARCHAR(12) NOT NULL, flag TINYINT(1) NOT NULL, note VARCHAR(20), PRIMARY KEY (id), KEY k_state (state), KEY k_flag (flag), KEY k_note (note)) ENGINE=InnoDB',
        `INSERT INTO fx_stats.job VALUES ${rows}`,
        'CREATE TABLE fx_stats.tiny (id INT NOT NULL, on_off BOOLEAN, PRIMARY KEY (id), KEY k_on (on_off)) ENGINE=InnoDB',
        'INSERT INTO fx_stats.tiny VALUES (1, 0), (2, 1)',
        // The statistics a DBA's server keeps up to date, made current for the test.
        'ANALYZE TABLE fx_stats.job, fx_stats.tiny',
      ].join('; '),
    );
    try {
      const [report] = json(live(['check', lintUrl('fx_stats'), '--format', 'json']));
      const advice = report!.findings
        .filter((f) => f.ruleId === 'prefer-selective-distribution-key')
        .map((f) => `${f.objectName!.replace('mysql://localhost/fx_stats/', '')} ${f.message.split(':')[0]}`);
      // InnoDB's cardinality and row count are estimates (sampled pages): their exact values vary.
      expect(advice).toEqual([
        expect.stringMatching(
          /^job Index k_state leads with state, which holds \d+ distinct values in about [\d,]+ rows \(information_schema\.STATISTICS\)$/,
        ),
        "tiny Index k_on leads with on_off, which holds at most 2 values (TINYINT(1), MySQL's BOOLEAN)",
      ]);
      // The same script from a file: only the types speak (flag is a TINYINT(1), state a VARCHAR).
      const dump = join(dir, 'stats.sql');
      live(['check', lintUrl('fx_stats'), '--dump', dump]);
      const fromFile = check(readFileSync(dump, 'utf8'))
        .filter((f) => f.ruleId === 'prefer-selective-distribution-key')
        .map((f) => f.message.split(',')[0]);
      expect(fromFile).toEqual(['Index k_flag leads with flag', 'Index k_on leads with on_off']);
      // fix --apply-suggestion on the live database writes the suggestion into the clean script only.
      const out = join(dir, 'stats-clean.sql');
      const fixed = live([
        'fix',
        lintUrl('fx_stats'),
        '--apply-suggestion',
        'prefer-selective-distribution-key',
        '-o',
        out,
      ]);
      expect(fixed.status, fixed.stderr).toBe(0);
      const clean = readFileSync(out, 'utf8');
      expect(clean).toMatch(/KEY `k_state` \(`state`\) \/\*\$ DISTRIBUTE=2 \*\//);
      expect(clean).not.toMatch(/KEY `k_flag` \(`flag`\) \/\*\$/);
    } finally {
      server.sql('DROP DATABASE fx_stats;');
    }
  }, 120_000);

  it('verify mysql://…/db: the schema read is the original script, loaded with its clean version into scratch databases', () => {
    const r = live(['verify', lintUrl('fx'), '--url', 'mysql://root@localhost/', '--lossy', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as VerifyReport & { filePath: string };
    expect(report.filePath).toBe('mysql://localhost/fx');
    expect(report.cleanFailed).toEqual([]);
    expect(report.unexplained).toEqual([]);
    expect(report.explained.map((e) => e.because.split(':')[0])).toEqual(
      expect.arrayContaining(['no-fulltext', 'no-unsupported-engine', 'no-unsupported-partitioning']),
    );
    expect(r.status).toBe(0);
    expect(live(['verify', lintUrl('fx,fx_clean'), '--url', 'mysql://root@localhost/']).stderr).toMatch(
      /^clustrix-lint: mysql:\/\/localhost\/fx,fx_clean: verify compares one database; name exactly one\n$/,
    );
  }, 180_000);

  it('baselines match live findings by object, rule and message', () => {
    const baseline = join(dir, 'baseline.json');
    // Writing the baseline reports against it at once: nothing new.
    expect(live(['check', lintUrl('fx'), '--baseline-write', baseline]).status).toBe(0);
    const entries = (JSON.parse(readFileSync(baseline, 'utf8')) as { findings: Array<{ file: string }> }).findings;
    expect(new Set(entries.map((e) => e.file))).toEqual(new Set(['mysql://localhost/fx']));
    const r = live(['check', lintUrl('fx'), '--baseline', baseline]);
    expect(r).toMatchObject({ status: 0, stdout: '' });
    // A new table: only its findings are new, however the script around it moved.
    server.sql('CREATE TABLE fx.aaa_new (id INT, KEY k (id) USING HASH) ENGINE=MyISAM;');
    try {
      const other = live(['check', lintUrl('fx'), '--baseline', baseline, '-f', 'compact']);
      expect(other.status).toBe(0);
      expect(other.stdout.trimEnd().split('\n')).toEqual([
        // Advice on the new table too: it has no primary key.
        expect.stringMatching(/^mysql:\/\/localhost\/fx\/aaa_new:1:\d+: info prefer-primary-key /),
        expect.stringMatching(/^mysql:\/\/localhost\/fx\/aaa_new:3:\d+: warning no-unsupported-index-type /),
        expect.stringMatching(/^mysql:\/\/localhost\/fx\/aaa_new:4:\d+: warning no-unsupported-engine /),
      ]);
    } finally {
      server.sql('DROP TABLE fx.aaa_new;');
    }
  }, 60_000);

  it('every format names the objects; SARIF validates and lists the server rules', () => {
    const validate = sarifValidator();
    const sarif = JSON.parse(live(['check', lintUrl('fx'), '--format', 'sarif']).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, any>> }>;
    };
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.tool.driver.rules.map((x) => x.id)).toContain('unreadable-object');
    expect(sarif.runs[0]!.results.find((x) => x.ruleId === 'no-event')!.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'mysql://localhost/fx/nightly', name: 'nightly', kind: 'event' },
    ]);
    const stylish = live(['check', lintUrl('fx')]).stdout;
    expect(stylish).toMatch(/^mysql:\/\/localhost\/fx\n {2}server mysql:\/\/localhost\/\n/);
    expect(stylish).toMatch(/\n {2}table fx\.cache\n {4}\d+:\d+ +warning +USING HASH/);
    expect(live(['check', lintUrl('fx'), '-f', 'compact']).stdout).toMatch(
      /^mysql:\/\/localhost\/fx\/nightly:1:\d+: error no-event /m,
    );
    expect(live(['check', lintUrl('fx'), '-f', 'github']).stdout).toMatch(
      /^::error title=no-event::mysql:\/\/localhost\/fx\/nightly:1:\d+: Events/m,
    );
    expect(live(['check', lintUrl('fx'), '-f', 'junit']).stdout).toContain('classname="mysql://localhost/fx/nightly"');
  }, 120_000);

  describe('errors: one line, exit code 2, no credentials', () => {
    const oneLine = (r: RunResult, pattern: RegExp) => {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toMatch(pattern);
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      noSecrets(r);
    };

    it('refused connection, missing socket', async () => {
      const port = await freePort();
      oneLine(
        runCli(['check', `mysql://lint:${PW}@127.0.0.1:${port}/fx`]),
        new RegExp(
          `^clustrix-lint: cannot connect to 127\\.0\\.0\\.1:${port}: connection refused \\(is the server running`,
        ),
      );
      oneLine(
        runCli(['check', `mysql://lint:${PW}@localhost/fx`, '--socket', join(dir, 'no.sock')]),
        /^clustrix-lint: cannot connect to .*no\.sock: no such socket/,
      );
    }, 60_000);

    it('bad credentials (also with --debug), unknown database, no database named', () => {
      oneLine(
        live(['check', lintUrl('fx', 'not-the-Pw')]),
        /^clustrix-lint: cannot connect to .*mysqld\.sock: Access denied for user 'lint'@'localhost' \(using password: YES\) \(check the user and password/,
      );
      const debug = live(['check', lintUrl('fx', 'not-the-Pw'), '--debug']);
      expect(debug.status).toBe(2);
      noSecrets(debug);
      oneLine(
        live(['check', lintUrl('nope')]),
        /^clustrix-lint: mysql:\/\/localhost\/nope: unknown database 'nope' \(or this account has no privilege on it\)$/,
      );
      oneLine(
        live(['check', lintUrl('')]),
        /^clustrix-lint: mysql:\/\/localhost\/: name the databases to read \(mysql:\/\/localhost\/db1,db2\), or pass --all-databases$/,
      );
      oneLine(
        live(['check', lintUrl('fx'), '--all-databases']),
        /names databases; leave them out to use --all-databases/,
      );
      oneLine(
        live(['fix', lintUrl('fx'), '--write']),
        /^clustrix-lint: --write: mysql:\/\/localhost\/fx is a live database, which fix never changes; use -o FILE$/,
      );
      oneLine(
        runCli(['check', `mysql://lint:${PW}@localhost/fx?password=x`]),
        /^clustrix-lint: mysql:\/\/localhost\/fx: unknown URL parameter "password"/,
      );
    }, 60_000);

    it.skipIf(!OPENSSL)(
      'TLS required: an account created with REQUIRE SSL; with --tls and the CA it reads',
      () => {
        const url = `mysql://tlsonly:${encodeURIComponent(TLS_PW)}@localhost/fx`;
        oneLine(
          live(['check', url]),
          /Access denied for user 'tlsonly'@'localhost' \(using password: YES\) \(.*try --tls\)$/,
        );
        const tcp = `mysql://tlsonly:${encodeURIComponent(TLS_PW)}@127.0.0.1:${server.port!}/fx`;
        oneLine(
          runCli(['check', tcp]),
          /^clustrix-lint: cannot connect to 127\.0\.0\.1:\d+: Access denied for user 'tlsonly'/,
        );
        oneLine(
          runCli(['check', tcp, '--tls']),
          /^clustrix-lint: cannot connect to 127\.0\.0\.1:\d+: TLS: self-signed certificate \(trust the server's CA with --tls-ca FILE\)$/,
        );
        const ok = runCli(['check', tcp, '--tls-ca', cert, '--format', 'json']);
        expect(ok.stderr).toBe('');
        expect(ok.status).toBe(1);
        expect(json(ok)[0]!.filePath).toBe(`mysql://127.0.0.1:${server.port!}/fx`);
        noSecrets(ok);
      },
      60_000,
    );

    it('timeout: a server that never answers', async () => {
      const silent: NetServer = createServer(() => undefined);
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
      const port = (silent.address() as { port: number }).port;
      try {
        const r = await new Promise<RunResult>((resolveRun) => {
          // Asynchronously: this process must keep accepting on the silent port.
          const child = spawn(process.execPath, [
            join(ROOT, 'bin', 'clustrix-lint.js'),
            'check',
            `mysql://lint:${PW}@127.0.0.1:${port}/fx`,
            '--connect-timeout',
            '1',
          ]);
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
          child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
          child.once('exit', (status) => resolveRun({ status, stdout, stderr }));
        });
        oneLine(
          r,
          new RegExp(
            `^clustrix-lint: cannot connect to 127\\.0\\.0\\.1:${port}: no answer within 1 s \\(--connect-timeout\\)$`,
          ),
        );
      } finally {
        silent.close();
      }
    }, 60_000);

    it('a password never appears: not in reports, scripts, diffs or messages', () => {
      const out = join(dir, 'pw-clean.sql');
      const dump = join(dir, 'pw-dump.sql');
      const results = [
        live(['check', lintUrl('fx'), '--format', 'json']),
        live(['check', lintUrl('fx'), '--format', 'sarif']),
        live(['fix', lintUrl('fx'), '-o', out, '--dump', dump, '--diff', '-']),
        live(['check', `mysql://lint:${PW}@localhost/fx/extra`]),
        live(['check', `mysql:/lint:${PW}@localhost/fx`]),
      ];
      noSecrets(...results);
      for (const f of [out, dump]) expect(existsSync(f) ? readFileSync(f, 'utf8') : '').not.toContain(PW);
      expect(readFileSync(dump, 'utf8')).toMatch(/^-- Schema of mysql:\/\/localhost\/fx \(server version 10\./);
      writeFileSync(join(dir, 'unused'), '');
    }, 60_000);
  });
});
