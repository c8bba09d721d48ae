import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { type BusinessDate, daysBetween } from '../../../shared/time/index.ts';
import { invoiceStateColumns, statusExpression } from '../open-items.sql.ts';
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

/**
 * Invoices with their state as of a date. `innerWhere` is SQL over invoices `i`; `orderLimit` over
 * alias `s`, which has every invoice column plus the state columns.
 */
export async function queryInvoiceStates(
  db: DbOrTx,
  options: {
    orgId: string;
    asOf: BusinessDate;
    status?: InvoiceStatus;
    innerWhere?: RawBuilder<unknown>;
    orderLimit?: RawBuilder<unknown>;
  },
): Promise<InvoiceStateRow[]> {
  const r = await sql<InvoiceStateRow>`
    select s.*, ${statusExpression(options.asOf)} as status from (
      select i.id, i.number, i.customer_id, c.code as customer_code, c.name as customer_name,
        i.issue_date, i.due_date, i.currency, i.fx_rate::text as fx_rate, i.subtotal_minor, i.tax_minor, i.total_minor,
        i.base_total_minor, i.po_number, i.salesperson, i.description, i.lines, i.source, i.created_at,
        ${invoiceStateColumns(options.asOf)}
      from invoices i join customers c on c.org_id = i.org_id and c.id = i.customer_id
      where i.org_id = ${options.orgId} and i.issue_date <= ${options.asOf}
        ${options.innerWhere ? sql`and ${options.innerWhere}` : sql``}
    ) s
    ${options.status ? sql`where ${statusExpression(options.asOf)} = ${options.status}` : sql``}
    ${options.orderLimit ?? sql``}`.execute(db);
  return r.rows;
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
