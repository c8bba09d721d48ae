import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { queryAllocations } from '../allocations/allocation-query.ts';
import { trimRate } from '../invoices/invoice-query.ts';
import { documentKey, live } from '../open-items.sql.ts';
import type { TReceiptDto } from '../receivables.dto.ts';

type Row = {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  receipt_date: string;
  currency: string;
  fx_rate: string;
  amount_minor: bigint;
  base_amount_minor: bigint;
  reference: string | null;
  method: string;
  memo: string | null;
  created_at: Date;
  applied_minor: bigint;
  refunded_minor: bigint;
  reversed_on: string | null;
};

export const receiptKey = (idOrNumber: string) => documentKey('p', idOrNumber);

/** Receipts with applied, refunded and unapplied amounts as of a date. */
export async function queryReceipts(
  db: DbOrTx,
  options: {
    orgId: string;
    baseCurrency: string;
    asOf: BusinessDate;
    where?: RawBuilder<unknown>;
    limit: number;
    withAllocations?: boolean;
  },
): Promise<TReceiptDto[]> {
  const r = await sql<Row>`
    select p.id, p.number, p.customer_id, c.code as customer_code, c.name as customer_name, p.receipt_date, p.currency,
      p.fx_rate::text as fx_rate, p.amount_minor, p.base_amount_minor, p.reference, p.method, p.memo, p.created_at,
      (select coalesce(sum(a.amount_minor), 0) from allocations a where a.org_id = p.org_id and a.receipt_id = p.id
        and ${live('a', 'allocation', 'allocation_date', options.asOf)})::int8 as applied_minor,
      (select coalesce(sum(f.amount_minor), 0) from refunds f where f.org_id = p.org_id and f.receipt_id = p.id
        and ${live('f', 'refund', 'refund_date', options.asOf)})::int8 as refunded_minor,
      (select r.reversal_date from reversals r where r.org_id = p.org_id and r.target_type = 'receipt' and r.target_id = p.id
        and r.reversal_date <= ${options.asOf}) as reversed_on
    from receipts p join customers c on c.org_id = p.org_id and c.id = p.customer_id
    where p.org_id = ${options.orgId} and p.receipt_date <= ${options.asOf} ${options.where ? sql`and ${options.where}` : sql``}
    order by p.id desc
    limit ${options.limit}`.execute(db);
  const allocations =
    options.withAllocations && r.rows.length > 0
      ? await queryAllocations(db, options.orgId, sql`a.receipt_id in (${sql.join(r.rows.map((x) => x.id))})`)
      : [];
  return r.rows.map((p) => {
    const cur = p.currency;
    const unapplied = p.reversed_on ? 0n : p.amount_minor - p.applied_minor - p.refunded_minor;
    return {
      id: p.id,
      number: p.number,
      customer: { id: p.customer_id, code: p.customer_code, name: p.customer_name },
      date: p.receipt_date,
      currency: cur,
      amount: minorToDecimal(p.amount_minor, cur),
      applied: minorToDecimal(p.applied_minor, cur),
      refunded: minorToDecimal(p.refunded_minor, cur),
      unapplied: minorToDecimal(unapplied, cur),
      fx_rate: trimRate(p.fx_rate),
      base_amount: minorToDecimal(p.base_amount_minor, options.baseCurrency),
      reference: p.reference,
      method: p.method,
      memo: p.memo,
      reversed_on: p.reversed_on,
      allocations: allocations.filter((a) => a.source_id === p.id),
      created_at: p.created_at.toISOString(),
    };
  });
}
