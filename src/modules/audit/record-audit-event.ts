import { sql } from 'kysely';
import type { DbOrTx } from '../../shared/db/index.ts';
import type { AuditEvent } from './audit.schemas.ts';

function toJsonb(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Appends an event that is not a row change (row changes record themselves, by trigger) to the
 * org's chain. Pass the caller's transaction when there is one, so the event commits or rolls back
 * with what it describes. Who and from where come from the connection's session (settle.actor,
 * settle.ip). A connection confined to one org may record events for that org only.
 */
export async function recordAuditEvent(db: DbOrTx, orgId: string, event: AuditEvent): Promise<void> {
  await sql`select settle_audit_append(${orgId}::uuid, ${event.action}, ${event.entity},
    ${event.entityId ?? null}, ${toJsonb(event.before)}::jsonb, ${toJsonb(event.after)}::jsonb,
    ${event.actor ?? null}, ${event.ip ?? null})`.execute(db);
}
