import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastReceipts, predictOpenInvoices, type TPredictionDto } from '../src/modules/forecast/index.ts';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { addDays, type BusinessDate, daysBetween } from '../src/shared/time/index.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

const AS_OF = '2025-06-30' as BusinessDate; // a Monday

/**
 * Two customers with steady habits: LATE pays every invoice 10 days after its due date, EARLY 5
 * days before. Ten settled invoices each (January to May), then open invoices in June.
 */
async function seedLedger(ctx: Ctx) {
  const late = await seedCustomer(ctx, { code: 'LATE', country: 'CN' });
  const early = await seedCustomer(ctx, { code: 'EARLY', country: 'CN' });
  const fresh = await seedCustomer(ctx, { code: 'FRESH', country: 'CN' });
  for (let k = 0; k < 10; k += 1) {
    const issued = addDays('2025-01-02' as BusinessDate, 12 * k);
    const due = addDays(issued, 30);
    for (const [code, offset] of [
      ['LATE', 10],
      ['EARLY', -5],
    ] as const) {
      const inv = await seedIssuedInvoice(ctx, code, {
        issue_date: issued,
        due_date: due,
        amount: '100.00',
        tax_amount: undefined,
      });
      await recordReceipt(ctx, {
        customer: code,
        date: addDays(due, offset),
        amount: '100.00',
        applications: [{ invoice: inv.number }],
      });
    }
  }
  const open = {
    late: await seedIssuedInvoice(ctx, 'LATE', {
      number: 'L-OPEN',
      issue_date: '2025-06-10',
      due_date: '2025-07-10',
      amount: '300.00',
      tax_amount: undefined,
    }),
    lateOverdue: await seedIssuedInvoice(ctx, 'LATE', {
      number: 'L-OVERDUE',
      issue_date: '2025-05-01',
      due_date: '2025-05-31',
      amount: '50.00',
      tax_amount: undefined,
    }),
    early: await seedIssuedInvoice(ctx, 'EARLY', {
      number: 'E-OPEN',
      issue_date: '2025-06-20',
      due_date: '2025-07-31',
      amount: '200.00',
      tax_amount: undefined,
    }),
    fresh: await seedIssuedInvoice(ctx, 'FRESH', {
      number: 'F-OPEN',
      issue_date: '2025-06-15',
      due_date: '2025-07-15',
      amount: '80.00',
      tax_amount: undefined,
    }),
  };
  return { late, early, fresh, open };
}

