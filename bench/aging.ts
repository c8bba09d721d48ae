/**
 * Exact as-of aging (computeAging) against a raw GROUP BY of precomputed open amounts, PostgreSQL and PGlite.
 */
import { CompiledQuery } from 'kysely';
import { ensureOrg, openApp, orgContext } from '../src/bootstrap/open-app.ts';
import type { DatabaseConfig } from '../src/shared/db/index.ts';
import type { Engine, Failure, SizeResult } from './lib/aging-analysis.ts';
import { diagnoseMainQuery } from './lib/aging-explain.ts';
import { AS_OF, customersFor, loadBook } from './lib/aging-generate.ts';
import { measurePair, WrongAnswer } from './lib/aging-measure.ts';
import { render } from './lib/aging-report.ts';
import { installStatementRecorder } from './lib/aging-statements.ts';
import { parseArgs } from './lib/args.ts';
import { OUT_DIR } from './lib/generate-invoices.ts';
import { busyWarning, machineDetails, machineLines } from './lib/machine.ts';
import { freshPglite } from './lib/pglite.ts';
import { DEFAULT_PG_URL, dropDatabase, freshDatabase } from './lib/postgres.ts';
import { fmtInt, fmtMiB, fmtMs, fmtSeconds, today, writeResultsSection } from './lib/report.ts';

const USAGE = 'npm run bench -- aging [options]';
const SPEC = {
  sizes: { kind: 'string', default: '10000,100000,1000000', help: 'invoices per PostgreSQL book' },
  'pglite-sizes': { kind: 'string', default: '100000,1000000', help: 'invoices per PGlite book' },
  runs: {
    kind: 'number',
    default: 5,
    help: 'timed runs of each query after one warm-up (the median counts)',
  },
  seed: { kind: 'number', default: 20_250_101, help: 'seed of the data generator' },
  'skip-pg': { kind: 'boolean', help: 'leave out PostgreSQL' },
  'skip-pglite': { kind: 'boolean', help: 'leave out PGlite' },
  'pg-url': {
    kind: 'string',
    default: process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL,
    help: 'a PostgreSQL server (superuser) to create settle_bench_* databases on',
  },
  write: { kind: 'boolean', help: 'record the results in bench/RESULTS.md' },
} as const;

const ORG = { name: '基准测试贸易有限公司', slug: 'bench', baseCurrency: 'CNY' };

export async function main(argv: readonly string[]): Promise<void> {
  const o = parseArgs(USAGE, SPEC, argv);
  const runs = Math.max(1, Math.round(o.runs));
  installStatementRecorder();
  const machine = await machineDetails(o['skip-pg'] ? {} : { pgUrl: o['pg-url'] });
  console.log(`Settle aging benchmark, ${today()}, as of ${AS_OF}\n${machineLines(machine).join('\n')}\n`);
  const busy = busyWarning();
  if (busy) console.log(`${busy}\n`);

  const results: SizeResult[] = [];
  const pgSizes = o['skip-pg'] ? [] : sizesOf(o.sizes);
  for (const n of pgSizes) {
    const name = `settle_bench_aging_${n}`;
    const url = await freshDatabase(o['pg-url'], name);
    try {
      results.push(
        await onBook('PostgreSQL', { kind: 'postgres', url }, n, o.seed, runs, n === Math.max(...pgSizes)),
      );
    } finally {
      await dropDatabase(o['pg-url'], name);
    }
  }
  const failures: Failure[] = [];
  for (const n of o['skip-pglite'] ? [] : sizesOf(o['pglite-sizes'])) {
    const scratch = freshPglite('aging');
    const t0 = performance.now();
    try {
      results.push(await onBook('PGlite', { kind: 'pglite', dataDir: scratch.dir }, n, o.seed, runs, false));
    } catch (e) {
      // A book too big for PGlite on this machine is a finding to report; a wrong answer is not.
      if (e instanceof WrongAnswer) throw e;
      const failure = {
        engine: 'PGlite' as const,
        invoices: n,
        ms: performance.now() - t0,
        message: String(e),
      };
      console.log(`  failed after ${fmtSeconds(failure.ms)}: ${failure.message}`);
      failures.push(failure);
    } finally {
      scratch.remove();
    }
  }
  if (results.length === 0) return;
  const pgliteVersion = results.find((r) => r.engine === 'PGlite')?.serverVersion;
  if (pgliteVersion) machine.pglite = `${machine.pglite} (PostgreSQL ${pgliteVersion})`;

  const markdown = render(results, failures, machine, argv);
  console.log(`\n${markdown}`);
  console.log(`\nPeak RSS of this process: ${fmtMiB(process.resourceUsage().maxRSS * 1024)}`);
  if (o.write) writeResultsSection('aging', markdown);
}

