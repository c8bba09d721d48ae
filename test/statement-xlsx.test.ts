import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCreditNote, recordReceipt } from '../src/modules/receivables/index.ts';
import {
  buildStatement,
  renderStatementXlsx,
  type TStatementDto,
} from '../src/modules/reports/statements/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

describe.each(openTestDatabases())('statement workbook on $name', ({ open }) => {
  let database: Database;
  let statement: TStatementDto;
  beforeAll(async () => {
    database = await open();
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx, { name: '深圳市前海科技有限公司' });
    const inv = { tax_amount: undefined, due_date: '2025-03-31' };
    await seedIssuedInvoice(ctx, c.code, {
      ...inv,
      number: 'X-1',
      issue_date: '2025-02-10',
      amount: '1234567.89',
    });
    await seedIssuedInvoice(ctx, c.code, {
      ...inv,
      number: 'X-2',
      issue_date: '2025-03-03',
      amount: '500.00',
    });
    await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-03-04',
      amount: '300.00',
      applications: [{ invoice: 'X-2' }],
    });
    await issueCreditNote(ctx, { customer: c.code, date: '2025-03-05', amount: '0.11', invoice: 'X-1' });
    statement = await buildStatement(ctx, { customer: c.code, from: '2025-03-01', to: '2025-03-31' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('holds the same lines and balances, amounts as numbers and dates as dates, the header frozen', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderStatementXlsx(statement)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('CNY');
    if (!ws) throw new Error('no CNY sheet');
    // values[i] is row i + 1, blank rows included.
    const values: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r += 1) values.push((ws.getRow(r).values as unknown[]).slice(1));
    expect(values[1]?.[0]).toBe('对账单');
    expect(values[2]).toEqual(['客户', '深圳市前海科技有限公司']);
    const header = values.findIndex((r) => r[0] === '日期');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header + 1 });
    const count = statement.sections[0]?.lines.length ?? 0;
    // The opening row, the lines, the totals row and the closing row.
    const table = values.slice(header + 1, header + 1 + 1 + count + 2);
    expect(table[0]?.[7]).toBe(1234567.89);
    const lines = table
      .slice(1, -2)
      .map((r) => [(r[0] as Date).toISOString().slice(0, 10), r[1], r[2], r[5] ?? null, r[6] ?? null, r[7]]);
    expect(lines).toEqual([
      ['2025-03-03', '发票', 'X-2', 500, null, 1235067.89],
      ['2025-03-04', '收款', expect.any(String), null, 300, 1234767.89],
      ['2025-03-04', '核销', expect.any(String), null, null, 1234767.89],
      ['2025-03-05', '贷项通知单', expect.any(String), null, 0.11, 1234767.78],
    ]);
    expect(table.at(-2)?.slice(4, 7)).toEqual(['本期合计', 500, 300.11]);
    expect(table.at(-1)?.[7]).toBe(1234767.78);
    const balanceCell = ws.getRow(header + 2).getCell(8);
    expect(balanceCell.numFmt).toBe('#,##0.00;-#,##0.00');
    expect(ws.getRow(header + 3).getCell(1).numFmt).toBe('yyyy-mm-dd');
    const due = values.find((r) => r.includes('应收余额'));
    expect(due?.at(-1)).toBe(1234767.78);
  });
});
