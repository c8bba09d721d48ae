import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { TDisputeDto } from './disputes.schemas.ts';

type Row = {
  id: string;
  invoice_id: string;
  invoice_number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  opened_on: string;
  reason: string;
  resolved_on: string | null;
  resolution: string | null;
  created_at: Date;
};

/** The end of time: a dispute's state "as of" it is its current record. */
export const LATEST = '9999-12-31' as BusinessDate;

/**
 * Disputes opened on or before `asOf`, newest first. A resolution dated after `asOf` has not
 * happened yet on that date, so the dispute shows as open then.
 */
export async function queryDisputes(
  db: DbOrTx,
  options: { orgId: string; asOf: BusinessDate; where?: RawBuilder<unknown>; limit: number },
): Promise<TDisputeDto[]> {
  const r = await sql<Row>`
    select d.id, d.invoice_id, i.number as invoice_number, d.customer_id, c.code as customer_code,
      c.name as customer_name, d.opened_on, d.reason, d.resolved_on, d.resolution, d.created_at
    from disputes d
    join invoices i on i.org_id = d.org_id and i.id = d.invoice_id
    join customers c on c.org_id = d.org_id and c.id = d.customer_id
    where d.org_id = ${options.orgId} and d.opened_on <= ${options.asOf}
      ${options.where ? sql`and ${options.where}` : sql``}
    order by d.id desc
    limit ${options.limit}`.execute(db);
  return r.rows.map((d) => {
    const isResolved = d.resolved_on !== null && d.resolved_on <= options.asOf;
    return {
      id: d.id,
      invoice: { id: d.invoice_id, number: d.invoice_number },
      customer: { id: d.customer_id, code: d.customer_code, name: d.customer_name },
      opened_on: d.opened_on,
      reason: d.reason,
      resolved_on: isResolved ? d.resolved_on : null,
      resolution: isResolved ? d.resolution : null,
      status: isResolved ? 'resolved' : 'open',
      created_at: d.created_at.toISOString(),
    };
  });
}
