// Reading a live database for checking: from a URL to the schema script and its server report.
// The only part of live checking that does I/O, through a read-only session (src/live/session.ts).
import { InternalError } from '../core/errors.js';
import { UsageError } from '../node/io.js';
import type { LiveRead } from './check.js';
import { mysqlConnect, parseServerUrl, safeUrlLabel, scrub, type Environment, type ServerFlags } from './connect.js';
import { readSchema, SYSTEM_SCHEMAS } from './read.js';
import { buildScript } from './script.js';

export interface ReadDatabaseOptions extends ServerFlags {
  /** With a URL that names no database: read every database but the system ones. */
  readonly allDatabases?: boolean;
  /** Where MYSQL_PWD is looked up (default process.env). */
  readonly env?: Environment;
}

/**
 * Reads the databases a `mysql://user@host[:port]/db1,db2` URL names (or, with allDatabases,
 * every one but mysql, sys, information_schema and performance_schema) and builds their schema
 * script. Never writes to the server. Connection and reading problems throw UsageError with one
 * line and no credentials.
 */
export async function readDatabase(url: string, options: ReadDatabaseOptions = {}): Promise<LiveRead> {
  const label = safeUrlLabel(url);
  const parsed = parseServerUrl(url, options, options.env ?? process.env, label);
  if (parsed.databases.length > 0 && options.allDatabases === true)
    throw new UsageError(`${label}: names databases; leave them out to use --all-databases`);
  if (parsed.databases.length === 0 && options.allDatabases !== true)
    throw new UsageError(`${label}: name the databases to read (${parsed.server}/db1,db2), or pass --all-databases`);
  const connect = await mysqlConnect(parsed.options);
  let schema;
  try {
    schema = await readSchema(connect, {
      server: parsed.server,
      databases: parsed.databases.length > 0 ? parsed.databases : 'all',
    });
  } catch (e) {
    if (e instanceof UsageError || e instanceof InternalError) throw e;
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    throw new UsageError(scrub(`${label}: reading the schema failed: ${why}`, parsed.options));
  }
  if (schema.databases.length === 0)
    throw new UsageError(
      `${label}: no databases to read (--all-databases leaves out ${[...SYSTEM_SCHEMAS].join(', ')})`,
    );
  const name = `${parsed.server}/${schema.databases.map((d) => d.name).join(',')}`;
  return { schema, script: buildScript(schema, name) };
}
