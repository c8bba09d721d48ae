import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getBalance,
  issueCreditNote,
  openDispute,
  recordReceipt,
  reverseAllocation,
  voidInvoice,
} from '../src/modules/receivables/index.ts';
import { computeKpis } from '../src/modules/reports/kpis/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

/**
 * A small ledger whose KPIs are worked out by hand below. P = 2025-01-01..2025-03-31 (90 days),
 * AR(begin) on 2024-12-31.
 *   E 400  issued 2024-10-01 due 2024-10-31, never paid (more than 90 days late by February)
 *   A 1000 issued 2024-12-10 due 2025-01-09, paid 2025-01-20 (11 days late)
 *   B 2000 issued 2025-01-15 due 2025-02-14, 500 paid 2025-02-10, disputed 2025-03-01
 *   C 3000 issued 2025-02-01 due 2025-03-03, paid 2025-02-25 (on time)
 *   F 300  issued 2025-02-10, voided 2025-02-20
 *   D 600  issued 2025-03-10 due 2025-04-09, paid 2025-04-05 (after as-of)
 *   CN 100 issued 2025-03-20, unapplied
 */
async function seedLedger(ctx: Ctx): Promise<{ paymentOfA: string }> {
  const c = await seedCustomer(ctx);
  const inv = (number: string, issue_date: string, due_date: string, amount: string) =>
    seedIssuedInvoice(ctx, c.code, { number, issue_date, due_date, amount, tax_amount: undefined });
  await inv('E', '2024-10-01', '2024-10-31', '400.00');
  await inv('A', '2024-12-10', '2025-01-09', '1000.00');
  await inv('B', '2025-01-15', '2025-02-14', '2000.00');
  await inv('C', '2025-02-01', '2025-03-03', '3000.00');
  await inv('F', '2025-02-10', '2025-02-10', '300.00');
  await inv('D', '2025-03-10', '2025-04-09', '600.00');
  const pay = (date: string, invoice: string, amount: string) =>
    recordReceipt(ctx, { customer: c.code, date, amount, applications: [{ invoice, amount }] });
  const a = await pay('2025-01-20', 'A', '1000.00');
  await pay('2025-02-10', 'B', '500.00');
  await pay('2025-02-25', 'C', '3000.00');
  await voidInvoice(ctx, 'F', { date: '2025-02-20' });
  await openDispute(ctx, { invoice: 'B', date: '2025-03-01', reason: 'quantity' });
  await issueCreditNote(ctx, { customer: c.code, date: '2025-03-20', amount: '100.00' });
  await pay('2025-04-05', 'D', '600.00');
  return { paymentOfA: a.allocations[0]?.id ?? '' };
}

