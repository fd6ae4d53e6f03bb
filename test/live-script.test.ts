// Live checking without a server: URLs and credentials, the read-only guard, grants, the order
// and text of the schema script, placing findings on objects (also after fixes), and what every
// format prints for them. test/live.test.ts runs the same on a real MariaDB.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, allRules } from '../rules/index.js';
import { fix } from '../src/index.js';
import { writeCompact } from '../src/format/compact.js';
import { writeGithub } from '../src/format/github.js';
import { writeJson } from '../src/format/json.js';
import { writeJunit } from '../src/format/junit.js';
import { FileRecords } from '../src/format/records.js';
import { writeSarif } from '../src/format/sarif.js';
import { writeStylish } from '../src/format/stylish.js';
import type { FileReport, Out } from '../src/format/types.js';
import { checkLive, fixLive, type LiveRead } from '../src/live/check.js';
import { connectFailure, parseServerUrl, redactUrls, safeUrlLabel } from '../src/live/connect.js';
import { allowsGlobally, allowsOnDatabase, parseGrants } from '../src/live/grants.js';
import { topological, viewReferences } from '../src/live/order.js';
import { isReadOnlyStatement, ReadOnlySession } from '../src/live/session.js';
import { buildScript } from '../src/live/script.js';
import type { LiveObject, LiveSchema } from '../src/live/types.js';
import { SqlSource } from '../src/core/source.js';
import { runCli } from './helpers/cli.js';
import { sarifValidator } from './helpers/sarif.js';

const PW = 's3cr3t-Pw!';

describe('server URLs', () => {
  it('user, password, host, port and databases; the shown name has no credentials', () => {
    const u = parseServerUrl(`mysql://lint:${encodeURIComponent(PW)}@db.example:3307/shop,crm`, {}, {});
    expect(u.options).toMatchObject({ user: 'lint', password: PW, host: 'db.example', port: 3307 });
    expect(u.databases).toEqual(['shop', 'crm']);
    expect(u.display).toBe('mysql://db.example:3307/shop,crm');
    expect(u.server).toBe('mysql://db.example:3307');
  });

  it('the password: URL, else --password-file, else MYSQL_PWD; ?socket= wins over --socket', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-url-'));
    writeFileSync(join(dir, 'pw'), 'from-file\n');
    expect(parseServerUrl('mysql://u@h/db', {}, { MYSQL_PWD: 'env' }).options.password).toBe('env');
    expect(
      parseServerUrl('mysql://u@h/db', { passwordFile: join(dir, 'pw') }, { MYSQL_PWD: 'env' }).options.password,
    ).toBe('from-file');
    const s = parseServerUrl('mysql://u@localhost/db?socket=/run/a.sock', { socket: '/run/b.sock' }, {});
    expect(s.options).toMatchObject({ socketPath: '/run/a.sock' });
    expect(s.options.host).toBeUndefined();
    expect(parseServerUrl('mysql://u@localhost/db', { socket: '/run/b.sock' }, {}).options.socketPath).toBe(
      '/run/b.sock',
    );
    expect(parseServerUrl('mariadb://u@h/', { tlsCa: '/ca.pem' }, {}).options.tls).toEqual({ ca: '/ca.pem' });
  });

  it('bad URLs are usage errors that never repeat the URL', () => {
    for (const bad of [
      `mysql://u:${PW}@h/a/b`,
      `mysql://u:${PW}@h/db?user=x`,
      `mysql://u:${PW}@h/a,,b`,
      `http://u:${PW}@h/`,
    ]) {
      let message = '';
      try {
        parseServerUrl(bad, {}, {}, safeUrlLabel(bad));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, bad).not.toBe('');
      expect(message).not.toContain(PW);
    }
    expect(safeUrlLabel(`mysql://lint:${PW}@db:3306/shop?socket=/x`)).toBe('mysql://db:3306/shop');
    expect(safeUrlLabel(`mysql://u:a/b@host/db`)).toBe('mysql://host/db');
    expect(redactUrls(`Unknown arguments: x, mysql://u:${PW}@h/db, "mariadb:/v:${PW}@k"`)).toBe(
      'Unknown arguments: x, mysql://h/db, "mariadb:/k"',
    );
  });

  it('the CLI never repeats a password, not even in an argument error', () => {
    for (const args of [
      ['rules', `mysql://u:${PW}@h/db`],
      ['check', `mysql:/u:${PW}@h/db`],
      ['check', `mysql://u:${PW}@h/db`, '--bogus'],
      ['fix', `mysql://u:${PW}@h/db`, '--dump'],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).not.toContain(PW);
    }
    expect(runCli(['check', `mysql:/u:${PW}@h/db`]).stderr).toBe(
      'clustrix-lint: mysql:/h/db: not a URL (expected mysql://user[:password]@host[:port]/[db1,db2])\n',
    );
  }, 60_000);

  it('connection failures: one line, a hint, the password scrubbed even if a driver echoed it', () => {
    const options = { host: 'db', port: 3306, password: PW, connectTimeout: 3 };
    expect(connectFailure({ code: 'ECONNREFUSED' }, options)).toBe(
      'cannot connect to db:3306: connection refused (is the server running and listening there?)',
    );
    expect(connectFailure({ code: 'ETIMEDOUT' }, options)).toBe(
      'cannot connect to db:3306: no answer within 3 s (--connect-timeout)',
    );
    expect(connectFailure({ errno: 3159, message: 'insecure' }, options)).toMatch(/only TLS connections: add --tls/);
    const echoed = connectFailure({ code: 'X', message: `bad password ${PW}\nsecond line` }, options);
    expect(echoed).toBe('cannot connect to db:3306: bad password *** second line');
  });
});

