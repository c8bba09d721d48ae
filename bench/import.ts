/**
 * Bulk invoice import: Settle's importInvoices against raw COPY of the same CSV, PostgreSQL and PGlite.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { ensureOrg, openApp, orgContext } from '../src/bootstrap/open-app.ts';
import { importInvoices } from '../src/modules/receivables/index.ts';
import type { DatabaseConfig } from '../src/shared/db/index.ts';
import { parseArgs } from './lib/args.ts';
import { type CpuProfile, inclusiveTimes, profiled, summarizeProfile } from './lib/cpu-profile.ts';
import { type GeneratedFile, generateInvoicesCsv, OUT_DIR } from './lib/generate-invoices.ts';
import { rawCopyPglite, rawCopyPostgres } from './lib/import-baseline.ts';
import { type EngineResult, type ProfileSummary, type Run, render } from './lib/import-report.ts';
import { busyWarning, machineDetails, machineLines } from './lib/machine.ts';
import { freshPglite, type Scratch } from './lib/pglite.ts';
import { DEFAULT_PG_URL, dropDatabase, freshDatabase } from './lib/postgres.ts';
import { installQueryTracer, phases, startRecording, stopRecording } from './lib/query-tracer.ts';
import { fmtInt, fmtMiB, fmtPct, fmtSeconds, today, writeResultsSection } from './lib/report.ts';

const USAGE = 'npm run bench -- import [options]';
const SPEC = {
  rows: { kind: 'number', default: 1_000_000, help: 'invoices in the PostgreSQL file' },
  customers: { kind: 'number', default: 20_000, help: 'customers in the PostgreSQL file' },
  'pglite-rows': { kind: 'number', default: 100_000, help: 'invoices in the PGlite file' },
  'pglite-customers': {
    kind: 'number',
    help: 'customers in the PGlite file (default: same invoices per customer)',
  },
  seed: { kind: 'number', default: 20_250_101, help: 'seed of the data generator' },
  'skip-pg': { kind: 'boolean', help: 'leave out PostgreSQL' },
  'skip-pglite': { kind: 'boolean', help: 'leave out PGlite' },
  'pg-url': {
    kind: 'string',
    default: process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL,
    help: 'a PostgreSQL server to create settle_bench_* databases on',
  },
  profile: {
    kind: 'boolean',
    help: 'one more Settle import per engine under the V8 profiler: bench/out/*.cpuprofile and the top functions',
  },
  write: { kind: 'boolean', help: 'record the results in bench/RESULTS.md' },
} as const;

const ORG = { name: '基准测试贸易有限公司', slug: 'bench', baseCurrency: 'CNY' };

/** Functions whose time, callees included, says which step of the import it went to. */
const STEPS = [
  'parseInvoiceRows',
  'decodeText',
  'readCsvRows',
  'validate',
  'findExisting',
  'ensureCustomersForImport',
  'copyRows',
  'copyLine',
  'newId',
  'executeQuery',
];

export async function main(argv: readonly string[]): Promise<void> {
  const o = parseArgs(USAGE, SPEC, argv);
  installQueryTracer();
  const pgliteCustomers =
    o['pglite-customers'] || Math.max(1, Math.round((o.customers * o['pglite-rows']) / Math.max(1, o.rows)));
  const machine = await machineDetails(o['skip-pg'] ? {} : { pgUrl: o['pg-url'] });
  console.log(`Settle import benchmark, ${today()}\n${machineLines(machine).join('\n')}\n`);
  const busy = busyWarning();
  if (busy) console.log(`${busy}\n`);

  const results: EngineResult[] = [];
  if (!o['skip-pg']) {
    const file = generate(o.rows, o.customers, o.seed);
    results.push(await onPostgres(file, o['pg-url'], o.profile));
  }
  if (!o['skip-pglite']) {
    const file = generate(o['pglite-rows'], pgliteCustomers, o.seed);
    results.push(await onPglite(file, o.profile));
  }
  if (results.length === 0) return;

  const markdown = render(results, machine, argv);
  console.log(`\n${markdown}`);
  console.log(`\nPeak RSS of this process: ${fmtMiB(process.resourceUsage().maxRSS * 1024)}`);
  if (o.write) writeResultsSection('import', markdown);
}

function generate(rows: number, customers: number, seed: number): GeneratedFile {
  const file = generateInvoicesCsv({ rows, customers, seed });
  console.log(
    `Generated ${basename(file.path)}: ${fmtInt(rows)} invoices, ${fmtInt(customers)} customers, ${fmtMiB(file.bytes)} in ${fmtSeconds(file.ms)} (${fmtInt(rows / (file.ms / 1000))} rows/s)`,
  );
  return file;
}

async function onPostgres(
  file: GeneratedFile,
  adminUrl: string,
  wantProfile: boolean,
): Promise<EngineResult> {
  console.log('\nPostgreSQL');
  const rawUrl = await freshDatabase(adminUrl, 'settle_bench_import_raw');
  let raw: Run;
  try {
    raw = rate(file.rows, await rawCopyPostgres(rawUrl, file.path));
  } finally {
    await dropDatabase(adminUrl, 'settle_bench_import_raw');
  }
  console.log(`  raw COPY      ${line(raw)}`);
  const url = await freshDatabase(adminUrl, 'settle_bench_import_settle');
  let result: Omit<EngineResult, 'engine' | 'file' | 'raw'>;
  try {
    result = await settleImports({ kind: 'postgres', url }, file, raw);
  } finally {
    await dropDatabase(adminUrl, 'settle_bench_import_settle');
  }
  if (wantProfile) {
    const profUrl = await freshDatabase(adminUrl, 'settle_bench_import_profile');
    try {
      result.profile = await profileImport({ kind: 'postgres', url: profUrl }, file, 'postgres');
    } finally {
      await dropDatabase(adminUrl, 'settle_bench_import_profile');
    }
  }
  return { engine: 'PostgreSQL', file, raw, ...result };
}

