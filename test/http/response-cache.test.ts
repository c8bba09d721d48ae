import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReceipt } from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type Harness, openHarness } from './http-harness.ts';

describe('response cache on PGlite', () => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    h = await openHarness(database);
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('answers a repeated read from memory and forgets it on any write, even one made outside HTTP', async () => {
    const c = await seedCustomer(h.ctx);
    const inv = await seedIssuedInvoice(h.ctx, c.code, { amount: '100.00', tax_amount: undefined });
    const url = `/api/invoices?customer=${c.code}`;
    const first = await h.call({ method: 'GET', url });
    const second = await h.call({ method: 'GET', url });
    expect(first.headers['x-settle-cache']).toBeUndefined();
    expect(second.headers['x-settle-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    // A write through the use case directly (the CLI's path) must invalidate too.
    await recordReceipt(h.ctx, {
      customer: c.code,
      date: '2025-02-01',
      amount: '100.00',
      applications: [{ invoice: inv.number }],
    });
    const third = await h.call({ method: 'GET', url });
    expect(third.headers['x-settle-cache']).toBeUndefined();
    expect(third.json().items[0].status).toBe('paid');
    const posted = await h.post('/api/invoices', {
      customer: c.code,
      issue_date: '2025-03-01',
      amount: '5.00',
    });
    expect(posted.status).toBe(201);
    const fourth = await h.get<{ items: unknown[] }>(url);
    expect(fourth.body.items).toHaveLength(2);
  });

  it('never serves a cached answer to a request that fails validation', async () => {
    const bad = await h.call({ method: 'GET', url: '/api/invoices?limit=0' });
    expect(bad.statusCode).toBe(400);
  });
});
