import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInvoiceDto, TReceiptDto } from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type ErrorBody, type Harness, openHarness, type Page } from './http-harness.ts';

describe.each(openTestDatabases())('recording a receipt with its applications on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
    await seedCustomer(h.ctx, { code: 'RA-1', name: 'Receipt Apply Co' });
    for (const [number, amount] of [
      ['RA-INV-1', '100.00'],
      ['RA-INV-2', '250.50'],
      ['RA-INV-3', '80.00'],
    ] as const)
      await seedIssuedInvoice(h.ctx, 'RA-1', {
        number,
        issue_date: '2025-05-01',
        amount,
        tax_amount: undefined,
      });
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  const openOf = async (number: string) =>
    (await h.get<TInvoiceDto>(`/api/invoices/${number}`)).body.open_amount;

  it('records the receipt and every application in one call', async () => {
    const res = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'RA-1',
      date: '2025-06-01',
      amount: '300.00',
      reference: 'BANK-REF-7781',
      applications: [
        { invoice: 'RA-INV-1', amount: '100.00' },
        { invoice: 'RA-INV-2', amount: '150.25' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: '300.00', applied: '250.25', unapplied: '49.75' });
    expect(res.body.allocations.map((a) => [a.invoice_number, a.amount])).toEqual(
      expect.arrayContaining([
        ['RA-INV-1', '100.00'],
        ['RA-INV-2', '150.25'],
      ]),
    );
    expect(await openOf('RA-INV-1')).toBe('0.00');
    expect(await openOf('RA-INV-2')).toBe('100.25');
  });

  it('records nothing when one application fails (atomic)', async () => {
    const before = (await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1')).body.items.length;
    const res = await h.post<ErrorBody>('/api/receipts', {
      customer: 'RA-1',
      date: '2025-06-02',
      amount: '500.00',
      applications: [
        { invoice: 'RA-INV-3', amount: '80.00' },
        { invoice: 'RA-INV-2', amount: '999.00' },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALLOCATION_EXCEEDS_OPEN_AMOUNT');
    const after = (await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1')).body.items.length;
    expect(after).toBe(before);
    expect(await openOf('RA-INV-3')).toBe('80.00');
  });

  it('lists receipts by number or reference and by unapplied cash', async () => {
    const full = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'RA-1',
      date: '2025-06-03',
      amount: '80.00',
      reference: 'OTHER-42',
      applications: [{ invoice: 'RA-INV-3' }],
    });
    expect(full.body.unapplied).toBe('0.00');
    const byRef = await h.get<Page<TReceiptDto>>('/api/receipts?q=bank-ref');
    expect(byRef.body.items.map((r) => r.reference)).toEqual(['BANK-REF-7781']);
    const byNumber = await h.get<Page<TReceiptDto>>(
      `/api/receipts?q=${encodeURIComponent(full.body.number)}`,
    );
    expect(byNumber.body.items.map((r) => r.id)).toEqual([full.body.id]);
    const unapplied = await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1&unapplied=true');
    expect(unapplied.body.items.map((r) => r.unapplied)).toEqual(['49.75']);
    const settled = await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1&unapplied=false');
    expect(settled.body.items.map((r) => r.id)).toEqual([full.body.id]);
    const bad = await h.get<ErrorBody>('/api/receipts?unapplied=maybe');
    expect(bad.status).toBe(400);
  });

  it('a reversed receipt has no unapplied cash', async () => {
    const r = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'RA-1',
      date: '2025-06-04',
      amount: '10.00',
    });
    expect(
      (await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1&unapplied=true')).body.items,
    ).toHaveLength(2);
    expect((await h.post(`/api/receipts/${r.body.id}/reverse`, {})).status).toBe(200);
    const after = await h.get<Page<TReceiptDto>>('/api/receipts?customer=RA-1&unapplied=true');
    expect(after.body.items.map((x) => x.unapplied)).toEqual(['49.75']);
  });
});
