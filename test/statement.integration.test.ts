import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getInvoice,
  issueCreditNote,
  recordReceipt,
  reverseReceipt,
  reverseWriteOff,
  voidInvoice,
  writeOffInvoice,
} from '../src/modules/receivables/index.ts';
import { buildStatement, type TStatementDto } from '../src/modules/reports/statements/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

type Row = [string, string, boolean, string, string | null, string | null, string];
const rows = (s: TStatementDto['sections'][number]): Row[] =>
  s.lines.map((l) => [l.date, l.type, l.is_reversal, l.number, l.debit, l.credit, l.balance]);

/**
 * Before March: INV-A 1130.00, 500.00 received. In March: INV-B 2000.00, a 200.00 credit note on
 * it, 1000.00 received on it, INV-C issued and voided, a receipt applied then reversed, a 130.00
 * write-off of INV-A, 50.00 received unapplied, and a USD invoice. After March: a receipt and the
 * write-off's reversal, which a March statement must not see.
 */
async function seedHistory(ctx: Ctx, code: string): Promise<void> {
  const inv = (number: string, issue_date: string, due_date: string, amount: string) =>
    seedIssuedInvoice(ctx, code, { number, issue_date, due_date, amount, tax_amount: undefined });
  await inv('INV-A', '2025-01-10', '2025-02-09', '1130.00');
  await recordReceipt(ctx, {
    customer: code,
    date: '2025-02-01',
    amount: '500.00',
    applications: [{ invoice: 'INV-A' }],
  });
  await inv('INV-B', '2025-03-05', '2025-04-04', '2000.00');
  await inv('INV-C', '2025-03-12', '2025-04-11', '300.00');
  await seedIssuedInvoice(ctx, code, {
    number: 'INV-U',
    issue_date: '2025-03-08',
    currency: 'USD',
    fx_rate: '7.1',
    amount: '100.00',
    tax_amount: undefined,
  });
  await issueCreditNote(ctx, {
    customer: code,
    number: 'CN-1',
    date: '2025-03-10',
    amount: '200.00',
    invoice: 'INV-B',
    apply: true,
  });
  await recordReceipt(ctx, {
    customer: code,
    date: '2025-03-15',
    amount: '1000.00',
    reference: 'BANK-1',
    applications: [{ invoice: 'INV-B' }],
  });
  const r3 = await recordReceipt(ctx, {
    customer: code,
    date: '2025-03-18',
    amount: '100.00',
    applications: [{ invoice: 'INV-B' }],
  });
  await writeOffInvoice(ctx, { invoice: 'INV-A', amount: '130.00', date: '2025-03-20', kind: 'bad_debt' });
  await recordReceipt(ctx, { customer: code, date: '2025-03-22', amount: '50.00' });
  await voidInvoice(ctx, 'INV-C', { date: '2025-03-25', reason: '开错发票' });
  await reverseReceipt(ctx, r3.number, { date: '2025-03-28', reason: 'bounced' });
  await recordReceipt(ctx, {
    customer: code,
    date: '2025-04-05',
    amount: '500.00',
    applications: [{ invoice: 'INV-A' }],
  });
  const a = await getInvoice(ctx, 'INV-A');
  const wo = a.write_offs[0];
  if (!wo) throw new Error('no write-off');
  await reverseWriteOff(ctx, wo.id, { date: '2025-04-10' });
}

