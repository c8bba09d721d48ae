import type { SelfTime } from './cpu-profile.ts';
import { loadNow, type Machine } from './machine.ts';
import type { DbRun } from './matching-db.ts';
import type { Scores } from './matching-evaluate.ts';
import { AS_OF } from './matching-generate.ts';
import { MIX } from './matching-lines.ts';
import type { Mistakes } from './matching-runs.ts';
import {
  dbSection,
  mistakesSection,
  profileSection,
  scalingSection,
  scalingVerdict,
} from './matching-sections.ts';
import { fmtInt, fmtSeconds, machineBlock, table, today } from './report.ts';

export type MatcherResult = {
  matcher: string;
  buildMs: number;
  matchMs: number;
  scores: Scores;
  /** How many of the first n lines it auto-applied (to compare with the database mode). */
  autoInFirst(n: number): number;
};
export type MainRun = {
  size: { customers: number; invoices: number; seed: number };
  lines: number;
  ledgerMs: number;
  statementMs: number;
  results: MatcherResult[];
};
export type ScalingRow = {
  invoices: number;
  customers: number;
  lines: number;
  results: { matcher: string; buildMs: number; matchMs: number }[];
};
export type ProfileSummary = {
  file: string;
  lines: number;
  buildMs: number;
  functions: SelfTime[];
  files: SelfTime[];
  totalMs: number;
};

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const perSecond = (lines: number, ms: number) => lines / (ms / 1000);

export function render(r: {
  main: MainRun;
  scaling: ScalingRow[];
  machine: Machine;
  argv: readonly string[];
  engineMissing: string | null;
  profile: ProfileSummary | undefined;
  dbRuns: readonly DbRun[];
  mistakes: Mistakes | undefined;
}): string {
  const { main } = r;
  const out: string[] = ['## matching: bank lines to open invoices, engine vs naive baseline', ''];
  out.push(
    `Measured ${today()} with \`${['npm run bench -- matching', ...r.argv.filter((a) => a !== '--write')].join(' ')}\`.`,
    '',
  );
  out.push(machineBlock(r.machine), '', `Load average when it finished: ${loadNow()}.`, '');
  out.push(...describeSetup(main), '');
  if (r.engineMissing)
    out.push(`**The engine was not measured: ${r.engineMissing}.** Only the baseline's figures follow.`, '');
  out.push(
    table(
      [
        'matcher',
        'index build',
        'matching',
        'lines/s (matching alone)',
        'auto-applied',
        'precision of auto',
        'recall of suggestions',
        'exact-reference lines auto + correct',
        'no-match lines left unapplied',
      ],
      main.results.map((m) => [
        m.matcher,
        fmtSeconds(m.buildMs),
        fmtSeconds(m.matchMs),
        fmtInt(perSecond(main.lines, m.matchMs)),
        pct(m.scores.autoRate),
        pct(m.scores.precision, 2),
        pct(m.scores.recall),
        pct(m.scores.referenceAutoCorrect, 2),
        pct(m.scores.noneLeftUnapplied),
      ]),
      [1, 2, 3, 4, 5, 6, 7, 8],
    ),
    '',
  );
  out.push(...targets(main, r.scaling), '');
  out.push('### By kind of line', '', ...byKind(main), '');
  out.push(...scalingSection(r.scaling), '');
  if (r.profile) out.push(...profileSection(r.profile), '');
  out.push(...dbSection(r.dbRuns, main), '');
  out.push(...mistakesSection(r.mistakes));
  return out.join('\n');
}

