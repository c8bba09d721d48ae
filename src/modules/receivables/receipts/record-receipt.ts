import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convert, decimalToMinor, ofMinor } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { postEntry, receiptPostings, resolveRate } from '../../ledger/index.ts';
import { applyToInvoice } from '../allocations/apply-to-invoice.ts';
import { nextNumber } from '../numbering.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import type { TRecordReceiptRequest } from '../receivables.schemas.ts';
import { getReceipt } from './get-receipt.ts';

async function insertReceipt(trx: Tx, ctx: Ctx, input: TRecordReceiptRequest) {
  const customer = await getCustomerRef(trx, ctx.org.id, input.customer);
  const currency = input.currency ?? customer.currency;
  const amount = decimalToMinor(input.amount, currency);
  if (amount <= 0n) throw new AppError('AMOUNT_NOT_POSITIVE', { details: { field: 'amount' } });
  const date = input.date as BusinessDate;
  const rate = await resolveRate(trx, {
    orgId: ctx.org.id,
    baseCurrency: ctx.org.baseCurrency,
    currency,
    date,
    explicit: input.fx_rate ?? null,
  });
  const baseAmount = convert(ofMinor(amount, currency), ctx.org.baseCurrency, rate).amountMinor;
  const number = await nextNumber(trx, ctx.org.id, 'receipt');
  const id = newId();
  await trx
    .insertInto('receipts')
    .values({
      org_id: ctx.org.id,
      id,
      number,
      customer_id: customer.id,
      receipt_date: date,
      currency,
      fx_rate: rate.text,
      amount_minor: amount,
      base_amount_minor: baseAmount,
      reference: input.reference ?? null,
      method: input.method ?? 'bank_transfer',
      memo: input.memo ?? null,
    })
    .execute();
  await postEntry(trx, {
    orgId: ctx.org.id,
    entryId: id,
    entryDate: date,
    kind: 'receipt',
    customerId: customer.id,
    currency,
    postings: receiptPostings(amount, baseAmount),
  });
  return { id, number, customerId: customer.id, currency, date, amount, fxRate: rate.text };
}

/**
 * Records a receipt and applies it to the listed invoices in one transaction: either all of it
 * lands, or none. An application without an amount takes as much as is open (and still unapplied).
 */
export async function recordReceipt(ctx: Ctx, input: TRecordReceiptRequest): Promise<TReceiptDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertReceipt(trx, ctx, input);
    for (const app of input.applications ?? []) {
      await applyToInvoice(trx, ctx, {
        source: {
          kind: 'receipt',
          id: r.id,
          number: r.number,
          customerId: r.customerId,
          currency: r.currency,
          date: r.date,
          amountMinor: r.amount,
          fxRate: r.fxRate,
        },
        invoice: app.invoice,
        amountMinor: app.amount ? decimalToMinor(app.amount, r.currency) : null,
        date: r.date,
      });
    }
    return r.id;
  });
  return getReceipt(ctx, id);
}
