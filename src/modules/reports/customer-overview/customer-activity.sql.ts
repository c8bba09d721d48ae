import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { ActivityKind } from './customer-overview.schemas.ts';

export type ActivityRow = {
  kind: ActivityKind;
  key: string;
  date: string;
  at: Date;
  at_us: string;
  document_type: string | null;
  document_id: string | null;
  number: string | null;
  reference: string | null;
  reversed_type: string | null;
  amount_minor: bigint | null;
  currency: string | null;
  actor: string | null;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type ActivityScope = { orgId: string; customerId: string; timeZone: string };
/** Where a page ended: business date, microseconds since the epoch recorded, entry key. */
export type ActivityPosition = { date: string; at: string; key: string };

/**
 * Everything that happened to a customer, from the documents themselves (each with the actor of
 * its insert in the audit trail, looked up for the page's rows only) and, for changes to the customer record and its contacts, from
 * the audit trail. Newest first by business date, then by time recorded; within one moment a
 * consequence above its cause (the key starts with a rank: an allocation above its receipt).
 */
export async function queryCustomerActivity(
  db: DbOrTx,
  s: ActivityScope,
  page: { limit: number; before: ActivityPosition | null },
): Promise<ActivityRow[]> {
  const org = s.orgId;
  const cust = s.customerId;
  const nothing = sql`null::text`;
  const empty = sql`null::jsonb`;
  const day = (col: RawBuilder<unknown>) => sql`(${col} at time zone ${s.timeZone})::date::text`;
  const branches: RawBuilder<unknown>[] = [
    sql`select 'invoice' as kind, '1:invoice:' || i.id as key, i.issue_date::text as date, i.created_at as at,
        'invoice' as document_type, i.id::text as document_id, i.number, ${nothing} as reference,
        ${nothing} as reversed_type, i.total_minor as amount_minor, i.currency::text as currency,
        ${nothing} as audit_actor, i.description as note, ${empty} as before, ${empty} as after, 'invoices' as audit_entity
      from invoices i where i.org_id = ${org} and i.customer_id = ${cust}`,
    sql`select 'receipt', '2:receipt:' || r.id, r.receipt_date::text, r.created_at, 'receipt', r.id::text, r.number,
        r.reference, ${nothing}, r.amount_minor, r.currency::text, ${nothing}, r.memo,
        ${empty}, ${empty}, 'receipts'
      from receipts r where r.org_id = ${org} and r.customer_id = ${cust}`,
    sql`select 'credit_note', '2:credit_note:' || n.id, n.note_date::text, n.created_at, 'credit_note', n.id::text,
        n.number, i.number, ${nothing}, n.total_minor, n.currency::text, ${nothing},
        n.reason, ${empty}, ${empty}, 'credit_notes'
      from credit_notes n left join invoices i on i.org_id = n.org_id and i.id = n.invoice_id
      where n.org_id = ${org} and n.customer_id = ${cust}`,
    sql`select 'allocation', '3:allocation:' || a.id, a.allocation_date::text, a.created_at, 'allocation', a.id::text,
        coalesce(r.number, n.number), i.number, ${nothing}, a.amount_minor, a.currency::text,
        ${nothing}, ${nothing}, ${empty}, ${empty}, 'allocations'
      from allocations a
      join invoices i on i.org_id = a.org_id and i.id = a.invoice_id
      left join receipts r on r.org_id = a.org_id and r.id = a.receipt_id
      left join credit_notes n on n.org_id = a.org_id and n.id = a.credit_note_id
      where a.org_id = ${org} and a.customer_id = ${cust}`,
    sql`select 'write_off', '4:write_off:' || w.id, w.write_off_date::text, w.created_at, 'write_off', w.id::text,
        i.number, ${nothing}, ${nothing}, w.amount_minor, w.currency::text, ${nothing},
        w.reason, ${empty}, ${empty}, 'write_offs'
      from write_offs w join invoices i on i.org_id = w.org_id and i.id = w.invoice_id
      where w.org_id = ${org} and w.customer_id = ${cust}`,
    sql`select 'refund', '4:refund:' || f.id, f.refund_date::text, f.created_at, 'refund', f.id::text, r.number,
        f.reference, ${nothing}, f.amount_minor, f.currency::text, ${nothing}, ${nothing},
        ${empty}, ${empty}, 'refunds'
      from refunds f join receipts r on r.org_id = f.org_id and r.id = f.receipt_id
      where f.org_id = ${org} and f.customer_id = ${cust}`,
    // A reversal has no customer of its own: it is the customer's through the document it undoes.
    sql`select case when v.target_type in ('invoice', 'credit_note') then 'void' else 'reversal' end,
        '5:reversal:' || v.id, v.reversal_date::text, v.created_at, t.document_type, t.id::text, t.number,
        t.reference, v.target_type, t.amount_minor, t.currency::text, ${nothing},
        v.reason, ${empty}, ${empty}, 'reversals'
      from reversals v
      join (
        select 'invoice' as target_type, 'invoice' as document_type, i.id, i.number, null::text as reference,
          i.total_minor as amount_minor, i.currency
        from invoices i where i.org_id = ${org} and i.customer_id = ${cust}
        union all
        select 'credit_note', 'credit_note', n.id, n.number, null, n.total_minor, n.currency
        from credit_notes n where n.org_id = ${org} and n.customer_id = ${cust}
        union all
        select 'receipt', 'receipt', r.id, r.number, null, r.amount_minor, r.currency
        from receipts r where r.org_id = ${org} and r.customer_id = ${cust}
        union all
        select 'allocation', 'allocation', a.id, coalesce(r.number, n.number), i.number, a.amount_minor, a.currency
        from allocations a
        join invoices i on i.org_id = a.org_id and i.id = a.invoice_id
        left join receipts r on r.org_id = a.org_id and r.id = a.receipt_id
        left join credit_notes n on n.org_id = a.org_id and n.id = a.credit_note_id
        where a.org_id = ${org} and a.customer_id = ${cust}
        union all
        select 'write_off', 'write_off', w.id, i.number, null, w.amount_minor, w.currency
        from write_offs w join invoices i on i.org_id = w.org_id and i.id = w.invoice_id
        where w.org_id = ${org} and w.customer_id = ${cust}
        union all
        select 'refund', 'refund', f.id, r.number, null, f.amount_minor, f.currency
        from refunds f join receipts r on r.org_id = f.org_id and r.id = f.receipt_id
        where f.org_id = ${org} and f.customer_id = ${cust}
      ) t on t.target_type = v.target_type and t.id = v.target_id
      where v.org_id = ${org}`,
    sql`select 'dispute_opened', '6:dispute_opened:' || d.id, d.opened_on::text, d.created_at, 'invoice',
        i.id::text, i.number, ${nothing}, ${nothing}, null::int8, ${nothing}, ${nothing},
        d.reason, ${empty}, ${empty}, 'disputes'
      from disputes d join invoices i on i.org_id = d.org_id and i.id = d.invoice_id
      where d.org_id = ${org} and d.customer_id = ${cust}`,
    sql`select 'dispute_resolved', '7:dispute_resolved:' || d.id, d.resolved_on::text, d.created_at, 'invoice',
        i.id::text, i.number, ${nothing}, ${nothing}, null::int8, ${nothing}, ${nothing}, d.resolution,
        ${empty}, ${empty}, ${nothing}
      from disputes d join invoices i on i.org_id = d.org_id and i.id = d.invoice_id
      where d.org_id = ${org} and d.customer_id = ${cust} and d.resolved_on is not null`,
    sql`select case al.action when 'insert' then 'customer_created' else 'customer_updated' end,
        '0:audit:' || lpad(al.seq::text, 19, '0'), ${day(sql`al.occurred_at`)}, al.occurred_at, 'customer', al.entity_id, ${nothing},
        ${nothing}, ${nothing}, null::int8, ${nothing}, al.actor, ${nothing}, al.before, al.after, ${nothing}
      from audit_log al
      where al.org_id = ${org} and al.entity = 'customers' and al.entity_id = ${cust}::text
        and al.action in ('insert', 'update')`,
    sql`select case al.action when 'insert' then 'contact_added' when 'update' then 'contact_updated'
          else 'contact_removed' end,
        '0:audit:' || lpad(al.seq::text, 19, '0'), ${day(sql`al.occurred_at`)}, al.occurred_at, 'contact', al.entity_id, ${nothing},
        ${nothing}, ${nothing}, null::int8, ${nothing}, al.actor, ${nothing}, al.before, al.after, ${nothing}
      from audit_log al
      where al.org_id = ${org} and al.entity = 'customer_contacts'
        and coalesce(al.after ->> 'customer_id', al.before ->> 'customer_id') = ${cust}::text`,
  ];
  // Microseconds as a string: a JS Date would round them off and a page could skip a tie.
  const before = page.before
    ? sql`where (e.date, e.at_us::int8, e.key) < (${page.before.date}, ${page.before.at}::int8, ${page.before.key})`
    : sql``;
  const { rows } = await sql<ActivityRow>`
    select p.*, coalesce(p.audit_actor, (select al.actor from audit_log al where al.org_id = ${org}
        and al.entity = p.audit_entity and al.entity_id = split_part(p.key, ':', 3) and al.action = 'insert'
        limit 1)) as actor
    from (
      select * from (
        select e.*, (extract(epoch from e.at) * 1000000)::int8::text as at_us
        from (${sql.join(branches, sql` union all `)}) e
      ) e
      ${before}
      order by e.date desc, e.at_us::int8 desc, e.key desc
      limit ${page.limit + 1}
    ) p
    order by p.date desc, p.at_us::int8 desc, p.key desc`.execute(db);
  return rows;
}
