import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocate,
  getBalance,
  getInvoice,
  issueCreditNote,
  listInvoices,
  recordReceipt,
  refundReceipt,
  reverseAllocation,
  reverseReceipt,
  voidInvoice,
  writeOffInvoice,
} from '../src/modules/receivables/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

describe.each(openTestDatabases())('receivables on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('posts an invoice, applies a partial receipt, and derives status and balance as of any date', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const inv = await seedIssuedInvoice(ctx, c.code, {
      issue_date: '2025-01-10',
      due_date: '2025-02-09',
      amount: '1130.00',
      tax_amount: '130.00',
    });
    expect(inv.status).toBe('overdue'); // today is 2025-06-30 in the test clock
    expect(inv.journal.filter((j) => j.side === 'debit').map((j) => [j.account, j.amount])).toEqual([
      ['1122', '1000.00'],
      ['1122', '130.00'],
    ]);
    const rc = await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-02-01',
      amount: '500.00',
      applications: [{ invoice: inv.number }],
    });
    expect(rc.applied).toBe('500.00');
    expect(rc.unapplied).toBe('0.00');
    const before = await getInvoice(ctx, inv.number, '2025-01-31' as never);
    expect([before.status, before.open_amount]).toEqual(['open', '1130.00']);
    const on = await getInvoice(ctx, inv.number, '2025-02-01' as never);
    expect([on.status, on.open_amount]).toEqual(['partially_paid', '630.00']);
    const b1 = await getBalance(ctx, { customer: c.code, as_of: '2025-01-31' });
    const b2 = await getBalance(ctx, { customer: c.code, as_of: '2025-02-01' });
    expect(b1.customers[0]?.balance).toBe('1130.00');
    expect(b2.customers[0]?.balance).toBe('630.00');
  });

  it('an application without an amount takes as much as is open, the rest stays unapplied credit', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const a = await seedIssuedInvoice(ctx, c.code, { amount: '100.00', tax_amount: undefined });
    const b = await seedIssuedInvoice(ctx, c.code, { amount: '50.00', tax_amount: undefined });
    const rc = await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-01-20',
      amount: '200.00',
      applications: [{ invoice: a.number }, { invoice: b.number }],
    });
    expect([rc.applied, rc.unapplied]).toEqual(['150.00', '50.00']);
    expect((await getInvoice(ctx, a.number)).status).toBe('paid');
    const bal = await getBalance(ctx, { customer: c.code });
    expect([bal.customers[0]?.receivable, bal.customers[0]?.unapplied, bal.customers[0]?.balance]).toEqual([
      '0.00',
      '50.00',
      '-50.00',
    ]);
    const refunded = await refundReceipt(ctx, { receipt: rc.number, amount: '50.00', date: '2025-01-25' });
    expect(refunded.unapplied).toBe('0.00');
  });

  it('refuses to over-apply, and the failed receipt writes nothing', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const a = await seedIssuedInvoice(ctx, c.code, { amount: '100.00', tax_amount: undefined });
    await expect(
      recordReceipt(ctx, {
        customer: c.code,
        date: '2025-01-20',
        amount: '300.00',
        applications: [{ invoice: a.number, amount: '150.00' }],
      }),
    ).rejects.toMatchObject({ code: 'ALLOCATION_EXCEEDS_OPEN_AMOUNT' });
    const bal = await getBalance(ctx, { customer: c.code });
    expect(bal.customers[0]?.unapplied).toBe('0.00');
  });

  it('a back-dated application must fit under every later balance', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const a = await seedIssuedInvoice(ctx, c.code, {
      issue_date: '2025-01-01',
      amount: '100.00',
      tax_amount: undefined,
    });
    await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-01-20',
      amount: '80.00',
      applications: [{ invoice: a.number }],
    });
    const early = await recordReceipt(ctx, { customer: c.code, date: '2025-01-10', amount: '50.00' });
    await expect(
      allocate(ctx, { receipt: early.number, invoice: a.number, amount: '30.00', date: '2025-01-10' }),
    ).rejects.toMatchObject({
      code: 'ALLOCATION_EXCEEDS_OPEN_AMOUNT',
    });
    const ok = await allocate(ctx, { receipt: early.number, invoice: a.number, date: '2025-01-10' });
    expect(ok.amount).toBe('20.00');
  });

  it('reversals undo from their date on and leave earlier dates untouched', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const a = await seedIssuedInvoice(ctx, c.code, {
      issue_date: '2025-01-01',
      amount: '100.00',
      tax_amount: undefined,
    });
    const rc = await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-01-10',
      amount: '100.00',
      applications: [{ invoice: a.number }],
    });
    const alloc = rc.allocations[0];
    if (!alloc) throw new Error('no allocation');
    await reverseAllocation(ctx, alloc.id, { date: '2025-01-15' });
    expect((await getInvoice(ctx, a.number, '2025-01-12' as never)).status).toBe('paid');
    expect((await getInvoice(ctx, a.number, '2025-01-15' as never)).open_amount).toBe('100.00');
    await expect(reverseAllocation(ctx, alloc.id, { date: '2025-01-16' })).rejects.toMatchObject({
      code: 'ALREADY_REVERSED',
    });
    await reverseReceipt(ctx, rc.number, { date: '2025-01-20' });
    expect((await getBalance(ctx, { customer: c.code, as_of: '2025-01-19' })).customers[0]?.unapplied).toBe(
      '100.00',
    );
    expect((await getBalance(ctx, { customer: c.code, as_of: '2025-01-20' })).customers[0]?.unapplied).toBe(
      '0.00',
    );
    const voided = await voidInvoice(ctx, a.number, { date: '2025-01-25' });
    expect(voided.status).toBe('void');
    expect((await getBalance(ctx, { customer: c.code, as_of: '2025-01-24' })).customers[0]?.receivable).toBe(
      '100.00',
    );
    expect((await getBalance(ctx, { customer: c.code, as_of: '2025-01-25' })).customers[0]?.receivable).toBe(
      '0.00',
    );
  });

  it('credit notes and write-offs close invoices with the right status', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    const a = await seedIssuedInvoice(ctx, c.code, { amount: '113.00', tax_amount: '13.00' });
    const cn = await issueCreditNote(ctx, {
      customer: c.code,
      date: '2025-01-12',
      amount: '13.00',
      invoice: a.number,
      apply: true,
    });
    expect([cn.applied, cn.unapplied]).toEqual(['13.00', '0.00']);
    const wo = await writeOffInvoice(ctx, { invoice: a.number, date: '2025-03-01', kind: 'bad_debt' });
    expect([wo.status, wo.open_amount, wo.written_off]).toEqual(['written_off', '0.00', '100.00']);
    const b = await seedIssuedInvoice(ctx, c.code, { amount: '100.00', tax_amount: undefined });
    await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-02-01',
      amount: '99.50',
      applications: [{ invoice: b.number }],
    });
    const closed = await writeOffInvoice(ctx, {
      invoice: b.number,
      date: '2025-02-01',
      kind: 'small_difference',
    });
    expect(closed.status).toBe('paid');
    expect(
      closed.journal.some((j) => j.account === '6603' && j.side === 'debit' && j.amount === '0.50'),
    ).toBe(true);
    const page = await listInvoices(ctx, { customer: c.code, sort: '-created', limit: 1 });
    expect(page.items).toHaveLength(1);
    const next = await listInvoices(ctx, {
      customer: c.code,
      sort: '-created',
      limit: 1,
      cursor: page.next_cursor ?? undefined,
    });
    expect(next.items[0]?.number).toBe(a.number);
    expect(
      (await listInvoices(ctx, { status: 'written_off', sort: '-created', limit: 10 })).items.map(
        (i) => i.number,
      ),
    ).toEqual([a.number]);
  });

  it('converts foreign-currency documents to base at the document rate', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx, { currency: 'USD' });
    const inv = await seedIssuedInvoice(ctx, c.code, {
      amount: '100.00',
      tax_amount: undefined,
      fx_rate: '7.1',
    });
    expect([inv.currency, inv.base_total]).toEqual(['USD', '710.00']);
    const rc = await recordReceipt(ctx, {
      customer: c.code,
      date: '2025-02-01',
      amount: '100.00',
      fx_rate: '7.2',
      applications: [{ invoice: inv.number }],
    });
    expect(rc.base_amount).toBe('720.00');
    const bal = await getBalance(ctx, { customer: c.code });
    expect(bal.customers[0]?.balance).toBe('0.00');
    expect(bal.customers[0]?.base_balance).toBe('0.00');
    const after = await getInvoice(ctx, inv.number);
    // AR relieved at the invoice rate (710), cash at the receipt rate (720): 10 exchange gain.
    expect(
      after.journal.some((j) => j.account === '6603' && j.side === 'credit' && j.base_amount === '10.00'),
    ).toBe(true);
  });
});
