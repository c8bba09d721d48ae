import { type BusinessDate, daysBetween } from '../../../shared/time/index.ts';
import type { StatementData } from './statement-data.ts';

/** Current (not yet due), 1-30, 31-60, 61-90 and over 90 days past due. */
export type AgingBuckets = [bigint, bigint, bigint, bigint, bigint];

export type CurrencyAging = {
  currency: string;
  buckets: AgingBuckets;
  openInvoicesMinor: bigint;
  /** Receipts and credit notes not applied to an invoice (nor refunded). */
  unappliedMinor: bigint;
};

export function bucketOf(daysPastDue: number): 0 | 1 | 2 | 3 | 4 {
  if (daysPastDue <= 0) return 0;
  if (daysPastDue <= 30) return 1;
  if (daysPastDue <= 60) return 2;
  if (daysPastDue <= 90) return 3;
  return 4;
}

/**
 * The customer's open items as of `asOf`, by due date: each invoice's total less its applications
 * and write-offs, and the receipts' and credit notes' amounts not yet applied. `data` holds only
 * facts dated on or before `asOf`, so a reversal in it has taken effect.
 */
export function ageOpenItems(data: StatementData, asOf: BusinessDate): Map<string, CurrencyAging> {
  const reversed = new Set(data.reversals.map((r) => `${r.targetType}:${r.targetId}`));
  const isLive = (type: string, id: string) => !reversed.has(`${type}:${id}`);
  const taken = new Map<string, bigint>();
  const take = (id: string, amount: bigint) => taken.set(id, (taken.get(id) ?? 0n) + amount);
  for (const a of data.allocations) {
    if (!isLive('allocation', a.id)) continue;
    take(a.invoiceId, a.amountMinor);
    take(a.sourceId, a.amountMinor);
  }
  for (const w of data.writeOffs) if (isLive('write_off', w.id)) take(w.invoiceId, w.amountMinor);
  for (const f of data.refunds) if (isLive('refund', f.id)) take(f.receiptId, f.amountMinor);

  const out = new Map<string, CurrencyAging>();
  const of = (currency: string) => {
    let a = out.get(currency);
    if (!a) {
      a = { currency, buckets: [0n, 0n, 0n, 0n, 0n], openInvoicesMinor: 0n, unappliedMinor: 0n };
      out.set(currency, a);
    }
    return a;
  };
  for (const i of data.invoices) {
    if (!isLive('invoice', i.id)) continue;
    const open = i.amountMinor - (taken.get(i.id) ?? 0n);
    if (open === 0n) continue;
    const a = of(i.currency);
    a.buckets[bucketOf(daysBetween(i.dueDate, asOf))] += open;
    a.openInvoicesMinor += open;
  }
  const sources = [
    ...data.receipts.map((r) => ({ ...r, type: 'receipt' })),
    ...data.creditNotes.map((c) => ({ ...c, type: 'credit_note' })),
  ];
  for (const s of sources) {
    if (!isLive(s.type, s.id)) continue;
    const left = s.amountMinor - (taken.get(s.id) ?? 0n);
    if (left !== 0n) of(s.currency).unappliedMinor += left;
  }
  return out;
}
