import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { documentKey } from '../open-items.sql.ts';
import type { TCreditNoteDto } from '../receivables.dto.ts';

type Row = {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  note_date: string;
  currency: string;
  subtotal_minor: bigint;
  tax_minor: bigint;
  total_minor: bigint;
  invoice_id: string | null;
  reason: string | null;
  created_at: Date;
  applied_minor: bigint;
  voided_on: string | null;
};

export const creditNoteKey = (idOrNumber: string) => documentKey('n', idOrNumber);

export async function queryCreditNotes(
  db: DbOrTx,
  orgId: string,
  where: RawBuilder<unknown>,
  limit: number,
): Promise<TCreditNoteDto[]> {
  const r = await sql<Row>`
    select n.id, n.number, n.customer_id, c.code as customer_code, c.name as customer_name, n.note_date, n.currency,
      n.subtotal_minor, n.tax_minor, n.total_minor, n.invoice_id, n.reason, n.created_at,
      (select coalesce(sum(a.amount_minor), 0) from allocations a where a.org_id = n.org_id and a.credit_note_id = n.id
        and not exists (select 1 from reversals r where r.org_id = a.org_id and r.target_type = 'allocation' and r.target_id = a.id))::int8 as applied_minor,
      (select r.reversal_date from reversals r where r.org_id = n.org_id and r.target_type = 'credit_note' and r.target_id = n.id) as voided_on
    from credit_notes n join customers c on c.org_id = n.org_id and c.id = n.customer_id
    where n.org_id = ${orgId} and ${where}
    order by n.id desc limit ${limit}`.execute(db);
  return r.rows.map((n) => {
    const cur = n.currency;
    return {
      id: n.id,
      number: n.number,
      customer: { id: n.customer_id, code: n.customer_code, name: n.customer_name },
      date: n.note_date,
      currency: cur,
      subtotal: minorToDecimal(n.subtotal_minor, cur),
      tax: minorToDecimal(n.tax_minor, cur),
      total: minorToDecimal(n.total_minor, cur),
      applied: minorToDecimal(n.applied_minor, cur),
      unapplied: minorToDecimal(n.voided_on ? 0n : n.total_minor - n.applied_minor, cur),
      invoice_id: n.invoice_id,
      reason: n.reason,
      voided_on: n.voided_on,
      created_at: n.created_at.toISOString(),
    };
  });
}
