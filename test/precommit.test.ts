// The hooks in .pre-commit-hooks.yaml, installed by the real pre-commit tool from this checkout's
// HEAD into a throwaway git repository, block a bad commit and let a clean one through.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit && process.env.CI === 'true')
  throw new Error('CI=true but the pre-commit tool is not installed (.ci/run installs it)');
const REASON = hasPreCommit
  ? 'pre-commit found'
  : 'pre-commit is not installed (apt-get install pre-commit); hook tests skipped';

describe.skipIf(!hasPreCommit)(`pre-commit hooks (${REASON})`, () => {
  let repo = '';
  let env: NodeJS.ProcessEnv = {};
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  const commit = (file: string, text: string) => {
    writeFileSync(join(repo, file), text);
    git('add', file);
    return spawnSync('git', ['commit', '-q', '-m', `add ${file}`], { cwd: repo, env, encoding: 'utf8' });
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'clustrix-lint-precommit-'));
    env = {
      ...process.env,
      PRE_COMMIT_HOME: join(repo, '.pre-commit-home'),
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
    };
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    git('init', '-q');
    writeFileSync(join(repo, '.gitignore'), '.pre-commit-home/\n');
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: clustrix-lint\n      - id: clustrix-lint-fix\n        stages: [manual]\n`,
    );
    git('add', '.gitignore', '.pre-commit-config.yaml');
    git('commit', '-q', '-m', 'init');
    execFileSync('pre-commit', ['install'], { cwd: repo, env });
    // Build the hook environment once (npm install + pack from HEAD), outside the commits.
    execFileSync('pre-commit', ['install-hooks'], { cwd: repo, env, stdio: 'pipe' });
  }, 600_000);

  it('blocks a commit with an error finding and names it', () => {
    const r = commit('bad.sql', 'CREATE INDEX i USING HASH ON t(c);\n');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/bad\.sql\s*\n\s+1:16\s+error\s+USING HASH before the column list/);
    expect(git('log', '--oneline')).not.toMatch(/add bad\.sql/);
  });

  it('lets a clean script through', () => {
    git('reset', '-q');
    const r = commit('good.sql', 'CREATE TABLE t (a INT) ENGINE INNODB;\n');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(git('log', '--oneline')).toMatch(/add good\.sql/);
  });

  it('the fix hook rewrites the file (and fails the run so the change is reviewed)', () => {
    writeFileSync(join(repo, 'fixme.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    git('add', 'fixme.sql');
    const r = spawnSync('pre-commit', ['run', '--hook-stage', 'manual', 'clustrix-lint-fix', '--files', 'fixme.sql'], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/files were modified by this hook/);
    expect(readFileSync(join(repo, 'fixme.sql'), 'utf8')).toBe('CREATE INDEX i ON t(c);\n');
  });
});
