import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../src/modules/customers/index.ts';
import {
  issueCreditNote,
  issueInvoice,
  recordReceipt,
  reverseReceipt,
  voidInvoice,
  writeOffInvoice,
} from '../src/modules/receivables/index.ts';
import { computeAging, type TAgingReportDto, ZAgingQuery } from '../src/modules/reports/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { isAppError } from '../src/shared/errors/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

/** Day n of 2025 as a date (n from 0). */
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
const CUSTOMERS = ['A', 'B', 'C'];

type Op =
  | { kind: 'invoice'; n: number; customer: number; date: number; terms: number; cents: number }
  | {
      kind: 'receipt';
      n: number;
      customer: number;
      date: number;
      cents: number;
      apply: number[];
      amounts?: string[];
    }
  | { kind: 'credit'; n: number; date: number; invoice: number; cents: number; customer?: number }
  | { kind: 'writeOff'; date: number; invoice: number; amount?: string }
  | { kind: 'void'; date: number; invoice: number }
  | { kind: 'reverseReceipt'; date: number; receipt: number };

/** An operation before it is numbered (Omit over each member of the union). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Draft = DistributiveOmit<Op, 'n'>;

const opArb: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      customer: fc.nat(2),
      date: fc.nat(150),
      terms: fc.constantFrom(0, 15, 30, 60),
      cents: fc.integer({ min: 100, max: 500_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receipt' as const),
      customer: fc.nat(2),
      date: fc.nat(200),
      cents: fc.integer({ min: 100, max: 600_000 }),
      apply: fc.array(fc.nat(30), { maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('credit' as const),
      date: fc.nat(200),
      invoice: fc.nat(30),
      cents: fc.integer({ min: 100, max: 100_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('writeOff' as const), date: fc.nat(200), invoice: fc.nat(30) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('void' as const), date: fc.nat(200), invoice: fc.nat(30) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reverseReceipt' as const),
      date: fc.nat(200),
      receipt: fc.nat(20),
    }),
  },
);

const money = (cents: number) => (cents / 100).toFixed(2);

/**
 * Points each operation at a document issued before it (the k-th, modulo how many there are) and
 * dates it after that document, so most operations are valid and the ledger gets interesting.
 */
function resolve(drafts: readonly Draft[]): Op[] {
  const invoices: { n: number; customer: number; date: number }[] = [];
  const receipts: { n: number; date: number }[] = [];
  const out: Op[] = [];
  for (const [n, d] of drafts.entries()) {
    const pick = <T>(list: T[], k: number) => list[k % Math.max(1, list.length)];
    if (d.kind === 'invoice') {
      invoices.push({ n, customer: d.customer, date: d.date });
      out.push({ ...d, n });
    } else if (d.kind === 'receipt') {
      const mine = invoices.filter((i) => i.customer === d.customer);
      const targets = [...new Set(d.apply.map((k) => pick(mine, k)).filter((i) => i !== undefined))];
      const date = Math.max((d.date % 60) + Math.max(0, ...targets.map((t) => t.date)), 0);
      receipts.push({ n, date });
      out.push({ ...d, n, date, apply: targets.map((t) => t.n) });
    } else if (d.kind === 'reverseReceipt') {
      const r = pick(receipts, d.receipt);
      if (r) out.push({ ...d, receipt: r.n, date: r.date + (d.date % 40) });
    } else {
      const i = pick(invoices, d.invoice);
      if (!i) continue;
      const date = i.date + (d.date % 90);
      out.push(
        d.kind === 'credit'
          ? ({ ...d, n, invoice: i.n, date, customer: i.customer } as Op)
          : { ...d, invoice: i.n, date },
      );
    }
  }
  return out;
}

/** Applies one operation; returns false when the ledger refuses it (a business rule, not a bug). */
async function apply(ctx: Ctx, op: Op): Promise<boolean> {
  try {
    switch (op.kind) {
      case 'invoice':
        await issueInvoice(ctx, {
          customer: CUSTOMERS[op.customer] ?? 'A',
          number: `I${op.n}`,
          issue_date: day(op.date),
          due_date: day(op.date + op.terms),
          amount: money(op.cents),
        });
        break;
      case 'receipt':
        await recordReceipt(ctx, {
          customer: CUSTOMERS[op.customer] ?? 'A',
          date: day(op.date),
          amount: money(op.cents),
          reference: `R${op.n}`,
          applications: [...new Set(op.apply)].map((i, k) => ({
            invoice: `I${i}`,
            ...(op.amounts?.[k] ? { amount: op.amounts[k] } : {}),
          })),
        });
        break;
      case 'credit':
        await issueCreditNote(ctx, {
          number: `CN${op.n}`,
          customer: CUSTOMERS[op.customer ?? 0] ?? 'A',
          date: day(op.date),
          amount: money(op.cents),
          invoice: `I${op.invoice}`,
          apply: true,
        });
        break;
      case 'writeOff':
        await writeOffInvoice(ctx, {
          invoice: `I${op.invoice}`,
          date: day(op.date),
          kind: 'bad_debt',
          ...(op.amount ? { amount: op.amount } : {}),
        });
        break;
      case 'void':
        await voidInvoice(ctx, `I${op.invoice}`, { date: day(op.date) });
        break;
      case 'reverseReceipt': {
        const r = await ctx.db
          .selectFrom('receipts')
          .select('id')
          .where('org_id', '=', ctx.org.id)
          .where('reference', '=', `R${op.receipt}`)
          .executeTakeFirst();
        if (!r) return false;
        await reverseReceipt(ctx, r.id, { date: day(op.date) });
        break;
      }
    }
    return true;
  } catch (e) {
    if (isAppError(e)) return false;
    throw e;
  }
}

