import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../../../test/support/factories.ts';
import type { Ctx } from '../../shared/context/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import type { Page } from '../../shared/pagination/index.ts';
import { openTestDatabases } from '../../shared/testing/test-database.ts';
import { createCustomer } from '../customers/index.ts';
import {
  getBalance,
  listCreditNotes,
  listDisputes,
  listInvoices,
  listReceipts,
  type TCreditNoteDto,
  type TInvoiceDto,
  type TReceiptDto,
} from '../receivables/index.ts';
import { seedDemo, type TSeedDemoResult } from './index.ts';

const TODAY = '2025-06-30';
const SIZE = { customers: 20, invoices: 300, seed: 7 };

async function all<T>(fetch: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

const c = (cursor?: string) => (cursor ? { cursor } : {});

describe.each(openTestDatabases())('settle demo on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  let first: TSeedDemoResult;
  const progress: string[] = [];
  let invoices: TInvoiceDto[];
  let receipts: TReceiptDto[];
  let creditNotes: TCreditNoteDto[];

  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: TODAY });
    first = await seedDemo(ctx, { ...SIZE, onProgress: (m) => progress.push(m) });
    invoices = await all((cursor) => listInvoices(ctx, { sort: 'number', limit: 500, ...c(cursor) }));
    receipts = await all((cursor) => listReceipts(ctx, { limit: 500, ...c(cursor) }));
    creditNotes = await all((cursor) => listCreditNotes(ctx, { limit: 500, ...c(cursor) }));
  }, 600_000);
  afterAll(async () => {
    await database?.close();
  });

  it('creates the demo once: a second run adds nothing and reports the same counts', async () => {
    expect(first.created).toBe(true);
    expect(first).toMatchObject({ customers: 20, invoices: 300 });
    expect(first.receipts).toBeGreaterThan(100);
    expect(first.credit_notes + first.write_offs + first.disputes).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(1);
    const before = await getBalance(ctx, {});
    const second = await seedDemo(ctx, SIZE);
    expect(second).toEqual({ ...first, created: false });
    expect(await getBalance(ctx, {})).toEqual(before);
    expect(invoices).toHaveLength(300);
    expect(receipts).toHaveLength(first.receipts);
  });

  it('has invoices in every status and every aging bucket', () => {
    const statuses = new Set(invoices.map((i) => i.status));
    for (const s of ['open', 'overdue', 'paid', 'partially_paid', 'written_off'] as const) {
      expect(statuses).toContain(s);
    }
    const buckets = new Set(
      invoices
        .filter((i) => decimalToMinor(i.open_amount, i.currency) > 0n && i.status !== 'written_off')
        .map((i) => {
          const d = i.days_overdue;
          return d === 0 ? 'current' : d <= 30 ? '1-30' : d <= 60 ? '31-60' : d <= 90 ? '61-90' : '90+';
        }),
    );
    expect(buckets).toEqual(new Set(['current', '1-30', '31-60', '61-90', '90+']));
    expect(new Set(invoices.map((i) => i.currency))).toContain('CNY');
  });

  it('leaves some unapplied credit, and open and resolved disputes', async () => {
    expect(receipts.some((r) => decimalToMinor(r.unapplied, r.currency) > 0n)).toBe(true);
    expect(invoices.some((i) => i.is_disputed && i.status !== 'paid')).toBe(true);
    const disputes = await listDisputes(ctx, { limit: 500 });
    expect(disputes.items.length).toBe(first.disputes);
    expect(new Set(disputes.items.map((d) => d.status))).toEqual(new Set(['open', 'resolved']));
  });

  it('dates no receipt, credit note or dispute after today', async () => {
    expect(receipts.filter((r) => r.date > TODAY)).toEqual([]);
    expect(creditNotes.filter((n) => n.date > TODAY)).toEqual([]);
    const disputes = await listDisputes(ctx, { as_of: '9999-12-31', limit: 500 });
    expect(disputes.items.filter((d) => d.opened_on > TODAY || (d.resolved_on ?? '') > TODAY)).toEqual([]);
  });

  it('balances: the ledger per currency equals the open items less unapplied cash and credit', async () => {
    const balance = await getBalance(ctx, {});
    const currencies = new Set([...invoices, ...receipts].map((d) => d.currency));
    expect(balance.totals.map((t) => t.currency).sort()).toEqual([...currencies].sort());
    for (const t of balance.totals) {
      const cur = t.currency;
      const sum = <T extends { currency: string }>(items: T[], amount: (x: T) => string) =>
        items.filter((x) => x.currency === cur).reduce((acc, x) => acc + decimalToMinor(amount(x), cur), 0n);
      const open = sum(invoices, (i) => i.open_amount);
      const unappliedCredit = sum(creditNotes, (n) => n.unapplied);
      const unappliedCash = sum(receipts, (r) => r.unapplied);
      expect([cur, decimalToMinor(t.receivable, cur)]).toEqual([cur, open - unappliedCredit]);
      expect([cur, decimalToMinor(t.unapplied, cur)]).toEqual([cur, unappliedCash]);
      expect([cur, decimalToMinor(t.balance, cur)]).toEqual([cur, open - unappliedCredit - unappliedCash]);
    }
  });

  it('makes the smallest demo, and refuses to mix one into an organisation that has customers', async () => {
    const tiny = await seedDemo(await seedOrg(database, { today: TODAY }), { customers: 1, invoices: 1 });
    expect(tiny).toMatchObject({ created: true, customers: 1, invoices: 1 });
    const other = await seedOrg(database, { today: TODAY });
    await createCustomer(other, { code: 'X1', name: 'A real customer' });
    await expect(seedDemo(other, SIZE)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
