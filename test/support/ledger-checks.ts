import { getBalance, getInvoice, listInvoices } from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import { isAppError } from '../../src/shared/errors/index.ts';
import { addDays, type BusinessDate } from '../../src/shared/time/index.ts';
import { checkJournal } from './ledger-journal-check.ts';
import { balanceKey, type LedgerModel } from './ledger-model.ts';
import { type InvoiceRow, minor } from './ledger-rows.ts';
import { checkDocumentViews } from './ledger-views-check.ts';

/** All invariants of a finished sequence, against the rows read back and the product's read API. */
export async function checkLedger(
  ctx: Ctx,
  m: LedgerModel,
  asOf: { dates: readonly string[]; detailDates: readonly string[] },
): Promise<void> {
  checkEveryDate(m, [...new Set([...m.eventDates(), ...asOf.dates])].sort());
  checkJournal(m, ctx.org.baseCurrency);
  await checkBalances(ctx, m, asOf.dates);
  await checkInvoices(ctx, m, asOf.dates, asOf.detailDates);
  await checkDocumentViews(ctx, m, asOf.detailDates);
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * 1. No document is over-used as of any date: applications + refunds <= receipt; applications <=
 * credit note; applications + write-offs <= invoice. Facts live on a date hang on documents that
 * exist and are not undone on it. The state only changes on event dates, so checking each of
 * them (and the probes) is checking every date.
 */
export function checkEveryDate(m: LedgerModel, dates: readonly string[]): void {
  const { invoices, creditNotes, receipts, allocations, writeOffs, refunds } = m.rows;
  for (const a of allocations) {
    const inv = m.invoice(a.invoiceId);
    const src = a.receiptId ? m.receipt(a.receiptId) : m.creditNote(a.creditNoteId ?? '');
    if (![inv.customerId, src.customerId].every((c) => c === a.customerId))
      fail(`allocation ${a.id} links documents of different customers`);
    if (![inv.currency, src.currency].every((c) => c === a.currency))
      fail(`allocation ${a.id} links documents in different currencies`);
    if (a.date < inv.issueDate || a.date < src.date) fail(`allocation ${a.id} is dated before its documents`);
  }
  for (const v of m.rows.reversals) {
    const target =
      allocations.find((x) => x.id === v.targetId) ??
      writeOffs.find((x) => x.id === v.targetId) ??
      refunds.find((x) => x.id === v.targetId) ??
      receipts.find((x) => x.id === v.targetId) ??
      creditNotes.find((x) => x.id === v.targetId);
    const date = target?.date ?? invoices.find((x) => x.id === v.targetId)?.issueDate;
    if (date === undefined) fail(`reversal ${v.id} undoes an unknown ${v.targetType} ${v.targetId}`);
    if (v.date < date) fail(`reversal ${v.id} of ${v.targetType} ${v.targetId} is dated before it (${date})`);
  }
  for (const d of dates) {
    for (const rc of receipts) {
      const used = m.receiptUsed(rc, d);
      if (used > rc.amountMinor)
        fail(`as of ${d}, receipt ${rc.number} (${rc.amountMinor}) has ${used} applied and refunded`);
    }
    for (const cn of creditNotes) {
      const applied = m.creditNoteApplied(cn, d);
      if (applied > cn.totalMinor)
        fail(`as of ${d}, credit note ${cn.number} (${cn.totalMinor}) has ${applied} applied`);
    }
    for (const inv of invoices) {
      if (m.isReversedBy('invoice', inv.id, d)) continue;
      const open = m.invoiceOpen(inv, d);
      if (open < 0n) fail(`as of ${d}, invoice ${inv.number} (${inv.totalMinor}) has open amount ${open}`);
    }
    const exists = (type: 'invoice' | 'credit_note' | 'receipt', id: string, date: string) =>
      m.isLive(type, id, date, d);
    for (const a of m.liveAllocations(d, () => true)) {
      const inv = m.invoice(a.invoiceId);
      if (!exists('invoice', inv.id, inv.issueDate))
        fail(`as of ${d}, allocation ${a.id} applies to invoice ${inv.number}, which is not live then`);
      const [type, src] = a.receiptId
        ? (['receipt', m.receipt(a.receiptId)] as const)
        : (['credit_note', m.creditNote(a.creditNoteId ?? '')] as const);
      if (!exists(type, src.id, src.date))
        fail(`as of ${d}, allocation ${a.id} draws on ${type} ${src.number}, which is not live then`);
    }
    for (const inv of invoices) {
      if (m.liveWriteOffs(inv, d).length > 0 && !exists('invoice', inv.id, inv.issueDate))
        fail(`as of ${d}, invoice ${inv.number} has a live write-off but is not live itself`);
    }
    for (const rc of receipts) {
      if (m.liveRefunds(rc, d).length > 0 && !exists('receipt', rc.id, rc.date))
        fail(`as of ${d}, receipt ${rc.number} has a live refund but is not live itself`);
    }
  }
}

/** 3. The journal's balances (getBalance) equal the same balances derived from the documents. */
export async function checkBalances(ctx: Ctx, m: LedgerModel, dates: readonly string[]): Promise<void> {
  const base = ctx.org.baseCurrency;
  for (const d of dates) {
    const res = await getBalance(ctx, { as_of: d });
    const actual = new Map<string, { receivable: bigint; unapplied: bigint }>();
    for (const c of res.customers) {
      const line = { receivable: minor(c.receivable), unapplied: minor(c.unapplied) };
      actual.set(balanceKey(c.customer.id, c.currency), line);
      if (minor(c.balance) !== line.receivable - line.unapplied)
        fail(`as of ${d}, ${c.customer.code}/${c.currency}: balance is not receivable - unapplied`);
      // 5. In the base currency, base amounts are the document amounts.
      if (
        c.currency === base &&
        (minor(c.base_receivable) !== line.receivable || minor(c.base_unapplied) !== line.unapplied)
      )
        fail(`as of ${d}, ${c.customer.code}/${c.currency}: base amounts differ from document amounts`);
    }
    const expected = m.expectedBalances(d);
    for (const key of new Set([...actual.keys(), ...expected.keys()])) {
      const a = actual.get(key) ?? { receivable: 0n, unapplied: 0n };
      const e = expected.get(key) ?? { receivable: 0n, unapplied: 0n };
      if (a.receivable !== e.receivable || a.unapplied !== e.unapplied) {
        fail(
          `as of ${d}, getBalance for ${key} gives receivable ${a.receivable}, unapplied ${a.unapplied}; ` +
            `the documents give receivable ${e.receivable}, unapplied ${e.unapplied}`,
        );
      }
    }
  }
}

/**
 * 4. Status and open amount as of a date match the derivation of DESIGN.md: for every invoice
 * through listInvoices at every as-of date, and through getInvoice (the detail view) at the
 * `detailDates`, plus the day before its issue date, when it must not exist yet.
 */
export async function checkInvoices(
  ctx: Ctx,
  m: LedgerModel,
  dates: readonly string[],
  detailDates: readonly string[],
): Promise<void> {
  const compare = (via: string, d: string, inv: InvoiceRow, dto: { status: string; open_amount: string }) => {
    const e = m.invoiceStatus(inv, d);
    if (dto.status !== e.status || minor(dto.open_amount) !== e.openMinor) {
      fail(
        `as of ${d}, ${via} says invoice ${inv.number} is ${dto.status} with ${dto.open_amount} open; ` +
          `derived: ${e.status} with ${e.openMinor} (minor) open`,
      );
    }
  };
  for (const d of dates) {
    const page = await listInvoices(ctx, { as_of: d, sort: 'number', limit: 500 });
    const listed = new Map(page.items.map((x) => [x.id, x]));
    for (const inv of m.rows.invoices) {
      const dto = listed.get(inv.id);
      if (inv.issueDate > d) {
        if (dto)
          fail(`as of ${d}, listInvoices shows invoice ${inv.number}, issued later (${inv.issueDate})`);
      } else if (!dto) fail(`as of ${d}, listInvoices leaves out invoice ${inv.number}`);
      else compare('listInvoices', d, inv, dto);
    }
  }
  for (const inv of m.rows.invoices) {
    const before = addDays(inv.issueDate as BusinessDate, -1);
    const err = await getInvoice(ctx, inv.id, before).then(
      () => null,
      (e: unknown) => e,
    );
    if (!isAppError(err) || err.code !== 'INVOICE_NOT_FOUND')
      fail(
        `as of ${before}, invoice ${inv.number} (issued ${inv.issueDate}) should not exist yet: ${String(err)}`,
      );
    for (const d of detailDates) {
      if (d >= inv.issueDate) compare('getInvoice', d, inv, await getInvoice(ctx, inv.id, d as BusinessDate));
    }
  }
}