/**
 * The operation as it turned out in `ctx`: how much each application and write-off actually took
 * ("the open amount" depends on what came before in the sequence), so a replay does the same.
 */
async function asApplied(ctx: Ctx, op: Op): Promise<Op> {
  if (op.kind === 'receipt') {
    const rows = await ctx.db
      .selectFrom('allocations as a')
      .innerJoin('receipts as r', (j) =>
        j.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.receipt_id'),
      )
      .innerJoin('invoices as i', (j) =>
        j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
      )
      .select(['i.number', 'a.amount_minor'])
      .where('a.org_id', '=', ctx.org.id)
      .where('r.reference', '=', `R${op.n}`)
      .execute();
    const apply = [...new Set(op.apply)].filter((i) => rows.some((r) => r.number === `I${i}`));
    const amounts = apply.map((i) =>
      money(Number(rows.find((r) => r.number === `I${i}`)?.amount_minor ?? 0n)),
    );
    return { ...op, apply, amounts };
  }
  if (op.kind === 'writeOff') {
    const row = await ctx.db
      .selectFrom('write_offs as w')
      .innerJoin('invoices as i', (j) =>
        j.onRef('i.org_id', '=', 'w.org_id').onRef('i.id', '=', 'w.invoice_id'),
      )
      .select('w.amount_minor')
      .where('w.org_id', '=', ctx.org.id)
      .where('i.number', '=', `I${op.invoice}`)
      .orderBy('w.created_at', 'desc')
      .executeTakeFirst();
    return row ? { ...op, amount: money(Number(row.amount_minor)) } : op;
  }
  return op;
}

/** What must agree: amounts per customer (by code), bucket and currency, unapplied, and the reconciliation. */
function essence(r: TAgingReportDto) {
  return {
    buckets: r.buckets.map((b) => b.key),
    rows: r.rows.map((row) => [row.group?.label.split(' ')[0], row.currency, row.buckets, row.invoices]),
    totals: r.totals.map((t) => [t.currency, t.buckets]),
    unapplied: r.unapplied.map((u) => [u.group?.label.split(' ')[0], u.currency, u.receipts, u.credit_notes]),
    reconciliation: r.reconciliation,
  };
}

describe.each(openTestDatabases())('aging as of a date on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('equals the aging of a ledger holding only what is dated on or before it, and reconciles to the ledger', async () => {
    let runs = 0;
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 50 }),
        fc.nat(220),
        async (drafts, cut) => {
          runs += 1;
          const ops = resolve(drafts);
          const full = await seedOrg(database, { today: day(230) });
          const part = await seedOrg(database, { today: day(230) });
          for (const code of CUSTOMERS) {
            await createCustomer(full, { code, name: `Customer ${code}` });
            await createCustomer(part, { code, name: `Customer ${code}` });
          }
          // The full ledger takes every operation; the partial one only those accepted and dated on or before the cut.
          for (const op of ops) {
            const isAccepted = await apply(full, op);
            tally.set(`${op.kind}:${isAccepted}`, (tally.get(`${op.kind}:${isAccepted}`) ?? 0) + 1);
            if (isAccepted && op.date <= cut) expect(await apply(part, await asApplied(full, op))).toBe(true);
          }
          for (const basis of ['due', 'invoice'] as const) {
            const query = ZAgingQuery.parse({ as_of: day(cut), basis, by: 'customer', buckets: '15,30,60' });
            const a = await computeAging(full, query);
            const b = await computeAging(part, query);
            expect(essence(a)).toEqual(essence(b));
            expect(a.reconciliation.is_balanced).toBe(true);
            // And at the end of time, everything reconciles too.
            const end = await computeAging(full, ZAgingQuery.parse({ as_of: day(230), basis }));
            expect(end.reconciliation.is_balanced).toBe(true);
          }
        },
      ),
      { numRuns: 20, seed: 20251124, endOnFailure: true },
    );
    expect(runs).toBe(20);
    console.log('aging property: operations accepted/refused', Object.fromEntries([...tally].sort()));
  }, 600_000);
});
