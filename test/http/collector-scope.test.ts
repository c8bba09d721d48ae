import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { updateSecuritySettings } from '../../src/modules/auth/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { fixedClock } from '../../src/shared/time/index.ts';
import { callerWith, type TestCaller } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';
import { type OrgBusiness, seedBusiness } from '../support/org-business.ts';

type Page = { items: { code?: string; number?: string; customer?: { code: string } }[] };

describe.each(openTestDatabases())('collectors and their own customers on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: Ctx;
  let data: OrgBusiness;
  let alice: TestCaller;
  let clerk: TestCaller;
  const get = async (caller: TestCaller, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: caller.headers });
    return { status: res.statusCode, body: res.json() as Page };
  };

  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database);
    data = await seedBusiness(ctx, 'SCOPE'); // customer SCOPE-C0 is Alice's, SCOPE-C1 Bob's
    alice = await callerWith(ctx, ['collector'], { salesperson: 'Alice' });
    clerk = await callerWith(ctx, ['ar_clerk'], { salesperson: 'Alice' });
    app = await buildApp({ database, clock: fixedClock('2025-06-30' as never) });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('by default a collector sees every customer', async () => {
    const customers = await get(alice, '/api/customers');
    expect(customers.body.items.map((c) => c.code).sort()).toEqual(['SCOPE-C0', 'SCOPE-C1']);
  });

  it('when the org says so, a collector sees only their customers and those customers’ documents', async () => {
    await updateSecuritySettings(ctx, { collectors_own_customers_only: true });
    const customers = await get(alice, '/api/customers');
    expect(customers.body.items.map((c) => c.code)).toEqual(['SCOPE-C0']);
    const invoices = await get(alice, '/api/invoices?limit=100');
    expect(new Set(invoices.body.items.map((i) => i.customer?.code))).toEqual(new Set(['SCOPE-C0']));
    const bobsInvoice = data.invoiceIds[3];
    expect((await get(alice, `/api/invoices/${bobsInvoice}`)).status).toBe(404);
    const balance = await app.inject({ method: 'GET', url: '/api/balance', headers: alice.headers });
    expect(balance.body).not.toContain('SCOPE-C1');
    // A clerk (more than a collector's authority) still sees everything.
    const all = await get(clerk, '/api/customers');
    expect(all.body.items.map((c) => c.code).sort()).toEqual(['SCOPE-C0', 'SCOPE-C1']);
  });
});
