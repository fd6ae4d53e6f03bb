// The real bin in a child process: exit codes, formats, output files, and bad input.
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const SAMPLE = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
const tmp = () => mkdtempSync(join(tmpdir(), 'clustrix-lint-cli-'));
const ANSI = /\u001b\[/;

describe('clustrix-lint --help, --version and the commands', () => {
  it('--help lists every command, exits 0 and runs nothing', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['check', 'fix', 'verify', 'targets', 'rules', 'explain']) {
      expect(r.stdout).toMatch(new RegExp(`^  clustrix-lint ${c}\\b`, 'm'));
    }
    expect(r.stderr).toBe('');
  });

  it("a command's --help shows its own options and does not run it", () => {
    const r = runCli(['fix', SAMPLE, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^clustrix-lint fix \[files\.\.\]/);
    expect(r.stdout).toMatch(/--lossy/);
    expect(r.stdout).not.toMatch(/CREATE TABLE/);
  });

  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('a command missing its argument or given an unknown option is a usage error (exit 2)', () => {
    expect(runCli(['explain'])).toMatchObject({ status: 2, stdout: '' });
    expect(runCli(['explain']).stderr).toMatch(/^clustrix-lint: Not enough non-option arguments/);
    expect(runCli(['rules', '--bogus']).stderr).toMatch(/^clustrix-lint: Unknown argument: bogus/);
  });
});

