// A private MariaDB server for the verify and live tests: its own data directory and unix socket,
// no TCP port unless asked (then 127.0.0.1 on a free port, optionally with TLS), stopped at the
// end. Skipped (with the reason) when mariadbd is not installed; under CI=true its absence is a
// failure.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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
  /** The server's temporary directory (data, logs). */
  readonly dir: string;
  /** The TCP port on 127.0.0.1, when started with `tcp`. */
  readonly port?: number;
  /** Runs SQL through the mariadb client as root; returns its tab-separated output. */
  sql(text: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Also listen on 127.0.0.1 (a free port). */
  readonly tcp?: boolean;
  /** PEM certificate and key: the server offers TLS. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /**
   * Data that need not survive a crash: the data directory in /dev/shm when there is one (every
   * server here already runs without doublewrite and without a flush per commit).
   */
  readonly ephemeral?: boolean;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startMariadb(options: StartOptions = {}): Promise<Server> {
  const base = options.ephemeral === true && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, 'clustrix-lint-mariadb-'));
  const port = options.tcp === true ? await freePort() : undefined;
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${data}`,
      '--user=root',
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
      // The bootstrap server's temporary tables too: in the shared /tmp, two bootstraps started at
      // the same moment failed ("Could not remove temporary table … Unknown table 'mysql.tmp_user_sys'").
      `--tmpdir=${tmp}`,
    ],
    { stdio: 'pipe' },
  );
  const proc: ChildProcess = spawn(
    MARIADBD!,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      ...(port === undefined ? ['--skip-networking'] : ['--bind-address=127.0.0.1', `--port=${port}`]),
      ...(options.tls === undefined ? [] : [`--ssl-cert=${options.tls.cert}`, `--ssl-key=${options.tls.key}`]),
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
    dir,
    port,
    sql,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise<void>((r) => (proc.exitCode !== null ? r() : proc.once('exit', () => r())));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
