import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { minorToDecimal } from '../../shared/money/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { loadOpenInvoices } from '../receivables/index.ts';
import { revive } from './bank-lines.repository.ts';
import type { Proposal } from './engine/matching.types.ts';
import type { TReviewItemDto, TReviewQueueQuery } from './matching.schemas.ts';

type Row = {
  id: string;
  booking_date: BusinessDate;
  amount_minor: bigint;
  currency: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  remittance: string | null;
  bank_reference: string | null;
  status: TReviewItemDto['status'];
  proposal: Parameters<typeof revive>[0] | null;
  receipt_id: string | null;
  receipt_number: string | null;
  customer_id: string | null;
  customer_code: string | null;
  customer_name: string | null;
  decided_by: string | null;
  is_auto: boolean | null;
  confidence: string | null;
  reasons: TReviewItemDto['suggestion'] extends infer S
    ? S extends { reasons: infer R }
      ? R
      : never
    : never;
  matched_at: Date | null;
};

type Brief = NonNullable<TReviewItemDto['suggestion']>['allocations'][number]['invoice'];

/**
 * The review queue: bank lines by status, oldest first, each with its suggestion (customer,
 * invoices with their open amounts, reasons, alternatives) for a side-by-side comparison, or the
 * match that booked it.
 */
export async function listReviewQueue(ctx: Ctx, query: TReviewQueueQuery): Promise<Page<TReviewItemDto>> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const page = after
    ? sql`and (t.booking_date, t.id) > (${String(after.v)}::date, ${after.id}::uuid)`
    : sql``;
  const result = await sql<Row>`
    select t.id, t.booking_date, t.amount_minor, t.currency, t.counterparty_name, t.counterparty_account, t.remittance,
      t.bank_reference, t.status, s.proposal, m.receipt_id, r.number as receipt_number, c.id as customer_id,
      c.code as customer_code, c.name as customer_name, m.decided_by, m.is_auto,
      m.confidence::text as confidence, m.reasons, m.created_at as matched_at
    from bank_transactions t
    left join bank_match_suggestions s on s.org_id = t.org_id and s.bank_transaction_id = t.id
    left join bank_matches m on m.org_id = t.org_id and m.bank_transaction_id = t.id and m.undone_at is null
    left join receipts r on r.org_id = t.org_id and r.id = m.receipt_id
    left join customers c on c.org_id = r.org_id and c.id = r.customer_id
    where t.org_id = ${ctx.org.id} and t.status = ${query.status} and t.amount_minor > 0 ${page}
    order by t.booking_date, t.id
    limit ${query.limit + 1}`.execute(ctx.db);
  const rows = result.rows.slice(0, query.limit);
  const proposals = new Map(rows.map((r) => [r.id, r.proposal ? revive(r.proposal) : null]));
  const briefs = await invoiceBriefs(ctx, [...proposals.values()]);
  const customers = await customerBriefs(ctx, [...proposals.values()]);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => toDto(r, proposals.get(r.id) ?? null, briefs, customers)),
    next_cursor:
      result.rows.length > query.limit && last ? encodeCursor({ v: last.booking_date, id: last.id }) : null,
  };
}

function all(proposals: readonly (Proposal | null)[]): Omit<Proposal, 'alternatives' | 'decision'>[] {
  return proposals.flatMap((p) => (p ? [p, ...p.alternatives] : []));
}

async function invoiceBriefs(ctx: Ctx, proposals: readonly (Proposal | null)[]): Promise<Map<string, Brief>> {
  const customerIds = [...new Set(all(proposals).flatMap((p) => (p.customerId ? [p.customerId] : [])))];
  const map = new Map<string, Brief>();
  if (customerIds.length === 0) return map;
  for (const i of await loadOpenInvoices(ctx.db, ctx.org.id, ctx.clock.today(), { customerIds })) {
    const brief = {
      id: i.id,
      number: i.number,
      issue_date: i.issue_date,
      due_date: i.due_date,
      currency: i.currency,
      open_amount: minorToDecimal(i.open_minor, i.currency),
    };
    map.set(i.id, brief);
    map.set(i.number, brief);
  }
  return map;
}

async function customerBriefs(ctx: Ctx, proposals: readonly (Proposal | null)[]) {
  const ids = [...new Set(all(proposals).flatMap((p) => (p.customerId ? [p.customerId] : [])))];
  if (ids.length === 0) return new Map<string, { id: string; code: string; name: string }>();
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', ctx.org.id)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function proposalDto(
  p: Omit<Proposal, 'alternatives' | 'decision'>,
  currency: string,
  briefs: Map<string, Brief>,
  customers: Map<string, { id: string; code: string; name: string }>,
) {
  return {
    customer: p.customerId ? (customers.get(p.customerId) ?? null) : null,
    confidence: p.confidence,
    reasons: p.reasons,
    allocations: p.allocations.map((a) => ({
      invoice_id: a.invoiceId,
      invoice: briefs.get(a.invoiceId) ?? null,
      amount: minorToDecimal(a.amountMinor, currency),
    })),
    difference: minorToDecimal(p.differenceMinor, currency),
    unapplied: minorToDecimal(p.unappliedMinor, currency),
  };
}

function toDto(
  r: Row,
  p: Proposal | null,
  briefs: Map<string, Brief>,
  customers: Map<string, { id: string; code: string; name: string }>,
): TReviewItemDto {
  return {
    id: r.id,
    booking_date: r.booking_date,
    amount: minorToDecimal(r.amount_minor, r.currency),
    currency: r.currency,
    counterparty_name: r.counterparty_name,
    counterparty_account: r.counterparty_account,
    remittance: r.remittance,
    bank_reference: r.bank_reference,
    status: r.status,
    suggestion: p
      ? {
          ...proposalDto(p, r.currency, briefs, customers),
          alternatives: p.alternatives.map((alt) => proposalDto(alt, r.currency, briefs, customers)),
        }
      : null,
    match:
      r.receipt_id && r.decided_by !== null
        ? {
            receipt_id: r.receipt_id,
            receipt_number: r.receipt_number ?? '',
            customer:
              r.customer_id && r.customer_code && r.customer_name
                ? { id: r.customer_id, code: r.customer_code, name: r.customer_name }
                : null,
            decided_by: r.decided_by,
            is_auto: r.is_auto === true,
            confidence: Number(r.confidence ?? 0),
            reasons: r.reasons ?? [],
            created_at: (r.matched_at ?? new Date(0)).toISOString(),
          }
        : null,
  };
}
