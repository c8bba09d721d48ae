import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { type CopyValue, copyRows, newId, UUID_PATTERN } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { convert, convertSlice, decimalToMinor, ofMinor, type Rate } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import {
  applicationPostings,
  type EntryDraft,
  postEntriesBulk,
  receiptPostings,
  resolveRate,
} from '../../ledger/index.ts';
import { checkApplication } from '../allocations/check-application.ts';
import { type BalanceEvent, currentBalance, invoiceEventsMany } from '../availability.ts';
import { nextNumbers } from '../numbering.ts';
import type { TRecordReceiptRequest } from '../receivables.schemas.ts';

type InvoiceRow = {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  issue_date: string;
  total_minor: bigint;
  fx_rate: string;
  is_void: boolean;
};

async function loadCustomers(trx: Tx, orgId: string, keys: readonly string[]) {
  const map = new Map<string, { id: string; currency: string }>();
  const uuids = keys.filter((k) => UUID_PATTERN.test(k));
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    const rows = await trx
      .selectFrom('customers')
      .select(['id', 'code', 'currency'])
      .where('org_id', '=', orgId)
      .where((eb) =>
        uuids.length ? eb.or([eb('code', 'in', chunk), eb('id', 'in', uuids)]) : eb('code', 'in', chunk),
      )
      .execute();
    for (const r of rows) {
      map.set(r.code, r);
      map.set(r.id, r);
    }
  }
  return map;
}

async function lockInvoices(
  trx: Tx,
  orgId: string,
  keys: readonly string[],
): Promise<Map<string, InvoiceRow>> {
  const map = new Map<string, InvoiceRow>();
  const ids = keys.filter((k) => UUID_PATTERN.test(k));
  const numbers = keys.filter((k) => !UUID_PATTERN.test(k));
  const run = async (column: 'id' | 'number', list: readonly string[]) => {
    for (let i = 0; i < list.length; i += 5000) {
      const r = await sql<InvoiceRow>`
        select i.id, i.number, i.customer_id, i.currency, i.issue_date, i.total_minor, i.fx_rate::text as fx_rate,
          exists (select 1 from reversals r where r.org_id = i.org_id and r.target_type = 'invoice' and r.target_id = i.id) as is_void
        from invoices i where i.org_id = ${orgId} and ${sql.ref(`i.${column}`)} in (${sql.join(list.slice(i, i + 5000))})
        order by i.id for update`.execute(trx);
      for (const row of r.rows) {
        map.set(row.number, row);
        map.set(row.id, row);
      }
    }
  };
  await run('number', numbers);
  await run('id', ids);
  return map;
}

/**
 * Records many receipts with their applications in the caller's transaction: the same rules as
 * `recordReceipt`, checked in memory in the given order, then written with COPY. For statement
 * imports and data loads, where one transaction per receipt would be far too slow.
 */
