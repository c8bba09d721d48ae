import { basename } from 'node:path';
import {
  closingTheGap,
  type Engine,
  type Failure,
  fmtRatio,
  fmtTime,
  fmtUs,
  ratio,
  readPlan,
  type SizeResult,
  TARGET_RATIO,
} from './aging-analysis.ts';
import { AS_OF } from './aging-generate.ts';
import { BUCKETS } from './aging-measure.ts';
import { loadNow, type Machine } from './machine.ts';
import { fmtInt, fmtMs, fmtPct, fmtSeconds, machineBlock, table, today } from './report.ts';

/** The aging benchmark's section of RESULTS.md (also what it prints). */
export function render(
  results: readonly SizeResult[],
  failures: readonly Failure[],
  machine: Machine,
  argv: readonly string[],
): string {
  const out: string[] = [];
  const runs = results[0]?.total.settle.runs ?? 0;
  out.push('## aging: exact as-of aging vs a raw GROUP BY of open amounts', '');
  out.push(
    `Measured ${today()} with \`${['npm run bench -- aging', ...argv.filter((a) => a !== '--write')].join(' ')}\`.`,
    '',
  );
  out.push(machineBlock(machine), '', `Load average when it finished: ${loadNow()}.`, '');
  out.push(...describeSetup(runs), '');
  out.push(
    table(
      [
        'engine',
        'invoices',
        'applications',
        'customers',
        'open invoices',
        'raw GROUP BY',
        'Settle',
        'Settle / raw',
        `target ≤ ${TARGET_RATIO}x`,
      ],
      results.map((r) => [
        r.engine,
        fmtInt(r.book.invoices),
        fmtInt(r.book.allocations),
        fmtInt(r.book.customers),
        fmtInt(r.book.openInvoices),
        fmtTime(r.total.raw.medianMs),
        fmtTime(r.total.settle.medianMs),
        fmtRatio(ratio(r.total)),
        ratio(r.total) <= TARGET_RATIO ? 'met' : 'missed',
      ]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    '',
  );
  for (const f of failures) {
    out.push(
      `${f.engine} at ${fmtInt(f.invoices)} invoices: failed after ${fmtSeconds(f.ms)} (${f.message}); no figure.`,
      '',
    );
  }
  out.push(
    ...scaling(
      results.filter((r) => r.engine === 'PostgreSQL'),
      'PostgreSQL',
    ),
  );
  out.push(
    ...scaling(
      results.filter((r) => r.engine === 'PGlite'),
      'PGlite',
    ),
  );
  out.push('### Per customer', '');
  out.push(
    "Settle `by: 'customer'` (one row per customer with an open invoice, joined to its code and name, sorted by",
    'label in Node) against the raw `GROUP BY customer_id, bucket` of the same table.',
    '',
  );
  out.push(
    table(
      ['engine', 'invoices', 'customers', 'customer rows', 'raw GROUP BY', 'Settle', 'Settle / raw'],
      results.map((r) => [
        r.engine,
        fmtInt(r.book.invoices),
        fmtInt(r.book.customers),
        fmtInt(r.perCustomer.rows),
        fmtTime(r.perCustomer.raw.medianMs),
        fmtTime(r.perCustomer.settle.medianMs),
        fmtRatio(ratio(r.perCustomer)),
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
    '',
  );
  out.push(...whereTimeGoes(results));
  out.push(...closingTheGap(results));
  out.push(...loading(results));
  return out.join('\n');
}

function describeSetup(runs: number): string[] {
  const cuts = BUCKETS.map((b) => `${b.label.en} (${b.fromDate ?? '…'} to ${b.toDate ?? '…'})`).join(', ');
  return [
    `Data: one org's book generated in the database (seeded; see \`bench/lib/aging-generate.ts\`): invoices issued evenly`,
    'over 2024-01-01 to 2025-12-30, net 30 or 60 days, 1 customer per 10 invoices; 0-4 applications per invoice',
    '(2 on average), each from its own receipt; 90% of paid invoices paid in full, the rest 20-80%; 3% of applications',
    'reversed; the remainder of 30% of short-paid invoices written off; journal postings for every document',
    `(invoice 1122/6001 + 1122/2221, receipt 1002/2203, application 2203/1122, write-off 1231/1122, reversal 1122/2203). As of ${AS_OF},`,
    `by due date: ${cuts}. The last two weeks of documents lie after the as-of date and must not count.`,
    '',
    'Baseline: `bench_open(customer_id uuid, due_date date, open_minor bigint)`, one row per invoice issued by the',
    "as-of date holding its open amount that day, computed from the generator's plan (not from Settle's tables),",
    'no index; `select case when due_date >= … then 0 … end, count(*), sum(open_minor) from bench_open where',
    'open_minor <> 0 group by 1`, run on the system handle. Settle: `computeAging(ctx, { as_of, basis: due,',
    "buckets: '30,60,90' })` through the org's handle (role settle_app under row-level security): the open amount",
    'of every invoice from invoices, allocations, write-offs and reversals as of the date, the unapplied cash and',
    'credit notes, and the AR control account (1122) balance for the reconciliation, then the DTO.',
    '',
    `Timing: one warm-up of each, then ${runs} runs alternating raw and Settle; medians. Before timing, Settle's`,
    'answer is checked cell by cell against the baseline (totals and every customer row) and its reconciliation',
    'line must balance; the benchmark fails otherwise.',
  ];
}

function scaling(rows: readonly SizeResult[], engine: Engine): string[] {
  if (rows.length < 2) return [];
  const sorted = [...rows].sort((a, b) => a.book.invoices - b.book.invoices);
  const out = [`### Scaling on ${engine}`, ''];
  out.push(
    table(
      ['invoices', 'Settle', 'per invoice', 'Settle growth', 'size growth', 'raw', 'raw per row'],
      sorted.map((r, i) => {
        const prev = sorted[i - 1];
        return [
          fmtInt(r.book.invoices),
          fmtTime(r.total.settle.medianMs),
          fmtUs(r.total.settle.medianMs, r.book.invoices),
          prev ? `${(r.total.settle.medianMs / prev.total.settle.medianMs).toFixed(1)}x` : '',
          prev ? `${(r.book.invoices / prev.book.invoices).toFixed(1)}x` : '',
          fmtTime(r.total.raw.medianMs),
          fmtUs(r.total.raw.medianMs, r.book.rawRows),
        ];
      }),
      [0, 1, 2, 3, 4, 5, 6],
    ),
    '',
  );
  const steps = sorted.slice(1).map((r, i) => {
    const prev = sorted[i] as SizeResult;
    const change =
      r.total.settle.medianMs / r.book.invoices / (prev.total.settle.medianMs / prev.book.invoices);
    const verdict =
      change > 1.25
        ? `${change.toFixed(2)}x the cost per invoice: worse than linear`
        : change < 0.8
          ? `${change.toFixed(2)}x the cost per invoice: better than linear (fixed costs per call weigh more on the small book)`
          : `${change.toFixed(2)}x the cost per invoice: linear within the noise`;
    return `${fmtInt(prev.book.invoices)} → ${fmtInt(r.book.invoices)}: ${verdict}`;
  });
  const spilled = sorted.find((r) => r.explain?.plan.text.includes('Disk Usage'));
  const e = spilled?.explain;
  out.push(
    `Per invoice, ${steps.join('; ')}.` +
      (spilled && e
        ? ` At ${fmtInt(spilled.book.invoices)} invoices the bucket query's hash aggregate and hash join no longer fit in ` +
          'work_mem (4 MB by default) and go to disk in batches (see the plan below)' +
          (e.bigWorkMem.medianMs < e.underRls.medianMs * 0.85
            ? `; with work_mem ${e.workMem} the query takes ${fmtTime(e.bigWorkMem.medianMs)} instead of ${fmtTime(e.underRls.medianMs)}.`
            : `, but with work_mem ${e.workMem} it is no faster (${fmtTime(e.bigWorkMem.medianMs)} against ${fmtTime(e.underRls.medianMs)}), so the spill is not the cause.`)
        : ''),
    '',
  );
  return out;
}

function whereTimeGoes(results: readonly SizeResult[]): string[] {
  const out = ['### Where the time goes', ''];
  out.push(
    "Each statement of Settle's call timed by wrapping the drivers Settle's dialects create, as bench/lib/query-tracer.ts",
    'does (no hook in product code), and told apart by its SQL (bench/lib/aging-statements.ts); medians over the timed',
    'runs. computeAging sends its three statements at once: on PostgreSQL they run side by side on pooled connections',
    '(so the parts add up to more than the call, and each is slowed by the others on 2 cores), PGlite, one connection,',
    'runs them one after the other. "Other" is the time no statement was running: Node building the report, and the',
    "round trip that switches a pooled connection to the org's scope (set_config) when it is checked out, which",
    'happens before the wrapper sees the connection.',
    '',
  );
  const rows: string[][] = [];
  for (const r of results) {
    for (const [kind, p] of [
      ['totals', r.total],
      ['per customer', r.perCustomer],
    ] as const) {
      rows.push([
        r.engine,
        fmtInt(r.book.invoices),
        kind,
        fmtTime(p.parts.cellsMs),
        fmtTime(p.parts.unappliedMs),
        fmtTime(p.parts.ledgerMs),
        fmtTime(p.parts.nodeMs),
        fmtTime(p.parts.wallMs),
      ]);
    }
  }
  out.push(
    table(
      [
        'engine',
        'invoices',
        'report',
        'open invoices → buckets',
        'unapplied cash + credits',
        'AR control (1122)',
        'other',
        'call',
      ],
      rows,
      [1, 3, 4, 5, 6, 7],
    ),
    '',
  );
  for (const r of results) {
    if (!r.explain) continue;
    const e = r.explain;
    const exec = e.plan.executionMs;
    out.push(
      `EXPLAIN (ANALYZE, BUFFERS) of the bucket query on ${r.engine} at ${fmtInt(r.book.invoices)} invoices, as Settle sent it ` +
        `(its parameters, as the app role under row-level security): planning ${fmtMs(e.plan.planningMs)}, ` +
        `execution ${fmtTime(exec)} (with EXPLAIN's own overhead). Nodes by their own time (children excluded; under a Gather, ` +
        `per process), the full plan in \`bench/out/${basename(e.file)}\`:`,
      '',
    );
    out.push(
      table(
        ['node', 'own time', 'share', 'rows', 'loops'],
        e.plan.nodes
          .slice(0, 10)
          .map((n) => [n.node, fmtTime(n.selfMs), fmtPct(n.selfMs / exec), fmtInt(n.rows), fmtInt(n.loops)]),
        [1, 2, 3, 4],
      ),
      '',
    );
    out.push(...readPlan(e), '');
  }
  return out;
}

function loading(results: readonly SizeResult[]): string[] {
  const out = ['### Loading the books (not part of any figure)', ''];
  out.push(
    table(
      [
        'engine',
        'invoices',
        'receipts',
        'write-offs',
        'reversals',
        'postings',
        'load',
        'of which VACUUM ANALYZE',
      ],
      results.map((r) => [
        r.engine,
        fmtInt(r.book.invoices),
        fmtInt(r.book.receipts),
        fmtInt(r.book.writeOffs),
        fmtInt(r.book.reversals),
        fmtInt(r.book.postings),
        fmtSeconds(r.loadMs),
        fmtSeconds(r.book.steps.find((s) => s.step === 'vacuum analyze')?.ms ?? 0),
      ]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    '',
  );
  out.push(
    'Loaded with `INSERT … SELECT` over `generate_series` inside the database (no rows from Node; it is the same',
    'SQL on both engines), on the system handle (the owner, which row-level security does not confine) in one',
    'transaction with `set local session_replication_role = replica`, which needs a superuser (PGlite runs as one):',
    "it keeps the audit trail's statement triggers from writing an audit row per loaded row, and skips the",
    'foreign-key triggers, whose integrity the generator keeps by construction. The audit trail therefore holds',
    'nothing for the bench documents, which the aging does not read. Then `VACUUM ANALYZE` of the loaded tables',
    '(the PostgreSQL server runs with autovacuum off), so both sides are timed on a settled database.',
  );
  return out;
}
