// A script is bytes, as the mysql client reads it: a real latin1 dump made by mariadb-dump without
// --hex-blob (a BLOB holding every byte value, latin1 text) goes through check and fix --lossy on
// every path (whole text, streaming from a file and from standard input, the worker pool), the
// clean dumps are the same bytes, and loaded into a fresh database they give the source's
// CHECKSUM TABLE. And two WSO2-shaped cases: a registry BLOB (REG_CONTENT) holding PNG bytes, and
// latin1 text, byte-identical through fix but for the fixes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARIADBD, MARIADB_SKIP_REASON, startMariadb, type Server } from './helpers/mariadb.js';
import { BIN } from './helpers/paths.js';

/** Runs the built CLI with binary standard input; stdout as bytes. */
function cli(
  args: readonly string[],
  cwd: string,
  input?: Buffer,
): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: input ?? Buffer.alloc(0), maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Every byte value, 0…255, as hex. */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).join('');

describe.skipIf(MARIADBD === null)(`a latin1 binary dump round-trips through fix (${MARIADB_SKIP_REASON})`, () => {
  let server: Server;
  let dir: string;
  let dump: Buffer;
  const client = (db: string, input: Buffer) =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${server.socket}`, '-uroot', db], { input, stdio: 'pipe' });

  beforeAll(async () => {
    server = await startMariadb({ ephemeral: true });
    dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-dump-bytes-'));
    // Rows enough for several segments and several extended INSERTs (over 3 MB); the index USING
    // HASH and mariadb-dump's own executable comments give fix something to change.
    server.sql(
      'CREATE DATABASE src CHARACTER SET latin1; USE src; ' +
        'CREATE TABLE src.t (id INT PRIMARY KEY, b BLOB, v VARCHAR(100), KEY k (v) USING HASH) ' +
        "ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='caf\u00e9'; " +
        `INSERT INTO src.t SELECT seq, CONCAT(REPEAT(UNHEX('${ALL_BYTES}'), 4), seq), ` +
        "CONCAT(_latin1 X'E9FCDFE0F1', ' Z\u00fcrich ', seq) FROM seq_1_to_3000",
    );
    dump = execFileSync(
      'mariadb-dump',
      ['--no-defaults', `--socket=${server.socket}`, '-uroot', '--default-character-set=latin1', 'src'],
      { maxBuffer: 1 << 28 },
    );
    writeFileSync(join(dir, 'dump.sql'), dump);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the dump holds raw bytes that are not UTF-8: BLOB bytes and latin1 text', () => {
    expect(dump.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(dump.includes(Buffer.from([0xe9, 0xfc, 0xdf]))).toBe(true);
    expect(dump.includes(Buffer.from([0xfe, 0xff]))).toBe(true);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(dump)).toContain('\ufffd');
  });

  it('check reads it (streaming from the file and from stdin, the pool) with the same findings', () => {
    const runs = [
      cli(['check', 'dump.sql', '--format', 'json'], dir),
      cli(['check', '--stdin', '--stdin-filename', 'dump.sql', '--format', 'json'], dir, dump),
      cli(['check', 'dump.sql', '--format', 'json', '--concurrency', '2'], dir),
    ];
    const findings = runs.map((r) => {
      expect(r.status, r.stderr).not.toBe(2);
      const [file] = JSON.parse(r.stdout.toString('utf8')) as Array<{
        findings: Array<{ ruleId: string; line: number }>;
      }>;
      return file!.findings.map((m) => `${m.line} ${m.ruleId}`);
    });
    expect(findings[0]!.length).toBeGreaterThan(5);
    expect(findings[0]).toContain(
      `${
        dump
          .toString('latin1')
          .split('\n')
          .findIndex((l) => l.includes('USING HASH')) + 1
      } no-unsupported-index-type`,
    );
    for (const f of findings.slice(1)) expect(f).toEqual(findings[0]);
  });

  it('fix --lossy writes the same clean bytes on every path, and the clean dump loads with the same CHECKSUM TABLE', () => {
    const outs = [
      cli(['fix', '--lossy', 'dump.sql', '-o', 'clean-whole.sql', '--diff', 'clean.diff'], dir),
      cli(['fix', '--lossy', 'dump.sql', '-o', 'clean-stream.sql'], dir),
      cli(['fix', '--lossy', '--stdin', '-o', 'clean-stdin.sql'], dir, dump),
      cli(['fix', '--lossy', 'dump.sql', '-o', 'clean-pool.sql', '--concurrency', '2'], dir),
    ];
    for (const r of outs) expect(r.status, r.stderr).not.toBe(2);
    const clean = readFileSync(join(dir, 'clean-whole.sql'));
    for (const f of ['clean-stream.sql', 'clean-stdin.sql', 'clean-pool.sql'])
      expect(readFileSync(join(dir, f)).equals(clean), f).toBe(true);
    expect(clean.equals(dump)).toBe(false);
    expect(clean.toString('latin1')).not.toContain('USING HASH');
    // The data lines are the dump's own bytes.
    const inserts = (b: Buffer) =>
      b
        .toString('latin1')
        .split('\n')
        .filter((l) => l.startsWith('INSERT') || l.startsWith('('));
    expect(inserts(clean)).toEqual(inserts(dump));
    // The diff carries the bytes too: its removed and added lines are the input's and output's.
    expect(readFileSync(join(dir, 'clean.diff')).includes(Buffer.from("COMMENT='caf\u00e9'", 'utf8'))).toBe(true);

    server.sql('CREATE DATABASE dst CHARACTER SET utf8mb4');
    client('dst', clean);
    const checksum = (t: string) => server.sql(`CHECKSUM TABLE ${t}`).trim().split('\t')[1];
    expect(checksum('dst.t')).toBe(checksum('src.t'));
    expect(server.sql('SELECT COUNT(*), SUM(LENGTH(b)), MAX(v) = (SELECT MAX(v) FROM src.t) FROM dst.t').trim()).toBe(
      server.sql('SELECT COUNT(*), SUM(LENGTH(b)), 1 FROM src.t').trim(),
    );
  });
});

describe('WSO2-shaped dumps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-wso2-bytes-'));
  // The start of a PNG file: signature, IHDR, and bytes that are not UTF-8 (0x89, 0xff, 0x80…).
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7c6a0e0',
    'hex',
  );
  /** A registry resource row as mysqldump writes it without --hex-blob: the bytes escaped only where SQL needs. */
  const literal = (b: Buffer) =>
    Buffer.concat(
      [...b].map((x) =>
        x === 0
          ? Buffer.from('\\0')
          : x === 0x27
            ? Buffer.from("\\'")
            : x === 0x5c
              ? Buffer.from('\\\\')
              : x === 0x0a
                ? Buffer.from('\\n')
                : x === 0x0d
                  ? Buffer.from('\\r')
                  : x === 0x1a
                    ? Buffer.from('\\Z')
                    : Buffer.from([x]),
      ),
    );

  it('REG_CONTENT holding PNG bytes: checked, fixed, the BLOB bytes untouched', () => {
    const head = Buffer.from(
      'SET NAMES utf8mb4;\n' +
        'CREATE TABLE REG_CONTENT (REG_CONTENT_ID INTEGER NOT NULL AUTO_INCREMENT, REG_CONTENT_DATA LONGBLOB,\n' +
        '  REG_TENANT_ID INTEGER DEFAULT 0, PRIMARY KEY (REG_CONTENT_ID, REG_TENANT_ID)) ENGINE=MyISAM;\n' +
        "INSERT INTO `REG_CONTENT` VALUES (1,'",
    );
    const sql = Buffer.concat([
      head,
      literal(png),
      Buffer.from("',-1234),(2,'"),
      literal(png),
      Buffer.from("',-1234);\n"),
    ]);
    writeFileSync(join(dir, 'reg.sql'), sql);
    const check = cli(['check', 'reg.sql'], dir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout.toString('utf8')).toMatch(/3:\d+ +warning +ENGINE=MYISAM/);
    for (const args of [[], ['--diff', 'reg.diff']]) {
      const fix = cli(['fix', 'reg.sql', '-o', 'reg.out.sql', ...args], dir);
      expect(fix.status, fix.stderr).toBe(0);
      const out = readFileSync(join(dir, 'reg.out.sql'));
      expect(out.equals(Buffer.from(sql.toString('latin1').replace('ENGINE=MyISAM', 'ENGINE=InnoDB'), 'latin1'))).toBe(
        true,
      );
    }
  });

  it('latin1 text: table and column names and data in latin1 after SET NAMES latin1', () => {
    const sql = Buffer.from(
      'SET NAMES latin1;\n' +
        'CREATE TABLE `UM_R\u00d4LE` (`N\u00c4ME` VARCHAR(255), KEY i (`N\u00c4ME`) USING HASH) DEFAULT CHARSET=latin1;\n' +
        "INSERT INTO `UM_R\u00d4LE` VALUES ('Stra\u00dfe'),('Gen\u00e8ve');\n",
      'latin1',
    );
    writeFileSync(join(dir, 'latin1.sql'), sql);
    const check = cli(['check', 'latin1.sql'], dir);
    expect(check.status, check.stderr).toBe(0);
    // Columns count UTF-16 units of the text: one for each latin1 byte here.
    expect(check.stdout.toString('utf8')).toMatch(/2:61 +warning +USING HASH/);
    const stdin = cli(['fix', '--stdin'], dir, sql);
    expect(stdin.status, stdin.stderr).toBe(0);
    expect(stdin.stdout.equals(Buffer.from(sql.toString('latin1').replace(' USING HASH', ''), 'latin1'))).toBe(true);
    // Without the declaration, the same bytes in a name are refused where they are.
    const bare = Buffer.from(sql.toString('latin1').replace('SET NAMES latin1;\n', ''), 'latin1');
    writeFileSync(join(dir, 'bare.sql'), bare);
    const refused = cli(['check', 'bare.sql'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^bare\.sql:1:19: invalid UTF-8 byte 0xd4 outside a string literal/);
  });
});
