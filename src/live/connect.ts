// Reaching a MySQL/MariaDB server: `mysql://user[:password]@host[:port]/db1,db2` URLs, the
// socket, password and TLS options, and one clear line for every way a connection fails. Used by
// live checking (src/live/) and by `verify` for its scratch server. A password is never part of
// a name shown to the user, and is scrubbed from every error message.
import { readFileSync } from 'node:fs';
import { UsageError } from '../node/io.js';

/** Environment variables (MYSQL_PWD), as process.env has them. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface ConnectionOptions {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly socketPath?: string;
  /** Seconds to wait for the server to answer a connection (default 10). */
  readonly connectTimeout?: number;
  /** Use TLS; `ca` is a PEM file to trust in addition to the system's CAs. */
  readonly tls?: { readonly ca?: string };
}

/** What the command line says about reaching servers, for every URL of a run. */
export interface ServerFlags {
  /** Unix socket for URLs that do not name one (`?socket=`). */
  readonly socket?: string;
  readonly passwordFile?: string;
  /** Seconds. */
  readonly connectTimeout?: number;
  readonly tls?: boolean;
  readonly tlsCa?: string;
}

export interface ServerUrl {
  readonly options: ConnectionOptions;
  /** The URL as shown in reports: scheme, host and port as written, no user, password or query. */
  readonly display: string;
  /** `mysql://host[:port]` without the databases. */
  readonly server: string;
  /** The databases named in the path (`/db1,db2`), decoded; empty when none. */
  readonly databases: string[];
}

const URL_SHAPE = 'mysql://user[:password]@host[:port]/[db1,db2]';

/** A server URL as it may be shown: without user, password and query (safe before it parses). */
export function safeUrlLabel(raw: string): string {
  // Everything between the scheme and the last @ may be user and password (a password may hold
  // / or ?), and the query may name a socket path: all of it goes.
  const colon = raw.indexOf(':');
  let scheme = colon < 0 ? '' : raw.slice(0, colon + 1);
  let rest = colon < 0 ? raw : raw.slice(colon + 1);
  while (rest.startsWith('/') && scheme.length < colon + 3) {
    scheme += '/';
    rest = rest.slice(1);
  }
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const query = rest.search(/[?#]/);
  return scheme + (query < 0 ? rest : rest.slice(0, query));
}

/** A message with every server URL in it reduced to its safe label (for errors about arguments). */
export function redactUrls(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const at = word.search(/(?:mysql|mariadb):/i);
      return at < 0 ? word : word.slice(0, at) + safeUrlLabel(word.slice(at));
    })
    .join('');
}

/** True when a command-line input names a server rather than a file. */
export function isServerUrl(arg: string): boolean {
  // Also a mistyped mysql:/…: it is refused as a URL, never taken for a file (whose name an error
  // would repeat, password included).
  return /^(?:mysql|mariadb):/i.test(arg);
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new UsageError(`${what}: bad %-escape in the URL`);
  }
}

/**
 * Parses a server URL with the flags that complete it. The password comes from the URL, else
 * --password-file, else MYSQL_PWD; `?socket=/path` in the URL wins over --socket. `label` names
 * the URL in errors (e.g. `--url`), never the URL itself, which may hold a password.
 */
