import type { Tx } from '../../../shared/db/index.ts';
import { parseRate, type Rate } from '../../../shared/money/index.ts';

/** Looks up, for many rows at once, the latest recorded rate on or before each row's date. */
export async function rateFinder(
  trx: Tx,
  orgId: string,
  baseCurrency: string,
  rows: readonly { currency: string; fxRate: string | null }[],
): Promise<(currency: string, date: string) => Rate | null> {
  const needed = [
    ...new Set(rows.filter((r) => !r.fxRate && r.currency !== baseCurrency).map((r) => r.currency)),
  ];
  const table = new Map<string, { date: string; rate: Rate }[]>();
  if (needed.length > 0) {
    const found = await trx
      .selectFrom('exchange_rates')
      .select(['currency', 'rate_date', 'rate'])
      .where('org_id', '=', orgId)
      .where('currency', 'in', needed)
      .orderBy('rate_date')
      .execute();
    for (const r of found) {
      const list = table.get(r.currency) ?? [];
      list.push({ date: r.rate_date, rate: parseRate(r.rate) });
      table.set(r.currency, list);
    }
  }
  const one = parseRate('1');
  return (currency, date) => {
    if (currency === baseCurrency) return one;
    const list = table.get(currency);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let best: Rate | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = list[mid] as { date: string; rate: Rate };
      if (e.date <= date) {
        best = e.rate;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}
