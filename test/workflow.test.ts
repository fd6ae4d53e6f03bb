// Inputs, config, suppressions, baselines, thresholds and formats, through the real bin.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';
import { sarifValidator } from './helpers/sarif.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'clustrix-lint-wf-'));
const HASH = 'CREATE INDEX i USING HASH ON t(c);\n';
const WARN = 'CREATE INDEX i ON t(c) USING HASH;\n';

/** A small project: files by relative path. */
function project(files: Record<string, string>): string {
  const dir = tmp();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const compact = (args: string[], cwd: string, input?: string) =>
  runCli([...args, '--format', 'compact'], { cwd, input });

describe('inputs', () => {
  it('recurses into directories for *.sql, expands quoted globs, skips node_modules', () => {
    const dir = project({
      'db/a.sql': HASH,
      'db/sub/b.sql': HASH,
      'db/notes.txt': HASH,
      'node_modules/x/c.sql': HASH,
      'top.sql': HASH,
    });
    const r = compact(['check', 'db'], dir);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['db/a.sql', 'db/sub/b.sql']);
    const g = compact(['check', '**/*.sql'], dir);
    expect(
      g.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['db/a.sql', 'db/sub/b.sql', 'top.sql']);
  });

  it('reads standard input with - or --stdin, named by --stdin-filename', () => {
    const dir = tmp();
    const a = compact(['check', '-'], dir, HASH);
    expect(a.stdout).toMatch(/^<stdin>:1:16: error no-unsupported-index-type/);
    const b = compact(['check', '--stdin', '--stdin-filename', 'schema/mysql.sql'], dir, HASH);
    expect(b.stdout).toMatch(/^schema\/mysql\.sql:1:16: error/);
    const f = runCli(['fix', '--stdin'], { cwd: dir, input: HASH });
    expect(f.stdout).toBe('CREATE INDEX i ON t(c);\n');
    expect(f.status).toBe(0);
    const w = runCli(['fix', '--stdin', '--write'], { cwd: dir, input: HASH });
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/--write cannot write to standard input/);
  });

  it('rejects non-UTF-8 standard input with a position', () => {
    const r = runCli(['check', '-'], { cwd: tmp(), input: 'SELECT 1;\n\u0000' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('<stdin>:2:1: binary file (NUL byte); expected a UTF-8 SQL script');
  });

  it('.clustrix-lintignore and the config ignore key skip files', () => {
    const dir = project({
      '.clustrix-lintignore': '# generated\nlegacy/\n',
      '.clustrix-lint.json': JSON.stringify({ ignore: ['vendor/*.sql'] }),
      'legacy/old.sql': HASH,
      'vendor/v.sql': HASH,
      'app/new.sql': HASH,
    });
    const r = compact(['check', '.'], dir);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['app/new.sql']);
  });
});

