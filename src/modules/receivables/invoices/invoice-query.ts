import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { type BusinessDate, daysBetween } from '../../../shared/time/index.ts';
import { live } from '../open-items.sql.ts';
import type { TInvoiceDto } from '../receivables.dto.ts';
import type { InvoiceStatus } from '../receivables.schemas.ts';

export type InvoiceStateRow = {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  issue_date: string;
  due_date: string;
  currency: string;
  fx_rate: string;
  subtotal_minor: bigint;
  tax_minor: bigint;
  total_minor: bigint;
  base_total_minor: bigint;
  po_number: string | null;
  salesperson: string | null;
  description: string | null;
  lines: unknown;
  source: string;
  created_at: Date;
  applied_minor: bigint;
  written_off_minor: bigint;
  has_bad_debt: boolean;
  voided_on: string | null;
  is_disputed: boolean;
  status: InvoiceStatus;
};

export type InvoiceOrder = `${'id' | 'number' | 'due_date'} ${'asc' | 'desc'}`;

/**
 * Invoices with their state as of a date. `innerWhere` is SQL over invoices `i`. Without a status
 * filter the page is cut before any state is computed, so a page costs the same on any ledger
 * size; each state column is computed once per invoice (the OFFSET 0 keeps the planner from
 * inlining the lateral subquery into every place its columns are used).
 */
export async function queryInvoiceStates(
  db: DbOrTx,
  options: {
    orgId: string;
    asOf: BusinessDate;
    status?: InvoiceStatus | readonly InvoiceStatus[];
    innerWhere?: RawBuilder<unknown> | undefined;
    order?: InvoiceOrder;
    limit?: number;
  },
): Promise<InvoiceStateRow[]> {
  const { orgId, asOf } = options;
  const [column, dir] = (options.order ?? 'id desc').split(' ') as [
    'id' | 'number' | 'due_date',
    'asc' | 'desc',
  ];
  const orderBy = (alias: string) =>
    sql`order by ${sql.ref(`${alias}.${column}`)} ${sql.raw(dir)}, ${sql.ref(`${alias}.id`)} ${sql.raw(dir)}`;
  const limit = options.limit === undefined ? sql`` : sql`limit ${options.limit}`;
  const pageInside = options.status === undefined;
  const status = sql`case
    when st.voided_on is not null then 'void'
    when b.total_minor - st.applied_minor - st.written_off_minor = 0 and st.has_bad_debt then 'written_off'
    when b.total_minor - st.applied_minor - st.written_off_minor = 0 then 'paid'
    when b.due_date < ${asOf} then 'overdue'
    when st.applied_minor + st.written_off_minor > 0 then 'partially_paid'
    else 'open' end`;
  const r = await sql<InvoiceStateRow>`
    select b.*, st.applied_minor, st.written_off_minor, st.has_bad_debt, st.voided_on, st.is_disputed, ${status} as status
    from (
      select i.id, i.number, i.customer_id, c.code as customer_code, c.name as customer_name,
        i.issue_date, i.due_date, i.currency, i.fx_rate::text as fx_rate, i.subtotal_minor, i.tax_minor, i.total_minor,
        i.base_total_minor, i.po_number, i.salesperson, i.description, i.lines, i.source, i.created_at
      from invoices i join customers c on c.org_id = i.org_id and c.id = i.customer_id
      where i.org_id = ${orgId} and i.issue_date <= ${asOf}
        ${options.innerWhere ? sql`and ${options.innerWhere}` : sql``}
      ${pageInside ? sql`${orderBy('i')} ${limit}` : sql``}
    ) b
    cross join lateral (
      select
        (select coalesce(sum(a.amount_minor), 0) from allocations a
          where a.org_id = ${orgId} and a.invoice_id = b.id and ${live('a', 'allocation', 'allocation_date', asOf)})::int8 as applied_minor,
        (select coalesce(sum(w.amount_minor), 0) from write_offs w
          where w.org_id = ${orgId} and w.invoice_id = b.id and ${live('w', 'write_off', 'write_off_date', asOf)})::int8 as written_off_minor,
        exists (select 1 from write_offs w where w.org_id = ${orgId} and w.invoice_id = b.id and w.kind = 'bad_debt'
          and ${live('w', 'write_off', 'write_off_date', asOf)}) as has_bad_debt,
        (select min(r.reversal_date) from reversals r where r.org_id = ${orgId} and r.target_type = 'invoice'
          and r.target_id = b.id and r.reversal_date <= ${asOf}) as voided_on,
        exists (select 1 from disputes d where d.org_id = ${orgId} and d.invoice_id = b.id and d.opened_on <= ${asOf}
          and (d.resolved_on is null or d.resolved_on > ${asOf})) as is_disputed
      offset 0
    ) st
    ${statusWhere(status, options.status)}
    ${orderBy('b')}
    ${pageInside ? sql`` : limit}`.execute(db);
  return r.rows;
}

function statusWhere(
  status: RawBuilder<unknown>,
  wanted: InvoiceStatus | readonly InvoiceStatus[] | undefined,
): RawBuilder<unknown> {
  if (wanted === undefined) return sql``;
  if (typeof wanted === 'string') return sql`where ${status} = ${wanted}`;
  return sql`where ${status} in (${sql.join(wanted.map((s) => sql`${s}`))})`;
}

export function trimRate(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export function toInvoiceDto(r: InvoiceStateRow, asOf: BusinessDate, baseCurrency: string): TInvoiceDto {
  const cur = r.currency;
  const open = r.voided_on ? 0n : r.total_minor - r.applied_minor - r.written_off_minor;
  const overdue = r.status === 'overdue' ? daysBetween(r.due_date as BusinessDate, asOf) : 0;
  return {
    id: r.id,
    number: r.number,
    customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
    issue_date: r.issue_date,
    due_date: r.due_date,
    currency: cur,
    subtotal: minorToDecimal(r.subtotal_minor, cur),
    tax: minorToDecimal(r.tax_minor, cur),
    total: minorToDecimal(r.total_minor, cur),
    applied: minorToDecimal(r.applied_minor, cur),
    written_off: minorToDecimal(r.written_off_minor, cur),
    open_amount: minorToDecimal(open, cur),
    status: r.status,
    days_overdue: overdue,
    as_of: asOf,
    fx_rate: trimRate(r.fx_rate),
    base_currency: baseCurrency,
    base_total: minorToDecimal(r.base_total_minor, baseCurrency),
    po_number: r.po_number,
    salesperson: r.salesperson,
    description: r.description,
    is_disputed: r.is_disputed,
    source: r.source,
    created_at: r.created_at.toISOString(),
  };
}
