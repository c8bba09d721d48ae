import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCustomerDto } from '../../src/modules/customers/index.ts';
import {
  recordReceipt,
  type TAllocationDto,
  type TInvoiceDto,
  type TReceiptDto,
} from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { allPages, type ErrorBody, type Harness, openHarness, type Page } from './http-harness.ts';

describe.each(openTestDatabases())('HTTP listing on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  let customerCode = '';
  let otherCode = '';
  const numbers: string[] = [];
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
    const c = await seedCustomer(h.ctx, { code: 'LIST-A', name: 'Alpha Trading', tags: ['key'] });
    const other = await seedCustomer(h.ctx, { code: 'LIST-B', name: 'Beta Supplies' });
    customerCode = c.code;
    otherCode = other.code;
    // 7 invoices for A: 3 paid by a receipt each, 4 left open; 2 for B.
    for (let i = 1; i <= 7; i++) {
      const inv = await seedIssuedInvoice(h.ctx, c.code, {
        number: `L-${String(i).padStart(3, '0')}`,
        issue_date: `2025-03-${String(i).padStart(2, '0')}`,
        due_date: '2025-12-31',
        amount: `${i}00.00`,
        tax_amount: undefined,
      });
      numbers.push(inv.number);
    }
    await seedIssuedInvoice(h.ctx, other.code, { number: 'L-B1', issue_date: '2025-03-01' });
    await seedIssuedInvoice(h.ctx, other.code, { number: 'L-B2', issue_date: '2025-03-02' });
    for (const n of ['L-001', 'L-002', 'L-003']) {
      await recordReceipt(h.ctx, {
        customer: c.code,
        date: '2025-04-01',
        amount: '1000.00',
        applications: [{ invoice: n }],
      });
    }
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('pages invoices of one customer by number, ascending and descending, with no gaps or repeats', async () => {
    const asc = await allPages<TInvoiceDto>(h, `/api/invoices?customer=${customerCode}&sort=number&limit=3`);
    expect(asc.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(asc.flatMap((p) => p.items.map((i) => i.number))).toEqual(numbers);
    expect(asc.at(-1)?.next_cursor).toBeNull();

    const desc = await allPages<TInvoiceDto>(
      h,
      `/api/invoices?customer=${customerCode}&sort=-number&limit=2`,
    );
    expect(desc).toHaveLength(4);
    expect(desc.flatMap((p) => p.items.map((i) => i.number))).toEqual([...numbers].reverse());
  });

  it('filters invoices by status, date range and number search', async () => {
    const paid = await h.get<Page<TInvoiceDto>>(
      `/api/invoices?customer=${customerCode}&status=paid&sort=number`,
    );
    expect(paid.body.items.map((i) => [i.number, i.status, i.open_amount])).toEqual([
      ['L-001', 'paid', '0.00'],
      ['L-002', 'paid', '0.00'],
      ['L-003', 'paid', '0.00'],
    ]);
    const range = await h.get<Page<TInvoiceDto>>(
      '/api/invoices?issued_from=2025-03-02&issued_to=2025-03-04&sort=number&q=L-',
    );
    expect(range.body.items.map((i) => i.number)).toEqual(['L-002', 'L-003', 'L-004', 'L-B2']);
    const asOf = await h.get<Page<TInvoiceDto>>(`/api/invoices?customer=${otherCode}&as_of=2025-03-01`);
    expect(asOf.body.items.map((i) => [i.number, i.as_of])).toEqual([['L-B1', '2025-03-01']]);
  });

  it('pages all invoices newest first by default', async () => {
    const pages = await allPages<TInvoiceDto>(h, '/api/invoices?limit=4');
    const all = pages.flatMap((p) => p.items.map((i) => i.number));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(all).toEqual(['L-B2', 'L-B1', ...[...numbers].reverse()]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('searches, filters, sorts and pages customers', async () => {
    const byName = await allPages<TCustomerDto>(h, '/api/customers?sort=-name&limit=1');
    expect(byName.flatMap((p) => p.items.map((c) => c.code))).toEqual(['LIST-B', 'LIST-A']);
    const tagged = await h.get<Page<TCustomerDto>>('/api/customers?tag=key');
    expect(tagged.body.items.map((c) => c.code)).toEqual(['LIST-A']);
    const q = await h.get<Page<TCustomerDto>>('/api/customers?q=beta');
    expect(q.body.items.map((c) => c.code)).toEqual(['LIST-B']);
  });

  it('pages receipts and allocations across pages', async () => {
    const receipts = await allPages<TReceiptDto>(h, `/api/receipts?customer=${customerCode}&limit=2`);
    expect(receipts.map((p) => p.items.length)).toEqual([2, 1]);
    const ids = receipts.flatMap((p) => p.items.map((r) => r.id));
    expect(new Set(ids).size).toBe(3);
    const allocations = await allPages<TAllocationDto>(
      h,
      `/api/allocations?customer=${customerCode}&limit=2`,
    );
    expect(allocations.flatMap((p) => p.items.map((a) => a.invoice_number)).sort()).toEqual([
      'L-001',
      'L-002',
      'L-003',
    ]);
    expect(allocations).toHaveLength(2);
  });

  it('rejects a malformed cursor and an out-of-range limit with VALIDATION_FAILED', async () => {
    const bad = await h.get<ErrorBody>('/api/invoices?cursor=not-a-cursor');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const big = await h.get<ErrorBody>('/api/invoices?limit=501');
    expect([big.status, big.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(big.body.error.details)).toContain('limit');
  });
});
