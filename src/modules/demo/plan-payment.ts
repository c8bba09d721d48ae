import { addDays, type BusinessDate, maxDate } from '../../shared/time/index.ts';
import type { DemoCustomer, PlannedInvoice } from './demo.types.ts';
import type { Application, DemoEvents } from './demo-events.ts';
import type { Random } from './demo-random.ts';

/** An invoice being settled: what is still open, and what has happened to it. */
export type Item = { readonly inv: PlannedInvoice; open: bigint; isPaid: boolean; isDisputed: boolean };

export type Settling = {
  readonly rng: Random;
  readonly out: DemoEvents;
  readonly today: BusinessDate;
  /** Monthly payers' runs, by customer and date: one receipt each, for several invoices. */
  readonly runs: Map<string, { c: DemoCustomer; date: BusinessDate; apps: Application[] }>;
};

/** Rounds down to a multiple of `step` minor units. */
export function floorTo(x: bigint, step: bigint): bigint {
  return (x / step) * step;
}

export function share(x: bigint, permille: number): bigint {
  return (x * BigInt(permille)) / 1000n;
}

/** Days from the due date to payment, by the customer's habit. */
function delay(rng: Random, c: DemoCustomer): number {
  switch (c.profile) {
    case 'punctual':
      return rng.chance(0.12) ? -rng.int(5, 20) : rng.int(-3, 5);
    case 'late':
      return rng.int(10, 30);
    case 'slow':
      return rng.int(60, 120);
    case 'stopped':
      return rng.int(5, 25);
  }
}

/** A monthly payer pays on its run day (月结日) on or after the date. */
function nextRunDay(date: BusinessDate, day: number): BusinessDate {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  if (Number(date.slice(8, 10)) > day) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` as BusinessDate;
}

export function canPay(s: Settling, c: DemoCustomer, date: BusinessDate): boolean {
  return date <= s.today && (c.stopsOn === null || date <= c.stopsOn);
}

/** One receipt for one invoice; `received` above `applied` stays on account as the customer's credit. */
export function pay(
  s: Settling,
  x: Item,
  date: BusinessDate,
  applied: bigint,
  received: bigint,
  purpose: string,
): void {
  s.out.receipt(x.inv.customer, date, received, [{ invoice: x.inv, amountMinor: applied }], purpose);
  x.open -= applied;
  x.isPaid = true;
}

/**
 * Pays what is open on the invoice the way its customer would, not before `earliest`: in full, in
 * two instalments, short by a bank fee (written off), a little over, or in the monthly run.
 * Nothing happens when that day is after today or after the customer stopped paying.
 */
export function schedulePayment(s: Settling, x: Item, earliest: BusinessDate): void {
  const { rng } = s;
  const { inv } = x;
  const c = inv.customer;
  let date = maxDate(addDays(inv.dueDate, delay(rng, c)), earliest);
  if (c.profile !== 'stopped' && rng.chance(0.03)) date = addDays(date, rng.int(30, 70));
  if (c.payDay !== null) date = nextRunDay(date, c.payDay);
  if (!canPay(s, c, date)) return;
  if (rng.chance(0.06)) {
    const first = floorTo(share(x.open, rng.int(400, 700)), 10_000n);
    if (first > 0n && first < x.open) {
      pay(s, x, date, first, first, '部分货款');
      let later = addDays(date, rng.int(15, 60));
      if (c.payDay !== null) later = nextRunDay(later, c.payDay);
      if (canPay(s, c, later)) pay(s, x, later, x.open, x.open, '尾款');
      return;
    }
  }
  if (x.open > 100_000n && rng.chance(c.currency === 'CNY' ? 0.025 : 0.2)) {
    const fee = BigInt(rng.int(15, 50)) * 100n;
    pay(s, x, date, x.open - fee, x.open - fee, '货款');
    s.out.bankFee(inv, date, fee);
    x.open = 0n;
    return;
  }
  if (rng.chance(0.015)) {
    pay(s, x, date, x.open, floorTo(x.open, 100_000n) + 100_000n, '货款');
    return;
  }
  if (c.payDay === null) {
    pay(s, x, date, x.open, x.open, '货款');
    return;
  }
  const key = `${c.code}|${date}`;
  const run = s.runs.get(key) ?? { c, date, apps: [] };
  run.apps.push({ invoice: inv, amountMinor: x.open });
  s.runs.set(key, run);
  x.open = 0n;
  x.isPaid = true;
}

export function flushRuns(s: Settling): void {
  for (const run of s.runs.values()) {
    const total = run.apps.reduce((acc, a) => acc + a.amountMinor, 0n);
    s.out.receipt(run.c, run.date, total, run.apps, run.apps.length > 1 ? '月结货款' : '货款');
  }
  s.runs.clear();
}