describe.each(openTestDatabases())('payment predictions and cash forecast on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  let predictions: Map<string, TPredictionDto>;
  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: AS_OF });
    await seedLedger(ctx);
    const r = await predictOpenInvoices(ctx, { asOf: AS_OF });
    predictions = new Map(r.predictions.map((p) => [p.number, p]));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('predicts each open invoice from its customer’s habits', async () => {
    const late = predictions.get('L-OPEN');
    const early = predictions.get('E-OPEN');
    expect(
      late && daysBetween(late.due_date as BusinessDate, late.expected_date as BusinessDate),
    ).toBeGreaterThanOrEqual(8);
    expect(
      late && daysBetween(late.due_date as BusinessDate, late.expected_date as BusinessDate),
    ).toBeLessThanOrEqual(12);
    expect(
      early && daysBetween(early.due_date as BusinessDate, early.expected_date as BusinessDate),
    ).toBeGreaterThanOrEqual(-7);
    expect(
      early && daysBetween(early.due_date as BusinessDate, early.expected_date as BusinessDate),
    ).toBeLessThanOrEqual(-3);
    expect([late?.basis, early?.basis]).toEqual(['customer', 'customer']);
    expect(late?.probability_late).toBeGreaterThan(0.5);
    expect(early?.probability_late).toBeLessThan(0.5);
    expect([late?.open_amount, late?.currency]).toEqual(['300.00', 'CNY']);
    for (const p of predictions.values()) {
      expect(p.p10_date <= p.expected_date && p.expected_date <= p.p90_date).toBe(true);
    }
  });

  it('expects an overdue invoice no earlier than today, and a new customer from its segment', async () => {
    const overdue = predictions.get('L-OVERDUE');
    expect(overdue && overdue.expected_date >= AS_OF && overdue.p10_date >= AS_OF).toBe(true);
    expect(predictions.get('F-OPEN')?.basis).toBe('segment');
    expect(predictions.size).toBe(4);
    const only = await predictOpenInvoices(ctx, { asOf: AS_OF, customer: 'EARLY' });
    expect(only.predictions.map((p) => p.number)).toEqual(['E-OPEN']);
  });

  it('forecasts receipts by week from the predictions, with P10/P90 bands', async () => {
    const f = await forecastReceipts(ctx, { asOf: AS_OF, weeks: 13, pastWeeks: 4 });
    expect(f.weeks).toHaveLength(13);
    expect([f.weeks[0]?.start, f.weeks[0]?.end, f.weeks[12]?.end]).toEqual([
      '2025-06-30',
      '2025-07-06',
      '2025-09-28',
    ]);
    const weekOf = (date: string) => f.weeks.find((w) => w.start <= date && date <= w.end);
    // Steady customers: most of each invoice lands in the week of its expected date.
    expect(Number(weekOf(predictions.get('L-OPEN')?.expected_date ?? '')?.expected)).toBeGreaterThanOrEqual(
      150,
    );
    expect(Number(weekOf(predictions.get('E-OPEN')?.expected_date ?? '')?.expected)).toBeGreaterThanOrEqual(
      100,
    );
    const cents = (s: string) => Math.round(Number(s) * 100);
    const total = f.weeks.reduce((a, w) => a + cents(w.expected), 0) + cents(f.beyond.expected);
    expect(total).toBe(63000); // every open cent is somewhere, exactly
    expect([f.open_amount, f.overdue_now]).toEqual(['630.00', { invoices: 1, amount: '50.00' }]);
    for (const w of f.weeks) {
      expect(cents(w.low)).toBeLessThanOrEqual(cents(w.expected));
      expect(cents(w.expected)).toBeLessThanOrEqual(cents(w.high));
      expect(cents(w.cumulative_low)).toBeLessThanOrEqual(cents(w.cumulative_expected));
      expect(cents(w.cumulative_expected)).toBeLessThanOrEqual(cents(w.cumulative_high));
    }
    expect(cents(f.weeks[12]?.cumulative_expected ?? '0')).toBe(63000 - cents(f.beyond.expected));
    expect(f.promises).toBe(0);
  });

  it('takes a promise to pay at its word for the promised part', async () => {
    const late = predictions.get('L-OPEN');
    const f = await forecastReceipts(ctx, {
      asOf: AS_OF,
      weeks: 4,
      pastWeeks: 0,
      promises: [
        { invoiceId: late?.invoice_id ?? '', date: '2025-07-01' as BusinessDate, amountMinor: 10000n },
      ],
    });
    expect(f.promises).toBe(1);
    expect(Number(f.weeks[0]?.expected)).toBeGreaterThanOrEqual(100);
  });

  it('compares past weeks’ forecasts with the receipts dated in them', async () => {
    const f = await forecastReceipts(ctx, { asOf: '2025-05-19' as BusinessDate, weeks: 4, pastWeeks: 6 });
    expect(f.past.map((w) => w.start)).toEqual([
      '2025-04-07',
      '2025-04-14',
      '2025-04-21',
      '2025-04-28',
      '2025-05-05',
      '2025-05-12',
    ]);
    const actual = f.past.reduce((a, w) => a + Number(w.actual), 0);
    // Receipts dated 2025-04-07..2025-05-18 of the seeded habits.
    expect(actual).toBeGreaterThan(0);
    const forecast = f.past.reduce((a, w) => a + Number(w.forecast), 0);
    expect(Math.abs(forecast - actual)).toBeLessThanOrEqual(actual * 0.5);
  });

  it('an org with no history predicts the due date and says it trained on nothing', async () => {
    const empty = await seedOrg(database, { today: AS_OF });
    await seedCustomer(empty, { code: 'N1' });
    // Due well after today, so being unpaid today says nothing yet.
    await seedIssuedInvoice(empty, 'N1', {
      number: 'N-1',
      issue_date: '2025-06-01',
      due_date: '2025-07-31',
      amount: '10.00',
      tax_amount: undefined,
    });
    const r = await predictOpenInvoices(empty, { asOf: AS_OF });
    expect([r.trained_on, r.predictions[0]?.expected_date, r.predictions[0]?.basis]).toEqual([
      0,
      '2025-07-31',
      'global',
    ]);
    const f = await forecastReceipts(empty, { asOf: AS_OF, weeks: 6, pastWeeks: 1 });
    const likeliest = f.weeks.reduce((a, w) => (Number(w.expected) > Number(a.expected) ? w : a));
    expect(likeliest.start).toBe('2025-07-28'); // the week of the due date
    expect(f.past).toEqual([
      {
        start: '2025-06-23',
        end: '2025-06-29',
        currency: 'CNY',
        forecast: '0.00',
        low: '0.00',
        high: '0.00',
        actual: '0.00',
        by_currency: [{ currency: 'CNY', forecast: '0.00', actual: '0.00' }],
      },
    ]);
  });
});
