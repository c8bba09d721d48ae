import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvoice } from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { seedBankLines } from '../support/bank-lines.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type Harness, openHarness, type Page } from './http-harness.ts';

type Item = {
  id: string;
  status: string;
  suggestion: {
    customer: { code: string } | null;
    allocations: { invoice: { number: string; open_amount: string } | null; amount: string }[];
    reasons: { code: string }[];
  } | null;
  match: { receipt_number: string; is_auto: boolean } | null;
};

async function statusOf(database: Database, id: string): Promise<string | undefined> {
  const r = await sql<{ status: string }>`select status from bank_transactions where id = ${id}`.execute(
    database.db,
  );
  return r.rows[0]?.status;
}

describe.each(openTestDatabases())('bank review queue over HTTP on $name', ({ open }) => {
  let database: Database;
  let h: Harness;

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  });
  afterAll(async () => {
    await h.close();
    await database.close();
  });

  it('shows a suggestion side by side; accepting it books the match and teaches the payer', async () => {
    const c = await seedCustomer(h.ctx, { code: 'DF', name: '佛山市东方包装材料有限责任公司' });
    await seedIssuedInvoice(h.ctx, c.id, {
      number: 'INV-710001',
      issue_date: '2025-06-01',
      amount: '4321.00',
      tax_amount: '0',
    });
    // A payer name with a typo and no reference: at most a suggestion.
    const [first] = await seedBankLines(database, h.ctx, [
      { amount: 432100n, name: '佛山东方包装材料', account: '6222 0210 0001 2345', text: '货款' },
    ]);
    const run = await h.post<{ matched: number; suggested: number }>('/api/bank/reconcile', { auto: true });
    expect(run.status).toBe(200);
    const queue = await h.get<Page<Item>>('/api/bank/review?status=suggested');
    const item = queue.body.items.find((i) => i.id === first);
    if (!item) throw new Error(`line not in the queue: ${JSON.stringify(run.body)}`);
    expect(item.suggestion?.customer?.code).toBe('DF');
    expect(item.suggestion?.allocations).toEqual([
      {
        invoice_id: expect.any(String),
        invoice: expect.objectContaining({ number: 'INV-710001', open_amount: '4321.00' }),
        amount: '4321.00',
      },
    ]);
    expect(item.suggestion?.reasons.length).toBeGreaterThan(0);

    const accepted = await h.post(`/api/bank/transactions/${first}/confirm`, {});
    expect(accepted.status).toBe(204);
    expect(await statusOf(database, first as string)).toBe('matched');
    expect((await getInvoice(h.ctx, 'INV-710001')).status).toBe('paid');

    // The next payment from the same account is recognised by the account alone.
    await seedIssuedInvoice(h.ctx, c.id, {
      number: 'INV-710002',
      issue_date: '2025-06-02',
      amount: '987.65',
      tax_amount: '0',
    });
    const [second] = await seedBankLines(database, h.ctx, [
      { amount: 98765n, name: 'FOSHAN DONGFANG', account: '6222021000012345', text: 'payment' },
    ]);
    await h.post('/api/bank/reconcile', { auto: true });
    expect(await statusOf(database, second as string)).toBe('matched');
    const matched = await h.get<Page<Item>>('/api/bank/review?status=matched');
    expect(matched.body.items.find((i) => i.id === second)?.match?.is_auto).toBe(true);
  });

  it('undoes a match cleanly: receipt reversed, invoice open again, line back in the queue', async () => {
    const c = await seedCustomer(h.ctx, { code: 'UN', name: 'Undo Trading GmbH' });
    await seedIssuedInvoice(h.ctx, c.id, {
      number: 'INV-720001',
      issue_date: '2025-06-01',
      amount: '500.00',
      tax_amount: '0',
    });
    const [line] = await seedBankLines(database, h.ctx, [
      { amount: 49970n, name: 'Undo Trading', text: 'INV-720001' },
    ]);
    await h.post('/api/bank/reconcile', { auto: true });
    expect(await statusOf(database, line as string)).toBe('matched');
    expect((await getInvoice(h.ctx, 'INV-720001')).open_amount).toBe('0.00');

    const undone = await h.post(`/api/bank/transactions/${line}/undo`, { reason: 'wrong customer' });
    expect(undone.status).toBe(204);
    const inv = await getInvoice(h.ctx, 'INV-720001');
    expect(inv.open_amount).toBe('500.00');
    expect(inv.written_off).toBe('0.00');
    expect(await statusOf(database, line as string)).toBe('unmatched');
    const again = await h.post(`/api/bank/transactions/${line}/undo`, {});
    expect(again.status).toBe(404);
  });

  it('rejects a suggestion or sets a line aside, and refuses decisions on a closed line', async () => {
    const [a, b] = await seedBankLines(database, h.ctx, [
      { amount: 1000n, name: 'Someone', text: 'refund from supplier' },
      { amount: 2000n, name: 'Other', text: 'interest' },
    ]);
    expect((await h.post(`/api/bank/transactions/${a}/reject`)).status).toBe(204);
    expect(await statusOf(database, a as string)).toBe('unmatched');
    expect((await h.post(`/api/bank/transactions/${b}/ignore`)).status).toBe(204);
    expect(await statusOf(database, b as string)).toBe('ignored');
    const closed = await h.post<{ error: { code: string } }>(`/api/bank/transactions/${b}/confirm`, {});
    expect(closed.body.error.code).toBe('BANK_LINE_NOT_OPEN');
  });
});
