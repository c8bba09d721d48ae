import { describe, expect, it } from 'vitest';
import { decimalToMinor, divRound } from '../../shared/money/index.ts';
import { type BusinessDate, daysBetween } from '../../shared/time/index.ts';
import { ZCreateCustomerRequest } from '../customers/index.ts';
import {
  ZAllocateRequest,
  ZIssueCreditNoteRequest,
  ZIssueInvoiceRequest,
  ZOpenDisputeRequest,
  ZRecordReceiptRequest,
  ZWriteOffRequest,
} from '../receivables/index.ts';
import type { DemoEvent } from './demo.types.ts';
import { planDemo } from './demo-plan.ts';
import { seededRandom } from './demo-random.ts';

const TODAY = '2025-06-30' as BusinessDate;
const size = { customers: 200, invoices: 5000, months: 18, seed: 1 };
const plan = planDemo(size, TODAY);
const invoices = plan.events.flatMap((e) => (e.kind === 'invoice' ? [e.request] : []));
const receipts = plan.events.flatMap((e) => (e.kind === 'receipt' ? [e.request] : []));

describe('demo plan', () => {
  it('is the same for a seed and differs between seeds', () => {
    const small = { customers: 30, invoices: 600, months: 12, seed: 5 };
    expect(JSON.stringify(planDemo(small, TODAY))).toBe(JSON.stringify(planDemo(small, TODAY)));
    expect(JSON.stringify(planDemo({ ...small, seed: 6 }, TODAY))).not.toBe(
      JSON.stringify(planDemo(small, TODAY)),
    );
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
  });

  it('asks only what the API would accept', () => {
    const bad = (schema: { safeParse(x: unknown): { success: boolean } }, x: unknown) =>
      !schema.safeParse(x).success;
    expect(plan.customers.filter((c) => bad(ZCreateCustomerRequest, c.request))).toEqual([]);
    const isInvalid = (e: DemoEvent): boolean => {
      switch (e.kind) {
        case 'invoice':
          return bad(ZIssueInvoiceRequest, e.request);
        case 'credit_note':
          return bad(ZIssueCreditNoteRequest, e.request);
        case 'receipt':
          return bad(ZRecordReceiptRequest, e.request);
        case 'allocation':
          return bad(ZAllocateRequest, {
            receipt: 'RC-000001',
            invoice: e.invoice,
            amount: e.amount,
            date: e.date,
          });
        case 'write_off':
          return bad(ZWriteOffRequest, e.request);
        case 'dispute':
          return bad(ZOpenDisputeRequest, e.input);
        case 'dispute_resolution':
          return e.resolution.length === 0;
      }
    };
    expect(plan.events.filter(isInvalid)).toEqual([]);
  });

  it('has the requested customers, unique by code and name, every kind of payer, some abroad', () => {
    expect(plan.customers).toHaveLength(200);
    expect(new Set(plan.customers.map((c) => c.code)).size).toBe(200);
    expect(new Set(plan.customers.map((c) => c.request.name)).size).toBe(200);
    expect(plan.customers[0]?.code).toBe('C0001');
    expect(new Set(plan.customers.map((c) => c.profile))).toEqual(
      new Set(['punctual', 'late', 'slow', 'stopped']),
    );
    expect(new Set(plan.customers.map((c) => c.currency))).toEqual(new Set(['CNY', 'USD', 'EUR']));
    expect(new Set(plan.customers.map((c) => c.termsDays))).toEqual(new Set([30, 45, 60, 90]));
    const salespeople = new Set(plan.customers.map((c) => c.request.salesperson));
    expect(salespeople.size).toBeGreaterThanOrEqual(5);
    expect(salespeople.size).toBeLessThanOrEqual(8);
    expect(plan.customers.filter((c) => c.request.tags?.includes('VIP')).length).toBeGreaterThan(5);
    expect(plan.customers.filter((c) => c.currency === 'CNY').length).toBeGreaterThan(160);
  });

  it('dates nothing after today and issues invoices over the months before it', () => {
    expect(plan.events.every((e) => e.date <= TODAY)).toBe(true);
    expect(invoices).toHaveLength(5000);
    const dates = invoices.map((i) => i.issue_date).sort();
    // 18 months before today: the oldest invoice is some 548 days old.
    expect(daysBetween((dates[0] ?? TODAY) as BusinessDate, TODAY)).toBeGreaterThan(530);
    expect(invoices.some((i) => (i.due_date ?? '') > TODAY)).toBe(true);
    expect(new Set(invoices.map((i) => i.number)).size).toBe(5000);
  });

  it('prices invoices with VAT of 13% or 6% in CNY, none abroad, with the fx rate given', () => {
    const taxOf = (amount: string, rate: bigint) =>
      divRound(decimalToMinor(amount, 'CNY') * rate, 100n + rate, 'half-up');
    const isPriced = (i: (typeof invoices)[number]): boolean => {
      const total = Number(i.amount);
      const tax = decimalToMinor(i.tax_amount ?? '0', i.currency ?? 'CNY');
      if (i.currency === 'CNY') {
        return (
          total >= 1000 &&
          total <= 500_000 &&
          i.fx_rate === undefined &&
          (tax === taxOf(i.amount ?? '0', 13n) || tax === taxOf(i.amount ?? '0', 6n))
        );
      }
      const rate = Number(i.fx_rate);
      const [lo, hi] = i.currency === 'USD' ? [7.1, 7.3] : [7.7, 7.9];
      return tax === 0n && rate >= lo && rate <= hi;
    };
    expect(invoices.filter((i) => !isPriced(i))).toEqual([]);
    const service = invoices.filter(
      (i) => i.currency === 'CNY' && Number(i.tax_amount) < Number(i.amount) * 0.1,
    );
    expect(service.length).toBeGreaterThan(100);
  });

  it('never applies more of a receipt than it holds, and pays several invoices at once sometimes', () => {
    const applied = (r: (typeof receipts)[number]) =>
      (r.applications ?? []).reduce((acc, a) => acc + decimalToMinor(a.amount ?? '0', 'CNY'), 0n);
    expect(receipts.filter((r) => applied(r) > decimalToMinor(r.amount, 'CNY'))).toEqual([]);
    expect(receipts.filter((r) => applied(r) < decimalToMinor(r.amount, 'CNY')).length).toBeGreaterThan(5);
    expect(receipts.filter((r) => (r.applications ?? []).length > 1).length).toBeGreaterThan(50);
    expect(receipts.filter((r) => (r.applications ?? []).length === 0).length).toBeGreaterThan(0);
  });

  it('has a few credit notes, disputes, bank-fee and bad-debt write-offs', () => {
    const count = (kind: string) => plan.events.filter((e) => e.kind === kind).length;
    expect(count('credit_note')).toBeGreaterThan(50);
    expect(count('dispute')).toBeGreaterThan(30);
    expect(count('dispute_resolution')).toBeGreaterThan(5);
    const writeOffs = plan.events.flatMap((e) => (e.kind === 'write_off' ? [e.request] : []));
    expect(writeOffs.filter((w) => w.kind === 'bad_debt').length).toBeGreaterThanOrEqual(2);
    for (const w of writeOffs.filter((x) => x.kind === 'small_difference')) {
      expect(Number(w.amount)).toBeGreaterThanOrEqual(15);
      expect(Number(w.amount)).toBeLessThanOrEqual(50);
    }
  });
});
