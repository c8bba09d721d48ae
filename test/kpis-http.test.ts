import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import type { TKpisDto } from '../src/modules/reports/kpis/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { fixedClock } from '../src/shared/time/index.ts';
import { callerWith, customRole, type TestCaller } from './support/auth.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

/** The real app: the route behind the same access control, org context and error handling. */
function kpiApp(database: Database): Promise<FastifyInstance> {
  return buildApp({ database, clock: fixedClock('2025-06-30' as never) });
}

describe.each(openTestDatabases())('GET /api/kpis on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let reader: TestCaller;
  let outsider: TestCaller;
  const get = (url: string, caller?: TestCaller) =>
    app.inject({ method: 'GET', url, headers: caller ? caller.headers : {} });
  beforeAll(async () => {
    database = await open();
    const ctx = await seedOrg(database, { today: '2025-06-30' });
    const c = await seedCustomer(ctx);
    const day = { issue_date: '2025-05-05', due_date: '2025-06-04', tax_amount: undefined };
    await seedIssuedInvoice(ctx, c.code, { ...day, number: 'H1', amount: '300.00' });
    await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-06-14',
      amount: '300.00',
      applications: [{ invoice: 'H1' }],
    });
    reader = await callerWith(ctx, ['collector']);
    outsider = await callerWith(ctx, [await customRole(ctx, 'customers_only', ['customers.read'])]);
    app = await kpiApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers the KPIs as of a date with a trend of `months` months', async () => {
    const res = await get('/api/kpis?as_of=2025-06-30&months=2', reader);
    expect(res.statusCode).toBe(200);
    const k = res.json<TKpisDto>();
    expect(k.trend.map((m) => m.month)).toEqual(['2025-05', '2025-06']);
    expect([k.amounts.credit_sales, k.amounts.receivables, k.kpis.days_late.weighted]).toEqual([
      '300.00',
      '0.00',
      10,
    ]);
    const byDefault = (await get('/api/kpis', reader)).json<TKpisDto>();
    expect([byDefault.as_of, byDefault.trend.length]).toEqual(['2025-06-30', 12]);
  });

  it('refuses bad parameters, strangers and callers without reports.read', async () => {
    const bad = await get('/api/kpis?months=0', reader);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('/api/kpis?as_of=2025-02-30', reader)).statusCode).toBe(400);
    expect((await get('/api/kpis')).statusCode).toBe(401);
    expect((await get('/api/kpis', outsider)).statusCode).toBe(403);
  });
});
