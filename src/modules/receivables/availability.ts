import { sql } from 'kysely';
import type { Tx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';

export type BalanceEvent = { date: string; delta: bigint };

/**
 * The least a balance is on any day from `from` on. A new application dated `from` stays in force
 * on every later day, so it must fit under that minimum, not just under today's balance: this is
 * what keeps "allocations <= total" true as of every date, even with back-dated entries.
 */
export function minimumFrom(start: bigint, events: readonly BalanceEvent[], from: BusinessDate): bigint {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let balance = start;
  let i = 0;
  for (; i < sorted.length && (sorted[i] as BalanceEvent).date <= from; i++)
    balance += (sorted[i] as BalanceEvent).delta;
  let min = balance;
  while (i < sorted.length) {
    const day = (sorted[i] as BalanceEvent).date;
    for (; i < sorted.length && (sorted[i] as BalanceEvent).date === day; i++)
      balance += (sorted[i] as BalanceEvent).delta;
    if (balance < min) min = balance;
  }
  return min;
}

type EventRow = { date: string; delta: bigint };

/** Events that reduce an invoice's open amount: applications and write-offs, and their reversals. */
export async function invoiceEvents(trx: Tx, orgId: string, invoiceId: string): Promise<BalanceEvent[]> {
  const r = await sql<EventRow>`
    select a.allocation_date as date, -a.amount_minor as delta from allocations a where a.org_id = ${orgId} and a.invoice_id = ${invoiceId}
    union all
    select r.reversal_date, a.amount_minor from allocations a join reversals r
      on r.org_id = a.org_id and r.target_type = 'allocation' and r.target_id = a.id where a.org_id = ${orgId} and a.invoice_id = ${invoiceId}
    union all
    select w.write_off_date, -w.amount_minor from write_offs w where w.org_id = ${orgId} and w.invoice_id = ${invoiceId}
    union all
    select r.reversal_date, w.amount_minor from write_offs w join reversals r
      on r.org_id = w.org_id and r.target_type = 'write_off' and r.target_id = w.id where w.org_id = ${orgId} and w.invoice_id = ${invoiceId}`.execute(
    trx,
  );
  return r.rows;
}

/** Events that use up a receipt or credit note: its applications and refunds, and their reversals. */
export async function sourceEvents(
  trx: Tx,
  orgId: string,
  source: { receiptId?: string; creditNoteId?: string },
): Promise<BalanceEvent[]> {
  const col = source.receiptId ? sql.ref('a.receipt_id') : sql.ref('a.credit_note_id');
  const id = source.receiptId ?? source.creditNoteId;
  const r = await sql<EventRow>`
    select a.allocation_date as date, -a.amount_minor as delta from allocations a where a.org_id = ${orgId} and ${col} = ${id}
    union all
    select r.reversal_date, a.amount_minor from allocations a join reversals r
      on r.org_id = a.org_id and r.target_type = 'allocation' and r.target_id = a.id where a.org_id = ${orgId} and ${col} = ${id}
    ${
      source.receiptId
        ? sql`union all
    select f.refund_date, -f.amount_minor from refunds f where f.org_id = ${orgId} and f.receipt_id = ${id}
    union all
    select r.reversal_date, f.amount_minor from refunds f join reversals r
      on r.org_id = f.org_id and r.target_type = 'refund' and r.target_id = f.id where f.org_id = ${orgId} and f.receipt_id = ${id}`
        : sql``
    }`.execute(trx);
  return r.rows;
}

/** The current balance: start plus every event, whatever its date. */
export function currentBalance(start: bigint, events: readonly BalanceEvent[]): bigint {
  return events.reduce((acc, e) => acc + e.delta, start);
}

/** A document can be undone from `date` only if nothing uses it from that date on. */
export function assertUntouchedFrom(
  whole: bigint,
  events: readonly BalanceEvent[],
  date: BusinessDate,
  label: string,
): void {
  if (minimumFrom(whole, events, date) !== whole) {
    throw new AppError('INVOICE_HAS_ALLOCATIONS', {
      message: `${label} is applied or written off on or after ${date}; reverse those first`,
      details: { document: label, date },
    });
  }
}

/** invoiceEvents for many invoices in one query. */
export async function invoiceEventsMany(
  trx: Tx,
  orgId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, BalanceEvent[]>> {
  const map = new Map<string, BalanceEvent[]>(invoiceIds.map((id) => [id, []]));
  for (let i = 0; i < invoiceIds.length; i += 5000) {
    const ids = sql.join(invoiceIds.slice(i, i + 5000));
    const r = await sql<EventRow & { invoice_id: string }>`
      select a.invoice_id, a.allocation_date as date, -a.amount_minor as delta from allocations a where a.org_id = ${orgId} and a.invoice_id in (${ids})
      union all
      select a.invoice_id, r.reversal_date, a.amount_minor from allocations a join reversals r
        on r.org_id = a.org_id and r.target_type = 'allocation' and r.target_id = a.id where a.org_id = ${orgId} and a.invoice_id in (${ids})
      union all
      select w.invoice_id, w.write_off_date, -w.amount_minor from write_offs w where w.org_id = ${orgId} and w.invoice_id in (${ids})
      union all
      select w.invoice_id, r.reversal_date, w.amount_minor from write_offs w join reversals r
        on r.org_id = w.org_id and r.target_type = 'write_off' and r.target_id = w.id where w.org_id = ${orgId} and w.invoice_id in (${ids})`.execute(
      trx,
    );
    for (const e of r.rows) map.get(e.invoice_id)?.push({ date: e.date, delta: e.delta });
  }
  return map;
}
