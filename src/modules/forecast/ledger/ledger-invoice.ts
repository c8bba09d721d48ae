import type { PaymentCase } from '../forecast.types.ts';

/** One invoice of the org's ledger as the forecast sees it, as of the day it was loaded for. */
export type LedgerInvoice = {
  id: string;
  number: string;
  customer: { id: string; code: string; name: string };
  segment: string;
  currency: string;
  issueDay: number;
  dueDay: number;
  totalMinor: bigint;
  baseTotalMinor: bigint;
  /** Applications and write-offs by day, ascending, each with the running total paid by then. */
  payments: { day: number; paidMinor: bigint }[];
  /** The first day a dispute was open on it, if any. */
  disputedDay: number | null;
};

/** What was still open at the start of `day` (payments dated before it count). */
export function openMinorAt(inv: LedgerInvoice, day: number): bigint {
  let paid = 0n;
  for (const p of inv.payments) {
    if (p.day >= day) break;
    paid = p.paidMinor;
  }
  return inv.totalMinor - paid;
}

/** The day the open amount reached zero, or null while something is open. */
export function settledDayOf(inv: LedgerInvoice): number | null {
  return inv.payments.find((p) => p.paidMinor >= inv.totalMinor)?.day ?? null;
}

/**
 * The model's view of a ledger invoice as known at the start of `day`: settled only if its open
 * amount reached zero before that day; disputed if a dispute was opened before it settled or, while
 * it is open, by that day.
 */
export function paymentCaseOn(inv: LedgerInvoice, day: number): PaymentCase {
  const settled = settledDayOf(inv);
  const settledDay = settled !== null && settled < day ? settled : null;
  return {
    id: inv.id,
    customer: inv.customer.id,
    segment: inv.segment,
    issueDay: inv.issueDay,
    dueDay: inv.dueDay,
    amount: Number(inv.baseTotalMinor),
    isDisputed: inv.disputedDay !== null && inv.disputedDay <= (settledDay ?? day),
    isPaperless: false,
    settledDay,
  };
}