describe('config', () => {
  it('is found by walking up; the nearest wins; CLI flags win over it', () => {
    const dir = project({
      '.clustrix-lint.json': JSON.stringify({ rules: { 'no-unsupported-index-type': 'off' } }),
      'a/x.sql': HASH,
      'b/package.json': JSON.stringify({
        name: 'b',
        'clustrix-lint': { target: 'clustrixdb-8.0', rules: { 'no-unsupported-index-type': ['warn'] } },
      }),
      'b/y.sql': HASH + 'CREATE TABLE u (d JSON);\n',
    });
    const r = compact(['check', 'a', 'b'], dir);
    expect(r.stdout).not.toMatch(/^a\/x\.sql/m);
    expect(r.stdout).toMatch(/^b\/y\.sql:1:16: warning no-unsupported-index-type .*ClustrixDB 8\.0/m);
    expect(r.stdout).toMatch(/^b\/y\.sql:2:19: error no-unsupported-data-type/m);
    const flags = compact(
      ['check', 'a', 'b', '--rule', 'no-unsupported-index-type:error', '--target', 'xpand-23.09'],
      dir,
    );
    expect(flags.stdout).toMatch(/^a\/x\.sql:1:16: error no-unsupported-index-type .*Xpand 23\.09/m);
    expect(flags.stdout).not.toMatch(/no-unsupported-data-type/);
    const none = compact(['check', 'a', '--no-config'], dir);
    expect(none.stdout).toMatch(/^a\/x\.sql:1:16: error/m);
  });

  it('--config names one file for all inputs', () => {
    const dir = project({
      'cfg.json': JSON.stringify({ rules: { 'no-unsupported-index-type': 'info' } }),
      'x.sql': HASH,
    });
    expect(compact(['check', 'x.sql', '--config', 'cfg.json'], dir).stdout).toMatch(/^x\.sql:1:16: info /);
  });

  it.each([
    [{ target: 'mysql' }, /\.clustrix-lint\.json: target: unknown target "mysql"/],
    [{ rules: { 'no-such-rule': 'error' } }, /\.clustrix-lint\.json: rules\["no-such-rule"\]: unknown rule/],
    [{ rules: { 'no-xa': 'loud' } }, /\.clustrix-lint\.json: rules\["no-xa"\]: severity must be/],
    [{ rules: { 'no-xa': ['error', { strict: true }] } }, /rules\["no-xa"\]\[1\]: this rule has no options/],
    [{ extends: 'x' }, /\.clustrix-lint\.json: extends: unknown key/],
  ])('a bad config %j: exit 2 naming the bad key', (config, message) => {
    const dir = project({ '.clustrix-lint.json': JSON.stringify(config), 'x.sql': HASH });
    const r = runCli(['check', 'x.sql'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('invalid JSON and a bad --rule are exit 2', () => {
    const dir = project({ '.clustrix-lint.json': '{ "target": ', 'x.sql': HASH });
    expect(runCli(['check', 'x.sql'], { cwd: dir }).stderr).toMatch(/\.clustrix-lint\.json: invalid JSON/);
    const r = runCli(['check', 'x.sql', '--no-config', '--rule', 'nope:error'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rule nope:error: unknown rule "nope"/);
  });
});

describe('inline suppressions', () => {
  const sql = [
    '-- clustrix-lint-disable-next-line no-unsupported-index-type -- hash index kept for the MySQL build',
    'CREATE INDEX a USING HASH ON t(c);',
    'CREATE INDEX b USING HASH ON t(c); -- clustrix-lint-disable-line',
    '/* clustrix-lint-disable no-unsupported-index-type */',
    'CREATE INDEX c USING HASH ON t(c);',
    '/* clustrix-lint-enable */',
    'CREATE INDEX d USING HASH ON t(c);',
    '-- clustrix-lint-disable-next-line no-xa',
    'CREATE INDEX e USING HASH ON t(c);',
    '-- clustrix-lint-disable-line no-such-rule',
    '',
  ].join('\n');

  it('suppress what they name, report unknown ids, and can be turned off', () => {
    const dir = project({ 'x.sql': sql });
    const r = compact(['check', 'x.sql'], dir);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'x.sql:7:16: error no-unsupported-index-type USING HASH before the column list is not accepted by Xpand 23.09 (its grammar has the index type only after the column list); every Xpand 23.09 index is a B+tree anyway.',
      'x.sql:9:16: error no-unsupported-index-type USING HASH before the column list is not accepted by Xpand 23.09 (its grammar has the index type only after the column list); every Xpand 23.09 index is a B+tree anyway.',
      'x.sql:10:1: error unknown-rule-in-directive Unknown rule "no-such-rule" in a clustrix-lint-disable-line comment.',
    ]);
    const all = compact(['check', 'x.sql', '--no-inline-config'], dir);
    expect(all.stdout.split('\n').filter((l) => l.includes('no-unsupported-index-type'))).toHaveLength(5);
  });

  it('--report-unused-disable-directives reports directives that suppressed nothing', () => {
    const dir = project({ 'x.sql': sql });
    const r = compact(['check', 'x.sql', '--report-unused-disable-directives'], dir);
    expect(r.stdout).toMatch(
      /^x\.sql:8:1: warning unused-disable-directive Unused clustrix-lint-disable-next-line directive \(no no-xa to suppress\)\.$/m,
    );
    expect(r.stdout).not.toMatch(/^x\.sql:1:1: warning unused/m);
  });

  it('a suppressed finding is not fixed', () => {
    const dir = project({ 'x.sql': sql });
    const out = runCli(['fix', 'x.sql'], { cwd: dir }).stdout;
    expect(out).toContain('CREATE INDEX a USING HASH ON t(c);');
    expect(out).toContain('CREATE INDEX c USING HASH ON t(c);');
    expect(out).toContain('CREATE INDEX d ON t(c);');
  });

  it('the file-level form covers the whole file', () => {
    const dir = project({ 'x.sql': HASH + '-- clustrix-lint-disable-file no-unsupported-index-type\n' + HASH });
    expect(runCli(['check', 'x.sql'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('baseline', () => {
  it('records findings and then reports only new ones, surviving line shifts', () => {
    const dir = project({ 'x.sql': HASH + 'CREATE INDEX j USING HASH ON u(c);\n' });
    const w = runCli(['check', 'x.sql', '--baseline-write', 'baseline.json'], { cwd: dir });
    expect(w).toMatchObject({ status: 0, stdout: '' });
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as {
      version: number;
      findings: unknown[];
    };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toHaveLength(2);
    writeFileSync(
      join(dir, 'x.sql'),
      '-- a new header\n\n' + HASH + 'CREATE INDEX j USING HASH ON u(c);\nCREATE INDEX k USING HASH ON v(c);\n',
    );
    const r = compact(['check', 'x.sql', '--baseline', 'baseline.json'], dir);
    expect(r.status).toBe(1);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(': ')[0]),
    ).toEqual(['x.sql:5:16']);
  });

  it('a missing baseline file is exit 2', () => {
    const r = runCli(['check', 'x.sql', '--baseline', 'none.json'], { cwd: project({ 'x.sql': HASH }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/none\.json: no such baseline file/);
  });
});

describe('thresholds', () => {
  it('--max-warnings fails the run when warnings exceed it; --quiet shows errors only', () => {
    const dir = project({ 'w.sql': WARN + WARN.replace(' i ', ' j '), 'e.sql': HASH });
    expect(runCli(['check', 'w.sql'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', 'w.sql', '--max-warnings', '2'], { cwd: dir }).status).toBe(0);
    const over = runCli(['check', 'w.sql', '--max-warnings', '1'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/2 warnings, more than --max-warnings 1/);
    const quiet = compact(['check', 'w.sql', 'e.sql', '--quiet'], dir);
    expect(
      quiet.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['e.sql']);
    expect(quiet.status).toBe(1);
  });

  it('--output-file writes the report there', () => {
    const dir = project({ 'e.sql': HASH });
    const r = runCli(['check', 'e.sql', '--format', 'json', '--output-file', 'report.json'], { cwd: dir });
    expect(r).toMatchObject({ status: 1, stdout: '' });
    expect((JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as unknown[]).length).toBe(1);
  });
});

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema and carries rules, regions, fixes and suppressions', async () => {
    const validate = sarifValidator();
    const r = runCli(['check', 'fixtures/all-severities/input.sql', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; helpUri: string; help?: { markdown: string } }> } };
        results: Array<Record<string, unknown>>;
      }>;
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('no-unsupported-charset');
    expect(
      run.tool.driver.rules.every((x) => x.helpUri.startsWith('https://') && x.help!.markdown.startsWith('# ')),
    ).toBe(true);
    const isAdvice = (x: Record<string, unknown>) =>
      (x.properties as { category?: string } | undefined)?.category === 'advice';
    const levels = run.results.filter((x) => !x.suppressions && !isAdvice(x)).map((x) => x.level);
    expect(levels).toEqual(['error', 'warning', 'note', 'warning', 'error']);
    // Advice (two tables without a primary key, the partitioning's spreading) is a note, marked as such.
    expect(run.results.filter(isAdvice).map((x) => [x.ruleId, x.level])).toEqual([
      ['prefer-primary-key', 'note'],
      ['prefer-primary-key', 'note'],
      ['prefer-distribute-over-partitioning', 'note'],
    ]);
    expect(run.results[0]).toMatchObject({
      ruleId: 'no-unsupported-charset',
      fixes: [{ artifactChanges: [{ replacements: [{ insertedContent: { text: 'latin1' } }] }] }],
    });
    const suppressed = run.results.filter((x) => x.suppressions);
    expect(suppressed).toEqual([
      expect.objectContaining({
        ruleId: 'no-unsupported-engine',
        suppressions: [{ kind: 'inSource', justification: 'an in-memory cache is intended' }],
      }),
    ]);
  });
});

describe('library options', () => {
  it('check honours directives and settings from the API too', async () => {
    const { check } = await import('../src/index.js');
    expect(check('-- clustrix-lint-disable-file\n' + HASH)).toEqual([]);
    expect(check(HASH, { rules: { 'no-unsupported-index-type': 'off' } })).toEqual([]);
    expect(check(HASH, { inlineDirectives: false }).map((f) => f.ruleId)).toEqual(['no-unsupported-index-type']);
    void ROOT;
  });
});

describe('paths in reports', () => {
  it('keep the form the user gave: a relative directory stays relative, an absolute one absolute', () => {
    const dir = project({ 'db/a.sql': HASH });
    expect(compact(['check', 'db'], dir).stdout).toMatch(/^db\/a\.sql:1:16:/);
    expect(compact(['check', './db/'], dir).stdout).toMatch(/^db\/a\.sql:1:16:/);
    expect(compact(['check', join(dir, 'db')], tmp()).stdout.startsWith(`${join(dir, 'db', 'a.sql')}:1:16:`)).toBe(
      true,
    );
  });
});
