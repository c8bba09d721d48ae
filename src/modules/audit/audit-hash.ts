import { createHash } from 'node:crypto';

/** The `prev_hash` of an org's first row. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * What a row's hash covers, as text: the stored columns rendered the way PostgreSQL renders them
 * (`occurred_at` as epoch microseconds, `before`/`after` as `jsonb::text`).
 */
export type ChainedFields = {
  orgId: string;
  seq: string;
  micros: string;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
};

/** `N;` for null, else `S<utf-8 byte length>:<text>;`: no two field lists encode alike. */
function field(value: string | null): string {
  return value === null ? 'N;' : `S${Buffer.byteLength(value, 'utf8')}:${value};`;
}

/** Byte for byte the text settle_audit_canonical() builds in SQL (migration 0003). */
export function canonicalText(f: ChainedFields): string {
  return [
    'v1;',
    field(f.orgId),
    field(f.seq),
    field(f.micros),
    field(f.actor),
    field(f.ip),
    field(f.action),
    field(f.entity),
    field(f.entityId),
    field(f.before),
    field(f.after),
  ].join('');
}

/** hash = sha256(prev_hash || canonical text). */
export function chainHash(prevHash: Uint8Array, fields: ChainedFields): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalText(fields), 'utf8').digest();
}

/** bytea arrives as a Buffer from node-postgres and as a Uint8Array from PGlite. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
