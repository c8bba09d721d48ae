import type { ColumnType } from 'kysely';

/**
 * Row types of the audit tables (owned by the audit module; kept here so the one DB type can name
 * them). Only the SQL functions of migration 0003 write them, so nothing is insertable from code.
 */
type ReadOnly<T> = ColumnType<T, never, never>;
/** bytea: a Buffer from node-postgres, a Uint8Array from PGlite. */
type Bytes = ReadOnly<Uint8Array>;

export type AuditLogTable = {
  org_id: ReadOnly<string>;
  /** Per org, from 1 without gaps. */
  seq: ReadOnly<bigint>;
  occurred_at: ReadOnly<Date>;
  actor: ReadOnly<string | null>;
  ip: ReadOnly<string | null>;
  /** insert | update | delete for row changes, or an event name such as `auth.login_failed`. */
  action: ReadOnly<string>;
  /** The table changed, or the subject of an event. */
  entity: ReadOnly<string>;
  entity_id: ReadOnly<string | null>;
  before: ReadOnly<unknown>;
  after: ReadOnly<unknown>;
  prev_hash: Bytes;
  hash: Bytes;
};

export type AuditHeadsTable = {
  org_id: ReadOnly<string>;
  last_seq: ReadOnly<bigint>;
  last_hash: Bytes;
};

export type AuditTables = { audit_log: AuditLogTable; audit_heads: AuditHeadsTable };
