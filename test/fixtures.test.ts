// Golden files: each fixtures/<case>/input.sql is checked and fixed (--lossy) by the real CLI;
// the report, clean script and diff must match expected.txt, expected.sql and expected.diff, and
// the markdown assessment (report --format markdown) expected.report.md.
// `npm run test:update` rewrites them; review the change in the diff of the commit.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const cases = readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('fixtures', () => {
  it('there is at least one fixture', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases)('%s', (name) => {
    const input = `fixtures/${name}/input.sql`;
    const dir = join(ROOT, 'fixtures', name);

    it.each([
      ['stylish', 'expected.txt'],
      ['compact', 'expected.compact.txt'],
      ['json', 'expected.json'],
      ['sarif', 'expected.sarif'],
      ['github', 'expected.github.txt'],
      ['junit', 'expected.junit.xml'],
    ])('check --format %s matches %s', async (format, file) => {
      const r = runCli(['check', input, '--format', format]);
      expect(r.stderr).toBe('');
      await expect(r.stdout).toMatchFileSnapshot(join(dir, file));
    });

    it('report --format markdown matches expected.report.md', async () => {
      const r = runCli(['report', input, '--format', 'markdown']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(join(dir, 'expected.report.md'));
    });

    it('fix --lossy output and diff match expected.sql and expected.diff; the input is untouched', async () => {
      const before = readFileSync(join(ROOT, input), 'utf8');
      const out = join(mkdtempSync(join(tmpdir(), 'clustrix-lint-fixture-')), 'clean.sql');
      const diffFile = out.replace(/\.sql$/, '.diff');
      const r = runCli(['fix', input, '--lossy', '-o', out, '--diff', diffFile]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      await expect(readFileSync(out, 'utf8')).toMatchFileSnapshot(join(dir, 'expected.sql'));
      await expect(readFileSync(diffFile, 'utf8')).toMatchFileSnapshot(join(dir, 'expected.diff'));
      expect(readFileSync(join(ROOT, input), 'utf8')).toBe(before);
      const again = runCli(['check', out]);
      expect(again.status).toBe(0);
    });
  });
});
