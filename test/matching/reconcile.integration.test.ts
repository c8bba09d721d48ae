import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMatchesInTx,
  type BankLine,
  matchBankTransactions,
  type Proposal,
} from '../../src/modules/matching/index.ts';
import { getInvoice, getReceipt } from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { seedBankLines } from '../support/bank-lines.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from '../support/factories.ts';

/** A proposal as the review queue keeps it: JSON, amounts as strings. */
type StoredProposal = Omit<Proposal, 'allocations' | 'differenceMinor' | 'unappliedMinor'> & {
  allocations: { invoiceId: string; amountMinor: string }[];
  differenceMinor: string;
  unappliedMinor: string;
};

async function statusOf(database: Database, id: string) {
  const r = await sql<{ status: string; receipt_id: string | null }>`
    select status, receipt_id from bank_transactions where id = ${id}`.execute(database.db);
  return r.rows[0];
}

describe.each(openTestDatabases())('reconciling bank lines on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;

  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: '2025-06-30' });
  });
  afterAll(() => database.close());

  it('books a combined payment for five invoices as one receipt with five applications', async () => {
    const c = await seedCustomer(ctx, { code: 'HM', name: '上海华美电子科技有限公司' });
    const numbers = ['INV-100101', 'INV-100102', 'INV-100103', 'INV-100104', 'INV-100105'];
    for (const [i, number] of numbers.entries()) {
      await seedIssuedInvoice(ctx, c.id, { number, amount: `${1000 + i * 100}.00`, tax_amount: '0' });
    }
    const [line] = await seedBankLines(database, ctx, [
      { amount: 600000n, name: '上海华美电子科技有限公司', text: `货款 ${numbers.join(', ')}` },
    ]);
    const run = await matchBankTransactions(ctx, { ids: [line as string], apply: true });
    expect(run).toMatchObject({ lines: 1, matched: 1 });
    const booked = await statusOf(database, line as string);
    expect(booked?.status).toBe('matched');
    const receipt = await getReceipt(ctx, booked?.receipt_id as string);
    expect(receipt.amount).toBe('6000.00');
    const applications = await sql<{ n: number }>`
      select count(*)::int4 as n from allocations where org_id = ${ctx.org.id} and receipt_id = ${receipt.id}`.execute(
      database.db,
    );
    expect(applications.rows[0]?.n).toBe(5);
    for (const number of numbers) expect((await getInvoice(ctx, number)).status).toBe('paid');
  });

  it('closes an invoice paid 0.50 short within tolerance, posting the difference to bank charges', async () => {
    const c = await seedCustomer(ctx, { code: 'GB', name: 'Golden Bay Trading Pte. Ltd.' });
    await seedIssuedInvoice(ctx, c.id, { number: 'INV-200201', amount: '2500.00', tax_amount: '0' });
    const [line] = await seedBankLines(database, ctx, [
      { amount: 249950n, name: 'GOLDEN BAY TRADING', text: 'PAYMENT INV-200201' },
    ]);
    expect(await matchBankTransactions(ctx, { ids: [line as string], apply: true })).toMatchObject({
      matched: 1,
    });
    const inv = await getInvoice(ctx, 'INV-200201');
    expect(inv.open_amount).toBe('0.00');
    expect(inv.written_off).toBe('0.50');
    const postings = await sql<{ debit_account: string }>`
      select debit_account from journal_postings
      where org_id = ${ctx.org.id} and entry_kind = 'write_off' and amount_minor = 50`.execute(database.db);
    expect(postings.rows.map((r) => r.debit_account)).toEqual(['6603']);
  });

  it('keeps a partial payment partial once a user confirms it', async () => {
    const c = await seedCustomer(ctx, { code: 'NX', name: '南京新世纪包装材料股份有限公司' });
    await seedIssuedInvoice(ctx, c.id, {
      number: 'INV-300301',
      issue_date: '2025-06-20',
      amount: '8000.00',
      tax_amount: '0',
    });
    const [line] = await seedBankLines(database, ctx, [
      { amount: 300000n, name: '南京新世纪包装材料股份有限公司', text: '发票号300301 部分付款' },
    ]);
    const run = await matchBankTransactions(ctx, { ids: [line as string], apply: true });
    if (run.matched === 0) {
      // Below the auto threshold: in the review queue; the user accepts the suggestion as it stands.
      expect(run.suggested).toBe(1);
      const stored = await sql<{ proposal: StoredProposal }>`
        select proposal from bank_match_suggestions where bank_transaction_id = ${line}`.execute(database.db);
      const p = stored.rows[0]?.proposal;
      if (!p) throw new Error('no stored suggestion');
      const proposal: Proposal = {
        ...p,
        allocations: p.allocations.map((a) => ({
          invoiceId: a.invoiceId,
          amountMinor: BigInt(a.amountMinor),
        })),
        differenceMinor: BigInt(p.differenceMinor),
        unappliedMinor: BigInt(p.unappliedMinor),
        alternatives: [],
      };
      const bankLine: BankLine = {
        id: line as string,
        bookingDate: '2025-06-30' as BankLine['bookingDate'],
        amountMinor: 300000n,
        currency: 'CNY',
        counterpartyName: null,
        counterpartyAccount: null,
        remittance: null,
        endToEndId: null,
      };
      await ctx.db
        .transaction()
        .execute((trx) =>
          applyMatchesInTx(trx, ctx, [
            { line: bankLine, proposal, decidedBy: 'user@example.com', isAuto: false },
          ]),
        );
    }
    const inv = await getInvoice(ctx, 'INV-300301');
    expect(inv.status).toBe('partially_paid');
    expect(inv.open_amount).toBe('5000.00');
    expect(inv.written_off).toBe('0.00');
  });

  it('leaves a line with no plausible match unmatched, and books nothing twice on a second run', async () => {
    const [stranger] = await seedBankLines(database, ctx, [
      { amount: 123456n, name: 'Nobody We Know GmbH', text: 'donation' },
    ]);
    const run = await matchBankTransactions(ctx, { apply: true });
    expect(run.matched).toBe(0);
    expect((await statusOf(database, stranger as string))?.status).toBe('unmatched');
    const receipts = await sql<{
      n: bigint;
    }>`select count(*)::int8 as n from receipts where org_id = ${ctx.org.id}`.execute(database.db);
    const again = await matchBankTransactions(ctx, { apply: true });
    expect(again.matched).toBe(0);
    const after = await sql<{
      n: bigint;
    }>`select count(*)::int8 as n from receipts where org_id = ${ctx.org.id}`.execute(database.db);
    expect(after.rows[0]?.n).toBe(receipts.rows[0]?.n);
  });

  it('never books money against an invoice issued after it arrived; the rest of the run goes on', async () => {
    const c = await seedCustomer(ctx, { code: 'LT', name: 'Later Invoice Trading Ltd' });
    await seedIssuedInvoice(ctx, c.id, {
      number: 'INV-400401',
      issue_date: '2025-06-25',
      amount: '700.00',
      tax_amount: '0',
    });
    await seedIssuedInvoice(ctx, c.id, {
      number: 'INV-400402',
      issue_date: '2025-06-01',
      amount: '800.00',
      tax_amount: '0',
    });
    const [early, fine] = await seedBankLines(database, ctx, [
      { amount: 70000n, name: 'Later Invoice Trading', text: 'INV-400401', date: '2025-06-20' },
      { amount: 80000n, name: 'Later Invoice Trading', text: 'INV-400402', date: '2025-06-28' },
    ]);
    const run = await matchBankTransactions(ctx, { ids: [early as string, fine as string], apply: true });
    expect(run.matched).toBeGreaterThanOrEqual(1);
    expect((await statusOf(database, early as string))?.status).toBe('suggested');
    expect((await statusOf(database, fine as string))?.status).toBe('matched');
    expect((await getInvoice(ctx, 'INV-400401')).open_amount).toBe('700.00');
  });

  it('books one of two lines paying the same invoice and sends the other to review', async () => {
    const c = await seedCustomer(ctx, { code: 'TW', name: 'Twice Paid Trading Ltd' });
    await seedIssuedInvoice(ctx, c.id, {
      number: 'INV-500501',
      issue_date: '2025-06-01',
      amount: '600.00',
      tax_amount: '0',
    });
    const [a, b] = await seedBankLines(database, ctx, [
      { amount: 60000n, name: 'Twice Paid Trading', text: 'INV-500501' },
      { amount: 60000n, name: 'Twice Paid Trading', text: 'INV-500501 again' },
    ]);
    const run = await matchBankTransactions(ctx, { ids: [a as string, b as string], apply: true });
    expect(run.matched).toBe(1);
    const statuses = [
      (await statusOf(database, a as string))?.status,
      (await statusOf(database, b as string))?.status,
    ];
    expect(statuses.sort()).toEqual(['matched', 'suggested']);
    expect((await getInvoice(ctx, 'INV-500501')).open_amount).toBe('0.00');
  });
});
