import type { Ctx } from '../../../shared/context/index.ts';
import { newId, type Tx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convertSlice, decimalToMinor, minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { ACCOUNTS, postEntry, writeOffPostings } from '../../ledger/index.ts';
import { lockInvoice } from '../allocations/apply-to-invoice.ts';
import { currentBalance, invoiceEvents, minimumFrom } from '../availability.ts';
import { getInvoice } from '../invoices/get-invoice.ts';
import type { TInvoiceDetailDto } from '../receivables.dto.ts';
import type { TWriteOffRequest } from '../receivables.schemas.ts';
import { isReversed } from '../reversals.ts';

/**
 * Writes off (part of) an invoice's open amount: a bad debt against the allowance, or a small
 * difference (a short payment, a bank fee) to bank charges. Without an amount, all that is open.
 */
export async function writeOffInvoice(ctx: Ctx, input: TWriteOffRequest): Promise<TInvoiceDetailDto> {
  const { invoiceId } = await ctx.db.transaction().execute((trx) => writeOffInvoiceInTx(trx, ctx, input));
  return getInvoice(ctx, invoiceId);
}

/** The write-off inside a caller's transaction (bank matching closes a short payment with it). */
export async function writeOffInvoiceInTx(
  trx: Tx,
  ctx: Ctx,
  input: TWriteOffRequest,
): Promise<{ invoiceId: string; writeOffId: string }> {
  const inv = await lockInvoice(trx, ctx.org.id, input.invoice);
  if (await isReversed(trx, ctx.org.id, 'invoice', inv.id)) {
    throw new AppError('ALREADY_REVERSED', { message: `invoice ${inv.number} is void` });
  }
  const date = input.date as BusinessDate;
  if (date < inv.issue_date)
    throw new AppError('DATE_BEFORE_DOCUMENT', {
      message: `write-off date ${date} is before the invoice (${inv.issue_date})`,
    });
  const events = await invoiceEvents(trx, ctx.org.id, inv.id);
  const available = minimumFrom(inv.total_minor, events, date);
  const amount = input.amount ? decimalToMinor(input.amount, inv.currency) : available;
  if (amount <= 0n || amount > available) {
    throw new AppError('ALLOCATION_EXCEEDS_OPEN_AMOUNT', {
      message: `invoice ${inv.number} has ${minorToDecimal(available, inv.currency)} ${inv.currency} open to write off`,
      details: { invoice: inv.number, open: minorToDecimal(available, inv.currency) },
    });
  }
  const account = input.kind === 'bad_debt' ? ACCOUNTS.allowance : ACCOUNTS.bankCharges;
  const open = currentBalance(inv.total_minor, events);
  const baseAmount = convertSlice(open, amount, inv.currency, ctx.org.baseCurrency, inv.fx_rate);
  const writeOffId = newId();
  await trx
    .insertInto('write_offs')
    .values({
      org_id: ctx.org.id,
      id: writeOffId,
      invoice_id: inv.id,
      customer_id: inv.customer_id,
      currency: inv.currency,
      amount_minor: amount,
      write_off_date: date,
      kind: input.kind,
      account_code: account,
      reason: input.reason ?? null,
    })
    .execute();
  await postEntry(trx, {
    orgId: ctx.org.id,
    entryId: writeOffId,
    entryDate: date,
    kind: 'write_off',
    customerId: inv.customer_id,
    currency: inv.currency,
    postings: writeOffPostings(account, amount, baseAmount),
  });
  return { invoiceId: inv.id, writeOffId };
}
