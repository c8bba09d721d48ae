import { toleranceFor } from './match-settings.ts';
import type { MatchSettings, OpenInvoice } from './matching.types.ts';
import { findSubset } from './subset-sum.ts';

/**
 * How a payment settles a set of open invoices, in safe-integer minor units. The cash allocated
 * never exceeds an invoice's open amount nor the payment; a shortfall within tolerance is written
 * off (`writeOffs`, summing to `difference`) so that allocated + written off closes the invoices.
 */
export type AmountKind =
  | 'exact' // one invoice, to the unit
  | 'subset' // several invoices, to the unit
  | 'within_tolerance' // short by no more than the tolerance: the rest is written off
  | 'over_within_tolerance' // over by no more than the tolerance: the rest stays unapplied
  | 'overpayment' // more than all that is open: the rest stays unapplied
  | 'partial' // less than due beyond tolerance: allocated oldest first
  | 'on_account'; // nothing open to allocate to

export type Settlement = {
  kind: AmountKind;
  invoices: OpenInvoice[];
  amounts: number[];
  writeOffs: number[];
  difference: number;
  unapplied: number;
  /** How many equally good answers there were (several invoices with the same amount, several subsets). */
  solutions: number;
};

export const open = (invoice: OpenInvoice): number => Number(invoice.openMinor);

/** Invoices with their open amounts as numbers, kept side by side so the hot loops touch only numbers. */
export type Book = { invoices: OpenInvoice[]; opens: number[] };

export function bookOf(invoices: OpenInvoice[]): Book {
  return { invoices, opens: invoices.map(open) };
}

function pick(book: Book, indices: readonly number[]): Book {
  return {
    invoices: indices.map((i) => book.invoices[i] as OpenInvoice),
    opens: indices.map((i) => book.opens[i] ?? 0),
  };
}

/** Settles the whole set: exact, within tolerance, overpaid, or partially paid oldest first. */
export function settleSet(book: Book, amount: number, settings: MatchSettings): Settlement {
  const { invoices, opens } = book;
  const due = opens.reduce((a, b) => a + b, 0);
  const writeOffs = opens.map(() => 0);
  const multi = invoices.length > 1;
  if (invoices.length === 0) {
    return {
      kind: 'on_account',
      invoices,
      amounts: [],
      writeOffs,
      difference: 0,
      unapplied: amount,
      solutions: 1,
    };
  }
  if (amount === due) {
    return {
      kind: multi ? 'subset' : 'exact',
      invoices,
      amounts: opens,
      writeOffs,
      difference: 0,
      unapplied: 0,
      solutions: 1,
    };
  }
  if (amount > due) {
    const small = amount - due <= toleranceFor(due, settings);
    const kind = small ? 'over_within_tolerance' : 'overpayment';
    return {
      kind,
      invoices,
      amounts: opens,
      writeOffs,
      difference: 0,
      unapplied: amount - due,
      solutions: 1,
    };
  }
  const short = due - amount;
  // The shortfall (a bank fee, a rounding) is written off on the newest invoice, the last one
  // allocated, unless it is smaller than the shortfall; then on the target.
  let target = opens.length - 1;
  if ((opens[target] ?? 0) <= short) {
    for (let i = 0; i < opens.length; i++) if ((opens[i] ?? 0) > (opens[target] ?? 0)) target = i;
  }
  if (short <= toleranceFor(due, settings) && short < (opens[target] ?? 0)) {
    const amounts = [...opens];
    amounts[target] = (amounts[target] ?? 0) - short;
    writeOffs[target] = short;
    return {
      kind: 'within_tolerance',
      invoices,
      amounts,
      writeOffs,
      difference: short,
      unapplied: 0,
      solutions: 1,
    };
  }
  const amounts: number[] = [];
  const paid: OpenInvoice[] = [];
  let left = amount;
  for (let i = 0; i < invoices.length && left > 0; i++) {
    const take = Math.min(left, opens[i] ?? 0);
    amounts.push(take);
    paid.push(invoices[i] as OpenInvoice);
    left -= take;
  }
  return {
    kind: 'partial',
    invoices: paid,
    amounts,
    writeOffs: amounts.map(() => 0),
    difference: 0,
    unapplied: 0,
    solutions: 1,
  };
}

function single(
  book: Book,
  i: number,
  amount: number,
  settings: MatchSettings,
  solutions: number,
): Settlement {
  return { ...settleSet(pick(book, [i]), amount, settings), solutions };
}

/**
 * The best reading of a payment against a customer's open invoices (oldest due first, in the
 * payment's currency): one invoice exactly, several exactly (subset sum), one or several within
 * tolerance, else oldest first (partial or overpaid).
 */
export function settleForCustomer(book: Book, amount: number, settings: MatchSettings): Settlement {
  const { opens } = book;
  let exact = -1;
  let exactCount = 0;
  let near = -1;
  let nearGap = Number.POSITIVE_INFINITY;
  let nearCount = 0;
  for (let i = 0; i < opens.length; i++) {
    const o = opens[i] ?? 0;
    if (o === amount) {
      exactCount++;
      if (exact < 0) exact = i;
      continue;
    }
    const gap = Math.abs(o - amount);
    if (gap > toleranceFor(o, settings)) continue;
    if (gap < nearGap) {
      near = i;
      nearGap = gap;
      nearCount = 1;
    } else if (gap === nearGap) nearCount++;
  }
  if (exact >= 0) return single(book, exact, amount, settings, exactCount);
  const slack = toleranceFor(amount, settings);
  const subset = findSubset(opens, amount, slack, settings.maxInvoicesForSubset);
  if (subset && subset.excess === 0) {
    return { ...settleSet(pick(book, subset.indices), amount, settings), solutions: subset.solutions };
  }
  if (near >= 0) return single(book, near, amount, settings, nearCount);
  if (subset) {
    const settled = settleSet(pick(book, subset.indices), amount, settings);
    if (settled.kind === 'within_tolerance') return { ...settled, solutions: subset.solutions };
  }
  return settleSet(book, amount, settings);
}

/**
 * A payment against the invoices its text names: all of them when the amount fits; else the one
 * or the several among them that it pays exactly; else all of them, partially or overpaid.
 */
export function settleReferenced(book: Book, amount: number, settings: MatchSettings): Settlement {
  const whole = settleSet(book, amount, settings);
  if (book.invoices.length === 1 || whole.kind !== 'partial') return whole;
  const best = settleForCustomer(book, amount, settings);
  return best.kind === 'exact' || best.kind === 'subset' || best.kind === 'within_tolerance' ? best : whole;
}
