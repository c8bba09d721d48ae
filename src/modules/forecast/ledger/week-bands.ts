/** z of the 90th percentile of a normal distribution: P10/P90 bands are mean -/+ Z90 sigma. */
export const Z90 = 1.2815515655446004;

/** Standard deviations per week, in the base currency and per currency (minor units). */
export type Deviations = { base: number[]; byCurrency: Map<string, number[]> };

type Variances = { base: number[]; byCurrency: Map<string, number[]> };

/**
 * The spread of a week's receipts: each open amount arrives in the week or not, a Bernoulli trial
 * with its probability p (variance amount^2 p(1-p)), invoices independently of each other. Amounts
 * are minor units as floats here: statistics, not money.
 */
export class BandAccumulator {
  private readonly weekly: Variances;
  private readonly cumulative: Variances;

  constructor(private readonly weeks: number) {
    this.weekly = { base: new Array(weeks).fill(0), byCurrency: new Map() };
    this.cumulative = { base: new Array(weeks).fill(0), byCurrency: new Map() };
  }

  /** `shares[w]`: the probability of arriving in week w. */
  add(item: { currency: string; amountMinor: bigint; baseMinor: bigint }, shares: readonly number[]): void {
    const amount = Number(item.amountMinor);
    const base = Number(item.baseMinor);
    const weekly = this.currencyOf(this.weekly, item.currency);
    const cumulative = this.currencyOf(this.cumulative, item.currency);
    let reached = 0;
    for (let w = 0; w < this.weeks; w += 1) {
      const p = shares[w] ?? 0;
      reached = Math.min(1, reached + p);
      const vw = p * (1 - p);
      const vc = reached * (1 - reached);
      weekly[w] = (weekly[w] ?? 0) + amount * amount * vw;
      cumulative[w] = (cumulative[w] ?? 0) + amount * amount * vc;
      this.weekly.base[w] = (this.weekly.base[w] ?? 0) + base * base * vw;
      this.cumulative.base[w] = (this.cumulative.base[w] ?? 0) + base * base * vc;
    }
  }

  deviations(): { weekly: Deviations; cumulative: Deviations } {
    const root = (v: Variances): Deviations => ({
      base: v.base.map(Math.sqrt),
      byCurrency: new Map([...v.byCurrency].map(([c, xs]) => [c, xs.map(Math.sqrt)])),
    });
    return { weekly: root(this.weekly), cumulative: root(this.cumulative) };
  }

  private currencyOf(v: Variances, currency: string): number[] {
    let xs = v.byCurrency.get(currency);
    if (!xs) {
      xs = new Array<number>(this.weeks).fill(0);
      v.byCurrency.set(currency, xs);
    }
    return xs;
  }
}