export function parseServerUrl(raw: string, flags: ServerFlags, env: Environment, label = 'URL'): ServerUrl {
  let url: URL;
  try {
    if (!/^[a-z]+:\/\//i.test(raw)) throw new Error('no //');
    url = new URL(raw);
  } catch {
    throw new UsageError(`${label}: not a URL (expected ${URL_SHAPE})`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:')
    throw new UsageError(`${label}: expected a mysql:// URL, not ${url.protocol}//`);
  for (const key of url.searchParams.keys())
    if (key !== 'socket') throw new UsageError(`${label}: unknown URL parameter "${key}" (only socket= is known)`);
  let password: string | undefined = url.password === '' ? undefined : decode(url.password, label);
  if (flags.passwordFile !== undefined) {
    try {
      password = readFileSync(flags.passwordFile, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new UsageError(
        `${flags.passwordFile}: cannot read the password file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  password ??= env.MYSQL_PWD;
  const socket = url.searchParams.get('socket') ?? flags.socket;
  const port = url.port === '' ? undefined : Number(url.port);
  const host = url.hostname === '' ? 'localhost' : decode(url.hostname, label);
  const server = `${url.protocol}//${url.host === '' ? 'localhost' : url.host}`;
  let path = url.pathname;
  while (path.startsWith('/')) path = path.slice(1);
  while (path.endsWith('/')) path = path.slice(0, -1);
  if (path.includes('/')) throw new UsageError(`${label}: the path names databases, e.g. /db1,db2 (found "/" in it)`);
  const databases = path === '' ? [] : path.split(',').map((d) => decode(d, label));
  if (databases.some((d) => d === '')) throw new UsageError(`${label}: an empty database name in the path`);
  const tls = flags.tls === true || flags.tlsCa !== undefined ? { ca: flags.tlsCa } : undefined;
  const options: ConnectionOptions = {
    user: url.username === '' ? undefined : decode(url.username, label),
    password,
    ...(socket !== undefined ? { socketPath: socket } : { host, port: port ?? 3306 }),
    connectTimeout: flags.connectTimeout,
    tls,
  };
  return {
    options,
    server,
    display: `${server}/${databases.join(',')}`,
    databases,
  };
}

/** Where a connection goes, for messages: the socket, or host:port. */
export function whereOf(options: ConnectionOptions): string {
  return options.socketPath ?? `${options.host ?? 'localhost'}:${options.port ?? 3306}`;
}

/** Removes the password from a text (a driver message could echo it; ours never do). */
export function scrub(text: string, options: ConnectionOptions): string {
  const pw = options.password;
  return pw === undefined || pw === '' ? text : text.split(pw).join('***');
}

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

/** One line for a failed connection: what went wrong and what to try, with no credentials. */
export function connectFailure(e: unknown, options: ConnectionOptions): string {
  const err = (e ?? {}) as DriverError;
  const where = whereOf(options);
  const seconds = options.connectTimeout ?? 10;
  const message = (err.message ?? String(e)).replace(/\s+/g, ' ').trim();
  let why: string;
  switch (err.code) {
    case 'ECONNREFUSED':
      why = 'connection refused (is the server running and listening there?)';
      break;
    case 'ENOENT':
      why = 'no such socket (is the server running? check --socket)';
      break;
    case 'EACCES':
      why = 'permission denied on the socket';
      break;
    case 'ETIMEDOUT':
    case 'PROTOCOL_SEQUENCE_TIMEOUT':
      why = `no answer within ${seconds} s (--connect-timeout)`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      why = `unknown host ${options.host ?? ''}`.trim();
      break;
    case 'ER_ACCESS_DENIED_ERROR':
      why = `${message} (check the user and password; MariaDB gives the same answer to an account or server that requires TLS: try --tls)`;
      break;
    case 'ER_BAD_DB_ERROR':
      why = message.replace(/^Unknown database/, 'unknown database');
      break;
    case 'ER_SECURE_TRANSPORT_REQUIRED':
      why = 'the server accepts only TLS connections: add --tls (and --tls-ca FILE for a private CA)';
      break;
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      why = '--tls was given but the server does not offer TLS';
      break;
    case 'HANDSHAKE_SSL_ERROR':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'CERT_HAS_EXPIRED':
      why = `TLS: ${message} (trust the server's CA with --tls-ca FILE)`;
      break;
    default:
      why = err.errno === 3159 ? 'the server accepts only TLS connections: add --tls' : message;
  }
  return scrub(`cannot connect to ${where}: ${why}`, options);
}

type Connection = {
  query(sql: string | { sql: string; timeout?: number }, values?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
};
export type Connect = (database?: string) => Promise<Connection>;

/** A connect function over mysql2 (loaded only when a server is used). */
export async function mysqlConnect(options: ConnectionOptions): Promise<Connect> {
  const mysql = await import('mysql2/promise');
  let ca: Buffer | undefined;
  if (options.tls?.ca !== undefined) {
    try {
      ca = readFileSync(options.tls.ca);
    } catch (e) {
      throw new UsageError(
        `${options.tls.ca}: cannot read the CA file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  const { tls, connectTimeout, ...rest } = options;
  return async (database?: string) => {
    try {
      const connection = await mysql.createConnection({
        ...rest,
        database,
        connectTimeout: (connectTimeout ?? 10) * 1000,
        ...(tls === undefined ? {} : { ssl: { rejectUnauthorized: true, ...(ca === undefined ? {} : { ca }) } }),
        charset: 'UTF8MB4_GENERAL_CI',
        multipleStatements: false,
        supportBigNumbers: true,
        dateStrings: true,
      });
      // An error after the handshake (server gone) must not become an unhandled 'error' event.
      connection.on('error', () => undefined);
      return connection;
    } catch (e) {
      throw new UsageError(connectFailure(e, options));
    }
  };
}
