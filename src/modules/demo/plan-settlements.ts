import { addDays, type BusinessDate, daysBetween, maxDate } from '../../shared/time/index.ts';
import type { DemoEvent, PlannedInvoice } from './demo.types.ts';
import { DemoEvents } from './demo-events.ts';
import type { Random } from './demo-random.ts';
import { CREDIT_NOTE_REASONS, DISPUTE_REASONS, DISPUTE_RESOLUTIONS } from './demo-texts.ts';
import { floorTo, flushRuns, type Item, pay, type Settling, schedulePayment, share } from './plan-payment.ts';

/** Chooses up to `count` items by a seeded shuffle: rare cases by quota, so small demos have them too. */
function choose<T>(rng: Random, items: readonly T[], count: number): Set<T> {
  return new Set(rng.shuffle(items).slice(0, count));
}

type Roles = {
  openDispute: Set<Item>;
  resolvedDispute: Set<Item>;
  advance: Set<Item>;
  deposit: Item | undefined;
};

function assignRoles(rng: Random, items: readonly Item[], age: (x: Item) => number): Roles {
  const n = items.length;
  const isActive = (x: Item) => x.inv.customer.profile !== 'stopped';
  const openDispute = choose(
    rng,
    items.filter((x) => isActive(x) && age(x) >= 10 && age(x) <= 150),
    Math.max(1, Math.round(n * 0.007)),
  );
  const resolvedDispute = choose(
    rng,
    items.filter((x) => isActive(x) && age(x) > 150),
    Math.max(1, Math.round(n * 0.003)),
  );
  const advanceable = items.filter(
    (x) =>
      isActive(x) &&
      x.inv.currency === 'CNY' &&
      age(x) >= 5 &&
      age(x) <= 270 &&
      !openDispute.has(x) &&
      !resolvedDispute.has(x),
  );
  const advances = [...choose(rng, advanceable, Math.max(2, Math.round(n * 0.004)))];
  const deposit = advances.shift();
  return { openDispute, resolvedDispute, advance: new Set(advances), deposit };
}

/** A dispute settled after some weeks, half of the time by a credit note; payment follows it. */
function resolvedDispute(s: Settling, x: Item): BusinessDate {
  const { rng, out } = s;
  x.isDisputed = true;
  const opened = addDays(x.inv.issueDate, rng.int(7, 30));
  const resolved = addDays(opened, rng.int(10, 45));
  const isCredited = rng.chance(0.5);
  if (isCredited) {
    const credit = floorTo(share(x.open, rng.int(50, 150)), 100n) || 100n;
    out.creditNote(x.inv, resolved, credit, CREDIT_NOTE_REASONS[0] as string);
    x.open -= credit;
  }
  out.dispute(x.inv, opened, rng.pick(DISPUTE_REASONS), {
    date: resolved,
    text: rng.pick(isCredited ? DISPUTE_RESOLUTIONS.credited : DISPUTE_RESOLUTIONS.paid),
  });
  return addDays(resolved, rng.int(3, 15));
}

/** A price adjustment some days after the invoice, applied to it. */
function adjustment(s: Settling, x: Item): BusinessDate {
  const date = addDays(x.inv.issueDate, s.rng.int(3, 25));
  if (date > s.today) return x.inv.issueDate;
  const credit = floorTo(share(x.open, s.rng.int(30, 150)), 100n) || 100n;
  s.out.creditNote(x.inv, date, credit, s.rng.pick(CREDIT_NOTE_REASONS));
  x.open -= credit;
  return addDays(date, 1);
}

/** Cash paid before the invoice (预付货款), applied to it on its date; any excess stays on account. */
function advance(s: Settling, x: Item): void {
  const { rng, out } = s;
  const amount = floorTo(share(x.inv.totalMinor, rng.int(500, 1500)), 1_000_000n) + 1_000_000n;
  const key = out.receipt(x.inv.customer, addDays(x.inv.issueDate, -rng.int(3, 30)), amount, [], '预付货款');
  const applied = amount < x.open ? amount : x.open;
  out.allocation(key, x.inv, x.inv.issueDate, applied);
  x.open -= applied;
  x.isPaid = true;
}

/**
 * Decides how every invoice was settled, as of `today`: credit notes, advances, disputes, receipts
 * (partial, short by a bank fee, overpaid, or in one monthly run for several invoices), and bad
 * debts. Nothing is dated after today.
 */
export function planSettlements(
  rng: Random,
  invoices: readonly PlannedInvoice[],
  today: BusinessDate,
): DemoEvent[] {
  const s: Settling = { rng, out: new DemoEvents(rng), today, runs: new Map() };
  const items: Item[] = invoices.map((inv) => ({
    inv,
    open: inv.totalMinor,
    isPaid: false,
    isDisputed: false,
  }));
  const age = (x: Item) => daysBetween(x.inv.issueDate, today);
  const roles = assignRoles(rng, items, age);
  for (const x of items) {
    s.out.invoice(x.inv);
    if (roles.openDispute.has(x)) {
      // Contested and unpaid: the collector's list shows it, dunning leaves it alone.
      x.isDisputed = true;
      s.out.dispute(
        x.inv,
        addDays(x.inv.issueDate, rng.int(5, Math.min(45, age(x)))),
        rng.pick(DISPUTE_REASONS),
      );
      continue;
    }
    let earliest = x.inv.issueDate;
    if (roles.resolvedDispute.has(x)) earliest = resolvedDispute(s, x);
    else if (rng.chance(0.02)) earliest = adjustment(s, x);
    if (roles.advance.has(x)) advance(s, x);
    if (x.open > 0n) schedulePayment(s, x, earliest);
  }
  flushRuns(s);
  if (roles.deposit) {
    const amount = BigInt(rng.int(1, 5)) * 1_000_000n;
    s.out.receipt(
      roles.deposit.inv.customer,
      addDays(today, -rng.int(2, 20)),
      amount,
      [],
      '预收货款（订单未发货）',
    );
  }
  // Deposits on orders not yet due: these invoices show as partially paid.
  const notDue = items.filter((x) => !x.isPaid && !x.isDisputed && x.inv.dueDate >= today && x.open > 0n);
  for (const x of choose(rng, notDue, Math.max(1, Math.round(notDue.length * 0.12)))) {
    const amount = floorTo(share(x.open, rng.int(300, 500)), 10_000n);
    if (amount > 0n) pay(s, x, addDays(x.inv.issueDate, rng.int(0, age(x))), amount, amount, '预付部分货款');
  }
  // A couple of bad debts: very old invoices of customers that stopped paying.
  const unpaidOf = (minAge: number) =>
    items.filter(
      (x) =>
        x.inv.customer.profile === 'stopped' && !x.isPaid && !x.isDisputed && x.open > 0n && age(x) >= minAge,
    );
  const old = unpaidOf(365).length > 0 ? unpaidOf(365) : unpaidOf(240);
  for (const x of choose(rng, old, Math.max(1, Math.round(items.length * 0.0006)))) {
    s.out.badDebt(x.inv, maxDate(addDays(today, -rng.int(5, 40)), addDays(x.inv.issueDate, 200)));
  }
  return s.out.sorted();
}