async function onPglite(file: GeneratedFile, wantProfile: boolean): Promise<EngineResult> {
  console.log('\nPGlite');
  const raw = rate(file.rows, await rawCopyPglite(file.path));
  console.log(`  raw COPY      ${line(raw)}`);
  const result = await withScratch('settle', (dir) =>
    settleImports({ kind: 'pglite', dataDir: dir }, file, raw),
  );
  if (wantProfile) {
    result.profile = await withScratch('profile', (dir) =>
      profileImport({ kind: 'pglite', dataDir: dir }, file, 'pglite'),
    );
  }
  return { engine: 'PGlite', file, raw, ...result };
}

async function withScratch<T>(name: string, work: (dir: string) => Promise<T>): Promise<T> {
  const scratch: Scratch = freshPglite(name);
  try {
    return await work(scratch.dir);
  } finally {
    scratch.remove();
  }
}

/** Settle's own path: migrate, create the org, import; then the same file again, which must change nothing. */
async function settleImports(
  config: DatabaseConfig,
  file: GeneratedFile,
  raw: Run,
): Promise<Omit<EngineResult, 'engine' | 'file' | 'raw'>> {
  const app = await openApp(config);
  try {
    await ensureOrg(app.database, ORG);
    const ctx = await orgContext(app.database, ORG.slug);
    const name = basename(file.path);

    const gc = gcTimer();
    startRecording();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const first = await importInvoices(ctx, { name, bytes: readFileSync(file.path) });
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const events = stopRecording();
    const gcMs = await gc.stop();
    if (first.created !== file.rows)
      throw new Error(`expected ${file.rows} invoices created, got ${first.created}`);
    const settle = rate(file.rows, t1 - t0);
    console.log(
      `  Settle        ${line(settle)}  ${fmtPct(settle.rowsPerSecond / raw.rowsPerSecond)} of raw COPY, ${fmtInt(first.customers_created)} customers created, Node CPU ${fmtSeconds((cpu.user + cpu.system) / 1000)}, GC pauses ${fmtSeconds(gcMs)}`,
    );

    const t2 = performance.now();
    const second = await importInvoices(ctx, { name, bytes: readFileSync(file.path) });
    const again = { ms: performance.now() - t2, created: second.created, unchanged: second.unchanged };
    console.log(
      `  re-import     ${fmtSeconds(again.ms).padStart(9)}  created ${again.created}, unchanged ${fmtInt(again.unchanged)}`,
    );
    if (again.created !== 0) throw new Error(`re-importing the same file created ${again.created} invoices`);

    const postings = await countRows(app.database.db, ctx.org.id);
    return {
      settle: {
        ...settle,
        customersCreated: first.customers_created,
        postings,
        gcMs,
        nodeCpuMs: (cpu.user + cpu.system) / 1000,
      },
      again,
      phases: phases(events, t0, t1, phaseOf),
    };
  } finally {
    await app.close();
  }
}

async function countRows(
  db: Awaited<ReturnType<typeof openApp>>['database']['db'],
  orgId: string,
): Promise<number> {
  const r = await db
    .selectFrom('journal_postings')
    .select((eb) => eb.fn.countAll<string | bigint>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function profileImport(
  config: DatabaseConfig,
  file: GeneratedFile,
  engine: string,
): Promise<ProfileSummary> {
  const app = await openApp(config);
  try {
    await ensureOrg(app.database, ORG);
    const ctx = await orgContext(app.database, ORG.slug);
    const out = `${OUT_DIR}import-${engine}-${file.rows}.cpuprofile`;
    const bytes = readFileSync(file.path);
    const { profile } = await profiled(out, () => importInvoices(ctx, { name: basename(file.path), bytes }));
    console.log(`  profiled run written to ${out}`);
    return {
      file: out,
      summary: summarizeProfile(profile),
      inclusive: inclusiveTimes(profile as CpuProfile, STEPS),
    };
  } finally {
    await app.close();
  }
}

function phaseOf(label: string): string {
  if (label === 'begin') return 'read + validate the file';
  if (label.endsWith('import_invoice_keys')) return 'find invoices already there';
  if (label.endsWith('exchange_rates')) return 'exchange rates';
  if (label.endsWith(' customers')) return 'find/create customers';
  if (label === 'copy invoices') return 'COPY invoices';
  if (label === 'copy journal_postings') return 'COPY journal postings';
  if (label.startsWith('analyze')) return 'ANALYZE';
  return label;
}

/** Total garbage-collection pause time while it runs: the part of "Node" time that is memory, not work. */
function gcTimer(): { stop(): Promise<number> } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) ms += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // GC entries are delivered asynchronously: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return ms;
    },
  };
}

function rate(rows: number, ms: number): Run {
  return { ms, rowsPerSecond: rows / (ms / 1000) };
}

function line(r: Run): string {
  return `${fmtSeconds(r.ms).padStart(9)}  ${fmtInt(r.rowsPerSecond).padStart(9)} rows/s`;
}
