// The facts of a live database for reports and tools: the server, every object with its
// information_schema facts (engine, row estimate, size, partitions, references, DEFINER), what
// could not be read, and the DEFINER accounts referenced. The SHOW CREATE texts are left out.
import type { DefinerUse, LiveDatabase, LiveSchema, LiveServer, LiveTableFacts, ObjectType } from './types.js';

export interface LiveObjectFacts extends Partial<LiveTableFacts> {
  readonly type: ObjectType;
  readonly name: string;
  readonly definer: string | null;
  /** False when its SHOW CREATE text could not be read; `error` says why. */
  readonly read: boolean;
  readonly error: string | null;
  /** For a trigger: its table. */
  readonly table?: string;
}

/** A database as read, with its objects' facts in place of their SHOW CREATE texts. */
export interface LiveDatabaseFacts extends Omit<LiveDatabase, 'createText' | 'objects'> {
  readonly objects: readonly LiveObjectFacts[];
}

export interface LiveFacts {
  readonly server: LiveServer;
  readonly databases: readonly LiveDatabaseFacts[];
  readonly definers: readonly DefinerUse[];
}

export function liveFacts(schema: LiveSchema): LiveFacts {
  return {
    server: schema.server,
    databases: schema.databases.map((d) => ({
      name: d.name,
      charset: d.charset,
      collation: d.collation,
      objects: d.objects.map((o) => ({
        type: o.type,
        name: o.name,
        definer: o.definer,
        read: o.createText !== null,
        error: o.error,
        ...(o.table === undefined ? {} : { table: o.table }),
        ...(o.facts ?? {}),
      })),
      hidden: d.hidden,
    })),
    definers: schema.definers,
  };
}