describe('clustrix-lint check', () => {
  it('exits 1 with error findings, no colour when not a TTY, and a summary line', () => {
    const r = runCli(['check', SAMPLE]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/^\s+15:41\s+error\s+USING HASH .*no-unsupported-index-type$/m);
    expect(r.stdout).toMatch(/✖ 8 problems \(7 errors, 1 warning, 0 info\)/);
    expect(r.stderr).toBe('');
  });

  it('honours a disable comment at the top of a file larger than one streaming segment', () => {
    const dir = tmp();
    const rows = Array.from({ length: 40_000 }, (_, i) => `INSERT INTO t VALUES (${i}, '${'x'.repeat(60)}');`);
    const sql = [
      '-- clustrix-lint-disable no-lock-tables -- replayed under a lock',
      ...rows,
      'LOCK TABLES t WRITE;',
      '',
    ];
    writeFileSync(join(dir, 'big.sql'), sql.join('\n'));
    expect(statSync(join(dir, 'big.sql')).size).toBeGreaterThan(3 * 1024 * 1024);
    expect(runCli(['check', join(dir, 'big.sql'), '--report-unused-disable-directives'])).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('is the default command', () => {
    expect(runCli([SAMPLE]).stdout).toBe(runCli(['check', SAMPLE]).stdout);
  });

  it('colours with FORCE_COLOR and never with NO_COLOR', () => {
    expect(runCli(['check', SAMPLE], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runCli(['check', SAMPLE], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('exits 0 on a clean script and prints nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.sql'), 'CREATE TABLE t (a INT PRIMARY KEY) ENGINE INNODB;\n');
    const r = runCli(['check', join(dir, 'ok.sql')]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 0 when only warnings are left', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'w.sql'), 'CREATE INDEX i ON t(c) USING HASH;\n');
    const r = runCli(['check', join(dir, 'w.sql')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 problem \(0 errors, 1 warning, 0 info\)/);
  });

  it('--format json: one object per file with the documented fields', () => {
    const copy = join(tmp(), 'copy.sql');
    writeFileSync(copy, readFileSync(SAMPLE));
    const r = runCli(['check', SAMPLE, copy, '--format', 'json', '--target', 'clustrixdb-9.2']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(2);
    const file = out[0]!;
    expect(Object.keys(file)).toEqual([
      'filePath',
      'target',
      'findings',
      'errorCount',
      'warningCount',
      'infoCount',
      'adviceCount',
      'suggestionCount',
    ]);
    expect(file.target).toBe('clustrixdb-9.2');
    expect(file.errorCount).toBe(7);
    const findings = file.findings as Array<Record<string, unknown>>;
    expect(Object.keys(findings[0]!)).toEqual([
      'ruleId',
      'messageId',
      'severity',
      'category',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'fix',
    ]);
    expect(findings[1]).toMatchObject({
      ruleId: 'no-unsupported-index-type',
      line: 15,
      column: 41,
      endLine: 15,
      endColumn: 51,
      fix: { kind: 'safe', title: 'Remove USING HASH', edits: [{ text: '' }] },
    });
    expect(findings.at(-1)).toMatchObject({ ruleId: 'no-unsupported-partitioning', fix: { kind: 'lossy' } });
  });

  it('targets: lists the catalog versions', () => {
    const r = runCli(['targets']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^clustrixdb-7\.0\s+ClustrixDB 7\.0$/m);
    expect(r.stdout).toMatch(/^xpand-23\.09\s+Xpand 23\.09\s+\(default\)$/m);
  });
});

describe('clustrix-lint fix', () => {
  it('prints the clean script on stdout and the report on stderr when given no destination', () => {
    const r = runCli(['fix', SAMPLE]);
    // Safe fixes only: the /*!50100 */ wrapper holds HASH partitioning the target cannot take, so
    // it is not unwrapped (the target goes on skipping it); only --lossy removes it.
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      ') ENGINE=InnoDB DEFAULT CHARSET=latin1\n/*!50100 PARTITION BY HASH (`AUDIT_ID`)\nPARTITIONS 4 */;\n',
    );
    expect(r.stdout).not.toMatch(/USING HASH ON|utf8mb4_0900_ai_ci|SET NAMES ascii/);
    expect(r.stderr).toMatch(/fixed/);
    expect(r.stderr).toMatch(/2 problems \(2 errors, 0 warnings, 0 info\)/);
    expect(r.stderr).toMatch(/2 more with `--lossy`/);
  });

  it('-o writes the clean script atomically (no temp file left), --diff writes the report, input untouched', () => {
    const dir = tmp();
    const input = join(dir, 'in.sql');
    const sql = readFileSync(SAMPLE, 'utf8');
    writeFileSync(input, sql);
    const r = runCli(['fix', input, '--lossy', '-o', join(dir, 'out.sql'), '--diff', join(dir, 'changes.diff')]);
    expect(r.status).toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(sql);
    expect(readFileSync(join(dir, 'out.sql'), 'utf8')).not.toMatch(/USING HASH ON|PARTITION BY HASH \(`/);
    expect(readFileSync(join(dir, 'changes.diff'), 'utf8')).toMatch(
      /^-CREATE INDEX REG_PATH_IND_BY_PATH_VALUE USING HASH ON/m,
    );
    expect(readdirSync(dir).sort()).toEqual(['changes.diff', 'in.sql', 'out.sql']);
  });

  it('--diff - prints the diff on stdout and the report on stderr', () => {
    const r = runCli(['fix', SAMPLE, '--diff', '-']);
    expect(r.stdout).toMatch(/^--- .*input\.sql\toriginal$/m);
    expect(r.stdout).toMatch(/^\+SET NAMES latin1;$/m);
    expect(r.stderr).toMatch(/fixed/);
  });

  it('--write fixes in place and keeps the file mode; a second run changes nothing', () => {
    const dir = tmp();
    const a = join(dir, 'a.sql');
    const b = join(dir, 'b.sql');
    writeFileSync(a, 'CREATE INDEX i USING HASH ON t(c);\n');
    writeFileSync(b, 'CREATE TABLE t (a INT) DEFAULT CHARSET=ascii;\n');
    chmodSync(a, 0o640);
    const r = runCli(['fix', '--write', a, b]);
    expect(r.status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe('CREATE INDEX i ON t(c);\n');
    expect(readFileSync(b, 'utf8')).toBe('CREATE TABLE t (a INT) DEFAULT CHARSET=latin1;\n');
    expect(statSync(a).mode & 0o777).toBe(0o640);
    const mtime = statSync(a).mtimeMs;
    expect(runCli(['fix', '--write', a, b]).status).toBe(0);
    expect(statSync(a).mtimeMs).toBe(mtime);
  });

  it('exits 1 when error findings without a fix are left', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.sql'), 'CREATE TABLE t (a TEXT CHARACTER SET latin2);\n');
    const r = runCli(['fix', join(dir, 'x.sql'), '-o', join(dir, 'y.sql')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/latin2 is not supported/);
  });

  it('leaves lossy fixes to --lossy', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.sql'), 'CREATE TABLE t (id INT) PARTITION BY KEY (id);\n');
    const plain = runCli(['fix', join(dir, 'p.sql')]);
    expect(plain.stdout).toBe('CREATE TABLE t (id INT) PARTITION BY KEY (id);\n');
    expect(plain.status).toBe(1);
    const lossy = runCli(['fix', join(dir, 'p.sql'), '--lossy']);
    expect(lossy.stdout).toBe('CREATE TABLE t (id INT);\n');
    expect(lossy.status).toBe(0);
  });
});

describe('suggestions: fix --suggestions, --apply-suggestion, and their place in the reports', () => {
  // A HASH-partitioned table whose key does not lead with the partitioning column, and a flag index.
  const ADVICE =
    'CREATE TABLE m (id BIGINT NOT NULL, u INT NOT NULL, f BOOLEAN, PRIMARY KEY (id, u), KEY k_f (f)) PARTITION BY HASH (u) PARTITIONS 32;\n';
  const PARTITIONED =
    'CREATE TABLE m (id BIGINT NOT NULL, u INT NOT NULL, f BOOLEAN, PRIMARY KEY (u, id) /*$ DISTRIBUTE=1 */, KEY k_f (f)) /*$ SLICES=32 */;\n';
  const FLAG =
    'CREATE TABLE m (id BIGINT NOT NULL, u INT NOT NULL, f BOOLEAN, PRIMARY KEY (id, u), KEY k_f (f) /*$ DISTRIBUTE=2 */) PARTITION BY HASH (u) PARTITIONS 32;\n';
  const BOTH =
    'CREATE TABLE m (id BIGINT NOT NULL, u INT NOT NULL, f BOOLEAN, PRIMARY KEY (u, id) /*$ DISTRIBUTE=1 */, KEY k_f (f) /*$ DISTRIBUTE=2 */) /*$ SLICES=32 */;\n';
  const file = () => {
    const path = join(tmp(), 'advice.sql');
    writeFileSync(path, ADVICE);
    return path;
  };

  it('check counts recommendations apart from problems, and says how to apply the suggestions', () => {
    const r = runCli(['check', file()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\s+1:85\s+info\s+Index k_f leads with f, .*prefer-selective-distribution-key$/m);
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 info\)\n {2}1 more with `--lossy`/);
    expect(r.stdout).toMatch(
      /^ℹ 2 recommendations for ClustrixDB\/Xpand, not problems; 2 suggestions \(`clustrix-lint fix --suggestions` or `--apply-suggestion <rule>`/m,
    );
    // Only advice left: exit 0, and the summary still says so.
    const dir = tmp();
    writeFileSync(join(dir, 'flag.sql'), 'CREATE TABLE a (id INT NOT NULL, f BOOLEAN, PRIMARY KEY (id), KEY k (f));\n');
    const advice = runCli(['check', join(dir, 'flag.sql')]);
    expect(advice.status).toBe(0);
    expect(advice.stdout).not.toMatch(/problem \(/);
    expect(advice.stdout).toMatch(/^ℹ 1 recommendation for ClustrixDB\/Xpand, not problems; 1 suggestion /m);
    // A configuration that raises advice to error fails the run, and the summary says why.
    const raised = runCli(['check', join(dir, 'flag.sql'), '--rule', 'prefer-selective-distribution-key:error']);
    expect(raised.status).toBe(1);
    expect(raised.stdout).toMatch(
      /^ℹ 1 recommendation for ClustrixDB\/Xpand, not problems \(1 set to error by the configuration: they fail the run\); 1 suggestion /m,
    );
  });

  it('fix never applies a suggestion unless asked', () => {
    const path = file();
    expect(runCli(['fix', path]).stdout).toBe(ADVICE);
    const lossy = runCli(['fix', path, '--lossy']);
    expect(lossy.stdout).toBe(
      'CREATE TABLE m (id BIGINT NOT NULL, u INT NOT NULL, f BOOLEAN, PRIMARY KEY (id, u), KEY k_f (f));\n',
    );
    // The partitioning advice went with the partitioning: it is listed as superseded, with its input line.
    expect(lossy.stderr).toMatch(
      /^\s+1:98\s+info\s+PARTITION BY HASH\(u\) spread m .*\(in the input; another fix removed what it is about: apply it with --apply-suggestion prefer-distribute-over-partitioning\)/m,
    );
    expect(lossy.stderr).toMatch(/^ℹ 2 recommendations for ClustrixDB\/Xpand, not problems; 2 suggestions/m);
    expect(readFileSync(path, 'utf8')).toBe(ADVICE);
  });

  it('--suggestions applies all of them, --apply-suggestion those of the rules named (repeatable), streamed or not', () => {
    const path = file();
    const dir = tmp();
    const cases: Array<[string[], string]> = [
      [['--suggestions'], BOTH],
      [['--lossy', '--suggestions'], BOTH],
      [['--apply-suggestion', 'prefer-distribute-over-partitioning'], PARTITIONED],
      [['--apply-suggestion', 'prefer-selective-distribution-key'], FLAG],
      [
        [
          '--apply-suggestion',
          'prefer-selective-distribution-key',
          '--apply-suggestion',
          'prefer-distribute-over-partitioning',
        ],
        BOTH,
      ],
    ];
    for (const [flags, expected] of cases) {
      // -o streams the script through the fixer; --diff needs the whole text: the same result.
      const out = join(dir, 'out.sql');
      const streamed = runCli(['fix', path, ...flags, '-o', out]);
      expect(streamed.stderr, flags.join(' ')).toBe('');
      expect(readFileSync(out, 'utf8'), flags.join(' ')).toBe(expected);
      const whole = runCli(['fix', path, ...flags, '--diff', '-']);
      expect(whole.stdout, flags.join(' ')).toContain(`+${expected}`);
    }
    const r = runCli(['fix', path, '--suggestions', '-o', join(dir, 'all.sql'), '--format', 'json']);
    const report = JSON.parse(r.stdout) as Array<{
      applied: Array<{ ruleId: string; kind: string }>;
      findings: unknown[];
    }>;
    expect(report[0]!.applied.map((a) => `${a.ruleId}:${a.kind}`).sort()).toEqual([
      'prefer-distribute-over-partitioning:suggestion',
      'prefer-selective-distribution-key:suggestion',
    ]);
    expect(report[0]!.findings).toEqual([]);
  });

  it('an unknown rule, or one that makes no suggestions, is a usage error and nothing is written', () => {
    const path = file();
    const out = join(tmp(), 'out.sql');
    const unknown = runCli(['fix', path, '--apply-suggestion', 'prefer-everything', '-o', out]);
    expect(unknown).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'clustrix-lint: --apply-suggestion prefer-everything: unknown rule\n',
    });
    const none = runCli(['fix', path, '--apply-suggestion', 'no-unsupported-engine', '-o', out]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(
      /^clustrix-lint: --apply-suggestion no-unsupported-engine: this rule makes no suggestions \(rules that do: prefer-auto-unique, /,
    );
    expect(existsSync(out)).toBe(false);
    expect(runCli(['check', path, '--apply-suggestion', 'prefer-auto-unique']).stderr).toMatch(/Unknown argument/);
  });

  it('JSON and SARIF carry the category and the kind; the counts keep advice apart', () => {
    const path = file();
    const json = JSON.parse(runCli(['check', path, '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(json[0]).toMatchObject({ errorCount: 1, warningCount: 0, infoCount: 0, adviceCount: 2, suggestionCount: 2 });
    const findings = json[0]!.findings as Array<{
      ruleId: string;
      category: string;
      severity: string;
      fix: { kind: string };
    }>;
    expect(findings.map((f) => [f.ruleId, f.category, f.severity, f.fix.kind])).toEqual([
      ['prefer-selective-distribution-key', 'advice', 'info', 'suggestion'],
      ['no-unsupported-partitioning', 'compatibility', 'error', 'lossy'],
      ['prefer-distribute-over-partitioning', 'advice', 'info', 'suggestion'],
    ]);
    const lossy = JSON.parse(
      runCli(['fix', path, '--lossy', '--format', 'json', '-o', join(tmp(), 'o.sql')]).stdout,
    ) as Array<{
      superseded: Array<{ ruleId: string; line: number; category: string }>;
    }>;
    expect(lossy[0]!.superseded.map((f) => [f.ruleId, f.line, f.category])).toEqual([
      ['prefer-distribute-over-partitioning', 1, 'advice'],
    ]);
    const sarif = JSON.parse(runCli(['check', path, '--format', 'sarif']).stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; properties: { category: string; tags: string[] } }> } };
        results: Array<{
          ruleId: string;
          level: string;
          properties?: { category?: string };
          fixes: Array<{ properties: { kind: string } }>;
        }>;
      }>;
    };
    const run = sarif.runs[0]!;
    const advice = run.results.filter((x) => x.ruleId.startsWith('prefer-'));
    expect(advice.map((x) => [x.level, x.properties?.category, x.fixes[0]!.properties.kind])).toEqual([
      ['note', 'advice', 'suggestion'],
      ['note', 'advice', 'suggestion'],
    ]);
    expect(run.results.find((x) => x.ruleId === 'no-unsupported-partitioning')!.properties).toBeUndefined();
    expect(run.tool.driver.rules.find((x) => x.id === 'prefer-auto-unique')!.properties).toMatchObject({
      category: 'advice',
      tags: ['advice'],
    });
  });
});

describe('bad input and usage: one line, exit 2, nothing written', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    [
      'unterminated string',
      "CREATE TABLE t (a INT);\nINSERT INTO t VALUES ('oops);\n",
      /bad\.sql:2:23: unterminated string literal$/,
    ],
    ['unterminated comment', 'SELECT 1;\n  /* never closed\nSELECT 2;\n', /bad\.sql:2:3: unterminated comment$/],
    ['unterminated backtick', 'SELECT `a;\n', /bad\.sql:1:8: unterminated quoted identifier$/],
    ['binary file', Buffer.from([0x53, 0x45, 0x4c, 0x0a, 0x00, 0x01, 0x02]), /bad\.sql:2:1: binary file \(NUL byte\)/],
    [
      // In code: inside a string literal the byte passes, as the mysql client sends it (dumps.md).
      'invalid UTF-8 in code',
      Buffer.concat([
        Buffer.from("SELECT 'caf"),
        Buffer.from([0xe9]),
        Buffer.from("';\nSELECT caf"),
        Buffer.from([0xe9]),
        Buffer.from(';\n'),
      ]),
      /bad\.sql:2:11: invalid UTF-8 byte 0xe9 outside a string literal/,
    ],
    ['UTF-16', Buffer.from('\ufeffSELECT 1;', 'utf16le'), /bad\.sql:1:1: UTF-16 text is not supported/],
  ];
  it.each(cases)('%s', (_name, content, message) => {
    const dir = tmp();
    const bad = join(dir, 'bad.sql');
    writeFileSync(bad, content);
    for (const args of [
      ['check', bad],
      ['fix', bad, '-o', join(dir, 'out.sql')],
      ['fix', '--write', bad],
    ]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      // The report has the file's one finding, at the same place (syntax-error), and nothing else.
      const [, line, column, reason] = /:(\d+):(\d+): (.*)$/.exec(r.stderr.trimEnd())!;
      expect(r.stdout.split('\n').filter((l) => /^\s+\d+:\d+ /.test(l))).toEqual([
        `  ${line}:${column}  error    ${reason}  syntax-error`,
      ]);
    }
    expect(existsSync(join(dir, 'out.sql'))).toBe(false);
    expect(readFileSync(bad)).toEqual(Buffer.isBuffer(content) ? content : Buffer.from(content));
    expect(readdirSync(dir)).toEqual(['bad.sql']);
  });

  it('a bad file among good ones: nothing at all is written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    writeFileSync(join(dir, 'bad.sql'), "SELECT 'x;\n");
    const r = runCli(['fix', '--write', join(dir, 'good.sql'), join(dir, 'bad.sql')]);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'good.sql'), 'utf8')).toBe('CREATE INDEX i USING HASH ON t(c);\n');
  });

  it.each<[string, string[], RegExp]>([
    ['missing file', ['check', 'no/such/file.sql'], /^clustrix-lint: no\/such\/file\.sql: no such file$/],
    ['a directory without SQL files', ['check', 'src'], /^clustrix-lint: src: no \.sql files in this directory$/],
    [
      'a glob matching nothing',
      ['check', 'nowhere/**/*.sql'],
      /^clustrix-lint: nowhere\/\*\*\/\*\.sql: no files match this pattern$/,
    ],
    ['unknown target', ['check', SAMPLE, '--target', 'mysql-8'], /Invalid values:[\s\S]*target/],
    ['unknown option', ['check', SAMPLE, '--frobnicate'], /Unknown argument: frobnicate/],
    ['no files', ['check'], /give at least one SQL file/],
    ['-o with two inputs', ['fix', 'fixtures', '-o', 'x.sql'], /-o\/--output takes exactly one input file/],
    ['-o and --write', ['fix', SAMPLE, '-o', 'x.sql', '--write'], /either -o\/--output or --write/],
    ['-o pointing at the input', ['fix', SAMPLE, '-o', SAMPLE], /-o points at the input; use --write/],
    ['several inputs to stdout', ['fix', SAMPLE, 'test/../fixtures'], /several inputs/],
  ])('%s', (_name, args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an output path in a missing directory is an IO error, exit 2', () => {
    const r = runCli(['fix', SAMPLE, '-o', join(tmp(), 'no', 'such', 'dir', 'out.sql')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write \(ENOENT\)/);
  });
});

describe('rules, explain', () => {
  it('rules: one line per registered rule; --format json carries the metadata', async () => {
    const { rules, serverRules } = await import('../rules/index.js');
    const table = runCli(['rules']);
    expect(table.status).toBe(0);
    // The header, the script rules, a blank line and a title before the server rules.
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(rules.length + serverRules.length + 3);
    expect(table.stdout).toMatch(/\nfor a live database[^\n]*\nno-server-variable-difference\s+warning\s+-\s+Report/);
    expect(table.stdout).toMatch(/^no-unsupported-index-type\s+error\s+safe\s+Disallow `USING HASH`/m);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string; docs: string }>;
    expect(json.map((r) => r.id)).toEqual([...rules, ...serverRules].map((r) => r.meta.id));
    expect(json[0]!.docs).toBe(`rules/${json[0]!.id}.md`);
  });

  it("explain prints the rule's doc; an unknown id is a usage error", () => {
    const r = runCli(['explain', 'no-unsupported-collation']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'rules', 'no-unsupported-collation.md'), 'utf8'));
    const bad = runCli(['explain', 'no-such-rule']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('clustrix-lint: unknown rule "no-such-rule" (see clustrix-lint rules)');
  });
});
