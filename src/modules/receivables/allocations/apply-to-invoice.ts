import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convertSlice } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { applicationPostings, postEntry } from '../../ledger/index.ts';
import { currentBalance, invoiceEvents, sourceEvents } from '../availability.ts';
import { invoiceKey } from '../invoices/get-invoice.ts';
import { isReversed } from '../reversals.ts';
import { checkApplication } from './check-application.ts';

export type LockedSource = {
  kind: 'receipt' | 'credit_note';
  id: string;
  number: string;
  customerId: string;
  currency: string;
  date: string;
  amountMinor: bigint;
  fxRate: string;
};

type InvoiceLockRow = {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  issue_date: string;
  total_minor: bigint;
  fx_rate: string;
};

export async function lockInvoice(trx: Tx, orgId: string, idOrNumber: string): Promise<InvoiceLockRow> {
  const r = await sql<InvoiceLockRow>`
    select i.id, i.number, i.customer_id, i.currency, i.issue_date, i.total_minor, i.fx_rate::text as fx_rate
    from invoices i where i.org_id = ${orgId} and ${invoiceKey(idOrNumber)} for update`.execute(trx);
  const row = r.rows[0];
  if (!row)
    throw new AppError('INVOICE_NOT_FOUND', {
      message: `no invoice "${idOrNumber}"`,
      details: { invoice: idOrNumber },
    });
  return row;
}

/**
 * Applies a locked receipt or credit note to an invoice for an amount (or as much as both allow),
 * inside the caller's transaction. Checks hold as of every date from the application's on.
 */
export async function applyToInvoice(
  trx: Tx,
  ctx: Ctx,
  options: { source: LockedSource; invoice: string; amountMinor: bigint | null; date: BusinessDate },
): Promise<{ allocationId: string; amountMinor: bigint; invoiceNumber: string }> {
  const { source, date } = options;
  const inv = await lockInvoice(trx, ctx.org.id, options.invoice);
  const invEvents = await invoiceEvents(trx, ctx.org.id, inv.id);
  const srcEvents = await sourceEvents(
    trx,
    ctx.org.id,
    source.kind === 'receipt' ? { receiptId: source.id } : { creditNoteId: source.id },
  );
  const amount = checkApplication({
    invoice: {
      number: inv.number,
      customerId: inv.customer_id,
      currency: inv.currency,
      issueDate: inv.issue_date,
      totalMinor: inv.total_minor,
      isVoid: await isReversed(trx, ctx.org.id, 'invoice', inv.id),
    },
    source,
    date,
    requestedMinor: options.amountMinor,
    invoiceEvents: invEvents,
    sourceEvents: srcEvents,
  });
  const cur = inv.currency;
  const allocationId = newId();
  await trx
    .insertInto('allocations')
    .values({
      org_id: ctx.org.id,
      id: allocationId,
      receipt_id: source.kind === 'receipt' ? source.id : null,
      credit_note_id: source.kind === 'credit_note' ? source.id : null,
      invoice_id: inv.id,
      customer_id: inv.customer_id,
      currency: cur,
      amount_minor: amount,
      allocation_date: date,
    })
    .execute();
  // A credit note already credited AR when issued: applying it only links documents, no posting.
  if (source.kind === 'receipt') {
    const base = ctx.org.baseCurrency;
    const atReceipt = convertSlice(
      currentBalance(source.amountMinor, srcEvents),
      amount,
      cur,
      base,
      source.fxRate,
    );
    const atInvoice = convertSlice(
      currentBalance(inv.total_minor, invEvents),
      amount,
      cur,
      base,
      inv.fx_rate,
    );
    await postEntry(trx, {
      orgId: ctx.org.id,
      entryId: allocationId,
      entryDate: date,
      kind: 'allocation',
      customerId: inv.customer_id,
      currency: cur,
      postings: applicationPostings(amount, atReceipt, atInvoice),
    });
  }
  return { allocationId, amountMinor: amount, invoiceNumber: inv.number };
}
