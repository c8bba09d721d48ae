import type { Ctx } from '../../../shared/context/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convertSlice, decimalToMinor, minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { postEntry, refundPostings } from '../../ledger/index.ts';
import { lockSource } from '../allocations/lock-source.ts';
import { currentBalance, minimumFrom, sourceEvents } from '../availability.ts';
import { getReceipt } from '../receipts/get-receipt.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import type { TRefundRequest } from '../receivables.schemas.ts';

/** Pays back (part of) a receipt's unapplied cash: an overpayment returned to the customer. */
export async function refundReceipt(ctx: Ctx, input: TRefundRequest): Promise<TReceiptDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const receipt = await lockSource(trx, ctx.org.id, 'receipt', input.receipt);
    const date = input.date as BusinessDate;
    if (date < receipt.date)
      throw new AppError('DATE_BEFORE_DOCUMENT', {
        message: `refund date ${date} is before the receipt (${receipt.date})`,
      });
    const events = await sourceEvents(trx, ctx.org.id, { receiptId: receipt.id });
    const available = minimumFrom(receipt.amountMinor, events, date);
    const amount = decimalToMinor(input.amount, receipt.currency);
    if (amount <= 0n || amount > available) {
      throw new AppError('ALLOCATION_EXCEEDS_UNAPPLIED', {
        message: `receipt ${receipt.number} has ${minorToDecimal(available, receipt.currency)} ${receipt.currency} unapplied`,
        details: { receipt: receipt.number, unapplied: minorToDecimal(available, receipt.currency) },
      });
    }
    const unapplied = currentBalance(receipt.amountMinor, events);
    const baseAmount = convertSlice(
      unapplied,
      amount,
      receipt.currency,
      ctx.org.baseCurrency,
      receipt.fxRate,
    );
    const refundId = newId();
    await trx
      .insertInto('refunds')
      .values({
        org_id: ctx.org.id,
        id: refundId,
        receipt_id: receipt.id,
        customer_id: receipt.customerId,
        currency: receipt.currency,
        amount_minor: amount,
        refund_date: date,
        reference: input.reference ?? null,
      })
      .execute();
    await postEntry(trx, {
      orgId: ctx.org.id,
      entryId: refundId,
      entryDate: date,
      kind: 'refund',
      customerId: receipt.customerId,
      currency: receipt.currency,
      postings: refundPostings(amount, baseAmount),
    });
    return receipt.id;
  });
  return getReceipt(ctx, id);
}
