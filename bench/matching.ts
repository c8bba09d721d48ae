/**
 * Matching bank lines to open invoices: the engine against a naive baseline, with known ground truth.
 */
import { parseArgs } from './lib/args.ts';
import { busyWarning, machineDetails, machineLines } from './lib/machine.ts';
import type { DbRun } from './lib/matching-db.ts';
import { baselineMatcher, loadEngine, type Matcher, timeMatcher } from './lib/matching-engine.ts';
import { score } from './lib/matching-evaluate.ts';
import { generateLedger } from './lib/matching-generate.ts';
import { generateStatement } from './lib/matching-lines.ts';
import { type MainRun, type ProfileSummary, render } from './lib/matching-report.ts';
import {
  findMistakes,
  lscpuModel,
  type Mistakes,
  nproc,
  profileEngine,
  runScaling,
} from './lib/matching-runs.ts';
import { scalingMissed } from './lib/matching-sections.ts';
import { DEFAULT_PG_URL } from './lib/postgres.ts';
import { fmtInt, fmtMiB, fmtSeconds, today, writeResultsSection } from './lib/report.ts';

const USAGE = 'npm run bench -- matching [options]';
const SPEC = {
  customers: { kind: 'number', default: 100_000, help: 'customers in the ledger' },
  invoices: { kind: 'number', default: 1_000_000, help: 'open invoices in the ledger' },
  lines: { kind: 'number', default: 200_000, help: 'bank lines to match' },
  scaling: {
    kind: 'string',
    default: '10000,100000,1000000',
    help: 'open-invoice counts of the scaling table (customers = invoices / 10)',
  },
  'scaling-lines': { kind: 'number', default: 20_000, help: 'bank lines matched at each scaling size' },
  seed: { kind: 'number', default: 20_261_124, help: 'seed of the data generator' },
  db: {
    kind: 'string',
    help: 'also seed pglite, postgres or both (pglite,postgres) and time matchBankTransactions with its writes',
  },
  'db-lines': {
    kind: 'number',
    default: 20_000,
    help: 'bank lines (the first of the statement) matched in the database mode, against the full ledger',
  },
  'pg-url': {
    kind: 'string',
    default: process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL,
    help: 'a PostgreSQL server (superuser) to create the settle_bench_matching database on',
  },
  profile: { kind: 'boolean', help: "write a CPU profile of the engine's matching and list its hot spots" },
  write: { kind: 'boolean', help: 'record the results in bench/RESULTS.md' },
} as const;

