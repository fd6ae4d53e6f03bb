// The bad-input table: each case through the real bin, one clear message (file:line:col where it
// applies), exit 2 or the right finding, no stack trace, no partial output, input unchanged.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { BIN } from './helpers/paths.js';
import { sarifValidator } from './helpers/sarif.js';

const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'clustrix-lint-bad-'));
  chmodSync(d, 0o755);
  return d;
};

interface Row {
  readonly name: string;
  readonly content: string | Buffer;
  /** Expected exit code of check and of fix -o (fixStatus when the fix clears the findings). */
  readonly status: number;
  readonly fixStatus?: number;
  /** The one-line message on stderr (exit 2), or a pattern the report must show. */
  readonly message?: RegExp;
  readonly report?: RegExp;
  /** The bytes fix -o must write (when it writes). */
  readonly output?: Buffer;
}

/** Bytes from text whose `\xNN` escapes stand for single bytes (any value, not UTF-8 encoded). */
const raw = (s: string): Buffer => Buffer.from(s, 'latin1');

const nested = 'SELECT ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000) + ';\n';
const rows: Row[] = [
  { name: 'empty file', content: '', status: 0 },
  { name: 'comments only', content: '-- nothing\n/* at */ # all\n', status: 0 },
  {
    name: 'binary (NUL bytes)',
    content: Buffer.from([0x2d, 0x2d, 0x0a, 0x00, 0xff]),
    status: 2,
    message: /^in\.sql:2:1: binary file \(NUL byte\)/,
  },
  {
    name: 'invalid UTF-8',
    content: Buffer.from([0x53, 0x45, 0x4c, 0x0a, 0x20, 0xfe, 0x3b]),
    status: 2,
    message: /^in\.sql:2:2: invalid UTF-8 byte 0xfe/,
  },
  // A script is bytes: what is not UTF-8 passes inside literals (a BLOB dumped without
  // --hex-blob, latin1 text), in comments, and in code once the script says it is latin1.
  {
    name: 'bytes that are not UTF-8 inside string literals and a comment pass, byte-identical',
    content: raw(
      "CREATE INDEX i USING HASH ON t(c);\nINSERT INTO t VALUES ('\xfe\x00\x80\xc3',_binary'\xff');\n-- caf\xe9\nSELECT 'Z\xfcrich';\n",
    ),
    status: 1,
    fixStatus: 0,
    report: /1:16 .*USING HASH/,
    output: raw(
      "CREATE INDEX i ON t(c);\nINSERT INTO t VALUES ('\xfe\x00\x80\xc3',_binary'\xff');\n-- caf\xe9\nSELECT 'Z\xfcrich';\n",
    ),
  },
  {
    name: 'a latin1 script (SET NAMES latin1) takes bytes in code as they are',
    content: raw('/*!40101 SET NAMES latin1 */;\nCREATE INDEX i USING HASH ON `caf\xe9`(c);\n'),
    status: 1,
    fixStatus: 0,
    report: /2:16 .*USING HASH/,
  },
  {
    name: 'invalid UTF-8 in a quoted identifier of a UTF-8 script',
    content: raw("SELECT '\xe9';\nCREATE INDEX i ON `caf\xe9`(c);\n"),
    status: 2,
    message: /^in\.sql:2:23: invalid UTF-8 byte 0xe9 outside a string literal/,
  },
  {
    name: 'a NUL byte in a comment',
    content: raw("SELECT '\x00';\n/* \x00 */\n"),
    status: 2,
    message: /^in\.sql:2:4: binary file \(NUL byte\)/,
  },
  {
    name: 'UTF-16 with BOM',
    content: Buffer.from('\ufeffSELECT 1;', 'utf16le'),
    status: 2,
    message: /^in\.sql:1:1: UTF-16 text is not supported/,
  },
  {
    name: 'unterminated string',
    content: "SELECT 1;\nSELECT 'abc;\n",
    status: 2,
    message: /^in\.sql:2:8: unterminated string literal$/,
  },
  {
    name: 'unterminated backtick',
    content: 'CREATE TABLE `t (a INT);\n',
    status: 2,
    message: /^in\.sql:1:14: unterminated quoted identifier$/,
  },
  {
    name: 'unterminated block comment',
    content: 'SELECT 1; /* oops\n',
    status: 2,
    message: /^in\.sql:1:11: unterminated comment$/,
  },
  {
    name: 'unterminated executable comment',
    content: 'CREATE TABLE t (a INT)\n/*!50100 PARTITION BY HASH (a);\n',
    status: 2,
    message: /^in\.sql:2:1: unterminated executable comment$/,
  },
  {
    name: 'DELIMITER never reset',
    content: 'DELIMITER $$\nCREATE INDEX i USING HASH ON t(c)$$\n',
    status: 1,
    fixStatus: 0,
    report: /2:16 .*USING HASH/,
  },
  {
    name: '10,000 nested parentheses',
    content: nested + 'CREATE INDEX i USING HASH ON t(c);\n',
    status: 1,
    fixStatus: 0,
    report: /2:16 .*USING HASH/,
  },
];

