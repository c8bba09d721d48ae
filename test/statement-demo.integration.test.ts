import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/index.ts';
import { ledgerBalances } from '../src/modules/ledger/index.ts';
import { buildStatement, generateStatements } from '../src/modules/reports/statements/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { decimalToMinor } from '../src/shared/money/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

const TODAY = '2025-06-30';

/** The demo book has every kind of fact (partial receipts, credit notes, write-offs, reversals, FX). */
describe.each(openTestDatabases())('statements over the demo book on $name', ({ open }) => {
  let database: Database;
  let ctx: Ctx;
  const out = mkdtempSync(join(tmpdir(), 'settle-statements-'));
  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database, { today: TODAY });
    await seedDemo(ctx, { customers: 12, invoices: 200, seed: 11 });
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('every statement reconciles, and each period opens where the one before closed', async () => {
    const customers = await ctx.db.selectFrom('customers').select(['id', 'code']).execute();
    const periods = [
      ['2024-01-01', '2025-01-31'],
      ['2025-02-01', '2025-04-15'],
      ['2025-04-16', TODAY],
    ] as const;
    let lines = 0;
    for (const c of customers) {
      let closing = new Map<string, string>();
      for (const [from, to] of periods) {
        // buildStatement throws if lines, journal and open items disagree.
        const s = await buildStatement(ctx, { customer: c.id, from, to });
        for (const x of s.sections) {
          expect(x.opening_balance, `${c.code} ${x.currency} ${from}`).toBe(
            closing.get(x.currency) ?? '0.00',
          );
          const sum = x.lines.reduce(
            (m, l) =>
              m + decimalToMinor(l.debit ?? '0', x.currency) - decimalToMinor(l.credit ?? '0', x.currency),
            decimalToMinor(x.opening_balance, x.currency),
          );
          expect(sum).toBe(decimalToMinor(x.closing_balance, x.currency));
          lines += x.lines.length;
        }
        closing = new Map(s.sections.map((x) => [x.currency, x.closing_balance]));
      }
    }
    expect(lines).toBeGreaterThan(200);
  });

  it('the batch writes one workbook per customer with a balance', async () => {
    const batch = await generateStatements(
      ctx,
      { outDir: out, formats: ['xlsx'], from: '2025-06-01' },
      { fontEnv: {} },
    );
    const owing = new Set(
      (await ledgerBalances(ctx.db, { orgId: ctx.org.id, asOf: TODAY as never }))
        .filter((b) => b.receivableMinor !== b.unappliedMinor)
        .map((b) => b.customerId),
    );
    expect(batch.statements.length).toBe(owing.size);
    expect(readdirSync(out)).toHaveLength(owing.size);
    expect(batch.period).toEqual({ from: '2025-06-01', to: TODAY });
  });
});
