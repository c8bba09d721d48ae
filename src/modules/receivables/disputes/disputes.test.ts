import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCustomer, seedIssuedInvoice, seedOrg } from '../../../../test/support/factories.ts';
import type { Database } from '../../../shared/db/index.ts';
import { openTestDatabases } from '../../../shared/testing/test-database.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getInvoice } from '../index.ts';
import { listDisputes } from './list-disputes.ts';
import { openDispute } from './open-dispute.ts';
import { resolveDispute } from './resolve-dispute.ts';

describe.each(openTestDatabases())('disputes on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('opens a dispute on an invoice, flags it while open, and resolves it once', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const inv = await seedIssuedInvoice(ctx, c.code, { issue_date: '2025-01-10' });
    const d = await openDispute(ctx, { invoice: inv.number, date: '2025-02-01', reason: '数量不符' });
    expect(d).toMatchObject({ status: 'open', opened_on: '2025-02-01', invoice: { number: inv.number } });
    await expect(
      openDispute(ctx, { invoice: inv.number, date: '2025-02-05', reason: 'again' }),
    ).rejects.toMatchObject({
      code: 'DISPUTE_ALREADY_OPEN',
    });
    const resolved = await resolveDispute(ctx, { dispute: d.id, date: '2025-03-01', resolution: '补发货物' });
    expect(resolved).toMatchObject({ status: 'resolved', resolved_on: '2025-03-01', resolution: '补发货物' });
    await expect(
      resolveDispute(ctx, { dispute: d.id, date: '2025-03-02', resolution: 'twice' }),
    ).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    expect((await getInvoice(ctx, inv.number, '2025-02-15' as BusinessDate)).is_disputed).toBe(true);
    expect((await getInvoice(ctx, inv.number, '2025-03-01' as BusinessDate)).is_disputed).toBe(false);
    const asOfFebruary = await listDisputes(ctx, { as_of: '2025-02-15', limit: 10 });
    expect(asOfFebruary.items.map((x) => x.status)).toEqual(['open']);
    expect((await listDisputes(ctx, { status: 'resolved', limit: 10 })).items).toHaveLength(1);
    // After it is resolved the customer may contest the invoice again.
    await openDispute(ctx, { invoice: inv.number, date: '2025-04-01', reason: '质量问题' });
    expect((await listDisputes(ctx, { invoice: inv.number, status: 'open', limit: 10 })).items).toHaveLength(
      1,
    );
  });

  it('refuses dates before the document and unknown disputes', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const inv = await seedIssuedInvoice(ctx, c.code, { issue_date: '2025-01-10' });
    await expect(
      openDispute(ctx, { invoice: inv.number, date: '2025-01-09', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'DATE_BEFORE_DOCUMENT',
    });
    await expect(
      openDispute(ctx, { invoice: 'INV-NOPE', date: '2025-02-01', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'INVOICE_NOT_FOUND',
    });
    const d = await openDispute(ctx, { invoice: inv.number, date: '2025-02-01', reason: 'x' });
    await expect(
      resolveDispute(ctx, { dispute: d.id, date: '2025-01-31', resolution: 'y' }),
    ).rejects.toMatchObject({
      code: 'DATE_BEFORE_DOCUMENT',
    });
    await expect(
      resolveDispute(ctx, {
        dispute: '0190f5e0-0000-7000-8000-000000000000',
        date: '2025-03-01',
        resolution: 'y',
      }),
    ).rejects.toMatchObject({ code: 'DISPUTE_NOT_FOUND' });
  });
});
