import type { Ctx } from '../../../shared/context/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convert, currencyExponent, ofMinor, parseMajor } from '../../../shared/money/index.ts';
import { addDays, type BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { invoicePostings, postEntry, resolveRate } from '../../ledger/index.ts';
import { nextNumber } from '../numbering.ts';
import type { TInvoiceDetailDto } from '../receivables.dto.ts';
import type { TIssueInvoiceRequest } from '../receivables.schemas.ts';
import { computeInvoiceTotals, type InvoiceTotals } from './compute-invoice-totals.ts';
import { getInvoice } from './get-invoice.ts';

function totalsOf(input: TIssueInvoiceRequest, currency: string): InvoiceTotals {
  if (input.lines) return computeInvoiceTotals(input.lines, currency);
  const exp = currencyExponent(currency);
  const total = parseMajor(input.amount ?? '0', exp);
  const tax = input.tax_amount ? parseMajor(input.tax_amount, exp) : 0n;
  if (total <= 0n) throw new AppError('AMOUNT_NOT_POSITIVE', { details: { field: 'amount' } });
  if (tax > total)
    throw new AppError('VALIDATION_FAILED', {
      message: 'tax_amount exceeds amount',
      details: { field: 'tax_amount' },
    });
  return { lines: [], subtotalMinor: total - tax, taxMinor: tax, totalMinor: total };
}

/** Issues and posts an invoice in one transaction: the document and its journal entry. */
export async function issueInvoice(ctx: Ctx, input: TIssueInvoiceRequest): Promise<TInvoiceDetailDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const customer = await getCustomerRef(trx, ctx.org.id, input.customer);
    const currency = input.currency ?? customer.currency;
    const issueDate = input.issue_date as BusinessDate;
    const dueDate =
      (input.due_date as BusinessDate | undefined) ?? addDays(issueDate, customer.paymentTermsDays);
    if (dueDate < issueDate) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'due_date is before issue_date',
        details: { field: 'due_date' },
      });
    }
    const totals = totalsOf(input, currency);
    if (totals.totalMinor <= 0n) throw new AppError('AMOUNT_NOT_POSITIVE', { details: { field: 'lines' } });
    const rate = await resolveRate(trx, {
      orgId: ctx.org.id,
      baseCurrency: ctx.org.baseCurrency,
      currency,
      date: issueDate,
      explicit: input.fx_rate ?? null,
    });
    const base = ctx.org.baseCurrency;
    const baseTotal = convert(ofMinor(totals.totalMinor, currency), base, rate).amountMinor;
    const baseTax = convert(ofMinor(totals.taxMinor, currency), base, rate).amountMinor;
    const isTaken = async (n: string) =>
      (await trx
        .selectFrom('invoices')
        .select('id')
        .where('org_id', '=', ctx.org.id)
        .where('number', '=', n)
        .executeTakeFirst()) !== undefined;
    const number = input.number ?? (await nextNumber(trx, ctx.org.id, 'invoice'));
    if (input.number && (await isTaken(number))) {
      throw new AppError('INVOICE_NUMBER_TAKEN', {
        message: `invoice ${number} already exists`,
        details: { number },
      });
    }
    const invoiceId = newId();
    await trx
      .insertInto('invoices')
      .values({
        org_id: ctx.org.id,
        id: invoiceId,
        number,
        customer_id: customer.id,
        issue_date: issueDate,
        due_date: dueDate,
        currency,
        fx_rate: rate.text,
        subtotal_minor: totals.subtotalMinor,
        tax_minor: totals.taxMinor,
        total_minor: totals.totalMinor,
        base_total_minor: baseTotal,
        po_number: input.po_number ?? null,
        salesperson: input.salesperson ?? customer.salesperson,
        description: input.description ?? null,
        lines: JSON.stringify(totals.lines),
        source: 'api',
      })
      .execute();
    await postEntry(trx, {
      orgId: ctx.org.id,
      entryId: invoiceId,
      entryDate: issueDate,
      kind: 'invoice',
      customerId: customer.id,
      currency,
      postings: invoicePostings({
        netMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        baseTotalMinor: baseTotal,
        baseTaxMinor: baseTax,
      }),
    });
    return invoiceId;
  });
  return getInvoice(ctx, id);
}
