import { basename } from 'node:path';
import type { DbRun } from './matching-db.ts';
import type { MainRun, ProfileSummary, ScalingRow } from './matching-report.ts';
import type { Mistakes } from './matching-runs.ts';
import { fmtInt, fmtMs, fmtSeconds, table } from './report.ts';

/** The matching benchmark's later sections: scaling, profile, database mode, mistakes. */
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export function scalingMissed(rows: readonly ScalingRow[]): boolean {
  return scalingVerdict(rows, 'engine').ok === false;
}

/** Per-line time at the largest size over the smallest, against log(n_large)/log(n_small). */
export function scalingVerdict(
  rows: readonly ScalingRow[],
  matcher: string,
): { ok: boolean | null; text: string } {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || first === last) return { ok: null, text: 'one size only' };
  const per = (row: ScalingRow) => {
    const x = row.results.find((m) => m.matcher === matcher);
    return x ? x.matchMs / row.lines : Number.NaN;
  };
  const grew = per(last) / per(first);
  const bound = Math.log(last.invoices) / Math.log(first.invoices);
  return {
    ok: grew <= bound,
    text: `${grew.toFixed(2)}x per line for ${(last.invoices / first.invoices).toFixed(0)}x invoices (log bound ${bound.toFixed(2)}x)`,
  };
}

export function scalingSection(rows: readonly ScalingRow[]): string[] {
  const matchers = rows[0]?.results.map((m) => m.matcher) ?? [];
  const headers = ['open invoices', 'customers', 'lines'];
  for (const m of matchers) headers.push(`${m} index build`, `${m} µs/line`);
  const body = rows.map((row) => {
    const cells = [fmtInt(row.invoices), fmtInt(row.customers), fmtInt(row.lines)];
    for (const m of row.results) cells.push(fmtMs(m.buildMs), ((m.matchMs * 1000) / row.lines).toFixed(1));
    return cells;
  });
  const lines = [
    '### Scaling',
    '',
    table(
      headers,
      body,
      headers.map((_, i) => i),
    ),
    '',
  ];
  for (const m of matchers) lines.push(`${m}: ${scalingVerdict(rows, m).text}.`);
  lines.push(
    '',
    'Each size is its own generated ledger (customers = invoices / 10) with its own statement in the same mix',
    '(the largest reuses the main ledger and the first lines of its statement); µs/line is the median of three passes',
    'over the same index, after the main run has warmed the JIT. The bound: time per line may grow at most as log n.',
  );
  return lines;
}

export function profileSection(p: ProfileSummary): string[] {
  return [
    '### Where the engine spends its time',
    '',
    `CPU profile (V8 sampling, the same as \`node --cpu-prof\`) of the index build over the full ledger ` +
      `(${fmtMs(p.buildMs)} under the profiler) and matching of the first ${fmtInt(p.lines)} lines; ` +
      `${fmtMs(p.totalMs)} sampled, written to \`${basename(p.file)}\` in bench/out/. Self time by file, then by function:`,
    '',
    table(
      ['file', 'self', 'share'],
      p.files.map((f) => [f.name, fmtMs(f.ms), pct(f.share)]),
      [1, 2],
    ),
    '',
    table(
      ['function', 'file', 'self', 'share'],
      p.functions.map((f) => [f.name, f.where, fmtMs(f.ms), pct(f.share)]),
      [2, 3],
    ),
  ];
}

export function dbSection(runs: readonly DbRun[], main: MainRun): string[] {
  const head = ['### Including database writes', ''];
  if (runs.length === 0)
    return [
      ...head,
      'Not measured in this run (`--db pglite,postgres` measures `matchBankTransactions` with its writes).',
    ];
  const auto = main.results.find((m) => m.matcher === 'engine')?.autoInFirst(runs[0]?.lines ?? 0);
  const rows = runs.map((r) => {
    const rate = r.lines / (r.matchMs / 1000);
    const target = r.engine === 'PostgreSQL' ? 20_000 : 10_000;
    return [
      r.engine,
      fmtSeconds(r.seedMs),
      fmtInt(r.lines),
      fmtSeconds(r.matchMs),
      r.failure ? '– (threw)' : fmtInt(rate),
      r.failure ? 'not judged' : `≥ ${fmtInt(target)}: ${verdict(rate >= target)}`,
      fmtInt(r.matched),
      fmtInt(r.suggested),
      fmtInt(r.unmatched),
      fmtInt(r.receipts),
      fmtInt(r.writeOffs),
    ];
  });
  return [
    ...head,
    'The same ledger and lines seeded by COPY into a fresh org (seeding not timed as matching), then',
    '`matchBankTransactions(ctx, { apply: true })` timed as a whole: loading open invoices, payers and lines,',
    'matching, and writing receipts, applications, write-offs, match history and suggestions (500 lines a transaction).',
    `The database mode matches the statement's first ${fmtInt(runs[0]?.lines ?? 0)} lines (\`--db-lines\`) against the full ledger;`,
    `the pure engine auto-applied ${auto === undefined ? 'n/a' : fmtInt(auto)} of those lines, and "applied" below should equal it.`,
    '',
    ...runs
      .filter((r) => r.failure)
      .flatMap((r) => [
        `**${r.engine}: matchBankTransactions threw after ${fmtSeconds(r.matchMs)}:** ${r.failure}. The counts of`,
        'applied/suggested/unmatched are then unknown (0); receipts and write-offs are what the committed batches wrote',
        `before it threw: ${fmtInt(r.receipts)} receipts in ${fmtSeconds(r.matchMs)} including loading, matching and the`,
        `suggestions, ${fmtInt(r.receipts / (r.matchMs / 1000))} receipts/s overall. No lines/s is claimed for a run that did not finish.`,
        '',
      ]),
    table(
      [
        'engine',
        'seed',
        'lines',
        'match + write',
        'lines/s',
        'target',
        'applied',
        'suggested',
        'unmatched',
        'receipts',
        'write-offs',
      ],
      rows,
      [1, 2, 3, 4, 6, 7, 8, 9, 10],
    ),
  ];
}

export function mistakesSection(m: Mistakes | undefined): string[] {
  if (!m || m.examples.length === 0) return [];
  const counts = [...m.counts].map(([kind, n]) => `${kind.replaceAll('_', ' ')} ${fmtInt(n)}`).join(', ');
  return [
    '### Wrong auto-applied matches',
    '',
    `By kind of line: ${counts}. The first three of each (amounts in minor units; ids of the generated ledger):`,
    '',
    ...m.examples.map((e) => `- ${e.replaceAll('|', '\\|')}`),
  ];
}
