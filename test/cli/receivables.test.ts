import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/modules/customers/index.ts';
import {
  issueInvoice,
  type TBalanceDto,
  type TInvoiceDto,
  type TReceiptDto,
} from '../../src/modules/receivables/index.ts';
import { freshDataDir, parseJson, runSettle, withPgliteOrg } from './run-settle.ts';

type Page<T> = { items: T[]; next_cursor: string | null };

// Each CLI run starts a process and opens PGlite: seconds apiece on a busy machine.
describe('settle customers/invoices list, receipts record, balance', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];
  const invoices = async (...args: string[]) => {
    const r = await runSettle(
      at('invoices', 'list', '--customer', 'ACME', '--sort', 'number', '--json', ...args),
    );
    expect(r.code).toBe(0);
    return parseJson<Page<TInvoiceDto>>(r).items.map((i) => [i.number, i.status, i.open_amount]);
  };

  beforeAll(async () => {
    expect((await runSettle(at('init'))).code).toBe(0);
    await withPgliteOrg(data.dir, async (ctx) => {
      await createCustomer(ctx, {
        code: 'ACME',
        name: '华为 Acme 有限公司',
        payment_terms_days: 30,
        tags: ['key'],
      });
      await createCustomer(ctx, { code: 'BETA', name: 'Beta Ltd', payment_terms_days: 15 });
      const inv = { customer: 'ACME', issue_date: '2025-01-10', due_date: '2025-02-09' };
      await issueInvoice(ctx, { ...inv, number: 'INV-A', amount: '1130.00', tax_amount: '130.00' });
      await issueInvoice(ctx, { ...inv, number: 'INV-B', amount: '500.00' });
      await issueInvoice(ctx, { ...inv, number: 'INV-C', amount: '200.00' });
      await issueInvoice(ctx, { ...inv, customer: 'BETA', number: 'INV-D', amount: '99.00' });
    });
  });
  afterAll(() => data.remove());

  it('customers list --json is a page of customer DTOs; --all follows the cursors', async () => {
    const one = parseJson<Page<Record<string, unknown>>>(
      await runSettle(at('customers', 'list', '--limit', '1', '--json')),
    );
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({
      code: 'ACME',
      currency: 'CNY',
      payment_terms_days: 30,
      tags: ['key'],
    });
    expect(Object.keys(one.items[0] ?? {})).toEqual(
      expect.arrayContaining(['id', 'code', 'name', 'currency', 'credit_limit', 'contacts', 'created_at']),
    );
    expect(one.next_cursor).toEqual(expect.any(String));
    const all = parseJson<Page<{ code: string }>>(
      await runSettle(at('customers', 'list', '--limit', '1', '--all', '--json')),
    );
    expect([all.items.map((c) => c.code), all.next_cursor]).toEqual([['ACME', 'BETA'], null]);
    const tagged = parseJson<Page<{ code: string }>>(
      await runSettle(at('customers', 'list', '--tag', 'key', '--json')),
    );
    expect(tagged.items.map((c) => c.code)).toEqual(['ACME']);
    const human = await runSettle(at('customers', 'list'));
    expect(human.code).toBe(0);
    const [header, first] = human.stdout.split('\n');
    expect(header).toMatch(/^CODE\s+NAME\s+CUR\s+TERMS/);
    // Columns line up although the name is CJK: CUR starts in the same terminal column.
    expect(first).toContain('华为 Acme 有限公司  CNY');
  });

  it('invoices list --json carries status, amounts as decimal strings and dates', async () => {
    const r = await runSettle(at('invoices', 'list', '--customer', 'ACME', '--limit', '2', '--json'));
    const page = parseJson<Page<TInvoiceDto>>(r);
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).toEqual(expect.any(String));
    expect(await invoices()).toEqual([
      ['INV-A', 'overdue', '1130.00'],
      ['INV-B', 'overdue', '500.00'],
      ['INV-C', 'overdue', '200.00'],
    ]);
    const inv = page.items[0];
    expect(inv).toMatchObject({ currency: 'CNY', customer: { code: 'ACME' }, due_date: '2025-02-09' });
    expect(inv?.total).toMatch(/^\d+\.\d{2}$/);
    const statusFilter = parseJson<Page<TInvoiceDto>>(
      await runSettle(at('invoices', 'list', '--status', 'paid', '--json')),
    );
    expect(statusFilter.items).toEqual([]);
  });

  it('receipts record --apply: with an amount takes that much, without takes what is open; statuses follow', async () => {
    const r = await runSettle(
      at(
        'receipts',
        'record',
        '--customer',
        'ACME',
        '--amount',
        '1000.00',
        '--date',
        '2025-02-01',
        '--reference',
        'BANK-1',
        '--apply',
        'INV-A:500.00,INV-B',
        '--json',
      ),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const receipt = parseJson<TReceiptDto>(r);
    expect(receipt).toMatchObject({
      customer: { code: 'ACME' },
      date: '2025-02-01',
      currency: 'CNY',
      amount: '1000.00',
      applied: '1000.00',
      unapplied: '0.00',
      reference: 'BANK-1',
    });
    expect(receipt.allocations.map((a) => [a.invoice_number, a.amount])).toEqual([
      ['INV-A', '500.00'],
      ['INV-B', '500.00'],
    ]);
    // Partly paid but past due: overdue wins; paid in full: paid.
    expect(await invoices()).toEqual([
      ['INV-A', 'overdue', '630.00'],
      ['INV-B', 'paid', '0.00'],
      ['INV-C', 'overdue', '200.00'],
    ]);
    expect(await invoices('--as-of', '2025-02-01')).toEqual([
      ['INV-A', 'partially_paid', '630.00'],
      ['INV-B', 'paid', '0.00'],
      ['INV-C', 'open', '200.00'],
    ]);

    const human = await runSettle(
      at(
        'receipts',
        'record',
        '--customer',
        'ACME',
        '--amount',
        '300',
        '--date',
        '2025-03-01',
        '--apply',
        'INV-C',
      ),
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/applied\s+200\.00/);
    expect(human.stdout).toMatch(/unapplied\s+100\.00/);
    expect(await invoices()).toEqual([
      ['INV-A', 'overdue', '630.00'],
      ['INV-B', 'paid', '0.00'],
      ['INV-C', 'paid', '0.00'],
    ]);
    // As of a date before the receipts, the invoices were still open.
    expect(await invoices('--as-of', '2025-01-31')).toEqual([
      ['INV-A', 'open', '1130.00'],
      ['INV-B', 'open', '500.00'],
      ['INV-C', 'open', '200.00'],
    ]);

    const tooMuch = await runSettle(
      at(
        'receipts',
        'record',
        '--customer',
        'ACME',
        '--amount',
        '5',
        '--date',
        '2025-03-02',
        '--apply',
        'INV-C:5',
        '--json',
      ),
    );
    expect(tooMuch.code).toBe(1);
    expect(parseJson<{ error: { code: string } }>(tooMuch).error.code).toBe('ALLOCATION_EXCEEDS_OPEN_AMOUNT');
  });

  it('balance --as-of a past date differs from today', async () => {
    const past = parseJson<TBalanceDto>(await runSettle(at('balance', '--as-of', '2025-01-31', '--json')));
    expect(past.as_of).toBe('2025-01-31');
    expect(past.customers.map((c) => [c.customer.code, c.receivable, c.unapplied, c.balance])).toEqual([
      ['ACME', '1830.00', '0.00', '1830.00'],
      ['BETA', '99.00', '0.00', '99.00'],
    ]);
    expect(past.totals).toEqual([
      { currency: 'CNY', receivable: '1929.00', unapplied: '0.00', balance: '1929.00' },
    ]);
    const today = parseJson<TBalanceDto>(await runSettle(at('balance', '--customer', 'ACME', '--json')));
    expect(today.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.customers.map((c) => [c.receivable, c.unapplied, c.balance])).toEqual([
      ['630.00', '100.00', '530.00'],
    ]);
    expect(today.base_totals).toEqual({ receivable: '630.00', unapplied: '100.00', balance: '530.00' });
    const human = await runSettle(at('balance'));
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^TOTAL\s+CNY\s+729\.00\s+100\.00\s+629\.00$/m);
  });
});