describe('read-only session', () => {
  it('passes SELECT, SHOW and SET SESSION only, one statement at a time', () => {
    for (const ok of [
      'SELECT 1',
      'show create table `t`',
      'SET SESSION TRANSACTION READ ONLY',
      "SET SESSION sql_mode = ''",
      'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    ])
      expect(isReadOnlyStatement(ok), ok).toBe(true);
    for (const bad of [
      'SET GLOBAL read_only = 0',
      'SET sql_mode = ""',
      'SET @x = 1',
      'SELECT 1; DROP TABLE t',
      "SELECT * FROM t INTO OUTFILE '/tmp/x'",
      'SELECT * FROM t FOR UPDATE',
      'SELECT * FROM t LOCK IN SHARE MODE',
      '/*!50000 DROP TABLE t */',
      'SELECT /*!50000 1; DROP TABLE t */',
      'CREATE TABLE t (id INT)',
      'CALL p()',
      'DO SLEEP(1)',
      'USE shop',
      "SELECT 'unterminated",
    ])
      expect(isReadOnlyStatement(bad), bad).toBe(false);
  });

  it('refuses anything else before it reaches the connection, and starts read-only', async () => {
    const sent: string[] = [];
    const connection = {
      query: async (q: string | { sql: string; timeout?: number }) => {
        sent.push(typeof q === 'string' ? q : q.sql);
        // Every statement goes with a timeout, so a server that stops answering cannot hang a run.
        expect(typeof q === 'string' ? undefined : q.timeout).toBeGreaterThan(0);
        return [[], []] as [unknown, unknown];
      },
      end: async () => undefined,
    };
    const session = await ReadOnlySession.open(async () => connection);
    await expect(session.query('DROP DATABASE shop')).rejects.toThrow(/refusing to send/);
    await session.query('SHOW DATABASES');
    expect(sent[0]).toBe('SET SESSION TRANSACTION READ ONLY');
    expect(sent).not.toContain('DROP DATABASE shop');
    expect(sent.at(-1)).toBe('SHOW DATABASES');
  });
});

describe('grants', () => {
  const grants = parseGrants([
    "GRANT USAGE ON *.* TO `lint`@`localhost` IDENTIFIED BY PASSWORD '*ABC'",
    'GRANT SELECT, SHOW VIEW, TRIGGER ON `shop`.* TO `lint`@`localhost`',
    'GRANT SELECT (a, b), UPDATE ON `crm`.`t` TO `lint`@`localhost`',
    'GRANT EXECUTE ON PROCEDURE `crm`.`p` TO `lint`@`localhost`',
    'GRANT ALL PRIVILEGES ON `app\\_%`.* TO `lint`@`localhost`',
    'GRANT `reader` TO `lint`@`localhost`',
  ]);
  it('reads privileges by database, with LIKE patterns and ALL', () => {
    expect(allowsOnDatabase(grants, 'shop', ['TRIGGER'])).toBe(true);
    expect(allowsOnDatabase(grants, 'shop', ['EVENT'])).toBe(false);
    expect(allowsOnDatabase(grants, 'crm', ['SELECT', 'EXECUTE'])).toBe(false);
    expect(allowsOnDatabase(grants, 'app_one', ['EVENT'])).toBe(true);
    expect(allowsOnDatabase(grants, 'appXone', ['EVENT'])).toBe(false);
    expect(allowsGlobally(grants, ['SELECT'])).toBe(false);
    expect(allowsGlobally(parseGrants(['GRANT SELECT ON *.* TO x']), ['SELECT'])).toBe(true);
  });
});

describe('order', () => {
  it('a stable topological order; a cycle is appended and reported', () => {
    const deps: Record<string, string[]> = { child: ['parent'], parent: [], a: ['b'], b: ['a'], z: [] };
    const r = topological(
      ['a', 'b', 'child', 'parent', 'z'],
      (x) => x,
      (x) => deps[x]!,
    );
    expect(r.order).toEqual(['parent', 'child', 'z', 'a', 'b']);
    expect(r.cyclic).toEqual(['a', 'b']);
  });

  it('view references: backquoted names, qualified or not', () => {
    const refs = viewReferences(
      'CREATE VIEW `v` AS select `z`.`id` AS `id` from (`z_parent` `z` join `other`.`t` on(1))',
      'shop',
    );
    expect(refs.has('shop\u0000z_parent')).toBe(true);
    expect(refs.has('other\u0000t')).toBe(true);
    expect(refs.has('shop\u0000select')).toBe(false);
  });
});

// A synthetic server: what readSchema would return.
function object(
  type: LiveObject['type'],
  name: string,
  createText: string | null,
  extra: Partial<LiveObject> = {},
): LiveObject {
  return {
    type,
    database: 'shop',
    name,
    createText,
    error: createText === null ? 'SHOW VIEW command denied' : null,
    readWith: `SHOW CREATE ${type.toUpperCase()} \`shop\`.\`${name}\``,
    definer: type === 'table' ? null : 'root@localhost',
    sqlMode: null,
    ...extra,
  };
}
const facts = (references: Array<{ database: string; table: string }> = []) => ({
  engine: 'InnoDB',
  rows: 10,
  dataLength: 16384,
  indexLength: 0,
  size: 16384,
  collation: 'latin1_swedish_ci',
  createOptions: '',
  partitions: [],
  references,
});

function schema(objects: LiveObject[], databases = ['shop']): LiveSchema {
  return {
    server: {
      url: 'mysql://db.example',
      version: '10.11.19-MariaDB',
      flavor: 'mariadb',
      variables: {
        version: '10.11.19-MariaDB',
        character_set_server: 'latin1',
        sql_mode: 'STRICT_TRANS_TABLES',
        lower_case_table_names: '0',
        event_scheduler: 'ON',
      },
    },
    databases: databases.map((d) => ({
      name: d,
      charset: 'latin1',
      collation: 'latin1_swedish_ci',
      createText: `CREATE DATABASE \`${d}\` /*!40100 DEFAULT CHARACTER SET latin1 COLLATE latin1_swedish_ci */`,
      objects: objects.filter((o) => o.database === d),
      hidden:
        d === 'shop'
          ? [{ database: d, kind: 'events', readWith: `SHOW EVENTS FROM \`${d}\``, reason: 'Access denied' }]
          : [],
    })),
    definers: [],
  };
}

const CHILD =
  'CREATE TABLE `child` (\n  `id` int(11) NOT NULL,\n  `p` int(11),\n  KEY `k` (`p`) USING HASH,\n  CONSTRAINT `f` FOREIGN KEY (`p`) REFERENCES `parent` (`id`)\n) ENGINE=MyISAM';
const PARENT = 'CREATE TABLE `parent` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB';
const PROC = 'CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()\nBEGIN\n  SELECT 1;;\n  SELECT 2;\nEND';
const VIEW_B =
  'CREATE ALGORITHM=UNDEFINED VIEW `b_view` AS select `a`.`id` AS `id` from `z_view` `a` WITH CASCADED CHECK OPTION';
const VIEW_Z = 'CREATE ALGORITHM=UNDEFINED VIEW `z_view` AS select `parent`.`id` AS `id` from `parent`';
const EVENT = 'CREATE DEFINER=`root`@`localhost` EVENT `e` ON SCHEDULE EVERY 1 DAY DO CALL p()';

const shop = () =>
  schema([
    object('table', 'child', CHILD, { facts: facts([{ database: 'shop', table: 'parent' }]) }),
    object('table', 'parent', PARENT, { facts: facts() }),
    object('procedure', 'p', PROC, { sqlMode: 'ANSI_QUOTES' }),
    object('view', 'b_view', VIEW_B),
    object('view', 'z_view', VIEW_Z),
    object('view', 'secret', null),
    object('event', 'e', EVENT, { sqlMode: 'STRICT_TRANS_TABLES' }),
  ]);

describe('the schema script', () => {
  const built = buildScript(shop(), 'mysql://db.example/shop');
  const text = built.script.text;

  it('is the SHOW CREATE texts verbatim, in an order that loads', () => {
    const at = (s: string) => text.indexOf(s);
    for (const t of [CHILD, PARENT, PROC, VIEW_B, VIEW_Z, EVENT]) expect(text).toContain(t);
    expect(at(PARENT)).toBeLessThan(at(CHILD));
    expect(at(CHILD)).toBeLessThan(at(PROC));
    expect(at(PROC)).toBeLessThan(at(VIEW_Z));
    expect(at(VIEW_Z)).toBeLessThan(at(VIEW_B));
    expect(at(VIEW_B)).toBeLessThan(at(EVENT));
    expect(text).not.toContain('FOREIGN_KEY_CHECKS');
    expect(text).toContain('ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci;');
    expect(text).not.toContain('CREATE DATABASE');
    expect(text).toContain('-- view shop.secret could not be read: SHOW VIEW command denied');
  });

  it('bodies sit in DELIMITER blocks with a delimiter none of them contains, and their own sql_mode', () => {
    expect(text).toContain(`DELIMITER $$\n-- procedure shop.p\n${PROC}$$`);
    expect(text).toContain("SET SESSION sql_mode = 'ANSI_QUOTES';");
    expect(text).toContain('SET SESSION sql_mode = @OLD_SQL_MODE;');
    expect(text.indexOf('SET @OLD_SQL_MODE = @@SQL_MODE;')).toBeLessThan(text.indexOf("'ANSI_QUOTES'"));
    // The event was created under the server's mode: no SET for it.
    expect(text.slice(text.indexOf(EVENT) - 200, text.indexOf(EVENT))).not.toContain('sql_mode =');
    const statements = new SqlSource(text).statements.map((s) => text.slice(s.start, s.end));
    for (const t of [CHILD, PARENT, PROC, VIEW_B, VIEW_Z, EVENT]) expect(statements).toContain(t);
  });

  it('turns foreign key checks off around a cycle, and says why', () => {
    const cyc = buildScript(
      schema([
        object('table', 'a', 'CREATE TABLE `a` (`id` int)', { facts: facts([{ database: 'shop', table: 'b' }]) }),
        object('table', 'b', 'CREATE TABLE `b` (`id` int)', { facts: facts([{ database: 'shop', table: 'a' }]) }),
      ]),
      'x',
    ).script.text;
    expect(cyc).toMatch(
      /-- Foreign key checks are off while the tables are created: the foreign keys of shop.a, shop.b form a cycle.\nSET FOREIGN_KEY_CHECKS = 0;[\s\S]*SET FOREIGN_KEY_CHECKS = 1;/,
    );
  });

  it('with several databases it creates each and switches with USE', () => {
    const two = buildScript(
      schema(
        [
          object('table', 't', 'CREATE TABLE `t` (`id` int)', { facts: facts() }),
          { ...object('table', 'u', 'CREATE TABLE `u` (`id` int)', { facts: facts() }), database: 'crm' },
        ],
        ['shop', 'crm'],
      ),
      'x',
    ).script.text;
    expect(two).toMatch(/CREATE DATABASE `shop` \/\*!40100[^\n]*;\n\nCREATE DATABASE `crm`/);
    expect(two).toMatch(/USE `shop`;\n\n-- table shop.t\nCREATE TABLE `t`[\s\S]*USE `crm`;\n\n-- table crm.u/);
  });

  it('the server report: one SET GLOBAL per variable, one SHOW per thing not read', () => {
    expect(built.report.text).toBe(
      [
        '-- mysql://db.example',
        "SET GLOBAL version = '10.11.19-MariaDB';",
        "SET GLOBAL character_set_server = 'latin1';",
        "SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES';",
        'SET GLOBAL lower_case_table_names = 0;',
        "SET GLOBAL event_scheduler = 'ON';",
        'SHOW CREATE VIEW `shop`.`secret`; -- SHOW VIEW command denied',
        'SHOW EVENTS FROM `shop`; -- Access denied',
        '',
      ].join('\n'),
    );
    expect(text).toContain('--   SET GLOBAL lower_case_table_names = 0;\n');
  });
});

describe('findings on objects', () => {
  const read = (): LiveRead => ({ schema: shop(), script: buildScript(shop(), 'mysql://db.example/shop') });

  it('name the object and the line inside its SHOW CREATE text', () => {
    const r = checkLive(read());
    const where = r.findings.map(
      (f) => `${f.object.type} ${f.object.name} ${f.object.line}:${f.object.column} ${f.ruleId}`,
    );
    expect(where).toEqual([
      'server mysql://db.example/ 2:22 no-server-variable-difference',
      'server mysql://db.example/ 3:35 no-server-variable-difference',
      'server mysql://db.example/ 5:37 no-server-variable-difference',
      'server mysql://db.example/ 6:30 no-server-variable-difference',
      'view mysql://db.example/shop/secret 1:1 unreadable-object',
      'database mysql://db.example/shop 1:1 unreadable-object',
      // Advice: the table has no primary key.
      'table mysql://db.example/shop/child 1:14 prefer-primary-key',
      'table mysql://db.example/shop/child 4:17 no-unsupported-index-type',
      'table mysql://db.example/shop/child 6:10 no-unsupported-engine',
      'procedure mysql://db.example/shop/p 1:1 no-discarded-sql-mode',
      // SHOW CREATE VIEW always writes ALGORITHM=UNDEFINED, which Xpand's CREATE VIEW grammar lacks.
      'view mysql://db.example/shop/z_view 1:8 no-unsupported-view-clause',
      'view mysql://db.example/shop/b_view 1:8 no-unsupported-view-clause',
      'view mysql://db.example/shop/b_view 1:87 no-view-check-option',
      'event mysql://db.example/shop/e 1:35 no-event',
    ]);
    expect(r.findings.find((f) => f.ruleId === 'unreadable-object')!.message).toBe(
      'The view shop.secret could not be read with this account, so it was not checked for Xpand 23.09: SHOW VIEW command denied.',
    );
  });

  it('fixing gives what fix gives on the script, with every fix and leftover on its object', () => {
    const r = read();
    const live = fixLive(r, { lossy: true });
    const plain = fix(r.script.script.text, { lossy: true });
    expect(live.output).toBe(plain.output);
    expect(live.applied.map((a) => `${a.object.object} ${a.object.line}:${a.object.column} ${a.ruleId}`)).toEqual([
      'child 4:17 no-unsupported-index-type',
      'child 6:10 no-unsupported-engine',
      'z_view 1:8 no-unsupported-view-clause',
      'b_view 1:8 no-unsupported-view-clause',
      'b_view 1:87 no-view-check-option',
      'e 1:35 no-event',
    ]);
    expect(live.remaining.filter((f) => f.fix !== null)).toEqual([]);
    const sqlMode = live.remaining.find((f) => f.ruleId === 'no-discarded-sql-mode')!;
    // The SET before the procedure: on the procedure, at its start.
    expect(sqlMode.object).toMatchObject({ type: 'procedure', name: 'mysql://db.example/shop/p', line: 1, column: 1 });
  });

  it('settings reach both rule sets; an unknown rule id is still refused', () => {
    const r = checkLive(read(), { rules: { 'no-server-variable-difference': 'off', 'no-event': 'off' } });
    expect(r.findings.map((f) => f.ruleId)).not.toContain('no-server-variable-difference');
    expect(r.findings.map((f) => f.ruleId)).not.toContain('no-event');
    expect(() => checkLive(read(), { rules: { 'no-such-rule': 'off' } })).toThrow(/unknown rule "no-such-rule"/);
  });
});

describe('formats', () => {
  const r: LiveRead = { schema: shop(), script: buildScript(shop(), 'mysql://db.example/shop') };
  const result = checkLive(r);
  const report: FileReport = {
    filePath: 'mysql://db.example/shop',
    target: 'xpand-23.09',
    findings: result.findings,
    live: r.schema,
  };
  /** What a writer writes for the report (its records filled as the CLI fills them). */
  const written = async (write: (files: FileRecords[], out: Out) => Promise<void>, all = true) => {
    const records = new FileRecords(report.filePath, report.target, { all, limit: Infinity, quiet: false });
    records.live = report.live ?? null;
    records.fill(report.findings);
    let text = '';
    try {
      await write([records], (t) => {
        text += t;
      });
    } finally {
      records.dispose();
    }
    return text;
  };

  it('stylish groups by object, the server first', async () => {
    const out = await written((f, o) => writeStylish(f, o, { color: false, verbose: false }), false);
    expect(out).toMatch(
      /^mysql:\/\/db\.example\/shop\n {2}server mysql:\/\/db\.example\/\n {4}2:22 +info +The server reports/,
    );
    expect(out).toMatch(
      /\n {2}table shop\.child\n {4}1:14 +info +child has no primary key[^\n]*\n {4}4:17 +warning +USING HASH[^\n]*\n {4}6:10 +warning +ENGINE=MYISAM/,
    );
    expect(out).toMatch(/\n {2}view shop\.secret\n {4}1:1 +error +The view shop\.secret could not be read/);
    expect(out.indexOf('database shop')).toBeLessThan(out.indexOf('table shop.child'));
  });

  it('compact, github and junit name the object and the line inside it', async () => {
    expect(await written(writeCompact)).toContain(
      'mysql://db.example/shop/child:4:17: warning no-unsupported-index-type ',
    );
    const gh = await written(writeGithub);
    expect(gh).toContain('::warning title=no-unsupported-index-type::mysql://db.example/shop/child:4:17: USING HASH');
    expect(gh).not.toContain('file=');
    const junit = await written(writeJunit);
    expect(junit).toContain(
      '<testcase name="no-event at mysql://db.example/shop/e:1:35" classname="mysql://db.example/shop/e">',
    );
  });

  it('json: objectName, objectType and the object line; the live facts', async () => {
    const json = JSON.parse(await written(writeJson)) as Array<Record<string, unknown>>;
    const findings = json[0]!.findings as Array<Record<string, unknown>>;
    expect(findings.find((f) => f.ruleId === 'no-unsupported-engine')).toMatchObject({
      objectName: 'mysql://db.example/shop/child',
      objectType: 'table',
      line: 6,
      column: 10,
    });
    const live = json[0]!.live as { databases: Array<{ objects: Array<Record<string, unknown>> }> };
    expect(live.databases[0]!.objects.find((o) => o.name === 'child')).toMatchObject({
      type: 'table',
      engine: 'InnoDB',
      rows: 10,
      size: 16384,
      references: [{ database: 'shop', table: 'parent' }],
      read: true,
    });
    expect(live.databases[0]!.objects.find((o) => o.name === 'secret')).toMatchObject({ read: false });
    expect(JSON.stringify(json)).not.toContain('CREATE TABLE');
  });

  it('sarif: logical locations, valid against the schema, the server rules listed', async () => {
    const validate = sarifValidator();
    const sarif = await written((f, o) =>
      writeSarif(f, o, { rules: allRules, version: '0.0.0', docs: () => undefined }),
    );
    const log = JSON.parse(sarif) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, any>> }>;
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.length).toBe(rules.length + 2);
    const engine = run.results.find((x) => x.ruleId === 'no-unsupported-engine')!;
    expect(engine.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'mysql://db.example/shop/child' },
        region: { startLine: 6, startColumn: 10, endLine: 6, endColumn: 16 },
      },
      logicalLocations: [{ fullyQualifiedName: 'mysql://db.example/shop/child', name: 'child', kind: 'table' }],
    });
    expect(engine.fixes).toBeUndefined();
  });
});
