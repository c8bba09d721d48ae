import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setExchangeRate } from '../../src/modules/ledger/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import type { BusinessDate } from '../../src/shared/time/index.ts';
import { callerWith, customRole } from '../support/auth.ts';
import { type Harness, openHarness } from './http-harness.ts';

type Issue = {
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  reason: string;
};
type Preview = {
  file: string;
  kind: string;
  format: string;
  columns: { key: string; header: string }[];
  rows: { line: number; values: Record<string, string> }[];
  row_count: number;
  issues: Issue[];
  issue_count: number;
  rows_with_issues: number;
  summary: {
    valid_rows: number;
    create: number;
    update: number;
    unchanged: number;
    customers_created: number;
  };
  ignored_columns: string[];
};
type Job = {
  id: string;
  kind: string;
  file: string;
  state: 'running' | 'done' | 'failed';
  progress: { phase: string; done: number; total: number };
  result: { created: number; unchanged: number; updated: number; customers_created: number } | null;
  error: { code: string; message: string; details?: { issues?: Issue[] } } | null;
};

const INVOICE_HEADER = '客户编码,客户名称,发票号,开票日期,到期日,币种,价税合计,税额,备注';
const GOOD_INVOICES = [
  INVOICE_HEADER,
  'IMP-A,甲公司,IMP-INV-1,2025-05-01,2025-05-31,CNY,"1,130.00",130.00,first',
  'IMP-A,甲公司,IMP-INV-2,2025-05-02,2025-06-01,CNY,226.00,26.00,',
  'IMP-B,乙公司,IMP-INV-3,2025-05-03,2025-06-02,CNY,500.00,,',
].join('\n');

