import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import type { TStatementDto } from '../src/modules/reports/statements/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { fixedClock } from '../src/shared/time/index.ts';
import { callerWith, type TestCaller } from './support/auth.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

/** The real app: the route behind the same access control, org context and error handling. */
function statementApp(database: Database): Promise<FastifyInstance> {
  return buildApp({ database, clock: fixedClock('2025-06-30' as never) });
}

describe.each(openTestDatabases())('statement routes on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: Ctx;
  let collector: TestCaller;
  let auditor: TestCaller;
  let id: string;
  const get = (caller: TestCaller, url: string) =>
    app.inject({ method: 'GET', url, headers: caller.headers });

  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database);
    app = await statementApp(database);
    collector = await callerWith(ctx, ['collector']);
    auditor = await callerWith(ctx, ['auditor']);
    const c = await seedCustomer(ctx, { code: '华东-001', name: '杭州云栖网络有限公司' });
    id = c.id;
    await seedIssuedInvoice(ctx, c.code, {
      number: 'H-1',
      issue_date: '2025-05-20',
      amount: '880.00',
      tax_amount: undefined,
    });
    await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-06-03',
      amount: '80.00',
      applications: [{ invoice: 'H-1' }],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers JSON to anyone who reads reports, for the month so far by default', async () => {
    const res = await get(collector, `/api/customers/${id}/statement`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TStatementDto;
    expect(body.period).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(body.sections[0]).toMatchObject({ opening_balance: '880.00', closing_balance: '800.00' });
    const byCode = await get(
      collector,
      `/api/customers/${encodeURIComponent('华东-001')}/statement?from=2025-05-01&locale=en`,
    );
    expect((byCode.json() as TStatementDto).sections[0]?.lines.map((l) => l.type)).toEqual([
      'invoice',
      'receipt',
      'application',
    ]);
  });

  it('gives files only to those who may export data, and records each export', async () => {
    expect((await get(collector, `/api/customers/${id}/statement.pdf`)).json()).toMatchObject({
      error: { code: 'PERMISSION_DENIED' },
    });
    const pdf = await get(auditor, `/api/customers/${id}/statement.pdf?from=2025-05-01`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('statement_华东-001_2025-05-01_2025-06-30.pdf')}`,
    );
    const xlsx = await get(auditor, `/api/customers/${id}/statement.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const events = await database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after'])
      .where('org_id', '=', ctx.org.id)
      .where('action', '=', 'report.exported')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      {
        entity_id: 'statement',
        after: expect.objectContaining({ format: 'pdf', customer_id: id, from: '2025-05-01' }),
      },
      { entity_id: 'statement', after: expect.objectContaining({ format: 'xlsx', customer: '华东-001' }) },
    ]);
  });

  it('names what is wrong: an unknown customer, a bad date, a period backwards', async () => {
    const unknown = await get(auditor, '/api/customers/NOPE/statement.pdf');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    const bad = await get(collector, `/api/customers/${id}/statement?from=2025-02-30`);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const backwards = await get(collector, `/api/customers/${id}/statement?from=2025-06-02&to=2025-06-01`);
    expect(backwards.json().error.message).toMatch(/starts \(2025-06-02\) after it ends/);
  });
});
