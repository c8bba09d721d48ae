import type { Ctx } from '../../../shared/context/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type {
  TCustomerOverviewDto,
  TCustomerOverviewPage,
  TCustomerOverviewQuery,
} from './customer-overview.schemas.ts';
import { type OverviewRow, queryCustomerFacets, queryCustomerOverview } from './customer-overview.sql.ts';

/**
 * Customers with what they owe today: open and overdue balance, unapplied credit, oldest overdue
 * invoice, last payment, and the derived status and risk grade; filtered, sorted and paged in SQL.
 */
export async function listCustomerOverview(
  ctx: Ctx,
  query: TCustomerOverviewQuery,
): Promise<TCustomerOverviewPage> {
  const asOf = ctx.clock.today();
  const customer = query.customer ? await getCustomerRef(ctx.db, ctx.org.id, query.customer) : null;
  const rows = await queryCustomerOverview(
    ctx.db,
    { orgId: ctx.org.id, asOf, customerId: customer?.id ?? null },
    query,
  );
  const total = rows[0]?.total ?? (query.offset > 0 ? await countAll(ctx, query, customer?.id ?? null) : 0);
  return {
    as_of: asOf,
    total,
    items: rows.map((r) => toDto(r, ctx.org.baseCurrency)),
    facets: await queryCustomerFacets(ctx.db, ctx.org.id),
  };
}

/** A page past the end has no row to carry the count: ask for the first row only. */
async function countAll(ctx: Ctx, query: TCustomerOverviewQuery, customerId: string | null): Promise<number> {
  const rows = await queryCustomerOverview(
    ctx.db,
    { orgId: ctx.org.id, asOf: ctx.clock.today(), customerId },
    { ...query, offset: 0, limit: 1 },
  );
  return rows[0]?.total ?? 0;
}

function toDto(r: OverviewRow, base: string): TCustomerOverviewDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    country: r.country,
    currency: r.currency,
    salesperson: r.salesperson,
    tags: r.tags,
    payment_terms_days: r.payment_terms_days,
    credit_limit:
      r.credit_limit_minor === null ? null : minorToDecimal(BigInt(r.credit_limit_minor), r.currency),
    base_currency: base,
    open_balance: minorToDecimal(BigInt(r.base_open), base),
    overdue_amount: minorToDecimal(BigInt(r.base_overdue), base),
    unapplied_credit: minorToDecimal(BigInt(r.base_unapplied), base),
    balances: (r.by_currency ?? []).map((b) => ({
      currency: b.currency,
      open: minorToDecimal(BigInt(b.open), b.currency),
      overdue: minorToDecimal(BigInt(b.overdue), b.currency),
      unapplied: minorToDecimal(BigInt(b.unapplied), b.currency),
      open_invoices: Number(b.n),
    })),
    open_invoices: r.open_count,
    oldest_overdue_days: r.oldest_days,
    last_payment_date: r.last_payment,
    status: r.status,
    risk: r.risk,
  };
}
