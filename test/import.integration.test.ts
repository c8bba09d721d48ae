import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCustomers } from '../src/modules/customers/index.ts';
import { getBalance, getInvoice, importInvoices, listInvoices } from '../src/modules/receivables/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

const enc = (s: string) => new TextEncoder().encode(s);

async function counts(ctx: Ctx) {
  const r = await sql<{ i: bigint; c: bigint; p: bigint }>`select
    (select count(*) from invoices where org_id = ${ctx.org.id})::int8 as i,
    (select count(*) from customers where org_id = ${ctx.org.id})::int8 as c,
    (select count(*) from journal_postings where org_id = ${ctx.org.id})::int8 as p`.execute(ctx.db);
  return r.rows[0];
}

const INVOICES = `customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,tax_amount,po_number
C100,上海华东精密机械有限公司,INV-100,2025-01-05,2025-02-04,CNY,"11,300.00",1300.00,PO-1
C100,上海华东精密机械有限公司,INV-101,2025-01-20,2025-02-19,CNY,565.00,65.00,
C200,深圳市鹏程电子科技有限公司,INV-102,2025-02-01,2025-03-03,CNY,1000.00,,
`;

describe.each(openTestDatabases())('imports on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('imports invoices, creating unknown customers; the same file twice changes nothing', async () => {
    const ctx = await seedOrg(database);
    const first = await importInvoices(ctx, { name: 'invoices.csv', bytes: enc(INVOICES) });
    expect(first).toMatchObject({ rows: 3, created: 3, unchanged: 0, customers_created: 2 });
    const before = await counts(ctx);
    expect(before).toEqual({ i: 3n, c: 2n, p: 5n }); // two taxed invoices post 2 transfers, one untaxed posts 1
    const second = await importInvoices(ctx, { name: 'invoices.csv', bytes: enc(INVOICES) });
    expect(second).toMatchObject({ rows: 3, created: 0, unchanged: 3, customers_created: 0 });
    expect(await counts(ctx)).toEqual(before);
    const inv = await getInvoice(ctx, 'INV-100');
    expect([inv.total, inv.tax, inv.subtotal, inv.customer.code, inv.po_number]).toEqual([
      '11300.00',
      '1300.00',
      '10000.00',
      'C100',
      'PO-1',
    ]);
    const bal = await getBalance(ctx, {});
    expect(bal.totals).toEqual([
      { currency: 'CNY', receivable: '12865.00', unapplied: '0.00', balance: '12865.00' },
    ]);
  });

  it('reports an invoice number already present with other values as a conflict and writes nothing', async () => {
    const ctx = await seedOrg(database);
    await importInvoices(ctx, { name: 'invoices.csv', bytes: enc(INVOICES) });
    const before = await counts(ctx);
    const changed = `${INVOICES.replace('565.00,65.00', '566.00,65.00')}C300,New Co,INV-103,2025-02-02,2025-03-04,CNY,10.00,,\n`;
    const err = await importInvoices(ctx, { name: 'changed.csv', bytes: enc(changed) }).catch((e) => e);
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.details.issues).toEqual([
      expect.objectContaining({
        file: 'changed.csv',
        line: 3,
        code: 'CONFLICT',
        reason: expect.stringContaining('amount 565.00 vs 566.00'),
      }),
    ]);
    expect(await counts(ctx)).toEqual(before);
  });

  it('a file with one bad row writes nothing and names the row and column', async () => {
    const ctx = await seedOrg(database);
    const bad = INVOICES.replace('2025-01-20,2025-02-19', '2025-01-20,2025-02-30');
    const err = await importInvoices(ctx, { name: 'bad.csv', bytes: enc(bad) }).catch((e) => e);
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.details.issues).toHaveLength(1);
    expect(err.details.issues[0]).toMatchObject({
      file: 'bad.csv',
      line: 3,
      column: 'due_date',
      code: 'BAD_DATE',
    });
    expect(await counts(ctx)).toEqual({ i: 0n, c: 0n, p: 0n });
  });

  it('reads GB18030 files with Chinese headers and xlsx workbooks', async () => {
    const ctx = await seedOrg(database);
    const gbk = iconv.encode(
      '客户编码,客户名称,发票号,开票日期,到期日,币种,金额,税额\nC1,北京测试有限公司,F-1,2025年3月1日,2025-03-31,人民币,113.00,13.00\n'.replace(
        '人民币',
        'CNY',
      ),
      'gb18030',
    );
    const r = await importInvoices(ctx, { name: 'gbk.csv', bytes: gbk });
    expect(r).toMatchObject({ created: 1, encoding: 'gb18030' });
    expect((await getInvoice(ctx, 'F-1')).customer.name).toBe('北京测试有限公司');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    ws.addRow(['客户编码', '客户名称', '发票号', '开票日期', '到期日', '币种', '金额']);
    ws.addRow(['C1', '北京测试有限公司', 'F-2', new Date(Date.UTC(2025, 2, 5)), '2025-04-04', 'CNY', 250.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const x = await importInvoices(ctx, { name: 'book.xlsx', bytes });
    expect(x).toMatchObject({ format: 'xlsx', created: 1, customers_created: 0 });
    const f2 = await getInvoice(ctx, 'F-2');
    expect([f2.issue_date, f2.total]).toEqual(['2025-03-05', '250.50']);
    expect((await listInvoices(ctx, { customer: 'C1', sort: '-created', limit: 10 })).items).toHaveLength(2);
  });

  it('imports the customer master: create, then update only what changed, twice changes nothing', async () => {
    const ctx = await seedOrg(database);
    const csv = `客户编码,客户名称,联系人,邮箱,电话,账期,信用额度,标签,销售员
K1,杭州西湖贸易有限公司,王芳,wang@example.cn,13800000000,45,"200,000.00",VIP|华东,李雷
K2,Berlin Tools GmbH,Hans,hans@example.de,,60,,,
`;
    const a = await importCustomers(ctx, { name: 'customers.csv', bytes: enc(csv) });
    expect(a).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const b = await importCustomers(ctx, { name: 'customers.csv', bytes: enc(csv) });
    expect(b).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const c = await importCustomers(ctx, { name: 'customers.csv', bytes: enc(csv.replace(',45,', ',30,')) });
    expect(c).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const row = await ctx.db
      .selectFrom('customers')
      .selectAll()
      .where('org_id', '=', ctx.org.id)
      .where('code', '=', 'K1')
      .executeTakeFirstOrThrow();
    expect([row.payment_terms_days, row.credit_limit_minor, row.tags, row.salesperson]).toEqual([
      30,
      20000000n,
      ['VIP', '华东'],
      '李雷',
    ]);
  });
});
