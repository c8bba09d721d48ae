import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { type BusinessDate, maxDate } from '../../../shared/time/index.ts';
import { baseValue } from './base-value.sql.ts';
import { documentUses, reversalOf } from './document-uses.sql.ts';

/** Base-currency open amounts as of one date: invoices by due date, and unapplied credit notes. */
export type ReceivablesPoint = { notDue: bigint; pastDue: bigint; over90: bigint; credits: bigint };

/**
 * AR as of many dates in one query. A document counts from its date until its void; its uses count
 * from theirs until their reversal's. A document fully used up as of the last date has been since
 * its last use (open amounts never go below zero on any date), so later dates skip it: the work
 * grows with the open document-dates, not with documents x dates. Each open amount is converted
 * at its document's rate before summing.
 */
export async function receivablesAtDates(
  db: DbOrTx,
  options: { orgId: string; baseCurrency: string; dates: readonly BusinessDate[] },
): Promise<Map<string, ReceivablesPoint>> {
  const { orgId } = options;
  const last = options.dates.reduce(maxDate);
  const rows = await sql<{
    as_of: string;
    not_due: bigint;
    past_due: bigint;
    over_90: bigint;
    credits: bigint;
  }>`
    with d as (select unnest(string_to_array(${options.dates.join(',')}, ','))::date as as_of),
    uses as (${documentUses(orgId, last)}),
    closed as (
      select doc_id, max(on_date) as closed_on, sum(amount_minor) as minor from uses
      where off_date is null or off_date > ${last} group by doc_id
    ),
    docs as (
      select x.*, case when k.minor = x.total_minor then k.closed_on else 'infinity'::date end as closed_on from (
        select i.id, false as is_credit, i.issue_date as doc_date, i.due_date, i.currency, i.fx_rate, i.total_minor,
          rv.reversal_date as void_on
        from invoices i ${reversalOf('i', 'invoice')} where i.org_id = ${orgId} and i.issue_date <= ${last}
        union all
        select c.id, true, c.note_date, null, c.currency, c.fx_rate, c.total_minor, rv.reversal_date
        from credit_notes c ${reversalOf('c', 'credit_note')} where c.org_id = ${orgId} and c.note_date <= ${last}
      ) x left join closed k on k.doc_id = x.id
    ),
    grid as (
      select d.as_of, x.* from docs x
      join d on x.doc_date <= d.as_of and d.as_of < x.closed_on and (x.void_on is null or x.void_on > d.as_of)
    ),
    used as (
      select g.as_of, g.id, sum(u.amount_minor) as minor from grid g
      join uses u on u.doc_id = g.id and u.on_date <= g.as_of and (u.off_date is null or u.off_date > g.as_of)
      group by g.as_of, g.id
    ),
    o as (
      select g.as_of, g.is_credit, g.due_date, g.currency, g.fx_rate, g.total_minor - coalesce(s.minor, 0) as open_minor
      from grid g left join used s on s.as_of = g.as_of and s.id = g.id
    ),
    v as (select o.as_of, o.is_credit, o.due_date, ${baseValue('o', sql`o.open_minor`, options.baseCurrency)} as base from o)
    select as_of::text as as_of,
      coalesce(sum(base) filter (where not is_credit and due_date >= as_of), 0)::int8 as not_due,
      coalesce(sum(base) filter (where not is_credit and due_date < as_of), 0)::int8 as past_due,
      coalesce(sum(base) filter (where not is_credit and due_date < as_of - 90), 0)::int8 as over_90,
      coalesce(sum(base) filter (where is_credit), 0)::int8 as credits
    from v group by as_of`.execute(db);
  const out = new Map<string, ReceivablesPoint>();
  for (const d of options.dates) out.set(d, { notDue: 0n, pastDue: 0n, over90: 0n, credits: 0n });
  for (const r of rows.rows)
    out.set(r.as_of, { notDue: r.not_due, pastDue: r.past_due, over90: r.over_90, credits: r.credits });
  return out;
}
