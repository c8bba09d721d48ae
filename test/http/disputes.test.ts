import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDisputeDto, TInvoiceDetailDto, TInvoiceDto } from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { callerWith } from '../support/auth.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type ErrorBody, type Harness, openHarness, type Page } from './http-harness.ts';

describe.each(openTestDatabases())('HTTP disputes on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('opens a dispute on an invoice, flags the invoice, lists it, and resolves it once', async () => {
    const c = await seedCustomer(h.ctx);
    const inv = await seedIssuedInvoice(h.ctx, c.code, { issue_date: '2025-05-01' });
    const opened = await h.post<TDisputeDto>(`/api/invoices/${inv.number}/disputes`, {
      date: '2025-06-01',
      reason: '数量不符',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'open', reason: '数量不符', invoice: { id: inv.id } });
    expect((await h.get<TInvoiceDetailDto>(`/api/invoices/${inv.id}`)).body.is_disputed).toBe(true);

    const again = await h.post<ErrorBody>(`/api/invoices/${inv.id}/disputes`, {
      date: '2025-06-02',
      reason: 'again',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'DISPUTE_ALREADY_OPEN']);

    const listed = await h.get<Page<TDisputeDto>>(`/api/disputes?invoice=${inv.number}&status=open`);
    expect(listed.body.items.map((d) => d.id)).toEqual([opened.body.id]);

    const resolved = await h.post<TDisputeDto>(`/api/disputes/${opened.body.id}/resolve`, {
      date: '2025-06-20',
      resolution: '补发货物',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolved_on: '2025-06-20' });
    expect((await h.get<TInvoiceDetailDto>(`/api/invoices/${inv.id}`)).body.is_disputed).toBe(false);
    const twice = await h.post<ErrorBody>(`/api/disputes/${opened.body.id}/resolve`, {
      date: '2025-06-21',
      resolution: 'twice',
    });
    expect(twice.body.error.code).toBe('DISPUTE_ALREADY_RESOLVED');
    expect(
      (await h.get<Page<TDisputeDto>>(`/api/disputes?customer=${c.code}&status=open`)).body.items,
    ).toHaveLength(0);
  });

  it('validates bodies and ids, and needs collections.write to change anything', async () => {
    const c = await seedCustomer(h.ctx);
    const inv = await seedIssuedInvoice(h.ctx, c.code, { issue_date: '2025-05-01' });
    const noReason = await h.post<ErrorBody>(`/api/invoices/${inv.id}/disputes`, { date: '2025-06-01' });
    expect(noReason.status).toBe(400);
    const badId = await h.post<ErrorBody>('/api/disputes/not-a-uuid/resolve', {
      date: '2025-06-01',
      resolution: 'x',
    });
    expect(badId.status).toBe(400);
    const unknown = await h.post<ErrorBody>('/api/disputes/0190f5e0-0000-7000-8000-000000000000/resolve', {
      date: '2025-06-01',
      resolution: 'x',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'DISPUTE_NOT_FOUND']);

    const auditor = await callerWith(h.ctx, ['auditor']);
    const denied = await h.app.inject({
      method: 'POST',
      url: `/api/invoices/${inv.id}/disputes`,
      headers: auditor.headers,
      payload: { date: '2025-06-01', reason: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const read = await h.app.inject({ method: 'GET', url: '/api/disputes', headers: auditor.headers });
    expect(read.statusCode).toBe(200);
  });
});

describe.each(openTestDatabases())('HTTP invoice list by due date and aging on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  let code = '';
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
    const c = await seedCustomer(h.ctx, { code: 'AGE-A' });
    code = c.code;
    // Today is 2025-06-30: days overdue 0 (due today), 10, 45, 75, 120, and one due later but paid.
    const dues: [string, string][] = [
      ['AG-0', '2025-06-30'],
      ['AG-10', '2025-06-20'],
      ['AG-45', '2025-05-16'],
      ['AG-75', '2025-04-16'],
      ['AG-120', '2025-03-02'],
      ['AG-PAID', '2025-07-15'],
    ];
    for (const [number, due] of dues) {
      await seedIssuedInvoice(h.ctx, code, { number, issue_date: '2025-03-01', due_date: due });
    }
    await h.post('/api/receipts', {
      customer: code,
      date: '2025-06-01',
      amount: '113.00',
      applications: [{ invoice: 'AG-PAID' }],
    });
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  const numbers = async (query: string) => {
    const res = await h.get<Page<TInvoiceDto>>(`/api/invoices?customer=${code}&${query}`);
    expect(res.status).toBe(200);
    return res.body.items.map((i) => i.number);
  };

  it('filters by aging bucket: open invoices whose days overdue fall in it', async () => {
    expect(await numbers('aging=current&sort=number')).toEqual(['AG-0']);
    expect(await numbers('aging=1-30')).toEqual(['AG-10']);
    expect(await numbers('aging=31-60')).toEqual(['AG-45']);
    expect(await numbers('aging=61-90')).toEqual(['AG-75']);
    expect(await numbers('aging=90%2B')).toEqual(['AG-120']);
    expect(await numbers('aging=1-30&status=paid')).toEqual([]);
    expect(await numbers('aging=1-30&status=overdue')).toEqual(['AG-10']);
  });

  it('filters by due-date range and sorts by due date with a cursor', async () => {
    expect(await numbers('due_from=2025-05-01&due_to=2025-06-30&sort=due_date')).toEqual([
      'AG-45',
      'AG-10',
      'AG-0',
    ]);
    const first = await h.get<Page<TInvoiceDto>>(`/api/invoices?customer=${code}&sort=-due_date&limit=4`);
    expect(first.body.items.map((i) => i.number)).toEqual(['AG-PAID', 'AG-0', 'AG-10', 'AG-45']);
    const cursor = encodeURIComponent(first.body.next_cursor ?? '');
    expect(await numbers(`sort=-due_date&limit=4&cursor=${cursor}`)).toEqual(['AG-75', 'AG-120']);
  });
});
