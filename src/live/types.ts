// What live checking reads from a server: the typed picture other parts (reports, the script
// builder, tools importing the library) work from.

export type ObjectType =
  'server' | 'database' | 'table' | 'sequence' | 'view' | 'procedure' | 'function' | 'trigger' | 'event';

/** One partition (or subpartition) of a table, from information_schema.PARTITIONS. */
export interface LivePartition {
  readonly name: string;
  readonly subpartition: string | null;
  readonly method: string | null;
  readonly subpartitionMethod: string | null;
  readonly expression: string | null;
  readonly description: string | null;
  readonly rows: number | null;
}

/** A table's facts that its DDL text does not show, from information_schema.TABLES. */
export interface LiveTableFacts {
  readonly engine: string | null;
  /** The server's row estimate (exact for MyISAM, an estimate for InnoDB). */
  readonly rows: number | null;
  readonly dataLength: number | null;
  readonly indexLength: number | null;
  /** dataLength + indexLength, bytes. */
  readonly size: number | null;
  readonly collation: string | null;
  readonly createOptions: string | null;
  readonly partitions: readonly LivePartition[];
  /** Tables this one references by foreign key. */
  readonly references: ReadonlyArray<{ readonly database: string; readonly table: string }>;
  /**
   * Its indexes (information_schema.STATISTICS; `PRIMARY` for the primary key), each key part with
   * the server's estimate of the distinct values of the key's parts up to it (CARDINALITY); absent
   * when not read.
   */
  readonly indexes?: readonly LiveIndex[];
}

export interface LiveIndex {
  readonly name: string;
  readonly unique: boolean;
  readonly columns: ReadonlyArray<{ readonly column: string | null; readonly cardinality: number | null }>;
}

/** One object of a database: its SHOW CREATE text, or why it could not be read. */
export interface LiveObject {
  readonly type: Exclude<ObjectType, 'server'>;
  readonly database: string;
  readonly name: string;
  /** The SHOW CREATE text as the server returned it; null when it could not be read. */
  readonly createText: string | null;
  /** Why the text could not be read (the server's answer), else null. */
  readonly error: string | null;
  /** The statement that reads it (`SHOW CREATE VIEW \`db\`.\`v\``). */
  readonly readWith: string;
  /** `user@host` of DEFINER=, for views, routines, triggers and events. */
  readonly definer: string | null;
  /** The sql_mode the object was created under (routines, triggers, events). */
  readonly sqlMode: string | null;
  /** For a trigger: its table. */
  readonly table?: string;
  /** For tables and sequences. */
  readonly facts?: LiveTableFacts;
}

/** Object kinds the account may not list at all, so none of them was read. */
export interface HiddenKind {
  readonly database: string;
  readonly kind: 'triggers' | 'events' | 'routines';
  /** The statement that would list them. */
  readonly readWith: string;
  /** The server's answer, or what the grants say. */
  readonly reason: string;
}

export interface LiveDatabase {
  readonly name: string;
  readonly charset: string | null;
  readonly collation: string | null;
  /** SHOW CREATE DATABASE. */
  readonly createText: string | null;
  readonly objects: readonly LiveObject[];
  readonly hidden: readonly HiddenKind[];
}

export interface LiveServer {
  /** `mysql://host[:port]` as written, without credentials. */
  readonly url: string;
  readonly version: string;
  readonly flavor: 'mariadb' | 'mysql';
  /** The server variables that matter to the target (name → value), as SHOW GLOBAL VARIABLES gives them. */
  readonly variables: Readonly<Record<string, string>>;
}

/** A DEFINER account and the objects that name it. */
export interface DefinerUse {
  readonly account: string;
  readonly objects: readonly string[];
}

export interface LiveSchema {
  readonly server: LiveServer;
  readonly databases: readonly LiveDatabase[];
  readonly definers: readonly DefinerUse[];
}

/** Where a finding is on a live server: the object and the position inside its SHOW CREATE text. */
export interface ObjectLocation {
  /** e.g. `mysql://db.example:3306/shop/orders`; the server itself for server variables. */
  readonly name: string;
  readonly type: ObjectType;
  readonly database: string | null;
  /** The object's own name (null for the server and for a database). */
  readonly object: string | null;
  /** 1-based, inside the object's SHOW CREATE text (the server report for server variables). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}
