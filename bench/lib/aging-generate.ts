import { sql } from 'kysely';
import type { Database } from '../../src/shared/db/index.ts';

/**
 * The aging benchmark's book, generated inside the database with INSERT … SELECT over
 * generate_series: no rows travel from Node, and the same SQL loads PostgreSQL and PGlite.
 * Every random choice is `hashint8extended(row number, seed)`, so a seed gives the same book on
 * both engines (the hash is the same on both) and on every run.
 *
 * Shape: invoices issued evenly over two years (2024-01-01 to 2025-12-30), net 30 or 60 days;
 * 0 to 4 applications each (2 on average), each from its own receipt; 90% of the paid invoices
 * paid in full, the rest 20-80%; 3% of applications reversed 1-30 days later; 30% of the invoices
 * left with a remainder have it written off as bad debt 90-150 days after the due date. The
 * as-of date is 2025-12-15, so the last two weeks of documents do not exist yet and every bucket fills.
 */
export const AS_OF = '2025-12-15';
const START = '2024-01-01';
const SPAN_DAYS = 730;
const CURRENCY = 'CNY';

export type BookSize = { invoices: number; customers: number; seed: number };
export type LoadStep = { step: string; rows: number; ms: number };
export type Book = {
  invoices: number;
  customers: number;
  receipts: number;
  allocations: number;
  writeOffs: number;
  reversals: number;
  postings: number;
  /** Rows of the baseline table bench_open (invoices issued by the as-of date), and how many are open. */
  rawRows: number;
  openInvoices: number;
  steps: LoadStep[];
};

/** 1 customer per 10 invoices: 100,000 customers for 1,000,000 invoices. */
export function customersFor(invoices: number): number {
  return Math.max(1, Math.round(invoices / 10));
}

/**
 * Loads the book for `orgId` on the system handle (the owner, which row-level security does not
 * confine), in one transaction with `session_replication_role = replica`: that skips the audit
 * trail's statement triggers (an audit row per loaded row) and the foreign-key triggers, whose
 * integrity the generator keeps by construction. It needs a superuser (PGlite's user is one).
 */
export async function loadBook(database: Database, orgId: string, size: BookSize): Promise<Book> {
  if (!/^[0-9a-f-]{36}$/.test(orgId)) throw new Error(`not a uuid: ${orgId}`);
  const g = sqlFor(orgId, size);
  const steps: LoadStep[] = [];
  await database.db.transaction().execute(async (trx) => {
    try {
      await sql`set local session_replication_role = replica`.execute(trx);
    } catch (e) {
      throw new Error(
        `loading the aging book needs a superuser (set session_replication_role): ${(e as Error).message}`,
      );
    }
    for (const [step, text] of g.steps) {
      const t0 = performance.now();
      const res = await sql.raw(text).execute(trx);
      steps.push({ step, rows: Number(res.numAffectedRows ?? 0n), ms: performance.now() - t0 });
    }
  });
  const t0 = performance.now();
  for (const table of TABLES) await sql.raw(`vacuum analyze ${table}`).execute(database.db);
  steps.push({ step: 'vacuum analyze', rows: 0, ms: performance.now() - t0 });
  const counts = await countBook(database, orgId);
  return { ...counts, steps };
}

const TABLES = [
  'customers',
  'invoices',
  'receipts',
  'allocations',
  'write_offs',
  'reversals',
  'journal_postings',
  'bench_open',
];

async function countBook(database: Database, orgId: string): Promise<Omit<Book, 'steps'>> {
  const { rows } = await sql<Record<string, string | number | bigint>>`select
    (select count(*) from customers where org_id = ${orgId}) as customers,
    (select count(*) from invoices where org_id = ${orgId}) as invoices,
    (select count(*) from receipts where org_id = ${orgId}) as receipts,
    (select count(*) from allocations where org_id = ${orgId}) as allocations,
    (select count(*) from write_offs where org_id = ${orgId}) as write_offs,
    (select count(*) from reversals where org_id = ${orgId}) as reversals,
    (select count(*) from journal_postings where org_id = ${orgId}) as postings,
    (select count(*) from bench_open) as raw_rows,
    (select count(*) from bench_open where open_minor <> 0) as open_invoices`.execute(database.db);
  const r = rows[0] ?? {};
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    customers: n('customers'),
    invoices: n('invoices'),
    receipts: n('receipts'),
    allocations: n('allocations'),
    writeOffs: n('write_offs'),
    reversals: n('reversals'),
    postings: n('postings'),
    rawRows: n('raw_rows'),
    openInvoices: n('open_invoices'),
  };
}