function describeSetup(main: MainRun): string[] {
  const mix = MIX.map(([k, s]) => `${k.replaceAll('_', ' ')} ${Math.round(s * 100)}%`).join(', ');
  return [
    `Data (seed ${main.size.seed}, generated in ${fmtSeconds(main.ledgerMs + main.statementMs)}, not part of any figure): ` +
      `${fmtInt(main.size.customers)} customers (92% Chinese names, 8% foreign, billed in USD/EUR; names built from the demo's word lists), ` +
      `${fmtInt(main.size.invoices)} open invoices INV-000001… issued over 180 days up to ten days before ${AS_OF} (the lines are booked in those ten days) (one customer in ten bills a fixed fee, ` +
      `30% of other amounts are round hundreds, 12% already part-paid), known bank accounts for half the customers, ` +
      `and ${fmtInt(main.lines)} bank lines: ${mix}.`,
    '',
    'Each line carries its truth (customer and exact allocations, or none). A match is correct when the customer, the',
    'allocations (invoice and amount) and the write-off difference all equal the truth. Where only the amount points at',
    'an invoice and the customer has several open invoices of that amount, the truth is the oldest one (customers pay',
    'oldest first). Recall counts the truth among the auto-applied proposal or a suggestion and its alternatives.',
    'With 5% of lines having no true match, a perfect matcher auto-applies 95% of the lines.',
    'Baseline: the literal `INV-` + 6 digits in the remittance text, else the one open invoice with exactly the',
    "line's amount, auto-applied. Engine: `buildMatchIndex` + `proposeMatches` with `DEFAULT_MATCH_SETTINGS`.",
    'Main figures: one pass over a freshly built index (as `matchBankTransactions` does each run), after a JIT',
    'warm-up on a small ledger of its own; index build and matching timed apart; lines/s is matching alone.',
  ];
}

function targets(main: MainRun, scaling: readonly ScalingRow[]): string[] {
  const e = main.results.find((m) => m.matcher === 'engine');
  const b = main.results.find((m) => m.matcher === 'baseline');
  if (!e || !b) return ['Targets: not judged without the engine.'];
  const ratio = b.scores.autoRate > 0 ? e.scores.autoRate / b.scores.autoRate : Number.POSITIVE_INFINITY;
  const rate = perSecond(main.lines, e.matchMs);
  const growth = scalingVerdict(scaling, 'engine');
  const rows: string[][] = [
    [
      'precision of auto-applied matches',
      '≥ 99.9%',
      pct(e.scores.precision, 2),
      verdict(e.scores.precision >= 0.999),
    ],
    ['auto-apply rate', '≥ 90%', pct(e.scores.autoRate), verdict(e.scores.autoRate >= 0.9)],
    [
      'exact-reference lines auto-applied correctly',
      '100%',
      pct(e.scores.referenceAutoCorrect, 2),
      verdict(e.scores.referenceAutoCorrect >= 1),
    ],
    [
      'no-match lines left unapplied',
      '≥ 95%',
      pct(e.scores.noneLeftUnapplied),
      verdict(e.scores.noneLeftUnapplied >= 0.95),
    ],
    ['auto-apply rate, engine / baseline', '≥ 1.4x', `${ratio.toFixed(2)}x`, verdict(ratio >= 1.4)],
    [
      'matching alone (bound on the 20,000 lines/s PostgreSQL target with writes)',
      '≥ 20,000 lines/s',
      fmtInt(rate),
      verdict(rate >= 20_000),
    ],
    [
      'time per line from the smallest to the largest scaling size',
      'no worse than log-linear',
      growth.text,
      growth.ok === null ? 'n/a' : verdict(growth.ok),
    ],
  ];
  return ['### Targets (issue 5)', '', table(['target', 'wanted', 'engine', ''], rows, [2])];
}

function byKind(main: MainRun): string[] {
  const headers = ['kind of line', 'lines'];
  for (const m of main.results)
    headers.push(`${m.matcher} auto`, `${m.matcher} precision`, `${m.matcher} recall`);
  const rows = MIX.map(([kind]) => {
    const row = [kind.replaceAll('_', ' '), fmtInt(main.results[0]?.scores.byKind.get(kind)?.lines ?? 0)];
    for (const m of main.results) {
      const t = m.scores.byKind.get(kind);
      if (!t) continue;
      row.push(
        pct(t.auto / t.lines),
        t.auto === 0 ? '–' : pct(t.autoCorrect / t.auto, 2),
        t.withTruth === 0 ? '–' : pct(t.found / t.withTruth),
      );
    }
    return row;
  });
  return [
    table(headers, rows, headers.map((_, i) => i).slice(1)),
    '',
    'For "none" lines precision is 0% by definition (nothing there is correct to apply): "auto" is the share wrongly applied.',
  ];
}
