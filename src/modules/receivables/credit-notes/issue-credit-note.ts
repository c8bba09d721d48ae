import type { Ctx } from '../../../shared/context/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convert, decimalToMinor, ofMinor } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { creditNotePostings, postEntry, resolveRate } from '../../ledger/index.ts';
import { applyToInvoice, lockInvoice } from '../allocations/apply-to-invoice.ts';
import { nextNumber } from '../numbering.ts';
import type { TCreditNoteDto } from '../receivables.dto.ts';
import type { TIssueCreditNoteRequest } from '../receivables.schemas.ts';
import { creditNoteKey, queryCreditNotes } from './credit-note-query.ts';

/** Issues a credit note (posted: revenue and VAT debited, AR credited), optionally applied at once. */
export async function issueCreditNote(ctx: Ctx, input: TIssueCreditNoteRequest): Promise<TCreditNoteDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const customer = await getCustomerRef(trx, ctx.org.id, input.customer);
    const currency = input.currency ?? customer.currency;
    const total = decimalToMinor(input.amount, currency);
    const tax = input.tax_amount ? decimalToMinor(input.tax_amount, currency) : 0n;
    if (total <= 0n) throw new AppError('AMOUNT_NOT_POSITIVE', { details: { field: 'amount' } });
    if (tax > total)
      throw new AppError('VALIDATION_FAILED', {
        message: 'tax_amount exceeds amount',
        details: { field: 'tax_amount' },
      });
    const date = input.date as BusinessDate;
    const invoice = input.invoice ? await lockInvoice(trx, ctx.org.id, input.invoice) : null;
    if (invoice && invoice.customer_id !== customer.id) {
      throw new AppError('CUSTOMER_MISMATCH', {
        message: `invoice ${invoice.number} belongs to another customer`,
      });
    }
    const rate = await resolveRate(trx, {
      orgId: ctx.org.id,
      baseCurrency: ctx.org.baseCurrency,
      currency,
      date,
      explicit: input.fx_rate ?? null,
    });
    const base = ctx.org.baseCurrency;
    const baseTotal = convert(ofMinor(total, currency), base, rate).amountMinor;
    const baseTax = convert(ofMinor(tax, currency), base, rate).amountMinor;
    const isTaken = async (n: string) =>
      (await trx
        .selectFrom('credit_notes')
        .select('id')
        .where('org_id', '=', ctx.org.id)
        .where('number', '=', n)
        .executeTakeFirst()) !== undefined;
    const number = input.number ?? (await nextNumber(trx, ctx.org.id, 'credit_note'));
    if (input.number && (await isTaken(number))) {
      throw new AppError('CREDIT_NOTE_NUMBER_TAKEN', {
        message: `credit note ${number} already exists`,
        details: { number },
      });
    }
    const noteId = newId();
    await trx
      .insertInto('credit_notes')
      .values({
        org_id: ctx.org.id,
        id: noteId,
        number,
        customer_id: customer.id,
        note_date: date,
        currency,
        fx_rate: rate.text,
        subtotal_minor: total - tax,
        tax_minor: tax,
        total_minor: total,
        base_total_minor: baseTotal,
        invoice_id: invoice?.id ?? null,
        reason: input.reason ?? null,
      })
      .execute();
    await postEntry(trx, {
      orgId: ctx.org.id,
      entryId: noteId,
      entryDate: date,
      kind: 'credit_note',
      customerId: customer.id,
      currency,
      postings: creditNotePostings({
        netMinor: total - tax,
        taxMinor: tax,
        baseTotalMinor: baseTotal,
        baseTaxMinor: baseTax,
      }),
    });
    if (input.apply && invoice) {
      await applyToInvoice(trx, ctx, {
        source: {
          kind: 'credit_note',
          id: noteId,
          number,
          customerId: customer.id,
          currency,
          date,
          amountMinor: total,
          fxRate: rate.text,
        },
        invoice: invoice.id,
        amountMinor: null,
        date: date < invoice.issue_date ? (invoice.issue_date as BusinessDate) : date,
      });
    }
    return noteId;
  });
  return getCreditNote(ctx, id);
}

export async function getCreditNote(ctx: Ctx, idOrNumber: string): Promise<TCreditNoteDto> {
  const [dto] = await queryCreditNotes(ctx.db, ctx.org.id, creditNoteKey(idOrNumber), 1);
  if (!dto)
    throw new AppError('CREDIT_NOTE_NOT_FOUND', {
      message: `no credit note "${idOrNumber}"`,
      details: { credit_note: idOrNumber },
    });
  return dto;
}