describe.each(openTestDatabases())('imports over HTTP on $name', ({ open }) => {
  let database: Database;
  let h: Harness;

  const upload = (url: string, text: string, headers: Record<string, string> = {}) =>
    h.call({
      method: 'POST',
      url,
      payload: Buffer.from(text, 'utf8'),
      headers: { 'content-type': 'application/octet-stream', ...headers },
    });
  const preview = async (kind: string, name: string, text: string) => {
    const res = await upload(`/api/imports/preview?kind=${kind}&file=${encodeURIComponent(name)}`, text);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Preview;
  };
  const waitFor = async (id: string): Promise<Job> => {
    for (let i = 0; i < 200; i += 1) {
      const job = (await h.get<Job>(`/api/imports/${id}`)).body;
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`import ${id} did not finish`);
  };
  const runImport = async (kind: string, name: string, text: string): Promise<Job> => {
    const res = await upload(`/api/imports?kind=${kind}&file=${encodeURIComponent(name)}`, text);
    expect(res.statusCode, res.body).toBe(202);
    return waitFor((res.json() as { id: string }).id);
  };
  const invoiceCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('invoices')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', h.ctx.org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('previews a good invoice file: rows as written, counts, and nothing written', async () => {
    const p = await preview('invoices', '发票.csv', GOOD_INVOICES);
    expect(p).toMatchObject({
      file: '发票.csv',
      kind: 'invoices',
      format: 'csv',
      row_count: 3,
      issue_count: 0,
    });
    expect(p.columns.map((c) => c.key)).toEqual([
      'customer_code',
      'customer_name',
      'invoice_number',
      'issue_date',
      'due_date',
      'currency',
      'amount',
      'tax_amount',
      'description',
    ]);
    expect(p.columns.find((c) => c.key === 'amount')?.header).toBe('价税合计');
    expect(p.rows[0]).toEqual({
      line: 2,
      values: expect.objectContaining({ invoice_number: 'IMP-INV-1', amount: '1,130.00' }),
    });
    expect(p.summary).toEqual({ valid_rows: 3, create: 3, update: 0, unchanged: 0, customers_created: 2 });
    expect(await invoiceCount()).toBe(0);
    const customers = await database.db
      .selectFrom('customers')
      .select('code')
      .where('org_id', '=', h.ctx.org.id)
      .execute();
    expect(customers.map((c) => c.code)).not.toContain('IMP-A');
  });

  it('lists every bad cell by line and column, shows the bad rows too, and checks exchange rates', async () => {
    const text = [
      INVOICE_HEADER,
      'IMP-C,丙公司,IMP-BAD-1,2025-02-30,2025-03-31,CNY,100.00,,',
      'IMP-C,丙公司,IMP-BAD-2,2025-05-01,2025-04-01,CNY,abc,,',
      'IMP-C,丙公司,IMP-OK-3,2025-05-01,2025-05-31,CNY,100.00,,',
      'IMP-C,丙公司,IMP-USD-4,2025-05-01,2025-05-31,USD,100.00,,',
    ].join('\n');
    const p = await preview('invoices', 'bad.csv', text);
    expect(p.row_count).toBe(4);
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    const brief = p.issues.map((i) => [i.line, i.field, i.code]);
    expect(brief).toEqual(
      expect.arrayContaining([
        [2, 'issue_date', 'BAD_DATE'],
        [3, 'amount', 'BAD_AMOUNT'],
        [5, null, 'EXCHANGE_RATE_MISSING'],
      ]),
    );
    expect(p.issues.find((i) => i.code === 'BAD_DATE')?.column).toBe('开票日期');
    expect(p.rows_with_issues).toBe(3);
    expect(p.summary).toMatchObject({ valid_rows: 1, create: 1 });
    // With a rate recorded the USD row passes.
    await h.ctx.db.transaction().execute((trx) =>
      setExchangeRate(trx, {
        orgId: h.ctx.org.id,
        currency: 'USD',
        date: '2025-01-01' as BusinessDate,
        rate: '7.1',
      }),
    );
    const again = await preview('invoices', 'bad.csv', text);
    expect(again.issues.map((i) => i.code)).not.toContain('EXCHANGE_RATE_MISSING');
    expect(again.summary.create).toBe(2);
  });

  it('imports in the background with progress, all or nothing, and a second run changes nothing', async () => {
    const job = await runImport('invoices', 'good.csv', GOOD_INVOICES);
    expect(job).toMatchObject({ kind: 'invoices', file: 'good.csv', state: 'done', error: null });
    expect(job.progress.phase).toBe('done');
    expect(job.result).toMatchObject({ created: 3, unchanged: 0, customers_created: 2 });
    expect(await invoiceCount()).toBe(3);

    const twice = await runImport('invoices', 'good.csv', GOOD_INVOICES);
    expect(twice.result).toMatchObject({ created: 0, unchanged: 3, customers_created: 0 });
    expect(await invoiceCount()).toBe(3);

    // The preview now knows the books: same values are unchanged, other values a conflict.
    const p = await preview('invoices', 'good.csv', GOOD_INVOICES.replace('500.00', '501.00'));
    expect(p.summary).toMatchObject({ create: 0, unchanged: 2 });
    expect(p.issues).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'CONFLICT',
        reason: expect.stringContaining('amount 500.00 vs 501.00'),
      }),
    ]);
  });

  it('a rejected file fails the job with every issue, and writes nothing', async () => {
    const before = await invoiceCount();
    const job = await runImport(
      'invoices',
      'mixed.csv',
      [
        INVOICE_HEADER,
        'IMP-D,丁公司,IMP-NEW-1,2025-05-01,2025-05-31,CNY,10.00,,',
        'IMP-D,丁公司,IMP-NEW-2,bad,2025-05-31,CNY,10.00,,',
      ].join('\n'),
    );
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('IMPORT_REJECTED');
    expect(job.error?.details?.issues?.map((i) => [i.line, i.code])).toEqual([[3, 'BAD_DATE']]);
    expect(await invoiceCount()).toBe(before);
  });

  it('previews and imports customers (created, then unchanged)', async () => {
    const text = [
      '客户编码,客户名称,电子邮箱,账期',
      'IMP-K1,客户一,k1@example.com,30',
      'IMP-K2,客户二,not-an-email,45',
    ].join('\n');
    const bad = await preview('customers', 'customers.csv', text);
    expect(bad.issues.map((i) => [i.line, i.field, i.code])).toEqual([[3, 'email', 'BAD_EMAIL']]);
    expect(bad.summary).toMatchObject({ valid_rows: 1, create: 1 });
    const fixed = text.replace('not-an-email', 'k2@example.com');
    const ok = await preview('customers', 'customers.csv', fixed);
    expect(ok.summary).toMatchObject({ create: 2, update: 0, unchanged: 0 });
    const job = await runImport('customers', 'customers.csv', fixed);
    expect(job.result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect((await preview('customers', 'customers.csv', fixed)).summary).toMatchObject({
      create: 0,
      unchanged: 2,
    });
  });

  it('file-level problems, empty bodies and unknown jobs', async () => {
    const p = await preview('invoices', 'x.csv', 'foo,bar\n1,2\n');
    expect(p.rows).toEqual([]);
    expect(p.issues.map((i) => [i.line, i.code])).toEqual([[null, 'MISSING_COLUMN']]);
    const empty = await h.call({
      method: 'POST',
      url: '/api/imports/preview?kind=invoices',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(empty.statusCode).toBe(400);
    const kindless = await upload('/api/imports/preview', GOOD_INVOICES);
    expect(kindless.statusCode).toBe(400);
    const unknown = await h.get<{ error: { code: string } }>(
      '/api/imports/01900000-0000-7000-8000-000000000000',
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('needs the write permission of the kind, for previews, imports and their jobs', async () => {
    const role = await customRole(h.ctx, 'customer_editor_imp', ['customers.read', 'customers.write']);
    const editor = await callerWith(h.ctx, [role]);
    const as = (res: LightMyRequestResponse) => [
      res.statusCode,
      (res.json() as { error?: { code: string } }).error?.code,
    ];
    const denied = await upload('/api/imports/preview?kind=invoices', GOOD_INVOICES, editor.headers);
    expect(as(denied)).toEqual([403, 'PERMISSION_DENIED']);
    const startDenied = await upload('/api/imports?kind=invoices', GOOD_INVOICES, editor.headers);
    expect(as(startDenied)).toEqual([403, 'PERMISSION_DENIED']);
    const allowed = await upload(
      '/api/imports/preview?kind=customers',
      'code,name\nIMP-Z,Z\n',
      editor.headers,
    );
    expect(allowed.statusCode).toBe(200);
    // An invoice job the editor may not see.
    const started = await upload('/api/imports?kind=invoices', GOOD_INVOICES);
    const { id } = started.json() as { id: string };
    await waitFor(id);
    const peek = await h.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: editor.headers });
    expect(as(peek)).toEqual([403, 'PERMISSION_DENIED']);
  });
});
