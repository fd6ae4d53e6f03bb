// The words the report labels statements with. What a statement defines, changes, needs and drops
// is found by the one finder of the objects a statement names, src/core/objects.ts.
import type { StatementKind } from '../core/statements.js';

/** Words in a statement label, e.g. `CREATE TABLE`, for each kind that has one. */
export const KIND_LABELS: Partial<Record<StatementKind, string>> = {
  create_table: 'CREATE TABLE',
  create_index: 'CREATE INDEX',
  create_database: 'CREATE DATABASE',
  create_view: 'CREATE VIEW',
  create_trigger: 'CREATE TRIGGER',
  create_procedure: 'CREATE PROCEDURE',
  create_function: 'CREATE FUNCTION',
  create_event: 'CREATE EVENT',
  alter_table: 'ALTER TABLE',
  alter_database: 'ALTER DATABASE',
  drop: 'DROP',
  set: 'SET',
  insert: 'INSERT',
  replace: 'REPLACE',
  update: 'UPDATE',
  delete: 'DELETE',
  select: 'SELECT',
  lock_tables: 'LOCK TABLES',
  unlock_tables: 'UNLOCK TABLES',
  transaction: 'transaction',
  xa: 'XA',
};
