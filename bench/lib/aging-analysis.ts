import type { Diagnosis } from './aging-explain.ts';
import type { Book } from './aging-generate.ts';
import type { Pair } from './aging-measure.ts';
import { fmtInt, fmtMs, fmtPct, fmtSeconds } from './report.ts';

/** Settle's aging may take at most this many times the raw GROUP BY (the target). */
export const TARGET_RATIO = 3;

export type Engine = 'PostgreSQL' | 'PGlite';
export type Failure = { engine: Engine; invoices: number; ms: number; message: string };
/** What one book on one engine measured. */
export type SizeResult = {
  engine: Engine;
  book: Book;
  loadMs: number;
  total: Pair;
  perCustomer: Pair;
  serverVersion: string;
  explain?: Diagnosis;
};

export const ratio = (p: Pair) => p.settle.medianMs / p.raw.medianMs;
export const fmtRatio = (r: number) => `${r < 10 ? r.toFixed(1) : r.toFixed(0)}x`;
export const fmtTime = (ms: number) => (ms >= 10_000 ? fmtSeconds(ms) : fmtMs(ms));
export const fmtUs = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(2)} µs`;

/** The plan in words: where the bucket query's time goes, and what row-level security does to it. */
export function readPlan(e: Diagnosis): string[] {
  const exec = e.plan.executionMs;
  const applied = e.plan.subqueries.ap;
  const written = e.plan.subqueries.wo;
  const ownerParallel = e.ownerPlan.text.includes('Gather');
  const rlsParallel = e.plan.text.includes('Gather');
  const ownerAggregate = e.ownerPlan.nodes
    .filter((n) => n.node.startsWith('Aggregate (Hashed)'))
    .sort((a, b) => b.rows - a.rows)[0];
  const lines: string[] = [];
  if (applied !== undefined) {
    lines.push(
      `Summing the live applications per invoice (subquery \`ap\`: the scan of allocations, the anti join that drops reversed ones, ` +
        `the hash aggregate) takes ${fmtTime(applied)}, ${fmtPct(applied / exec)} of the execution` +
        (written !== undefined ? `; the write-offs (\`wo\`) ${fmtTime(written)}` : '') +
        '; the rest is scanning the invoices, joining them to those sums and to the customers, and grouping into buckets.',
    );
  }
  lines.push(
    `Alone, the statement takes ${fmtTime(e.underRls.medianMs)} as the app role and ${fmtTime(e.asOwner.medianMs)} as the owner ` +
      `(no policies), median of ${e.asOwner.runs}; with \`set local work_mem = '${e.workMem}'\` ${fmtTime(e.bigWorkMem.medianMs)}.` +
      (ownerParallel && !rlsParallel
        ? ` The owner's plan is parallel (a Gather over ${ownerAggregate ? fmtInt(ownerAggregate.loops) : 'several'} processes) and every ` +
          'process builds the per-invoice sums of applications in full (the hash aggregate runs once per process); under ' +
          'row-level security PostgreSQL never plans in parallel, because the policies call `settle_current_org()` and ' +
          '`settle_current_salesperson()`, which are not declared PARALLEL SAFE.'
        : ''),
  );
  return lines;
}

/** What the largest PostgreSQL book says about the target, and what would reach it. */
export function closingTheGap(results: readonly SizeResult[]): string[] {
  const r = [...results]
    .filter((x) => x.engine === 'PostgreSQL')
    .sort((a, b) => b.book.invoices - a.book.invoices)[0];
  if (!r) return [];
  const p = r.total.parts;
  const isMet = ratio(r.total) <= TARGET_RATIO;
  const out = [`### ${isMet ? 'The target' : 'What would close the gap'}`, ''];
  const alone = r.explain?.underRls.medianMs;
  out.push(
    `At ${fmtInt(r.book.invoices)} invoices Settle takes ${fmtTime(r.total.settle.medianMs)}, ${fmtRatio(ratio(r.total))} the raw query ` +
      `(target ≤ ${TARGET_RATIO}x: ${isMet ? 'met' : 'missed'}). ` +
      (alone === undefined
        ? ''
        : `The bucket query alone takes ${fmtTime(alone)} (${fmtRatio(alone / r.total.raw.medianMs)} the raw query): it reads every invoice, ` +
          `application, write-off and reversal dated up to the as-of date. `) +
      `The other two statements read the journal: unapplied cash (${fmtTime(p.unappliedMs)}) and the AR control balance for the ` +
      `reconciliation (${fmtTime(p.ledgerMs)}) each go through all ${fmtInt(r.book.postings)} postings. Every part grows with the ` +
      'history of the book, not with what is open, while the baseline reads one precomputed row per invoice.',
    '',
  );
  if (isMet) return out;
  out.push(
    'Not changed here (product code); what would close it, largest first:',
    '',
    '1. A per-invoice open-amount table (org, invoice, customer, currency, due date, open amount) maintained in the',
    '   same transaction as every allocation, write-off and reversal, with a partial index on the open rows. The aging',
    '   as of today is then the raw query itself; as of a past date it starts from that table and adds back only the',
    '   applications, write-offs and reversals dated after the as-of date, which for a recent date are few.',
    '2. Journal balances per account, customer, currency and month, maintained with each posting (postings stay',
    '   append-only; the balance row is derived data): the AR control balance and the unapplied cash then read one row',
    '   per customer and month plus the postings of the as-of month, instead of the whole journal.',
    `3. Smaller, within today's queries: ${smallerWins(r).join('; ')}.`,
    '',
  );
  return out;
}

function smallerWins(r: SizeResult): string[] {
  const out: string[] = [];
  const e = r.explain;
  if (e) {
    const rls = e.underRls.medianMs;
    out.push(
      e.bigWorkMem.medianMs < rls * 0.85
        ? `a larger work_mem for the report (${e.workMem}, set locally) takes the bucket query from ${fmtTime(rls)} to ${fmtTime(e.bigWorkMem.medianMs)}`
        : `a larger work_mem does not help (${fmtTime(e.bigWorkMem.medianMs)} with ${e.workMem} against ${fmtTime(rls)})${e.plan.text.includes('Disk Usage') ? ': the spills to disk are not what costs' : ''}`,
    );
    out.push(
      e.asOwner.medianMs < rls * 0.85
        ? `row-level security costs ${fmtTime(rls - e.asOwner.medianMs)} of the bucket query (the per-row org and salesperson-scope filters)`
        : e.ownerPlan.text.includes('Gather')
          ? 'row-level security costs nothing measurable on the bucket query; declaring the policy functions PARALLEL SAFE would ' +
            `let PostgreSQL plan Settle's queries in parallel, which is ${e.asOwner.medianMs > rls * 1.15 ? 'slower' : 'no faster'} for the bucket query ` +
            `(${fmtTime(e.asOwner.medianMs)} as the owner, against ${fmtTime(rls)}) ` +
            'and not measured here for the two journal scans'
          : `row-level security costs nothing measurable on the bucket query (${fmtTime(e.asOwner.medianMs)} as the owner)`,
    );
  }
  const c = r.perCustomer;
  out.push(
    `by customer, ${fmtTime(c.parts.nodeMs)} of the call is Node turning ${fmtInt(c.rows)} customers' cells into report rows ` +
      `(grouping, sorting by label with \`localeCompare\`, formatting every amount as a decimal string): ` +
      `${fmtUs(c.parts.nodeMs, Math.max(1, c.rows))} a row`,
  );
  return out;
}