function sizesOf(text: string): number[] {
  const sizes = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => Number(s.replaceAll('_', '')));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 10))
    throw new Error(`sizes must be whole numbers of at least 10 invoices: "${text}"`);
  return sizes;
}

/** One book on one engine: load it, time the aging (total, then per customer), and explain if asked. */
async function onBook(
  engine: Engine,
  config: DatabaseConfig,
  invoices: number,
  seed: number,
  runs: number,
  wantExplain: boolean,
): Promise<SizeResult> {
  console.log(`${engine}, ${fmtInt(invoices)} invoices`);
  const app = await openApp(config);
  try {
    const { org } = await ensureOrg(app.database, ORG);
    const t0 = performance.now();
    const book = await loadBook(app.database, org.id, {
      invoices,
      customers: customersFor(invoices),
      seed,
    });
    const loadMs = performance.now() - t0;
    console.log(
      `  loaded in ${fmtSeconds(loadMs)}: ${fmtInt(book.customers)} customers, ${fmtInt(book.invoices)} invoices, ` +
        `${fmtInt(book.receipts)} receipts, ${fmtInt(book.allocations)} applications, ${fmtInt(book.writeOffs)} write-offs, ` +
        `${fmtInt(book.reversals)} reversals, ${fmtInt(book.postings)} postings; ${fmtInt(book.openInvoices)} invoices open as of ${AS_OF}`,
    );
    for (const s of book.steps) console.log(`    ${s.step.padEnd(30)} ${fmtSeconds(s.ms).padStart(9)}`);
    const ctx = await orgContext(app.database, ORG.slug, { actor: 'bench' });
    const total = await measurePair(ctx, app.database.db, false, runs);
    console.log(
      `  total        raw ${fmtMs(total.raw.medianMs)}, Settle ${fmtMs(total.settle.medianMs)} (${(total.settle.medianMs / total.raw.medianMs).toFixed(1)}x); reconciliation balanced`,
    );
    const perCustomer = await measurePair(ctx, app.database.db, true, runs);
    console.log(
      `  per customer raw ${fmtMs(perCustomer.raw.medianMs)}, Settle ${fmtMs(perCustomer.settle.medianMs)} (${(perCustomer.settle.medianMs / perCustomer.raw.medianMs).toFixed(1)}x), ${fmtInt(perCustomer.rows)} rows`,
    );
    const version = await app.database.db.executeQuery<{ server_version: string }>(
      CompiledQuery.raw('show server_version'),
    );
    const result: SizeResult = {
      engine,
      book,
      loadMs,
      total,
      perCustomer,
      serverVersion: version.rows[0]?.server_version ?? 'unknown',
    };
    if (wantExplain) {
      result.explain = await diagnoseMainQuery(
        ctx,
        app.database.db,
        `${OUT_DIR}aging-explain-postgres-${invoices}`,
      );
      const e = result.explain;
      console.log(
        `  main query alone: ${fmtMs(e.underRls.medianMs)} as the app role (row-level security), ${fmtMs(e.asOwner.medianMs)} as the owner, ` +
          `${fmtMs(e.bigWorkMem.medianMs)} with work_mem ${e.workMem}; plans in ${e.file}, ${e.ownerFile}`,
      );
    }
    return result;
  } finally {
    await app.close();
  }
}
