import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { ensureOrg, openApp, orgContext } from '../../src/bootstrap/open-app.ts';
import { pageOf } from '../../src/http/http.schemas.ts';
import {
  importInvoices,
  listInvoices,
  recordReceipt,
  ZInvoiceDto,
  ZListInvoicesQuery,
} from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { DatabaseConfig } from '../../src/shared/db/index.ts';
import { minorToDecimal } from '../../src/shared/money/index.ts';
import type { Breakdown } from './api-report.ts';
import { fmtInt, fmtMs } from './report.ts';

export const ORG = { name: '基准测试贸易有限公司', slug: 'bench', baseCurrency: 'CNY' };

/**
 * A demo-like book: the generated invoices, and receipts paying some of the newest (the first page).
 * Then, with no server, the parts of one request timed alone.
 */
export async function seed(config: DatabaseConfig, path: string, receipts: number): Promise<Breakdown> {
  const app = await openApp(config);
  try {
    await ensureOrg(app.database, ORG);
    const ctx = await orgContext(app.database, ORG.slug, { actor: 'bench' });
    const imported = await importInvoices(ctx, { name: basename(path), bytes: readFileSync(path) });
    const paid = await payNewest(ctx, receipts);
    console.log(
      `Seeded ${app.database.kind}: ${fmtInt(imported.created)} invoices, ${fmtInt(imported.customers_created)} customers, ${paid} receipts`,
    );
    return await breakdown(ctx, app.database.kind === 'postgres' ? 10 : 1);
  } finally {
    await app.close();
  }
}

/** The use case the route calls, without HTTP; and the route's response check and serialisation alone. */
async function breakdown(ctx: Ctx, concurrency: number): Promise<Breakdown> {
  const query = ZListInvoicesQuery.parse({ limit: '50' });
  const call = () => listInvoices(ctx, query);
  const page = await call();
  for (let i = 0; i < 200; i++) await call();
  const useCaseMs = await perCall(1500, async () => {
    await call();
  });
  let done = 0;
  const until = performance.now() + 1500;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await call();
        done += 1;
      }
    }),
  );
  const useCaseConcurrentPerSecond = done / ((performance.now() - t0) / 1000);
  const serialize = serializerCompiler({
    schema: pageOf(ZInvoiceDto),
    method: 'GET',
    url: '/api/invoices',
    httpStatus: '200',
  });
  const serializeMs = await perCall(1000, async () => {
    serialize(page);
  });
  const stringifyMs = await perCall(1000, async () => {
    JSON.stringify(page);
  });
  const b = { useCaseMs, useCaseConcurrentPerSecond, concurrency, serializeMs, stringifyMs };
  console.log(
    `  alone: listInvoices ${fmtMs(useCaseMs)} per call, ${fmtInt(useCaseConcurrentPerSecond)} calls/s with ${concurrency} in flight; ` +
      `response check + serialise ${fmtMs(serializeMs)} (JSON.stringify alone ${fmtMs(stringifyMs)})`,
  );
  return b;
}

/** Mean milliseconds per call over about `ms` milliseconds of back-to-back calls. */
async function perCall(ms: number, work: () => Promise<void>): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await work();
    n += 1;
  }
  return (performance.now() - t0) / n;
}

async function payNewest(ctx: Ctx, count: number): Promise<number> {
  const newest = await ctx.db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.org_id', '=', 'i.org_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .select(['i.number', 'i.total_minor', 'i.currency', 'i.issue_date', 'c.code'])
    .where('i.org_id', '=', ctx.org.id)
    .where('i.currency', '=', ctx.org.baseCurrency)
    .orderBy('i.id', 'desc')
    .limit(count * 3)
    .execute();
  let paid = 0;
  for (let k = 0; k < newest.length && paid < count; k += 3) {
    const inv = newest[k];
    if (!inv) continue;
    // Every other one in full, the rest about half: paid and partially paid invoices on the first page.
    const amount = paid % 2 === 0 ? BigInt(inv.total_minor) : BigInt(inv.total_minor) / 2n;
    await recordReceipt(ctx, {
      customer: inv.code,
      date: inv.issue_date,
      amount: minorToDecimal(amount, inv.currency),
      reference: `BENCH-${paid + 1}`,
      applications: [{ invoice: inv.number }],
    });
    paid += 1;
  }
  return paid;
}
