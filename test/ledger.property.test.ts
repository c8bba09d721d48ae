import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { addDays, type BusinessDate } from '../src/shared/time/index.ts';
import { checkLedger } from './support/ledger-checks.ts';
import { opsArbitrary, TODAY, WINDOW_DAYS, WINDOW_START } from './support/ledger-ops.ts';
import { OpStats, runSequence, seedLedgerEnv } from './support/ledger-runner.ts';
import { TOUR } from './support/ledger-tour.ts';

/**
 * The AR ledger's invariants (DESIGN.md "The AR ledger") over random sequences of issue, apply,
 * reverse, void, write off and refund, as of every date. Each run is a fresh org in one database.
 * To replay a failure: LEDGER_SEED=<seed> LEDGER_PATH=<path> from fast-check's report; more runs:
 * LEDGER_RUNS=200.
 */
const RUNS = Number(process.env.LEDGER_RUNS ?? 30);
const replay = process.env.LEDGER_SEED
  ? {
      seed: Number(process.env.LEDGER_SEED),
      ...(process.env.LEDGER_PATH ? { path: process.env.LEDGER_PATH } : {}),
    }
  : {};

const windowEnd = addDays(WINDOW_START as BusinessDate, WINDOW_DAYS - 1);
/** The extremes (before anything, first and last day of the window, the clock's today, far future). */
const FIXED_AS_OF = ['2024-12-31', WINDOW_START, windowEnd, TODAY, '2099-12-31'];

describe.each(openTestDatabases())('ledger invariants on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it(
    'hold as of every date after random sequences of AR operations',
    async () => {
      const stats = new OpStats();
      const probes = fc.uniqueArray(fc.integer({ min: 0, max: WINDOW_DAYS + 20 }), {
        minLength: 3,
        maxLength: 3,
      });
      await fc.assert(
        fc.asyncProperty(opsArbitrary, probes, async (ops, days) => {
          const env = await seedLedgerEnv(database);
          const model = await runSequence(env, ops, stats);
          const probed = days.map((d) => addDays(WINDOW_START as BusinessDate, d));
          const dates = [...FIXED_AS_OF, ...probed].sort();
          await checkLedger(env.ctx, model, { dates, detailDates: [...probed, TODAY].sort() });
          // Which statuses the checks met (per invoice and as-of date), for the report below.
          for (const inv of model.rows.invoices)
            for (const d of dates.filter((x) => x >= inv.issueDate))
              stats.add('(statuses seen)', model.invoiceStatus(inv, d).status);
        }),
        { numRuns: RUNS, examples: [[TOUR, [10, 40, 70]]], ...replay },
      );
      console.info(`ledger property: ${RUNS} runs\n${stats.report()}`);
      // Every kind of operation must have been accepted (TOUR makes sure of it), not only refused.
      if (process.env.LEDGER_SEED) return;
      for (const kind of [
        'invoice',
        'creditNote',
        'receipt',
        'allocate',
        'reverseAllocation',
        'reverseReceipt',
        'voidInvoice',
        'voidCreditNote',
        'writeOff',
        'reverseWriteOff',
        'refund',
      ]) {
        expect(stats.count(kind, 'ok'), `accepted ${kind} operations`).toBeGreaterThan(0);
      }
    },
    Math.max(300_000, RUNS * 10_000),
  );
});
