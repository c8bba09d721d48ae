import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../shared/db/index.ts';
import { toBuffer } from './audit-hash.ts';
import type { ChainHead, ChainRow } from './check-chain.ts';

type RawChainRow = {
  seq: bigint;
  micros: string;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
};

/**
 * The org's rows with `fromSeq < seq <= toSeq`, in seq order, each column rendered as text the way
 * the hash covers it. Only PostgreSQL's own renderings are used (jsonb::text, epoch microseconds):
 * the hashing is done by the caller, independently of the SQL that wrote the rows. A bounded range,
 * not `seq > x limit n`, so a planner with stale statistics never sorts the rest of the log per page.
 */
export async function readChainRange(
  db: DbOrTx,
  orgId: string,
  fromSeq: number,
  toSeq: number,
): Promise<ChainRow[]> {
  const { rows } = await sql<RawChainRow>`
    select seq, (extract(epoch from occurred_at) * 1000000)::bigint::text as micros, actor, ip, action,
      entity, entity_id, before::text as before, after::text as after,
      encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash
    from audit_log where org_id = ${orgId} and seq > ${fromSeq} and seq <= ${toSeq}
    order by seq`.execute(db);
  return rows.map((r) => ({
    orgId,
    seq: String(r.seq),
    micros: r.micros,
    actor: r.actor,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    prevHash: Buffer.from(r.prev_hash, 'hex'),
    hash: Buffer.from(r.hash, 'hex'),
  }));
}

export async function maxSeq(db: DbOrTx, orgId: string): Promise<number> {
  const { rows } = await sql<{ seq: bigint | null }>`
    select max(seq) as seq from audit_log where org_id = ${orgId}`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

export type OrgChainRef = { orgId: string; slug: string };

/** Every org with an org row or a chain head (an org whose head vanished is still checked). */
export async function listChains(db: DbOrTx, orgId?: string): Promise<OrgChainRef[]> {
  const { rows } = await sql<{ org_id: string; slug: string | null }>`
    select coalesce(o.org_id, h.org_id) as org_id, o.slug
    from orgs o full join audit_heads h on h.org_id = o.org_id
    ${orgId ? sql`where coalesce(o.org_id, h.org_id) = ${orgId}` : sql``}
    order by o.slug nulls last, 1`.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, slug: r.slug ?? r.org_id }));
}

export async function readHead(db: DbOrTx, orgId: string): Promise<ChainHead | null> {
  const { rows } = await sql<{ last_seq: bigint; last_hash: Uint8Array }>`
    select last_seq, last_hash from audit_heads where org_id = ${orgId}`.execute(db);
  const r = rows[0];
  return r ? { lastSeq: Number(r.last_seq), lastHash: toBuffer(r.last_hash) } : null;
}

/** A date range in the org's time zone, as conditions on `occurred_at`. */
export function occurredWithin(timeZone: string, from?: string, to?: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (from) where.push(sql`occurred_at >= (${from}::date::timestamp at time zone ${timeZone})`);
  if (to) where.push(sql`occurred_at < ((${to}::date + 1)::timestamp at time zone ${timeZone})`);
  return where;
}
