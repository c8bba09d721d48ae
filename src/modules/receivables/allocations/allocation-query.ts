import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { TAllocationDto } from '../receivables.dto.ts';

type Row = {
  id: string;
  receipt_id: string | null;
  credit_note_id: string | null;
  source_number: string;
  invoice_id: string;
  invoice_number: string;
  customer_id: string;
  currency: string;
  amount_minor: bigint;
  allocation_date: string;
  reversed_on: string | null;
  created_at: Date;
};

/** Allocations with their source and invoice numbers; filter is SQL over alias `a`. */
export async function queryAllocations(
  db: DbOrTx,
  orgId: string,
  filter: ReturnType<typeof sql>,
  limit = 10_000,
): Promise<TAllocationDto[]> {
  const r = await sql<Row>`
    select a.id, a.receipt_id, a.credit_note_id, coalesce(rc.number, cn.number) as source_number,
      a.invoice_id, i.number as invoice_number, a.customer_id, a.currency, a.amount_minor, a.allocation_date,
      (select r.reversal_date from reversals r where r.org_id = a.org_id and r.target_type = 'allocation' and r.target_id = a.id) as reversed_on,
      a.created_at
    from allocations a
    join invoices i on i.org_id = a.org_id and i.id = a.invoice_id
    left join receipts rc on rc.org_id = a.org_id and rc.id = a.receipt_id
    left join credit_notes cn on cn.org_id = a.org_id and cn.id = a.credit_note_id
    where a.org_id = ${orgId} and ${filter}
    order by a.allocation_date, a.id
    limit ${limit}`.execute(db);
  return r.rows.map(toAllocationDto);
}

export function toAllocationDto(r: Row): TAllocationDto {
  return {
    id: r.id,
    source_type: r.receipt_id ? 'receipt' : 'credit_note',
    source_id: (r.receipt_id ?? r.credit_note_id) as string,
    source_number: r.source_number,
    invoice_id: r.invoice_id,
    invoice_number: r.invoice_number,
    customer_id: r.customer_id,
    currency: r.currency,
    amount: minorToDecimal(r.amount_minor, r.currency),
    date: r.allocation_date,
    reversed_on: r.reversed_on,
    created_at: r.created_at.toISOString(),
  };
}
