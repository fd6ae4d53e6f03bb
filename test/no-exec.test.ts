// Linting an untrusted repository never runs its code: a .clustrix-lint.js / .cjs / .mjs next to
// the scripts, or package.json scripts, are not executed; only JSON configuration is read.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('no code execution from linted repositories', () => {
  it('ignores JavaScript config files and package.json scripts', () => {
    const repo = mkdtempSync(join(tmpdir(), 'clustrix-lint-untrusted-'));
    const marker = join(repo, 'PWNED');
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: {} };\n`;
    for (const name of ['.clustrix-lint.js', '.clustrix-lint.cjs', 'clustrix-lint.config.js', '.clustrix-lintrc.js']) {
      writeFileSync(join(repo, name), payload);
    }
    writeFileSync(
      join(repo, '.clustrix-lint.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`,
    );
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({
        name: 'untrusted',
        scripts: {
          preinstall: `touch ${marker}`,
          prepare: `touch ${marker}`,
          lint: `touch ${marker}`,
          'clustrix-lint': `touch ${marker}`,
        },
        'clustrix-lint': { rules: { 'no-lock-tables': 'off' } },
      }),
    );
    mkdirSync(join(repo, 'db'));
    writeFileSync(join(repo, 'db', 'schema.sql'), 'LOCK TABLES t WRITE;\nCREATE INDEX i USING HASH ON t(c);\n');
    const check = runCli(['check', '.', '--format', 'compact'], { cwd: repo });
    const fix = runCli(['fix', 'db/schema.sql', '--write'], { cwd: repo });
    expect(existsSync(marker)).toBe(false);
    // The JSON key was read (LOCK TABLES off), the JavaScript files were not.
    expect(check.stdout).not.toMatch(/no-lock-tables/);
    expect(check.stdout).toMatch(/no-unsupported-index-type/);
    expect(fix.status).toBe(0);
  });
});
