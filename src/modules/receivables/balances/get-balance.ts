import type { Ctx } from '../../../shared/context/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { ledgerBalances } from '../../ledger/index.ts';
import type { TBalanceDto } from '../receivables.dto.ts';
import type { TBalanceQuery } from '../receivables.schemas.ts';

/**
 * What customers owe as of a date, from the journal alone: AR (1122) less unapplied cash (2203),
 * per customer and currency, with totals per currency and in the base currency.
 */
export async function getBalance(ctx: Ctx, query: TBalanceQuery): Promise<TBalanceDto> {
  const asOf = (query.as_of as BusinessDate | undefined) ?? ctx.clock.today();
  const customer = query.customer ? await getCustomerRef(ctx.db, ctx.org.id, query.customer) : null;
  const balances = await ledgerBalances(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    ...(customer ? { customerId: customer.id } : {}),
  });
  const ids = [...new Set(balances.map((b) => b.customerId))];
  const briefs = new Map<string, { id: string; code: string; name: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'code', 'name'])
      .where('org_id', '=', ctx.org.id)
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) briefs.set(r.id, r);
  }
  const base = ctx.org.baseCurrency;
  const totals = new Map<string, { r: bigint; u: bigint }>();
  let baseR = 0n;
  let baseU = 0n;
  const lines = balances
    .filter(
      (b) =>
        b.receivableMinor !== 0n ||
        b.unappliedMinor !== 0n ||
        b.baseReceivableMinor !== 0n ||
        b.baseUnappliedMinor !== 0n ||
        customer,
    )
    .map((b) => {
      const t = totals.get(b.currency) ?? { r: 0n, u: 0n };
      t.r += b.receivableMinor;
      t.u += b.unappliedMinor;
      totals.set(b.currency, t);
      baseR += b.baseReceivableMinor;
      baseU += b.baseUnappliedMinor;
      const c = b.currency;
      return {
        customer: briefs.get(b.customerId) ?? { id: b.customerId, code: '?', name: '?' },
        currency: c,
        receivable: minorToDecimal(b.receivableMinor, c),
        unapplied: minorToDecimal(b.unappliedMinor, c),
        balance: minorToDecimal(b.receivableMinor - b.unappliedMinor, c),
        base_receivable: minorToDecimal(b.baseReceivableMinor, base),
        base_unapplied: minorToDecimal(b.baseUnappliedMinor, base),
        base_balance: minorToDecimal(b.baseReceivableMinor - b.baseUnappliedMinor, base),
      };
    })
    .sort((a, b) =>
      a.customer.code < b.customer.code
        ? -1
        : a.customer.code > b.customer.code
          ? 1
          : a.currency < b.currency
            ? -1
            : 1,
    );
  return {
    as_of: asOf,
    base_currency: base,
    customers: lines,
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([c, t]) => ({
        currency: c,
        receivable: minorToDecimal(t.r, c),
        unapplied: minorToDecimal(t.u, c),
        balance: minorToDecimal(t.r - t.u, c),
      })),
    base_totals: {
      receivable: minorToDecimal(baseR, base),
      unapplied: minorToDecimal(baseU, base),
      balance: minorToDecimal(baseR - baseU, base),
    },
  };
}
