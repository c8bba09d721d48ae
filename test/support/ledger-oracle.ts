import type { ErrorCode } from '../../src/shared/errors/index.ts';
import { LedgerModel } from './ledger-model.ts';
import type { AllocationRow, InvoiceRow, LedgerRows, ReceiptRow } from './ledger-rows.ts';

/**
 * Which refusals an operation has coming, from the rows before it: the domain rules of
 * DESIGN.md, restated over the independent model. Empty = it must be accepted; otherwise the
 * use case must refuse with one of these codes (which one when several apply is its business).
 */
export type Reasons = Set<ErrorCode>;

/** A receipt or credit note as a source of applications. */
export type Source = {
  kind: 'receipt' | 'credit_note';
  id: string;
  customerId: string;
  currency: string;
  date: string;
  amountMinor: bigint;
};

function sourceLeft(m: LedgerModel, src: Source, asOf: string): bigint {
  if (src.kind === 'receipt') return src.amountMinor - m.receiptUsed(receiptOf(src), asOf);
  return src.amountMinor - m.creditNoteApplied(creditOf(src), asOf);
}

/** Applying `src` to `inv` on `date` for `amount` (null = as much as both allow). */
export function applicationReasons(
  m: LedgerModel,
  src: Source,
  inv: InvoiceRow,
  amount: bigint | null,
  date: string,
): { reasons: Reasons; amountMinor: bigint } {
  const reasons: Reasons = new Set();
  if (m.reversal('invoice', inv.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (inv.customerId !== src.customerId) reasons.add('CUSTOMER_MISMATCH');
  if (inv.currency !== src.currency) reasons.add('CURRENCY_MISMATCH');
  if (date < inv.issueDate || date < src.date) reasons.add('DATE_BEFORE_DOCUMENT');
  // An application dated D stays in force on every later day: it must fit under all of them.
  const invFree = m.minimumFrom(date, (d) => m.invoiceOpen(inv, d));
  const srcFree = m.minimumFrom(date, (d) => sourceLeft(m, src, d));
  let amountMinor = amount ?? invFree;
  if (amount === null && srcFree < invFree) amountMinor = srcFree;
  if (amountMinor > invFree || invFree <= 0n) reasons.add('ALLOCATION_EXCEEDS_OPEN_AMOUNT');
  if (amountMinor > srcFree || srcFree <= 0n) reasons.add('ALLOCATION_EXCEEDS_UNAPPLIED');
  return { reasons, amountMinor };
}

/** A receipt's applications, in one transaction on its date: the first that does not fit refuses all. */
export function applicationsReasons(
  rows: LedgerRows,
  src: Source,
  apps: readonly { invoice: InvoiceRow; amountMinor: bigint | null }[],
  date: string,
): Reasons {
  let m = new LedgerModel(rows);
  for (const [i, app] of apps.entries()) {
    const r = applicationReasons(m, src, app.invoice, app.amountMinor, date);
    if (r.reasons.size > 0) return r.reasons;
    const synthetic: AllocationRow = {
      id: `planned-${i}`,
      receiptId: src.kind === 'receipt' ? src.id : null,
      creditNoteId: src.kind === 'credit_note' ? src.id : null,
      invoiceId: app.invoice.id,
      customerId: app.invoice.customerId,
      currency: app.invoice.currency,
      amountMinor: r.amountMinor,
      date,
    };
    m = new LedgerModel({ ...m.rows, allocations: [...m.rows.allocations, synthetic] });
  }
  return new Set();
}

function receiptOf(src: Source): ReceiptRow {
  return {
    id: src.id,
    number: '',
    customerId: src.customerId,
    date: src.date,
    currency: src.currency,
    amountMinor: src.amountMinor,
    baseAmountMinor: 0n,
  };
}

function creditOf(src: Source) {
  return {
    id: src.id,
    number: '',
    customerId: src.customerId,
    date: src.date,
    currency: src.currency,
    subtotalMinor: src.amountMinor,
    taxMinor: 0n,
    totalMinor: src.amountMinor,
    baseTotalMinor: 0n,
  };
}

/** Undoing a document from `date` on: only if nothing uses it from that date on. */
export function undoReasons(
  m: LedgerModel,
  type: 'invoice' | 'credit_note' | 'receipt',
  doc: { id: string; date: string; wholeMinor: bigint; left: (asOf: string) => bigint },
  date: string,
): Reasons {
  const reasons: Reasons = new Set();
  if (m.reversal(type, doc.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (date < doc.date) reasons.add('DATE_BEFORE_DOCUMENT');
  if (m.minimumFrom(date, doc.left) !== doc.wholeMinor) reasons.add('INVOICE_HAS_ALLOCATIONS');
  return reasons;
}

/**
 * Reversing a receipt on `date` takes its live applications with it (reversed on the same
 * date), so it is refused only for what cannot be undone then: applications dated later, ones
 * already reversed after `date`, and refunds (which have no reversal of their own).
 */
export function reverseReceiptReasons(m: LedgerModel, rc: ReceiptRow, date: string): Reasons {
  const reasons: Reasons = new Set();
  if (m.reversal('receipt', rc.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (date < rc.date) reasons.add('DATE_BEFORE_DOCUMENT');
  if (m.rows.refunds.some((f) => f.receiptId === rc.id && m.reversal('refund', f.id) === undefined))
    reasons.add('VALIDATION_FAILED');
  const liveNow = m.rows.allocations.filter(
    (a) => a.receiptId === rc.id && m.reversal('allocation', a.id) === undefined,
  );
  if (liveNow.some((a) => a.date > date)) reasons.add('DATE_BEFORE_DOCUMENT');
  const undone = new LedgerModel({
    ...m.rows,
    reversals: [
      ...m.rows.reversals,
      ...liveNow.map((a) => ({ id: `planned-${a.id}`, targetType: 'allocation', targetId: a.id, date })),
    ],
  });
  const left = (d: string) => rc.amountMinor - undone.receiptUsed(rc, d);
  if (undone.minimumFrom(date, left) !== rc.amountMinor) reasons.add('INVOICE_HAS_ALLOCATIONS');
  return reasons;
}

/** Reversing an application or a write-off: once, and not before it. */
export function reverseFactReasons(
  m: LedgerModel,
  type: 'allocation' | 'write_off',
  fact: { id: string; date: string },
  date: string,
): Reasons {
  const reasons: Reasons = new Set();
  if (m.reversal(type, fact.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (date < fact.date) reasons.add('DATE_BEFORE_DOCUMENT');
  return reasons;
}

export function writeOffReasons(
  m: LedgerModel,
  inv: InvoiceRow,
  amount: bigint | null,
  date: string,
): Reasons {
  const reasons: Reasons = new Set();
  if (m.reversal('invoice', inv.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (date < inv.issueDate) reasons.add('DATE_BEFORE_DOCUMENT');
  const free = m.minimumFrom(date, (d) => m.invoiceOpen(inv, d));
  const amountMinor = amount ?? free;
  if (amountMinor <= 0n || amountMinor > free) reasons.add('ALLOCATION_EXCEEDS_OPEN_AMOUNT');
  return reasons;
}

export function refundReasons(m: LedgerModel, rc: ReceiptRow, amount: bigint, date: string): Reasons {
  const reasons: Reasons = new Set();
  if (m.reversal('receipt', rc.id) !== undefined) reasons.add('ALREADY_REVERSED');
  if (date < rc.date) reasons.add('DATE_BEFORE_DOCUMENT');
  const free = m.minimumFrom(date, (d) => rc.amountMinor - m.receiptUsed(rc, d));
  if (amount > free) reasons.add('ALLOCATION_EXCEEDS_UNAPPLIED');
  return reasons;
}