export async function main(argv: readonly string[]): Promise<void> {
  const o = parseArgs(USAGE, SPEC, argv);
  const size = { customers: Math.round(o.customers), invoices: Math.round(o.invoices), seed: o.seed };
  if (size.customers < 1 || size.invoices < size.customers)
    throw new Error('--invoices must be at least --customers, and both at least 1');
  const machine = await machineDetails(o.db.includes('postgres') ? { pgUrl: o['pg-url'] } : {});
  machine.cpu = `${machine.cpu} (lscpu: ${lscpuModel()}; nproc ${nproc()})`;
  console.log(`Settle matching benchmark, ${today()}\n${machineLines(machine).join('\n')}\n`);
  const busy = busyWarning();
  if (busy) console.log(`${busy}\n`);

  const engine = await loadEngine();
  const matchers: Matcher[] = 'missing' in engine ? [baselineMatcher] : [engine, baselineMatcher];
  if ('missing' in engine) console.log(`Engine not measured: ${engine.missing}\n`);

  let t0 = performance.now();
  const ledger = generateLedger(size);
  const ledgerMs = performance.now() - t0;
  t0 = performance.now();
  const statement = generateStatement(ledger, Math.round(o.lines), o.seed);
  const statementMs = performance.now() - t0;
  console.log(
    `Generated ${fmtInt(ledger.customers.length)} customers, ${fmtInt(ledger.invoices.length)} open invoices in ${fmtSeconds(ledgerMs)}; ` +
      `${fmtInt(statement.lines.length)} bank lines in ${fmtSeconds(statementMs)}`,
  );

  // JIT warm-up on a small ledger of its own, so the timed runs measure compiled code.
  const small = generateLedger({ customers: 200, invoices: 2_000, seed: o.seed + 1 });
  const warm = generateStatement(small, 400, o.seed + 1);
  for (const m of matchers) timeMatcher(m, small.invoices, small.payers, warm.lines);

  let mistakes: Mistakes | undefined;
  const main: MainRun = { size, lines: statement.lines.length, ledgerMs, statementMs, results: [] };
  for (const m of matchers) {
    const timed = timeMatcher(m, ledger.invoices, ledger.payers, statement.lines);
    const scores = score(timed.proposals, statement.truths);
    if (m.name === 'engine') {
      mistakes = findMistakes(statement, timed.proposals);
      for (const e of mistakes.examples) console.log(`    ${e}`);
    }
    const decisions = timed.proposals.map((p) => p.decision);
    const autoInFirst = (n: number) => decisions.slice(0, n).filter((d) => d === 'auto').length;
    main.results.push({
      matcher: m.name,
      buildMs: timed.buildMs,
      matchMs: timed.matchMs,
      scores,
      autoInFirst,
    });
    console.log(
      `  ${m.name.padEnd(8)} index ${fmtSeconds(timed.buildMs)}, matching ${fmtSeconds(timed.matchMs)} ` +
        `(${fmtInt(statement.lines.length / (timed.matchMs / 1000))} lines/s), auto ${(scores.autoRate * 100).toFixed(1)}%, ` +
        `precision ${(scores.precision * 100).toFixed(2)}%, recall ${(scores.recall * 100).toFixed(1)}%`,
    );
    timed.proposals.length = 0;
  }

  const scaling = runScaling(o, matchers, size, ledger, statement);

  // A missed speed target comes with a profile of where the engine's time goes.
  let profile: ProfileSummary | undefined;
  const engineRun = main.results.find((m) => m.matcher === 'engine');
  const isSlow = engineRun !== undefined && (main.lines / engineRun.matchMs) * 1000 < 20_000;
  if (!('missing' in engine) && (o.profile || isSlow || scalingMissed(scaling)))
    profile = await profileEngine(engine, ledger, statement.lines.slice(0, Math.round(o['scaling-lines'])));

  const dbRuns: DbRun[] = [];
  for (const kind of o.db.split(',').filter((k) => k !== '')) {
    if (kind !== 'pglite' && kind !== 'postgres')
      throw new Error(`--db takes pglite and/or postgres, not "${kind}"`);
    // Loaded only here: the product's use case needs the engine, which the pure mode can do without.
    const { runDb } = await import('./lib/matching-db.ts');
    console.log(`Database mode on ${kind}`);
    const dbLines = Math.min(statement.lines.length, Math.round(o['db-lines']));
    const run = await runDb(kind, o['pg-url'], ledger, {
      lines: statement.lines.slice(0, dbLines),
      truths: statement.truths.slice(0, dbLines),
    });
    console.log(
      `  seeded in ${fmtSeconds(run.seedMs)}; matchBankTransactions ${fmtSeconds(run.matchMs)} ` +
        `(${fmtInt(run.lines / (run.matchMs / 1000))} lines/s): ${fmtInt(run.matched)} applied, ${fmtInt(run.suggested)} suggested, ${fmtInt(run.unmatched)} unmatched`,
    );
    if (run.failure)
      console.log(
        `  FAILED after ${fmtSeconds(run.matchMs)}: ${run.failure} (${fmtInt(run.receipts)} receipts written before)`,
      );
    dbRuns.push(run);
  }

  const markdown = render({
    main,
    scaling,
    machine,
    argv,
    engineMissing: 'missing' in engine ? engine.missing : null,
    dbRuns,
    profile,
    mistakes,
  });
  console.log(`\n${markdown}`);
  console.log(`\nPeak RSS of this process: ${fmtMiB(process.resourceUsage().maxRSS * 1024)}`);
  if (o.write) writeResultsSection('matching', markdown);
}
