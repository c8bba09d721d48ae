import fc from 'fast-check';

/**
 * Generated AR operations. Documents are named by `ref`, an index (mod the count) into the
 * documents of that kind created so far in the run; `same` (nine times in ten) narrows the choice
 * to the source's customer, so that most applications can land and some are cross-customer.
 * Dates: `abs` is a day in the 90-day window, `rel` is days after the target document (negative
 * ones test DATE_BEFORE_DOCUMENT), `today` leaves the date out so the use case takes the clock's.
 */
export type DateSpec = { abs: number } | { rel: number } | { today: true };
export type AmountSpec = number | null; // minor units; null = "as much as is open"

export type Op =
  | {
      t: 'invoice';
      cust: number;
      alt: boolean;
      rate: number;
      amount: number;
      taxPct: number;
      day: number;
      due: number | null;
    }
  | {
      t: 'creditNote';
      cust: number;
      alt: boolean;
      rate: number;
      amount: number;
      taxPct: number;
      day: number;
      invoice: { ref: number; same: boolean } | null;
      apply: boolean;
    }
  | {
      t: 'receipt';
      cust: number;
      alt: boolean;
      rate: number;
      amount: number;
      /** `rel` counts from the latest issue date of the invoices it applies to. */
      date: DateSpec;
      apps: { ref: number; same: boolean; amount: AmountSpec }[];
    }
  | {
      t: 'allocate';
      source: 'receipt' | 'credit_note';
      ref: number;
      invoice: number;
      same: boolean;
      amount: AmountSpec;
      date: DateSpec;
    }
  | { t: 'reverseAllocation'; ref: number; date: DateSpec }
  | { t: 'reverseReceipt'; ref: number; date: DateSpec }
  | { t: 'voidInvoice'; ref: number; date: DateSpec }
  | { t: 'voidCreditNote'; ref: number; date: DateSpec }
  | { t: 'writeOff'; ref: number; amount: AmountSpec; date: DateSpec; kind: 'bad_debt' | 'small_difference' }
  | { t: 'reverseWriteOff'; ref: number; date: DateSpec }
  | { t: 'refund'; ref: number; amount: number; date: DateSpec };

/** The org's base currency; customers 0 and 1 deal in it, customer 2 in USD. */
export const BASE_CURRENCY = 'CNY';
export const WINDOW_START = '2025-01-01';
export const WINDOW_DAYS = 90;
/** The org's clock: after the window, so "no date" means a date later than every document. */
export const TODAY = '2025-04-30';
/** Rates for the USD documents (CNY per USD), with enough decimals to make rounding matter. */
export const USD_RATES = ['7.1', '7.2345', '6.98765', '7.05', '7.1299'] as const;
/**
 * A document's `rate`: for USD, USD_RATES[rate % 5]; for CNY (the base currency) mostly none,
 * sometimes an explicit 1, and once in twenty a rate that is not 1, which must be refused.
 */
export const RATE_CHOICES = 20;

const ref = fc.nat({ max: 999 });
const rate = fc.nat({ max: RATE_CHOICES - 1 });
const same = fc.integer({ min: 0, max: 9 }).map((n) => n < 9);
const day = fc.integer({ min: 0, max: WINDOW_DAYS - 1 });
/** Customer 0 and the USD customer (2) get most documents, so that they meet often enough. */
const cust = fc.constantFrom(0, 0, 1, 2, 2);
/** Mostly small amounts, so that applications and write-offs often fit or exactly settle. */
const docAmount = fc.oneof(
  fc.integer({ min: 1, max: 50_000 }),
  fc.integer({ min: 1, max: 100 }).map((n) => n * 1000),
);
const taxPct = fc.constantFrom(0, 0, 6, 13);
const amountSpec: fc.Arbitrary<AmountSpec> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 30_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 50 }).map((n) => n * 1000), weight: 1 },
);
const datedSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  { arbitrary: fc.record({ abs: day }), weight: 2 },
  { arbitrary: fc.record({ rel: fc.integer({ min: -5, max: 30 }) }), weight: 3 },
);
/** Mostly on or after the target document: a write-off or refund that can land. */
const laterSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  { arbitrary: fc.record({ rel: fc.integer({ min: 0, max: 30 }) }), weight: 4 },
  { arbitrary: datedSpec, weight: 1 },
);
const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  { arbitrary: datedSpec, weight: 5 },
  { arbitrary: fc.constant({ today: true } as const), weight: 1 },
);

const invoiceArbitrary: fc.Arbitrary<Op> = fc.record({
  t: fc.constant('invoice' as const),
  cust,
  alt: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  rate,
  amount: docAmount,
  taxPct,
  day,
  due: fc.option(fc.integer({ min: 0, max: 45 }), { nil: null }),
});

const creditNoteArbitrary: fc.Arbitrary<Op> = fc.record({
  t: fc.constant('creditNote' as const),
  cust,
  alt: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  rate,
  amount: fc.integer({ min: 1, max: 20_000 }),
  taxPct,
  day,
  invoice: fc.option(fc.record({ ref, same }), { nil: null }),
  apply: fc.boolean(),
});

const receiptArbitrary: fc.Arbitrary<Op> = fc.record({
  t: fc.constant('receipt' as const),
  cust,
  alt: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  rate,
  amount: docAmount,
  date: datedSpec,
  apps: fc.array(fc.record({ ref, same, amount: amountSpec }), { maxLength: 3 }),
});

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: invoiceArbitrary },
  { weight: 3, arbitrary: creditNoteArbitrary },
  { weight: 6, arbitrary: receiptArbitrary },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('allocate' as const),
      source: fc.constantFrom('receipt' as const, 'receipt' as const, 'credit_note' as const),
      ref,
      invoice: ref,
      same,
      amount: amountSpec,
      date: dateSpec,
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('reverseAllocation' as const), ref, date: dateSpec }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverseReceipt' as const), ref, date: dateSpec }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('voidInvoice' as const), ref, date: dateSpec }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('voidCreditNote' as const), ref, date: dateSpec }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('writeOff' as const),
      ref,
      amount: amountSpec,
      date: laterSpec,
      kind: fc.constantFrom('bad_debt' as const, 'small_difference' as const),
    }),
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('reverseWriteOff' as const), ref, date: dateSpec }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      ref,
      amount: fc.integer({ min: 1, max: 30_000 }),
      date: laterSpec,
    }),
  },
);

/**
 * A run: a few invoices, receipts and credit notes first (so that there is something to apply,
 * reverse, void or refund), then anything; mostly 10-40 operations, but it may shrink to a
 * handful so that a failure comes out minimal.
 */
export const opsArbitrary: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.array(invoiceArbitrary, { minLength: 1, maxLength: 6 }),
    fc.array(receiptArbitrary, { minLength: 1, maxLength: 3 }),
    fc.array(creditNoteArbitrary, { maxLength: 2 }),
    fc.array(opArbitrary, { minLength: 2, maxLength: 29, size: 'max' }),
  )
  .map(([invoices, receipts, notes, rest]) => [...invoices, ...receipts, ...notes, ...rest]);