describe.each(openTestDatabases())('customer statements on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  let code: string;
  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database);
    code = (
      await seedCustomer(ctx, { name: '上海星辰贸易有限公司', legal_name: '上海星辰贸易有限公司（总部）' })
    ).code;
    await seedHistory(ctx, code);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('opening balance plus every line of the period is the closing balance, per currency', async () => {
    const s = await buildStatement(ctx, { customer: code, from: '2025-03-01', to: '2025-03-31' });
    expect(s.customer).toMatchObject({ code, name: '上海星辰贸易有限公司', currency: 'CNY' });
    expect(s.locale).toBe('zh-CN');
    expect(s.sections.map((x) => x.currency)).toEqual(['CNY', 'USD']);
    const cny = s.sections[0];
    if (!cny) throw new Error('no CNY section');
    expect(cny.opening_balance).toBe('630.00');
    expect(rows(cny)).toEqual([
      ['2025-03-05', 'invoice', false, 'INV-B', '2000.00', null, '2630.00'],
      ['2025-03-10', 'credit_note', false, 'CN-1', null, '200.00', '2430.00'],
      ['2025-03-10', 'application', false, 'CN-1', null, null, '2430.00'],
      ['2025-03-12', 'invoice', false, 'INV-C', '300.00', null, '2730.00'],
      expect.arrayContaining(['2025-03-15', 'receipt', false, null, '1000.00', '1730.00']),
      expect.arrayContaining(['2025-03-15', 'application', false, null, null, '1730.00']),
      expect.arrayContaining(['2025-03-18', 'receipt', false, null, '100.00', '1630.00']),
      expect.arrayContaining(['2025-03-18', 'application', false, null, null, '1630.00']),
      ['2025-03-20', 'write_off', false, 'INV-A', null, '130.00', '1500.00'],
      expect.arrayContaining(['2025-03-22', 'receipt', false, null, '50.00', '1450.00']),
      ['2025-03-25', 'invoice', true, 'INV-C', null, '300.00', '1150.00'],
      expect.arrayContaining(['2025-03-28', 'receipt', true, '100.00', null, '1250.00']),
      expect.arrayContaining(['2025-03-28', 'application', true, null, null, '1250.00']),
    ]);
    expect([cny.total_debit, cny.total_credit, cny.closing_balance]).toEqual([
      '2400.00',
      '1780.00',
      '1250.00',
    ]);
    // INV-A: 1130 - 500 - 130 open, 50 days past due; INV-B: 2000 - 200 - 1000 open, not yet due.
    expect(cny.aging).toEqual({
      current: '800.00',
      days_1_30: '0.00',
      days_31_60: '500.00',
      days_61_90: '0.00',
      over_90: '0.00',
      open_invoices: '1300.00',
      unapplied: '50.00',
      balance: '1250.00',
    });
    const usd = s.sections[1];
    expect([usd?.opening_balance, usd?.closing_balance, usd?.aging.current]).toEqual([
      '0.00',
      '100.00',
      '100.00',
    ]);
  });

  it('what is dated after the last day does not exist for the statement', async () => {
    const march = await buildStatement(ctx, { customer: code, from: '2025-03-01', to: '2025-03-31' });
    expect(march.sections[0]?.lines.some((l) => l.date > '2025-03-31')).toBe(false);
    const april = await buildStatement(ctx, { customer: code, from: '2025-04-01', to: '2025-04-30' });
    const cny = april.sections[0];
    expect(cny?.opening_balance).toBe('1250.00');
    expect(cny?.lines.map((l) => [l.date, l.type, l.is_reversal, l.debit, l.credit])).toEqual([
      ['2025-04-05', 'receipt', false, null, '500.00'],
      ['2025-04-05', 'application', false, null, null],
      ['2025-04-10', 'write_off', true, '130.00', null],
    ]);
    // The write-off undone: INV-A owes 130.00 again, 80 days past due; INV-B is 26 days past due.
    expect([cny?.closing_balance, cny?.aging.days_61_90, cny?.aging.days_1_30]).toEqual([
      '880.00',
      '130.00',
      '800.00',
    ]);
  });

  it('describes lines in the org language, or in English when asked', async () => {
    const zh = await buildStatement(ctx, { customer: code, from: '2025-03-01', to: '2025-03-31' });
    const en = await buildStatement(ctx, {
      customer: code,
      from: '2025-03-01',
      to: '2025-03-31',
      locale: 'en',
    });
    const find = (s: TStatementDto, type: string, reversal = false) =>
      s.sections[0]?.lines.find((l) => l.type === type && l.is_reversal === reversal)?.description;
    expect(find(zh, 'invoice')).toBe('到期日 2025-04-04');
    expect(find(en, 'application')).toBe('applied to INV-B: 200.00');
    expect(find(zh, 'invoice', true)).toBe('开错发票');
    expect(find(en, 'write_off')).toBe('bad debt');
  });

  it('defaults to the month so far, and refuses a period that ends before it starts', async () => {
    const s = await buildStatement(ctx, { customer: code });
    expect(s.period).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    await expect(
      buildStatement(ctx, { customer: code, from: '2025-05-02', to: '2025-05-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(buildStatement(ctx, { customer: 'NOPE' })).rejects.toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
  });

  it('a customer with no documents gets an empty statement in its currency', async () => {
    const c = await seedCustomer(ctx, { name: '空白客户' });
    const s = await buildStatement(ctx, { customer: c.id });
    expect(s.sections).toEqual([
      expect.objectContaining({ currency: 'CNY', lines: [], closing_balance: '0.00' }),
    ]);
  });
});
