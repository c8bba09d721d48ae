import { sql } from 'kysely';
import {
  type AgingBucket,
  agingBuckets,
  computeAging,
  parseBounds,
  type TAgingReportDto,
  ZAgingQuery,
} from '../../src/modules/reports/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Db } from '../../src/shared/db/index.ts';
import { minorToDecimal } from '../../src/shared/money/index.ts';
import type { BusinessDate } from '../../src/shared/time/index.ts';
import { AS_OF } from './aging-generate.ts';
import { recordStatements, type Statement } from './aging-statements.ts';

export const BOUNDS = '30,60,90';
export const BUCKETS: AgingBucket[] = agingBuckets(AS_OF as BusinessDate, 'due', parseBounds(BOUNDS));
const CURRENCY = 'CNY';

/** A wrong or unbalanced answer: the benchmark stops, whatever the engine. */
export class WrongAnswer extends Error {
  override name = 'WrongAnswer';
}

export type Timing = { medianMs: number; bestMs: number; runs: number };
/** Where one Settle call's time went, medians over the timed runs. */
export type Parts = {
  cellsMs: number;
  unappliedMs: number;
  ledgerMs: number;
  /** Wall time in which no statement was running: Node building the report, and scope switches. */
  nodeMs: number;
  wallMs: number;
};
export type Pair = { raw: Timing; settle: Timing; parts: Parts; rows: number };

type RawCell = { customer_id: string; bucket: number; invoices: number; open: bigint };

/** The baseline: one table of precomputed open amounts, grouped into the same buckets. */
function rawQuery(db: Db, byCustomer: boolean) {
  const whens = BUCKETS.flatMap((b, i) =>
    b.fromDate === null ? [] : [sql`when due_date >= ${sql.lit(b.fromDate)}::date then ${sql.lit(i)}`],
  );
  const bucket = sql`case ${sql.join(whens, sql` `)} else ${sql.lit(BUCKETS.length - 1)} end`;
  return byCustomer
    ? sql<RawCell>`select customer_id, ${bucket} as bucket, count(*)::int4 as invoices, sum(open_minor)::int8 as open
        from bench_open where open_minor <> 0 group by 1, 2`.execute(db)
    : sql<RawCell>`select '' as customer_id, ${bucket} as bucket, count(*)::int4 as invoices, sum(open_minor)::int8 as open
        from bench_open where open_minor <> 0 group by 2`.execute(db);
}

export function agingQuery(byCustomer: boolean) {
  return ZAgingQuery.parse({
    as_of: AS_OF,
    basis: 'due',
    buckets: BOUNDS,
    ...(byCustomer ? { by: 'customer' } : {}),
  });
}

/**
 * One warm-up of each, then `runs` timed calls alternating raw and Settle (so a change in the
 * machine's load hits both); the median and the best of each. The answers are checked against each
 * other, and the reconciliation must balance.
 */
export async function measurePair(ctx: Ctx, systemDb: Db, byCustomer: boolean, runs: number): Promise<Pair> {
  const query = agingQuery(byCustomer);
  const raw = await rawQuery(systemDb, byCustomer);
  const report = await computeAging(ctx, query);
  checkReport(report, raw.rows, byCustomer);
  const rawMs: number[] = [];
  const settleMs: number[] = [];
  const parts: Parts[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    await rawQuery(systemDb, byCustomer);
    rawMs.push(performance.now() - t0);
    let t1 = 0;
    const statements = await recordStatements(async () => {
      t0 = performance.now();
      await computeAging(ctx, query);
      t1 = performance.now();
    });
    settleMs.push(t1 - t0);
    parts.push(partsOf(statements, t0, t1));
  }
  return {
    raw: timing(rawMs),
    settle: timing(settleMs),
    parts: {
      cellsMs: median(parts.map((p) => p.cellsMs)),
      unappliedMs: median(parts.map((p) => p.unappliedMs)),
      ledgerMs: median(parts.map((p) => p.ledgerMs)),
      nodeMs: median(parts.map((p) => p.nodeMs)),
      wallMs: median(parts.map((p) => p.wallMs)),
    },
    rows: byCustomer ? report.rows.length : report.totals.length,
  };
}

/**
 * The parts of one call, told apart by their SQL: the bucket query (the CTE of applications), the
 * unapplied query (the one reading credit notes) and the AR control balance (the other journal read).
 */
function partsOf(statements: readonly Statement[], from: number, to: number): Parts {
  const ms = (test: (s: Statement) => boolean) =>
    statements.filter(test).reduce((sum, s) => sum + (s.end - s.start), 0);
  const isCells = (s: Statement) => /with applied as/.test(s.sql);
  const isUnapplied = (s: Statement) => !isCells(s) && /credit_notes/.test(s.sql);
  const isLedger = (s: Statement) => !isCells(s) && !isUnapplied(s) && /journal_postings/.test(s.sql);
  let busy = 0;
  let cursor = from;
  for (const s of [...statements].sort((a, b) => a.start - b.start)) {
    busy += Math.max(0, s.end - Math.max(cursor, s.start));
    cursor = Math.max(cursor, s.end);
  }
  return {
    cellsMs: ms(isCells),
    unappliedMs: ms(isUnapplied),
    ledgerMs: ms(isLedger),
    nodeMs: Math.max(0, to - from - busy),
    wallMs: to - from,
  };
}

/** Settle's answer must equal the baseline's, cell for cell, and its reconciliation must balance. */
function checkReport(report: TAgingReportDto, raw: readonly RawCell[], byCustomer: boolean): void {
  if (!report.reconciliation.is_balanced) {
    throw new WrongAnswer(
      `the aging does not reconcile with the AR control account: ${JSON.stringify(report.reconciliation.lines)}`,
    );
  }
  const expected = new Map<string, { buckets: bigint[]; invoices: number }>();
  for (const c of raw) {
    const key = byCustomer ? c.customer_id : '';
    const row = expected.get(key) ?? { buckets: BUCKETS.map(() => 0n), invoices: 0 };
    row.buckets[c.bucket] = (row.buckets[c.bucket] ?? 0n) + BigInt(c.open);
    row.invoices += c.invoices;
    expected.set(key, row);
  }
  const got = byCustomer ? report.rows : report.totals;
  if (got.length !== expected.size)
    throw new WrongAnswer(`Settle returned ${got.length} aging rows, the baseline ${expected.size}`);
  for (const row of got) {
    const key = byCustomer ? (row.group?.key ?? '') : '';
    const want = expected.get(key);
    const wanted = want?.buckets.map((m) => minorToDecimal(m, CURRENCY));
    if (
      !want ||
      row.currency !== CURRENCY ||
      row.invoices !== want.invoices ||
      !sameList(row.buckets, wanted)
    )
      throw new WrongAnswer(
        `Settle's aging differs from the baseline for "${key}": ${JSON.stringify(row)} vs ${JSON.stringify({ buckets: wanted, invoices: want?.invoices })}`,
      );
  }
  if (BUCKETS.some((_, i) => !byCustomer && report.totals[0]?.buckets[i] === '0.00'))
    throw new WrongAnswer(`a bucket is empty: ${JSON.stringify(report.totals[0]?.buckets)}`);
}

const sameList = (a: readonly string[], b: readonly string[] | undefined) =>
  b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

export function timing(ms: readonly number[]): Timing {
  return { medianMs: median(ms), bestMs: Math.min(...ms), runs: ms.length };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Times a statement on a handle: median of `runs` after one warm-up. */
export async function timeStatement(work: () => Promise<unknown>, runs: number): Promise<Timing> {
  await work();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  return timing(ms);
}
