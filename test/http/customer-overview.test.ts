import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCustomer } from '../../src/modules/customers/index.ts';
import {
  issueCreditNote,
  openDispute,
  recordReceipt,
  reverseReceipt,
  voidInvoice,
} from '../../src/modules/receivables/index.ts';
import {
  riskGrade,
  type TCustomerActivityDto,
  type TCustomerActivityPage,
  type TCustomerOverviewDto,
  type TCustomerOverviewPage,
} from '../../src/modules/reports/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { decimalToMinor } from '../../src/shared/money/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { callerWith, customRole } from '../support/auth.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type ErrorBody, type Harness, openHarness } from './http-harness.ts';

const invoice = (number: string, issue: string, due: string, amount: string) => ({
  number,
  issue_date: issue,
  due_date: due,
  amount,
  tax_amount: undefined,
});

describe.each(openTestDatabases())('customer overview and activity on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  let idA = '';
  const overview = async (query: string) => {
    const res = await h.get<TCustomerOverviewPage>(`/api/reports/customers?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const byCode = (page: TCustomerOverviewPage) => new Map(page.items.map((i) => [i.code, i]));

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database); // today is 2025-06-30
    const a = await seedCustomer(h.ctx, {
      code: 'OV-A',
      name: 'Alpha 甲',
      tags: ['key'],
      salesperson: 'Wang',
    });
    idA = a.id;
    await seedCustomer(h.ctx, { code: 'OV-B', name: 'Beta 乙', salesperson: 'Li' });
    await seedCustomer(h.ctx, { code: 'OV-C', name: 'Gamma 丙', salesperson: 'Li' });
    await seedCustomer(h.ctx, { code: 'OV-D', name: 'Delta 丁' });
    await seedCustomer(h.ctx, { code: 'OV-E', name: 'Epsilon 戊' });
    await seedCustomer(h.ctx, { code: 'OV-F', name: 'Zeta 己' });
    // A: 1000 due 2025-02-09, half paid (141 days overdue); 3000 not due; 100 credit unapplied.
    await seedIssuedInvoice(h.ctx, 'OV-A', invoice('OVA-1', '2025-01-10', '2025-02-09', '1000.00'));
    await seedIssuedInvoice(h.ctx, 'OV-A', invoice('OVA-2', '2025-06-20', '2025-07-20', '3000.00'));
    await recordReceipt(h.ctx, {
      customer: 'OV-A',
      date: '2025-05-15',
      amount: '500.00',
      applications: [{ invoice: 'OVA-1' }],
    });
    await issueCreditNote(h.ctx, { customer: 'OV-A', date: '2025-06-01', amount: '100.00', reason: '退货' });
    await openDispute(h.ctx, { invoice: 'OVA-2', date: '2025-06-25', reason: '数量不符' });
    await updateCustomer(h.ctx, 'OV-A', { salesperson: 'Zhang' });
    // B: 1000 overdue 30 days, all of it; a receipt recorded and reversed.
    await seedIssuedInvoice(h.ctx, 'OV-B', invoice('OVB-1', '2025-05-01', '2025-05-31', '1000.00'));
    const rb = await recordReceipt(h.ctx, { customer: 'OV-B', date: '2025-06-01', amount: '50.00' });
    await reverseReceipt(h.ctx, rb.number, { date: '2025-06-02', reason: '退票' });
    // C: not due yet. D: paid in full. E: its only invoice voided. F: nothing at all.
    await seedIssuedInvoice(h.ctx, 'OV-C', invoice('OVC-1', '2025-06-10', '2025-07-10', '200.00'));
    await seedIssuedInvoice(h.ctx, 'OV-D', invoice('OVD-1', '2025-03-01', '2025-03-31', '400.00'));
    await recordReceipt(h.ctx, {
      customer: 'OV-D',
      date: '2025-03-20',
      amount: '400.00',
      applications: [{ invoice: 'OVD-1' }],
    });
    await seedIssuedInvoice(h.ctx, 'OV-E', invoice('OVE-1', '2025-04-01', '2025-04-30', '700.00'));
    await voidInvoice(h.ctx, 'OVE-1', { date: '2025-04-05', reason: '开错' });
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('gives each customer its open and overdue balance, oldest overdue, last payment, status and risk', async () => {
    const page = await overview('q=OV-&sort=code&limit=50');
    expect(page.total).toBe(6);
    expect(page.as_of).toBe('2025-06-30');
    const pick = (c: TCustomerOverviewDto) => [
      c.code,
      c.open_balance,
      c.overdue_amount,
      c.unapplied_credit,
      c.open_invoices,
      c.oldest_overdue_days,
      c.last_payment_date,
      c.status,
      c.risk,
    ];
    expect(page.items.map(pick)).toEqual([
      ['OV-A', '3500.00', '500.00', '100.00', 2, 141, '2025-05-15', 'overdue', 'critical'],
      ['OV-B', '1000.00', '1000.00', '0.00', 1, 30, null, 'overdue', 'medium'],
      ['OV-C', '200.00', '0.00', '0.00', 1, null, null, 'current', 'low'],
      ['OV-D', '0.00', '0.00', '0.00', 0, null, '2025-03-20', 'settled', 'low'],
      ['OV-E', '0.00', '0.00', '0.00', 0, null, null, 'settled', 'low'],
      ['OV-F', '0.00', '0.00', '0.00', 0, null, null, 'settled', 'low'],
    ]);
    const a = byCode(page).get('OV-A');
    expect(a?.balances).toEqual([
      { currency: 'CNY', open: '3500.00', overdue: '500.00', unapplied: '100.00', open_invoices: 2 },
    ]);
    expect([a?.salesperson, a?.tags, a?.base_currency]).toEqual(['Zhang', ['key'], 'CNY']);
    expect(page.facets).toEqual({ tags: ['key'], salespeople: ['Li', 'Zhang'] });
  });

  it('grades risk in SQL exactly as the pure rule does', async () => {
    const page = await overview('limit=500');
    for (const c of page.items) {
      const expected = riskGrade({
        oldestOverdueDays: c.oldest_overdue_days,
        overdueMinor: decimalToMinor(c.overdue_amount, c.base_currency),
        openMinor: decimalToMinor(c.open_balance, c.base_currency),
      });
      expect({ code: c.code, risk: c.risk }).toEqual({ code: c.code, risk: expected });
    }
  });

  it('filters by search, tag, salesperson, status and risk, with the total of all pages', async () => {
    const codes = async (q: string) => (await overview(q)).items.map((i) => i.code);
    expect(await codes('q=gamma')).toEqual(['OV-C']);
    expect(await codes('q=ov-b')).toEqual(['OV-B']);
    expect(await codes('tag=key')).toEqual(['OV-A']);
    expect(await codes('salesperson=Li&sort=code')).toEqual(['OV-B', 'OV-C']);
    expect(await codes('status=overdue&sort=code')).toEqual(['OV-A', 'OV-B']);
    expect(await codes('status=settled&sort=code')).toEqual(['OV-D', 'OV-E', 'OV-F']);
    expect(await codes('status=current')).toEqual(['OV-C']);
    expect(await codes('risk=critical')).toEqual(['OV-A']);
    expect(await codes('risk=medium')).toEqual(['OV-B']);
    expect(await codes(`customer=${idA}`)).toEqual(['OV-A']);
    const second = await overview('sort=code&limit=2&offset=2');
    expect([second.total, second.items.map((i) => i.code)]).toEqual([6, ['OV-C', 'OV-D']]);
    const past = await overview('sort=code&limit=2&offset=10');
    expect([past.total, past.items]).toEqual([6, []]);
  });

  it('sorts by balance, overdue and oldest overdue days both ways', async () => {
    const codes = async (sort: string) => (await overview(`sort=${sort}`)).items.map((i) => i.code);
    expect((await codes('-balance')).slice(0, 3)).toEqual(['OV-A', 'OV-B', 'OV-C']);
    expect((await codes('balance')).slice(-3)).toEqual(['OV-C', 'OV-B', 'OV-A']);
    expect((await codes('-overdue')).slice(0, 2)).toEqual(['OV-B', 'OV-A']);
    expect((await codes('-oldest_overdue_days')).slice(0, 2)).toEqual(['OV-A', 'OV-B']);
    expect(await codes('-name')).toEqual(['OV-F', 'OV-C', 'OV-E', 'OV-D', 'OV-B', 'OV-A']);
  });

  it('refuses unknown filters and needs customers.read', async () => {
    const bad = await h.get<ErrorBody>('/api/reports/customers?risk=extreme');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    await customRole(h.ctx, 'ov_invoices_only', ['invoices.read']);
    const caller = await callerWith(h.ctx, ['ov_invoices_only']);
    for (const url of ['/api/reports/customers', `/api/customers/${idA}/activity`]) {
      const res = await h.app.inject({ method: 'GET', url, headers: caller.headers });
      expect(res.statusCode).toBe(403);
    }
    const missing = await h.get<ErrorBody>('/api/customers/NO-SUCH/activity');
    expect(missing.status).toBe(404);
  });

  it('lists the activity of a customer newest first, with documents, applications and record changes', async () => {
    const res = await h.get<TCustomerActivityPage>('/api/customers/OV-A/activity?limit=200');
    expect(res.status).toBe(200);
    const rows = res.body.items.map((i) => [i.kind, i.date, i.number, i.reference, i.amount]);
    expect(rows.filter((r) => r[0] !== 'customer_updated' && r[0] !== 'customer_created')).toEqual([
      ['dispute_opened', '2025-06-25', 'OVA-2', null, null],
      ['invoice', '2025-06-20', 'OVA-2', null, '3000.00'],
      ['credit_note', '2025-06-01', expect.any(String), null, '100.00'],
      ['allocation', '2025-05-15', expect.any(String), 'OVA-1', '500.00'],
      ['receipt', '2025-05-15', expect.any(String), null, '500.00'],
      ['invoice', '2025-01-10', 'OVA-1', null, '1000.00'],
    ]);
    const kinds = res.body.items.map((i) => i.kind);
    expect(kinds).toContain('customer_created');
    const update = res.body.items.find((i) => i.kind === 'customer_updated');
    expect(update?.changed_fields).toEqual(['salesperson']);
    expect(res.body.items.every((i) => i.at.endsWith('Z'))).toBe(true);
    expect(res.body.next_before).toBeNull();
  });

  it('shows reversals and voids on the customer they belong to', async () => {
    const b = await h.get<TCustomerActivityPage>('/api/customers/OV-B/activity');
    const reversal = b.body.items.find((i) => i.kind === 'reversal');
    expect([reversal?.reversed_type, reversal?.amount, reversal?.date, reversal?.note]).toEqual([
      'receipt',
      '50.00',
      '2025-06-02',
      '退票',
    ]);
    const e = await h.get<TCustomerActivityPage>('/api/customers/OV-E/activity');
    const voided = e.body.items.find((i) => i.kind === 'void');
    expect([voided?.number, voided?.reversed_type, voided?.amount]).toEqual(['OVE-1', 'invoice', '700.00']);
  });

  it('pages the activity with `before` without gaps or repeats', async () => {
    const all = (await h.get<TCustomerActivityPage>('/api/customers/OV-A/activity?limit=200')).body.items;
    expect(all.length).toBeGreaterThan(5);
    const seen: TCustomerActivityDto[] = [];
    let before: string | null = null;
    for (let i = 0; i < 20; i++) {
      const url: string = `/api/customers/OV-A/activity?limit=2${before ? `&before=${before}` : ''}`;
      const page: TCustomerActivityPage = (await h.get<TCustomerActivityPage>(url)).body;
      seen.push(...page.items);
      before = page.next_before;
      if (!before) break;
    }
    expect(seen.map((i) => i.id)).toEqual(all.map((i) => i.id));
    const bad = await h.get<ErrorBody>('/api/customers/OV-A/activity?before=nonsense');
    expect(bad.status).toBe(400);
  });
});