describe.each(openTestDatabases())('KPIs on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  let paymentOfA: string;
  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: '2025-06-30' });
    ({ paymentOfA } = await seedLedger(ctx));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('computes the headline KPIs over P exactly as worked out by hand', async () => {
    const k = await computeKpis(ctx, { asOf: '2025-03-31', months: 3 });
    expect(k.period).toEqual({ from: '2025-01-01', to: '2025-03-31', days: 90, months: 3 });
    // AR(begin): A 1000 (not due) + E 400. AR(end): B 1500 + E 400 past due, D 600 not due, less CN 100.
    expect(k.amounts).toEqual({
      receivables_begin: '1400.00',
      receivables: '2400.00',
      current: '500.00',
      past_due: '1900.00',
      over_90: '400.00',
      unapplied_credit: '100.00',
      // B 2000 + C 3000 + F 300 + D 600 - F voided 300 - CN 100
      credit_sales: '5500.00',
    });
    expect(k.kpis).toEqual({
      dso_standard: 39.3, // 2400 / 5500 * 90 = 39.27
      dso_countback: 48.7, // March (31 days, 500) whole, then 1900 / 3000 * 28 days of February
      best_possible_dso: 8.2, // 500 / 5500 * 90 = 8.18
      cei_pct: 70.3, // (1400 + 5500 - 2400) / (1400 + 5500 - 500) = 4500 / 6400
      ar_turnover: 2.89, // 5500 / ((1400 + 2400) / 2)
      ar_turnover_annualised: 11.74, // * 365 / 90
      days_late: {
        weighted: 2.8, // (1000 * 11 + 3000 * 0) / 4000 = 2.75
        simple: 5.5, // (11 + 0) / 2
        paid_late_pct: 50,
        paid_late_amount_pct: 25,
        invoices_paid: 2,
      },
      current_pct: 20.8, // 500 / 2400
      at_risk_pct: 16.7, // 400 / 2400
      // B disputed; issued in P: B, C, F (voided later) and D = 4 invoices, 5900.00
      dispute: { by_count_pct: 25, by_amount_pct: 33.9, disputed_invoices: 1, invoices_issued: 4 },
      promise_kept: { kept_pct: null, promises_due: 0, promises_kept: 0, reason: 'no promises recorded' },
    });
  });

  it('gives each month its own figures, CEI against the month before', async () => {
    const k = await computeKpis(ctx, { asOf: '2025-03-31', months: 3 });
    const pick = (m: (typeof k.trend)[number]) => [
      m.month,
      m.to,
      m.receivables,
      m.current,
      m.over_90,
      m.credit_sales,
      m.dso_standard,
      m.dso_countback,
      m.cei_pct,
      m.current_pct,
      m.at_risk_pct,
    ];
    expect(k.trend.map(pick)).toEqual([
      // Jan 31: B 2000 not due, E 400 92 days late; countback 31 days + 400 / 1000 * 31 of December
      ['2025-01', '2025-01-31', '2400.00', '2000.00', '400.00', '2000.00', 37.2, 43.4, 71.4, 83.3, 16.7],
      // Feb 28: B 1500 and E 400, both late; CEI (2400 + 3000 - 1900) / (2400 + 3000 - 0)
      ['2025-02', '2025-02-28', '1900.00', '0.00', '400.00', '3000.00', 17.7, 17.7, 64.8, 0, 21.1],
      // Mar 31: nothing collected in March, so CEI 0
      ['2025-03', '2025-03-31', '2400.00', '500.00', '400.00', '500.00', 148.8, 48.7, 0, 20.8, 16.7],
    ]);
  });

  it('AR agrees with the AR control account of the ledger on every month end', async () => {
    const k = await computeKpis(ctx, { asOf: '2025-06-30', months: 12 });
    for (const m of k.trend) {
      const b = await getBalance(ctx, { as_of: m.to });
      expect([m.to, m.receivables]).toEqual([m.to, b.base_totals.receivable]);
    }
  });

  it('is exact as of: nothing dated after as_of counts, however late it was entered', async () => {
    const before = await computeKpis(ctx, { asOf: '2025-03-31', months: 3 });
    // D's payment (2025-04-05) is already in; undo A's payment from 2025-04-10 on
    await reverseAllocation(ctx, paymentOfA, { date: '2025-04-10' });
    expect(await computeKpis(ctx, { asOf: '2025-03-31', months: 3 })).toEqual(before);
    const april = await computeKpis(ctx, { asOf: '2025-04-30', months: 1 });
    // D paid, A open again (past due), B 1500, E 400, less CN 100
    expect(april.amounts.receivables).toBe('2800.00');
    expect(april.amounts.receivables_begin).toBe('2400.00');
    expect(april.kpis.days_late.invoices_paid).toBe(1); // D, on time
  });

  it('values foreign open amounts at their invoice rate, half-up to the base minor unit', async () => {
    const fx = await seedOrg(database, { today: '2025-06-30' });
    const usd = await seedCustomer(fx, { currency: 'USD' });
    const jpy = await seedCustomer(fx, { currency: 'JPY' });
    const day = { issue_date: '2025-06-01', due_date: '2025-07-01', tax_amount: undefined };
    await seedIssuedInvoice(fx, usd.code, { ...day, number: 'U1', amount: '100.00', fx_rate: '7.1234' });
    await seedIssuedInvoice(fx, jpy.code, { ...day, number: 'J1', amount: '10000', fx_rate: '0.0482' });
    await recordReceipt(fx, {
      customer: usd.code,
      date: '2025-06-10',
      amount: '33.33',
      fx_rate: '7.2',
      applications: [{ invoice: 'U1' }],
    });
    await recordReceipt(fx, {
      customer: jpy.code,
      date: '2025-06-10',
      amount: '3333',
      fx_rate: '0.05',
      applications: [{ invoice: 'J1' }],
    });
    const k = await computeKpis(fx, { asOf: '2025-06-30', months: 1 });
    // U1: 66.67 USD * 7.1234 = 474.917 -> 474.92; J1: 6667 JPY * 0.0482 = 321.3494 -> 321.35
    expect(k.amounts.receivables).toBe('796.27');
    // sales at the invoices' base totals: 712.34 + 482.00
    expect(k.amounts.credit_sales).toBe('1194.34');
    expect((await getBalance(fx, { as_of: '2025-06-30' })).base_totals.receivable).toBe('796.27');
  });

  it('with no sales the ratios are null, not a division by zero', async () => {
    const empty = await seedOrg(database, { today: '2025-06-30' });
    const k = await computeKpis(empty, { asOf: '2025-06-30' });
    expect(k.trend).toHaveLength(12);
    expect(k.amounts.receivables).toBe('0.00');
    expect(k.kpis.dso_standard).toBeNull();
    expect(k.kpis.dso_countback).toBeNull();
    expect(k.kpis.best_possible_dso).toBeNull();
    expect(k.kpis.cei_pct).toBeNull();
    expect(k.kpis.ar_turnover).toBeNull();
    expect(k.kpis.current_pct).toBeNull();
    expect(k.kpis.days_late).toEqual({
      weighted: null,
      simple: null,
      paid_late_pct: null,
      paid_late_amount_pct: null,
      invoices_paid: 0,
    });
    expect(k.kpis.dispute.by_count_pct).toBeNull();
    expect(k.trend.every((m) => m.dso_standard === null && m.cei_pct === null)).toBe(true);
  });

  it('the trend is `months` calendar months to as_of, each ending on its last day or on as_of', async () => {
    const k = await computeKpis(ctx, { asOf: '2025-06-15' });
    expect(k.period).toEqual({ from: '2024-07-01', to: '2025-06-15', days: 350, months: 12 });
    expect(k.trend.map((m) => m.to)).toEqual([
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-15',
    ]);
    await expect(computeKpis(ctx, { months: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(computeKpis(ctx, { months: 61 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(computeKpis(ctx, { asOf: '2025-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
