// A private MariaDB server for the verify tests: its own data directory and unix socket, no TCP
// port, stopped at the end. Skipped (with the reason) when mariadbd is not installed; under
// CI=true its absence is a failure.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/bin/mariadbd'];
export const MARIADBD =
  CANDIDATES.find((p) => existsSync(p)) ??
  (spawnSync('which', ['mariadbd'], { encoding: 'utf8' }).stdout.trim() || null);
if (MARIADBD === null && process.env.CI === 'true')
  throw new Error('CI=true but mariadbd is not installed (.ci/run installs mariadb-server)');
export const MARIADB_SKIP_REASON =
  MARIADBD === null
    ? 'mariadbd is not installed (apt-get install mariadb-server); verify tests skipped'
    : 'mariadbd found';

export interface Server {
  readonly socket: string;
  readonly url: string;
  /** Runs SQL through the mariadb client as root; returns its tab-separated output. */
  sql(text: string): string;
  stop(): Promise<void>;
}

export async function startMariadb(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'],
    { stdio: 'pipe' },
  );
  const proc: ChildProcess = spawn(
    MARIADBD!,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      '--user=root',
      `--log-error=${join(dir, 'error.log')}`,
      '--innodb-buffer-pool-size=64M',
      // A throwaway server: no fsync per commit and no doublewrite buffer, which changes nothing a
      // script can see (innodb_file_per_table stays on: ROW_FORMAT=COMPRESSED needs it) and makes
      // the corpus scripts' thousands of INSERTs run several times faster.
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      // Its own directory for internal temporary tables, away from the rest of /tmp.
      `--tmpdir=${tmp}`,
      '--character-set-server=latin1',
      '--collation-server=latin1_swedish_ci',
    ],
    { stdio: 'ignore' },
  );
  const sql = (text: string) =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-B', '-e', text], {
      encoding: 'utf8',
    });
  for (let i = 0; ; i++) {
    if (
      existsSync(socket) &&
      spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' })
        .status === 0
    )
      break;
    if (proc.exitCode !== null || i > 300) throw new Error(`mariadbd did not start (see ${join(dir, 'error.log')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    socket,
    url: 'mysql://root@localhost/',
    sql,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise<void>((r) => (proc.exitCode !== null ? r() : proc.once('exit', () => r())));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
