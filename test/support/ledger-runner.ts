import { isDeepStrictEqual } from 'node:util';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { type ErrorCode, isAppError } from '../../src/shared/errors/index.ts';
import { seedCustomer, seedOrg } from './factories.ts';
import { LedgerModel } from './ledger-model.ts';
import { BASE_CURRENCY, type Op, TODAY } from './ledger-ops.ts';
import type { LedgerCustomer, Registry } from './ledger-pick.ts';
import { type Plan, planOp } from './ledger-plan.ts';
import { type LedgerRows, readLedgerRows, rowCounts } from './ledger-rows.ts';

export type LedgerEnv = { database: Database; ctx: Ctx; customers: LedgerCustomer[] };

/** A fresh org (base CNY, clock at TODAY) with two CNY customers and one USD customer. */
export async function seedLedgerEnv(database: Database): Promise<LedgerEnv> {
  const ctx = await seedOrg(database, { today: TODAY, baseCurrency: BASE_CURRENCY });
  const customers: LedgerCustomer[] = [];
  for (const currency of ['CNY', 'CNY', 'USD'] as const) {
    const c = await seedCustomer(ctx, { currency });
    customers.push({ id: c.id, code: c.code, currency });
  }
  return { database, ctx, customers };
}

/** Outcomes per operation kind over all runs: shows (and lets the test insist) what was reached. */
export class OpStats {
  readonly counts = new Map<string, Map<string, number>>();

  add(kind: string, outcome: string): void {
    const m = this.counts.get(kind) ?? new Map<string, number>();
    m.set(outcome, (m.get(outcome) ?? 0) + 1);
    this.counts.set(kind, m);
  }

  count(kind: string, outcome: string): number {
    return this.counts.get(kind)?.get(outcome) ?? 0;
  }

  report(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, m]) => `${k.padEnd(18)} ${[...m.entries()].map(([o, n]) => `${o}=${n}`).join(' ')}`)
      .join('\n');
  }
}

/**
 * Runs the operations through the use cases. Before each, the oracle says what it has coming;
 * afterwards an accepted one must have been due acceptance, and a refused one must have been
 * refused for a reason that holds and have left every ledger row exactly as it was.
 */
export async function runSequence(env: LedgerEnv, ops: readonly Op[], stats: OpStats): Promise<LedgerModel> {
  const { database, ctx } = env;
  const reg: Registry = { invoices: [], creditNotes: [], receipts: [], allocations: [], writeOffs: [] };
  let rows = await readLedgerRows(database.db, ctx.org.id);
  for (const [i, op] of ops.entries()) {
    // PGlite runs in this process and answers without ever reaching the event loop's I/O phase:
    // yield to it, or vitest's worker RPC starves and times out on a long property.
    await new Promise((resolve) => setImmediate(resolve));
    const plan = planOp(op, new LedgerModel(rows), reg, env.customers);
    if (!plan) {
      stats.add(op.t, 'skipped');
      continue;
    }
    const refusal = await attempt(plan, ctx, i);
    const after = await readLedgerRows(database.db, ctx.org.id);
    const expected = plan.reasons.size === 0 ? 'acceptance' : `one of ${[...plan.reasons].join(', ')}`;
    if (refusal) {
      stats.add(op.t, refusal.code);
      if (!plan.reasons.has(refusal.code)) {
        throw new Error(
          `op #${i} ${plan.describe}\n  was refused with ${refusal.code} (${refusal.message}); expected ${expected}`,
        );
      }
      if (!isDeepStrictEqual(after, rows)) {
        throw new Error(
          `op #${i} ${plan.describe}\n  was refused with ${refusal.code} but changed the ledger: ` +
            `${JSON.stringify(rowCounts(rows))} -> ${JSON.stringify(rowCounts(after))}`,
        );
      }
    } else {
      stats.add(op.t, 'ok');
      if (plan.reasons.size > 0)
        throw new Error(`op #${i} ${plan.describe}\n  was accepted; expected ${expected}`);
      register(reg, rows, after);
    }
    rows = after;
  }
  return new LedgerModel(rows);
}

async function attempt(
  plan: Plan,
  ctx: Ctx,
  i: number,
): Promise<{ code: ErrorCode; message: string } | null> {
  try {
    await plan.run(ctx);
    return null;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    const err = new Error(`op #${i} ${plan.describe}\n  failed with a non-domain error: ${String(e)}`);
    err.cause = e;
    throw err;
  }
}

/** Appends the documents an accepted op created, in an order that does not depend on random ids. */
function register(reg: Registry, before: LedgerRows, after: LedgerRows): void {
  const fresh = <T extends { id: string }>(a: T[], b: T[]) => {
    const old = new Set(a.map((x) => x.id));
    return b.filter((x) => !old.has(x.id));
  };
  const number = new Map(after.invoices.map((inv) => [inv.id, inv.number]));
  reg.invoices.push(...fresh(before.invoices, after.invoices).map((x) => x.id));
  reg.creditNotes.push(...fresh(before.creditNotes, after.creditNotes).map((x) => x.id));
  reg.receipts.push(...fresh(before.receipts, after.receipts).map((x) => x.id));
  reg.writeOffs.push(...fresh(before.writeOffs, after.writeOffs).map((x) => x.id));
  const allocations = fresh(before.allocations, after.allocations).map((a) => ({
    id: a.id,
    key: `${number.get(a.invoiceId)}/${a.date}/${a.amountMinor.toString().padStart(12, '0')}`,
  }));
  allocations.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  reg.allocations.push(...allocations.map((a) => a.id));
}
