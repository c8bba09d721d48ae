import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCustomer } from '../src/modules/customers/index.ts';
import {
  agingReportTable,
  computeAging,
  exportReport,
  listAgingItems,
  ZAgingItemsQuery,
  ZAgingQuery,
} from '../src/modules/reports/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';
import { seedBusiness } from './support/org-business.ts';

describe.each(openTestDatabases())('aging reports on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: '2025-06-30' });
    await seedBusiness(ctx, 'AG');
    await updateCustomer(ctx, 'AG-C0', { tags: ['key', 'north'] });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('buckets the open amounts, shows unapplied cash apart, and reconciles with the ledger', async () => {
    const r = await computeAging(ctx, ZAgingQuery.parse({ as_of: '2025-06-30', by: 'customer' }));
    expect(r.buckets.map((b) => b.key)).toEqual(['current', 'le_30d', 'le_60d', 'le_90d', 'over_90d']);
    // Invoices of 2025-03-01, due 30 days later (2025-03-31): 91 days overdue on 2025-06-30.
    expect(r.totals).toHaveLength(1);
    const [total] = r.totals;
    // Six invoices of 1,130.00: one paid, one credited 100.00, one written off; so 4 open.
    expect(total?.total).toBe(`${String(1130 * 3 + 1030)}.00`);
    expect(total?.buckets.at(-1)).toBe(total?.total);
    expect(r.unapplied.find((u) => u.group?.label.startsWith('AG-C0'))?.receipts).toBe('370.00');
    expect(r.reconciliation.is_balanced).toBe(true);
    expect(r.reconciliation.lines[0]).toMatchObject({ difference: '0.00', ledger_receivable: total?.total });
  });

  it('as of an earlier date, later documents are invisible', async () => {
    const r = await computeAging(ctx, ZAgingQuery.parse({ as_of: '2025-03-15' }));
    // On 15 March nothing was paid yet and nothing was due: all six invoices are "not due".
    expect(r.totals[0]?.buckets[0]).toBe(`${1130 * 6}.00`);
    expect(r.reconciliation.is_balanced).toBe(true);
    const none = await computeAging(ctx, ZAgingQuery.parse({ as_of: '2025-02-01' }));
    expect(none.totals).toEqual([]);
    expect(none.reconciliation.is_balanced).toBe(true);
  });

  it('groups by salesperson, tag and country; by invoice date; drill-down adds up to the bucket', async () => {
    const bySales = await computeAging(ctx, ZAgingQuery.parse({ as_of: '2025-06-30', by: 'salesperson' }));
    expect(bySales.rows.map((x) => x.group?.label).sort()).toEqual(['Alice', 'Bob']);
    const byTag = await computeAging(ctx, ZAgingQuery.parse({ as_of: '2025-06-30', by: 'tag' }));
    expect(byTag.rows.map((x) => x.group?.label).sort()).toEqual(['key', 'north', '—']);
    expect(byTag.reconciliation.is_balanced).toBe(true);
    const byInvoice = await computeAging(
      ctx,
      ZAgingQuery.parse({ as_of: '2025-06-30', basis: 'invoice', buckets: '1m,3m,6m' }),
    );
    expect(byInvoice.buckets.map((b) => b.label)).toEqual([
      'up to 1 month',
      '1-3 months',
      '3-6 months',
      'Over 6 months',
    ]);
    expect(byInvoice.totals[0]?.buckets[2]).toBe(byInvoice.totals[0]?.total);
    const items = await listAgingItems(
      ctx,
      ZAgingItemsQuery.parse({ as_of: '2025-06-30', bucket: 'over_90d' }),
    );
    const sum = items.items.reduce((s, i) => s + Number(i.open_amount), 0);
    expect(sum.toFixed(2)).toBe(bySales.totals[0]?.total);
    expect(items.items.every((i) => i.days_overdue > 90)).toBe(true);
  });

  it('exports to CSV and xlsx in either language, and records each export in the audit trail', async () => {
    const query = ZAgingQuery.parse({ as_of: '2025-06-30', by: 'customer' });
    const r = await computeAging(ctx, query);
    const csv = await exportReport(
      ctx,
      { name: 'aging', table: agingReportTable(r, 'zh-CN'), filters: query },
      'csv',
    );
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF应收账款账龄分析')).toBe(true);
    expect(text).toContain('未到期');
    expect(text).toContain(r.totals[0]?.total ?? 'missing');
    const xlsx = await exportReport(
      ctx,
      { name: 'aging', table: agingReportTable(r, 'en'), filters: query },
      'xlsx',
    );
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values =
      sheet
        ?.getSheetValues()
        .flat()
        .filter((v) => typeof v === 'number') ?? [];
    expect(values).toContain(Number(r.totals[0]?.total));
    const events = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('org_id', '=', ctx.org.id)
      .where('action', '=', 'report.exported')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual(['aging', 'aging']);
  });
});