export async function recordReceiptsInTx(
  trx: Tx,
  c: Ctx,
  inputs: readonly TRecordReceiptRequest[],
): Promise<{ ids: string[]; numbers: string[] }> {
  const orgId = c.org.id;
  const base = c.org.baseCurrency;
  const customers = await loadCustomers(trx, orgId, [...new Set(inputs.map((r) => r.customer))]);
  const invoiceKeys = [...new Set(inputs.flatMap((r) => (r.applications ?? []).map((a) => a.invoice)))];
  const invoices = await lockInvoices(trx, orgId, invoiceKeys);
  const events = await invoiceEventsMany(trx, orgId, [...new Set([...invoices.values()].map((i) => i.id))]);
  const numbers = await nextNumbers(trx, orgId, 'receipt', inputs.length);
  const rateCache = new Map<string, Rate>();
  const receipts: CopyValue[][] = [];
  const allocations: CopyValue[][] = [];
  const entries: EntryDraft[] = [];
  const ids: string[] = [];
  for (let n = 0; n < inputs.length; n++) {
    const input = inputs[n] as TRecordReceiptRequest;
    const customer = customers.get(input.customer);
    if (!customer)
      throw new AppError('CUSTOMER_NOT_FOUND', {
        message: `no customer "${input.customer}"`,
        details: { customer: input.customer, index: n },
      });
    const currency = input.currency ?? customer.currency;
    const amount = decimalToMinor(input.amount, currency);
    if (amount <= 0n) throw new AppError('AMOUNT_NOT_POSITIVE', { details: { field: 'amount', index: n } });
    const date = input.date as BusinessDate;
    const rateKey = `${currency}|${date}|${input.fx_rate ?? ''}`;
    let rate = rateCache.get(rateKey);
    if (!rate) {
      rate = await resolveRate(trx, {
        orgId,
        baseCurrency: base,
        currency,
        date,
        explicit: input.fx_rate ?? null,
      });
      rateCache.set(rateKey, rate);
    }
    const baseAmount = convert(ofMinor(amount, currency), base, rate).amountMinor;
    const id = newId();
    const number = numbers[n] as string;
    ids.push(id);
    receipts.push([
      orgId,
      id,
      number,
      customer.id,
      date,
      currency,
      rate.text,
      amount,
      baseAmount,
      input.reference ?? null,
      input.method ?? 'bank_transfer',
      input.memo ?? null,
    ]);
    entries.push({
      orgId,
      entryId: id,
      entryDate: date,
      kind: 'receipt',
      customerId: customer.id,
      currency,
      postings: receiptPostings(amount, baseAmount),
    });
    const sourceEvents: BalanceEvent[] = [];
    for (const app of input.applications ?? []) {
      const inv = invoices.get(app.invoice);
      if (!inv)
        throw new AppError('INVOICE_NOT_FOUND', {
          message: `no invoice "${app.invoice}"`,
          details: { invoice: app.invoice, index: n },
        });
      const invEvents = events.get(inv.id) ?? [];
      const applied = checkApplication({
        invoice: {
          number: inv.number,
          customerId: inv.customer_id,
          currency: inv.currency,
          issueDate: inv.issue_date,
          totalMinor: inv.total_minor,
          isVoid: inv.is_void,
        },
        source: { kind: 'receipt', number, customerId: customer.id, currency, date, amountMinor: amount },
        date,
        requestedMinor: app.amount ? decimalToMinor(app.amount, currency) : null,
        invoiceEvents: invEvents,
        sourceEvents,
      });
      const atReceipt = convertSlice(
        currentBalance(amount, sourceEvents),
        applied,
        currency,
        base,
        rate.text,
      );
      const atInvoice = convertSlice(
        currentBalance(inv.total_minor, invEvents),
        applied,
        currency,
        base,
        inv.fx_rate,
      );
      invEvents.push({ date, delta: -applied });
      events.set(inv.id, invEvents);
      sourceEvents.push({ date, delta: -applied });
      const allocationId = newId();
      allocations.push([orgId, allocationId, id, inv.id, inv.customer_id, currency, applied, date]);
      entries.push({
        orgId,
        entryId: allocationId,
        entryDate: date,
        kind: 'allocation',
        customerId: inv.customer_id,
        currency,
        postings: applicationPostings(applied, atReceipt, atInvoice),
      });
    }
  }
  await copyRows(
    trx,
    'receipts',
    [
      'org_id',
      'id',
      'number',
      'customer_id',
      'receipt_date',
      'currency',
      'fx_rate',
      'amount_minor',
      'base_amount_minor',
      'reference',
      'method',
      'memo',
    ],
    receipts,
  );
  await copyRows(
    trx,
    'allocations',
    [
      'org_id',
      'id',
      'receipt_id',
      'invoice_id',
      'customer_id',
      'currency',
      'amount_minor',
      'allocation_date',
    ],
    allocations,
  );
  await postEntriesBulk(trx, entries);
  return { ids, numbers };
}