describe('bad input', () => {
  it.each(rows)(
    '$name',
    (row) => {
      const dir = tmp();
      const input = join(dir, 'in.sql');
      writeFileSync(input, row.content);
      const check = runCli(['check', 'in.sql'], { cwd: dir });
      const fix = runCli(['fix', 'in.sql', '-o', 'out.sql'], { cwd: dir });
      for (const [r, status] of [
        [check, row.status],
        [fix, row.fixStatus ?? row.status],
      ] as const) {
        expect(r.status, r.stderr).toBe(status);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        if (row.message) {
          expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(r.stderr.trimEnd()).toMatch(row.message);
        }
      }
      if (row.report) expect(check.stdout).toMatch(row.report);
      if (row.output) expect(readFileSync(join(dir, 'out.sql'))).toEqual(row.output);
      // An input that cannot be read or tokenized is also the report's finding, at the same place.
      if (row.message) {
        const place = /^in\.sql:(\d+):(\d+): (.*)$/.exec(check.stderr.trimEnd())!;
        expect(check.stdout).toContain(`${place[1]}:${place[2]}  error    ${place[3]}  syntax-error`);
      }
      expect(readFileSync(input)).toEqual(Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content));
      // No partial output: out.sql exists only when the run succeeded, and no temporary file is left.
      expect(existsSync(join(dir, 'out.sql'))).toBe(row.status !== 2);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    60_000,
  );

  it('a 50 MB single line streams through check and fix', () => {
    const dir = tmp();
    const row = `('${'x'.repeat(90)}','it''s; USING HASH \\' ok')`;
    const values = Array.from({ length: Math.ceil((50 * 1024 * 1024) / (row.length + 1)) }, () => row).join(',');
    const sql = `CREATE INDEX i USING HASH ON t(c); INSERT INTO t VALUES ${values};`;
    writeFileSync(join(dir, 'big.sql'), sql);
    const check = runCli(['check', 'big.sql', '--format', 'compact'], { cwd: dir });
    expect(check.stdout).toBe(
      'big.sql:1:16: error no-unsupported-index-type USING HASH before the column list is not accepted by Xpand 23.09 (its grammar has the index type only after the column list); every Xpand 23.09 index is a B+tree anyway.\n',
    );
    const fix = runCli(['fix', 'big.sql', '-o', 'out.sql'], { cwd: dir });
    expect(fix.status).toBe(0);
    expect(readFileSync(join(dir, 'out.sql'), 'utf8') === sql.replace(' USING HASH ON', ' ON')).toBe(true);
  }, 120_000);

  it('a directory as fix -o: exit 2, nothing written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    mkdirSync(join(dir, 'outdir'));
    const r = runCli(['fix', 'in.sql', '-o', 'outdir'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^clustrix-lint: .*outdir: cannot write \(EISDIR\)$/);
    expect(readdirSync(dir).sort()).toEqual(['in.sql', 'outdir']);
    expect(readdirSync(join(dir, 'outdir'))).toEqual([]);
  });

  // Permissions do not stop root, so these run the bin as the unprivileged user `nobody`.
  const isRoot = process.getuid?.() === 0;
  const runuser = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  // A checkout below a folder only root may enter (a `mktemp -d` folder, say) is out of nobody's
  // reach: the bin itself would fail to start, which says nothing about clustrix-lint.
  const reachable =
    runuser && spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, BIN, '--version']).status === 0;
  const skipWhy = !isRoot
    ? ''
    : !runuser
      ? ' (skipped: root without runuser)'
      : !reachable
        ? ` (skipped: user nobody cannot reach ${BIN}: the checkout is below a folder only root may enter)`
        : '';
  const asUser = (args: string[], cwd: string) => {
    const cmd = runuser
      ? ['runuser', '-u', 'nobody', '--', process.execPath, BIN, ...args]
      : [process.execPath, BIN, ...args];
    const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it.skipIf(isRoot && !reachable)(`an unreadable file, an output in a read-only directory${skipWhy}`, () => {
    const dir = tmp();
    writeFileSync(join(dir, 'secret.sql'), 'SELECT 1;\n');
    chmodSync(join(dir, 'secret.sql'), 0o000);
    const r = asUser(['check', 'secret.sql'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('clustrix-lint: secret.sql: permission denied');
    const ro = tmp();
    writeFileSync(join(ro, 'in.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    chmodSync(join(ro, 'in.sql'), 0o644);
    chmodSync(ro, 0o555);
    const w = asUser(['fix', 'in.sql', '-o', 'out.sql'], ro);
    expect(w.status).toBe(2);
    expect(w.stderr.trim()).toMatch(/out\.sql: cannot write \(EACCES\)$/);
    chmodSync(ro, 0o755);
    expect(readdirSync(ro)).toEqual(['in.sql']);
  });
});

describe('one input that cannot be read or tokenized among several', () => {
  // ESLint reports a fatal parse error as that file's message and goes on; so does check: the bad
  // input is a `syntax-error` finding at its place, every other input is checked, and exit is 2.
  const setup = () => {
    const dir = tmp();
    // With a primary key, so that the advice on keyless tables (prefer-primary-key) stays out of it.
    writeFileSync(join(dir, 'a.sql'), 'CREATE TABLE a (id INT PRIMARY KEY) ENGINE=MyISAM;\n');
    writeFileSync(join(dir, 'b.sql'), "CREATE TABLE b (id INT);\nINSERT INTO b VALUES ('oops);\n");
    writeFileSync(join(dir, 'c.sql'), Buffer.from([0x53, 0x45, 0x4c, 0x0a, 0x20, 0xfe, 0x3b]));
    writeFileSync(join(dir, 'd.sql'), 'CREATE INDEX i USING HASH ON t (c);\n');
    return dir;
  };
  const files = ['a.sql', 'b.sql', 'c.sql', 'd.sql'];
  const located = ['b.sql:2:23: unterminated string literal', 'c.sql:2:2: invalid UTF-8 byte 0xfe'];

  it('check: every format lists the others and places the bad ones; stderr says where; exit 2', () => {
    const dir = setup();
    const stylish = runCli(['check', ...files], { cwd: dir });
    expect(stylish.status).toBe(2);
    expect(stylish.stderr.trimEnd().split('\n')).toEqual([
      located[0],
      expect.stringMatching(/^c\.sql:2:2: invalid UTF-8 byte 0xfe/),
    ]);
    expect(stylish.stdout).toMatch(/a\.sql\n {2}1:44 +warning +ENGINE=MYISAM/);
    expect(stylish.stdout).toMatch(/b\.sql\n {2}2:23 +error +unterminated string literal {2}syntax-error/);
    expect(stylish.stdout).toMatch(/c\.sql\n {2}2:2 +error +invalid UTF-8 byte 0xfe.*syntax-error/);
    expect(stylish.stdout).toMatch(/d\.sql\n {2}1:16 +error +USING HASH/);

    const compact = runCli(['check', ...files, '--format', 'compact'], { cwd: dir });
    expect(compact.status).toBe(2);
    expect(compact.stdout.split('\n').map((l) => l.split(': ')[0] + ' ' + (l.split(' ')[2] ?? ''))).toEqual([
      'a.sql:1:44 no-unsupported-engine',
      'b.sql:2:23 syntax-error',
      'c.sql:2:2 syntax-error',
      'd.sql:1:16 no-unsupported-index-type',
      ' ',
    ]);

    const json = runCli(['check', ...files, '--format', 'json'], { cwd: dir });
    expect(json.status).toBe(2);
    const reports = JSON.parse(json.stdout) as Array<{ filePath: string; findings: Array<Record<string, unknown>> }>;
    expect(reports.map((r) => r.filePath)).toEqual(files);
    expect(reports[1]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'syntax-error', severity: 'error', line: 2, column: 23, fatal: true }),
    ]);
    expect(reports[0]!.findings.map((f) => f.ruleId)).toEqual(['no-unsupported-engine']);
    expect(reports[3]!.findings.map((f) => f.ruleId)).toEqual(['no-unsupported-index-type']);

    const github = runCli(['check', ...files, '--format', 'github'], { cwd: dir });
    expect(github.stdout).toContain('::error file=b.sql,line=2,col=23,endLine=2,endColumn=23,title=syntax-error::');
  }, 60_000);

  it('check --format sarif: a result and a tool execution notification per bad input, valid SARIF', () => {
    const dir = setup();
    const r = runCli(['check', ...files, '--format', 'sarif'], { cwd: dir });
    expect(r.status).toBe(2);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, any>> }>;
        results: Array<Record<string, any>>;
      }>;
    };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.invocations![0]!.executionSuccessful).toBe(false);
    expect(
      run.invocations![0]!.toolExecutionNotifications.map(
        (n) =>
          `${n.locations[0].physicalLocation.artifactLocation.uri}:${n.locations[0].physicalLocation.region.startLine} ${n.message.text}`,
      ),
    ).toEqual([`b.sql:2 ${located[0]}`, expect.stringMatching(/^c\.sql:2 c\.sql:2:2: invalid UTF-8 byte 0xfe/)]);
    expect(run.results.map((x) => x.ruleId)).toEqual([
      'no-unsupported-engine',
      'syntax-error',
      'syntax-error',
      'no-unsupported-index-type',
    ]);
    // A clean run has no invocations entry (the fixtures' SARIF stays as it was).
    const clean = JSON.parse(runCli(['check', 'a.sql', '--format', 'sarif'], { cwd: dir }).stdout) as typeof log;
    expect(clean.runs[0]!.invocations).toBeUndefined();
  }, 60_000);

  it('fix --write: nothing is written, the report says what fix would do with the others; exit 2', () => {
    for (const format of ['stylish', 'json']) {
      const dir = setup();
      const before = files.map((f) => readFileSync(join(dir, f)));
      const r = runCli(['fix', ...files, '--write', '--lossy', '--format', format], { cwd: dir });
      expect(r.status).toBe(2);
      expect(files.map((f) => readFileSync(join(dir, f)))).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(files);
      expect(r.stderr).toContain(
        'clustrix-lint: nothing was written: 2 inputs could not be read or tokenized (the report says what fix would do with the others)',
      );
      if (format === 'json') {
        const reports = JSON.parse(r.stdout) as Array<{ filePath: string; applied?: Array<{ ruleId: string }> }>;
        expect(reports.map((x) => [x.filePath, (x.applied ?? []).map((a) => a.ruleId)])).toEqual([
          ['a.sql', ['no-unsupported-engine']],
          ['b.sql', []],
          ['c.sql', []],
          ['d.sql', ['no-unsupported-index-type']],
        ]);
      } else {
        expect(r.stdout).toMatch(/a\.sql\n {2}1:44 +fixed +Replace ENGINE MyISAM with InnoDB/);
        expect(r.stdout).toMatch(/b\.sql\n {2}2:23 +error +unterminated string literal {2}syntax-error/);
      }
    }
  }, 60_000);
});
