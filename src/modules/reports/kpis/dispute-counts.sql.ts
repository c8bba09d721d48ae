import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';

export type DisputeCounts = { issued: number; issuedBase: bigint; disputed: number; disputedBase: bigint };

/**
 * Invoices issued in [from, to] (voided or not: a dispute often ends in a void) against invoices,
 * issued whenever, with a dispute opened in the period; each invoice once, at its base total.
 */
export async function disputeCounts(
  db: DbOrTx,
  options: { orgId: string; from: BusinessDate; to: BusinessDate },
): Promise<DisputeCounts> {
  const { orgId, from, to } = options;
  const r = await sql<{ issued: number; issued_base: bigint; disputed: number; disputed_base: bigint }>`
    with issued as (
      select count(*)::int as n, coalesce(sum(base_total_minor), 0)::int8 as base
      from invoices where org_id = ${orgId} and issue_date between ${from} and ${to}
    ),
    disputed as (
      select count(*)::int as n, coalesce(sum(i.base_total_minor), 0)::int8 as base
      from invoices i where i.org_id = ${orgId} and i.id in (select d.invoice_id from disputes d
        where d.org_id = ${orgId} and d.opened_on between ${from} and ${to})
    )
    select issued.n as issued, issued.base as issued_base, disputed.n as disputed, disputed.base as disputed_base
    from issued, disputed`.execute(db);
  const row = r.rows[0];
  return {
    issued: row?.issued ?? 0,
    issuedBase: row?.issued_base ?? 0n,
    disputed: row?.disputed ?? 0,
    disputedBase: row?.disputed_base ?? 0n,
  };
}