/** The statements, in order, as [step, SQL]; every number in them is checked to be an integer. */
function sqlFor(orgId: string, size: BookSize): { steps: [string, string][] } {
  const int = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${n}`);
    return String(n);
  };
  const N = int(size.invoices, 'invoices');
  const C = int(size.customers, 'customers');
  const seed = BigInt(int(size.seed, 'seed')) * 1000n;
  /** A uniform integer in [0, m) drawn for row `x`, independent per salt. */
  const R = (x: string, salt: number, m: number) =>
    `(((hashint8extended((${x})::int8, ${seed + BigInt(salt)}) % ${m}) + ${m}) % ${m})`;
  /** A UUIDv7-shaped id, ordered by (table, row) as real v7 ids are ordered by creation time. */
  const id = (table: number, x: string) =>
    `(lpad(to_hex((${table}::int8 << 40) | (${x})::int8), 12, '0') || '70008000' || lpad(to_hex((${x})::int8), 12, '0'))::uuid`;
  const org = `'${orgId}'::uuid`;
  const asOf = `date '${AS_OF}'`;
  const posting = `insert into journal_postings (org_id, entry_id, line_no, entry_date, entry_kind, customer_id,
    debit_account, credit_account, currency, amount_minor, base_amount_minor, reverses_entry_id)`;
  return {
    steps: [
      [
        'plan invoices (temp)',
        `create temp table bench_inv on commit drop as
        select i, cust, issue_date, issue_date + terms as due_date, net, net * 13 / 100 as tax,
          net + net * 13 / 100 as total, n,
          case when n = 0 then 0 when full_roll < 90 then net + net * 13 / 100
            else (net + net * 13 / 100) * pct / 100 end as paid,
          issue_date + pay_delay as first_pay, wo_roll, wo_delay
        from (
          select i, 1 + ${R('i', 1, Number(C))} as cust,
            date '${START}' + ((i - 1) * ${SPAN_DAYS} / ${N})::int4 as issue_date,
            case when ${R('i', 2, 3)} = 0 then 60 else 30 end as terms,
            10000 + ${R('i', 3, 9_990_001)} as net,
            case when ${R('i', 4, 100)} < 8 then 0 when ${R('i', 4, 100)} < 36 then 1
              when ${R('i', 4, 100)} < 68 then 2 when ${R('i', 4, 100)} < 88 then 3 else 4 end as n,
            ${R('i', 5, 100)} as full_roll, 20 + ${R('i', 6, 61)} as pct,
            ${R('i', 8, 100)} as wo_roll, ${R('i', 9, 60)}::int4 as wo_delay,
            ${R('i', 10, 76)}::int4 as pay_delay
          from generate_series(1::int8, ${N}::int8) as i
        ) r`,
      ],
      [
        'plan applications (temp)',
        `create temp table bench_alloc on commit drop as
        select (v.i - 1) * 4 + k as a, v.i, v.cust, k,
          case when k < v.n then v.paid / v.n else v.paid - (v.n - 1) * (v.paid / v.n) end as amount,
          v.first_pay + (k::int4 - 1) * 7 as alloc_date,
          greatest(v.issue_date, v.first_pay + (k::int4 - 1) * 7 - ${R('(v.i - 1) * 4 + k', 13, 4)}::int4) as receipt_date,
          ${R('(v.i - 1) * 4 + k', 11, 100)} < 3 as is_reversed,
          v.first_pay + (k::int4 - 1) * 7 + 1 + ${R('(v.i - 1) * 4 + k', 12, 30)}::int4 as reversal_date
        from bench_inv v cross join lateral generate_series(1::int8, v.n::int8) as k`,
      ],
      [
        'customers',
        `insert into customers (org_id, id, code, name, currency, payment_terms_days)
        select ${org}, ${id(1, 'c')}, 'C' || lpad(c::text, 7, '0'), 'Bench customer ' || c, '${CURRENCY}', 30
        from generate_series(1::int8, ${C}::int8) as c`,
      ],
      [
        'invoices',
        `insert into invoices (org_id, id, number, customer_id, issue_date, due_date, currency, fx_rate,
          subtotal_minor, tax_minor, total_minor, base_total_minor, source)
        select ${org}, ${id(2, 'i')}, 'INV-' || lpad(i::text, 8, '0'), ${id(1, 'cust')}, issue_date, due_date,
          '${CURRENCY}', 1, net, tax, total, total, 'bench'
        from bench_inv order by i`,
      ],
      [
        'receipts',
        `insert into receipts (org_id, id, number, customer_id, receipt_date, currency, fx_rate, amount_minor, base_amount_minor)
        select ${org}, ${id(3, 'a')}, 'RCT-' || lpad(a::text, 9, '0'), ${id(1, 'cust')}, receipt_date, '${CURRENCY}', 1,
          amount, amount
        from bench_alloc order by a`,
      ],
      [
        'allocations',
        `insert into allocations (org_id, id, receipt_id, invoice_id, customer_id, currency, amount_minor, allocation_date)
        select ${org}, ${id(4, 'a')}, ${id(3, 'a')}, ${id(2, 'i')}, ${id(1, 'cust')}, '${CURRENCY}', amount, alloc_date
        from bench_alloc order by a`,
      ],
      [
        'write_offs',
        `insert into write_offs (org_id, id, invoice_id, customer_id, currency, amount_minor, write_off_date, kind, account_code)
        select ${org}, ${id(5, 'i')}, ${id(2, 'i')}, ${id(1, 'cust')}, '${CURRENCY}', total - paid,
          due_date + 90 + wo_delay, 'bad_debt', '1231'
        from bench_inv where total > paid and wo_roll < 30 order by i`,
      ],
      [
        'reversals',
        `insert into reversals (org_id, id, target_type, target_id, reversal_date, reason)
        select ${org}, ${id(6, 'a')}, 'allocation', ${id(4, 'a')}, reversal_date, 'payment returned'
        from bench_alloc where is_reversed order by a`,
      ],
      [
        'postings: invoices (2 lines)',
        `${posting}
        select ${org}, ${id(2, 'i')}, l.line_no, issue_date, 'invoice', ${id(1, 'cust')}, '1122',
          case l.line_no when 1 then '6001' else '2221' end, '${CURRENCY}',
          case l.line_no when 1 then net else tax end, case l.line_no when 1 then net else tax end, null
        from bench_inv cross join (values (1::int2), (2::int2)) as l(line_no) order by i, l.line_no`,
      ],
      [
        'postings: receipts',
        `${posting}
        select ${org}, ${id(3, 'a')}, 1, receipt_date, 'receipt', ${id(1, 'cust')}, '1002', '2203', '${CURRENCY}',
          amount, amount, null
        from bench_alloc order by a`,
      ],
      [
        'postings: applications',
        `${posting}
        select ${org}, ${id(4, 'a')}, 1, alloc_date, 'allocation', ${id(1, 'cust')}, '2203', '1122', '${CURRENCY}',
          amount, amount, null
        from bench_alloc order by a`,
      ],
      [
        'postings: write-offs',
        `${posting}
        select ${org}, ${id(5, 'i')}, 1, due_date + 90 + wo_delay, 'write_off', ${id(1, 'cust')}, '1231', '1122',
          '${CURRENCY}', total - paid, total - paid, null
        from bench_inv where total > paid and wo_roll < 30 order by i`,
      ],
      [
        'postings: reversals',
        `${posting}
        select ${org}, ${id(6, 'a')}, 1, reversal_date, 'reversal', ${id(1, 'cust')}, '1122', '2203', '${CURRENCY}',
          amount, amount, ${id(4, 'a')}
        from bench_alloc where is_reversed order by a`,
      ],
      [
        'baseline bench_open',
        // The open amount of every invoice issued by the as-of date, from the generator's plan (not
        // from Settle's tables): what a maintained per-invoice open-amount table would hold that day.
        `create table bench_open as
        select ${id(1, 'v.cust')} as customer_id, v.due_date,
          (v.total - coalesce(p.amount, 0)
            - case when v.total > v.paid and v.wo_roll < 30 and v.due_date + 90 + v.wo_delay <= ${asOf}
                then v.total - v.paid else 0 end)::int8 as open_minor
        from bench_inv v
        left join (
          select i, sum(amount) as amount from bench_alloc
          where alloc_date <= ${asOf} and not (is_reversed and reversal_date <= ${asOf})
          group by i
        ) p on p.i = v.i
        where v.issue_date <= ${asOf}
        order by v.i`,
      ],
    ],
  };
}
