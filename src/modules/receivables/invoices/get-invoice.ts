import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { journalLinesFor } from '../../ledger/index.ts';
import { queryAllocations } from '../allocations/allocation-query.ts';
import { documentKey } from '../open-items.sql.ts';
import type { TInvoiceDetailDto } from '../receivables.dto.ts';
import type { StoredLine } from './compute-invoice-totals.ts';
import { type InvoiceStateRow, queryInvoiceStates, toInvoiceDto } from './invoice-query.ts';

export const invoiceKey = (idOrNumber: string) => documentKey('i', idOrNumber);

function linesOf(r: InvoiceStateRow): TInvoiceDetailDto['lines'] {
  const cur = r.currency;
  const stored = (Array.isArray(r.lines) ? r.lines : []) as StoredLine[];
  if (stored.length === 0) {
    // Imported invoices carry totals only: show them as one line.
    return [
      {
        description: r.description ?? r.number,
        quantity: '1',
        unit_price: minorToDecimal(r.subtotal_minor, cur),
        amount: minorToDecimal(r.subtotal_minor, cur),
        tax_rate: '',
        tax: minorToDecimal(r.tax_minor, cur),
      },
    ];
  }
  return stored.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unit_price: minorToDecimal(BigInt(l.unit_price_minor), cur),
    amount: minorToDecimal(BigInt(l.amount_minor), cur),
    tax_rate: l.tax_rate,
    tax: minorToDecimal(BigInt(l.tax_minor), cur),
  }));
}

/** An invoice with its lines, applications, write-offs and journal, in its state as of a date. */
export async function getInvoice(
  ctx: Ctx,
  idOrNumber: string,
  asOf?: BusinessDate,
): Promise<TInvoiceDetailDto> {
  const displayAsOf = asOf ?? ctx.clock.today();
  const find = (date: BusinessDate) =>
    queryInvoiceStates(ctx.db, { orgId: ctx.org.id, asOf: date, innerWhere: invoiceKey(idOrNumber) });
  // An invoice dated after the as-of date does not exist then; without an explicit date, show it anyway.
  const r =
    (await find(displayAsOf))[0] ?? (asOf ? undefined : (await find('9999-12-31' as BusinessDate))[0]);
  if (!r)
    throw new AppError('INVOICE_NOT_FOUND', {
      message: `no invoice "${idOrNumber}"`,
      details: { invoice: idOrNumber },
    });
  const state = r;
  const allocations = await queryAllocations(ctx.db, ctx.org.id, sql`a.invoice_id = ${r.id}`);
  const writeOffs = await ctx.db
    .selectFrom('write_offs as w')
    .leftJoin('reversals as r', (j) =>
      j
        .onRef('r.org_id', '=', 'w.org_id')
        .on('r.target_type', '=', 'write_off')
        .onRef('r.target_id', '=', 'w.id'),
    )
    .select([
      'w.id',
      'w.invoice_id',
      'w.currency',
      'w.amount_minor',
      'w.write_off_date',
      'w.kind',
      'w.account_code',
      'w.reason',
      'r.reversal_date',
    ])
    .where('w.org_id', '=', ctx.org.id)
    .where('w.invoice_id', '=', r.id)
    .orderBy('w.write_off_date')
    .execute();
  const journal = await journalLinesFor(ctx.db, ctx.org.id, [
    r.id,
    ...allocations.filter((a) => a.source_type === 'receipt').map((a) => a.id),
    ...writeOffs.map((w) => w.id),
  ]);
  return {
    ...toInvoiceDto(state, displayAsOf, ctx.org.baseCurrency),
    lines: linesOf(r),
    allocations,
    write_offs: writeOffs.map((w) => ({
      id: w.id,
      invoice_id: w.invoice_id,
      currency: w.currency,
      amount: minorToDecimal(w.amount_minor, w.currency),
      date: w.write_off_date,
      kind: w.kind,
      account: w.account_code,
      reason: w.reason,
      reversed_on: w.reversal_date ?? null,
    })),
    voided_on: r.voided_on,
    journal: journal.map((j) => ({
      entry_id: j.entryId,
      date: j.entryDate,
      kind: j.kind,
      account: j.account,
      side: j.side,
      currency: j.currency,
      amount: minorToDecimal(j.amountMinor, j.currency),
      base_amount: minorToDecimal(j.baseAmountMinor, ctx.org.baseCurrency),
      reverses_entry_id: j.reversesEntryId,
    })),
  };
}
