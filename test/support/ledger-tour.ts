import type { Op } from './ledger-ops.ts';

/**
 * A hand-written sequence in which every kind of operation is accepted once: fast-check runs it
 * before the random ones, so the coverage check of the property does not hang on luck. Documents
 * are named by creation order, as in every run (see ledger-ops.ts).
 */
export const TOUR: Op[] = [
  // INV-1 (customer 0, 1000.00 with 13% VAT, 01-01), INV-2 (USD, 500.00, 01-03), INV-3 (customer 0,
  // 300.00, 01-06), INV-4 (customer 1, 80.00, 01-08).
  { t: 'invoice', cust: 0, alt: false, rate: 0, amount: 100_000, taxPct: 13, day: 0, due: null },
  { t: 'invoice', cust: 2, alt: false, rate: 1, amount: 50_000, taxPct: 0, day: 2, due: 20 },
  { t: 'invoice', cust: 0, alt: false, rate: 0, amount: 30_000, taxPct: 6, day: 5, due: 10 },
  { t: 'invoice', cust: 1, alt: false, rate: 0, amount: 8_000, taxPct: 0, day: 7, due: null },
  // RC-1 pays 600.00 of INV-1 on 01-11; RC-2 pays 150.00 of INV-2 on 01-13 and keeps 50.00.
  {
    t: 'receipt',
    cust: 0,
    alt: false,
    rate: 0,
    amount: 60_000,
    date: { abs: 10 },
    apps: [{ ref: 0, same: true, amount: null }],
  },
  {
    t: 'receipt',
    cust: 2,
    alt: false,
    rate: 1,
    amount: 20_000,
    date: { abs: 12 },
    apps: [{ ref: 0, same: true, amount: 15_000 }],
  },
  // CN-1 (50.00) is applied to INV-3 as issued; CN-2 (20.00) stays unapplied.
  {
    t: 'creditNote',
    cust: 0,
    alt: false,
    rate: 0,
    amount: 5_000,
    taxPct: 0,
    day: 15,
    invoice: { ref: 1, same: true },
    apply: true,
  },
  {
    t: 'creditNote',
    cust: 0,
    alt: false,
    rate: 0,
    amount: 2_000,
    taxPct: 0,
    day: 16,
    invoice: null,
    apply: false,
  },
  // RC-2 applies 20.00 more to INV-2 on 01-13 and refunds 10.00 on 01-14.
  { t: 'allocate', source: 'receipt', ref: 1, invoice: 0, same: true, amount: 2_000, date: { rel: 0 } },
  { t: 'refund', ref: 1, amount: 1_000, date: { rel: 1 } },
  // INV-3's rest is written off as a small difference on 02-05 and reinstated on 02-06.
  { t: 'writeOff', ref: 2, amount: null, date: { rel: 30 }, kind: 'small_difference' },
  { t: 'reverseWriteOff', ref: 0, date: { rel: 1 } },
  // 100.00 of INV-1 is written off as a bad debt on 02-10.
  { t: 'writeOff', ref: 0, amount: 10_000, date: { rel: 40 }, kind: 'bad_debt' },
  // The 20.00 application is undone on 01-15, CN-2 voided on 01-20, INV-4 voided on 01-09.
  { t: 'reverseAllocation', ref: 3, date: { rel: 2 } },
  { t: 'voidCreditNote', ref: 1, date: { rel: 3 } },
  { t: 'voidInvoice', ref: 3, date: { rel: 1 } },
  // RC-1 bounces on 01-31, taking its application to INV-1 with it.
  { t: 'reverseReceipt', ref: 0, date: { rel: 20 } },
];
