import { allocate, ofMinor } from '../../../shared/money/index.ts';
import { addTo, emptySums, type Sums } from './sums.ts';
import { BandAccumulator } from './week-bands.ts';

/** An open amount and the equally likely days it may be received on. */
export type ExpectedReceipt = {
  currency: string;
  amountMinor: bigint;
  baseMinor: bigint;
  days: readonly number[];
};

/** `expected` has one slot per week and a last one for everything after the horizon. */
export type WeekSpread = { expected: Sums[]; cumulative: Sums[]; bands: BandAccumulator };

/**
 * Spreads each amount over `weeks` weeks from `firstDay` in proportion to its chance of arriving in
 * each: a week's expected receipts are the sum of amount x probability, split in minor units by
 * largest remainder so an invoice's parts add up to its open amount exactly. Days before
 * `firstDay` (none, for predictions conditioned on today) count in the first week.
 */
export function spreadByWeek(
  items: readonly ExpectedReceipt[],
  firstDay: number,
  weeks: number,
  baseCurrency: string,
): WeekSpread {
  const expected = Array.from({ length: weeks + 1 }, emptySums);
  const bands = new BandAccumulator(weeks);
  for (const it of items) {
    if (it.days.length === 0) continue;
    const counts = new Array<number>(weeks + 1).fill(0);
    for (const d of it.days) {
      const w = Math.min(weeks, Math.max(0, Math.floor((d - firstDay) / 7)));
      counts[w] = (counts[w] ?? 0) + 1;
    }
    const weights = counts.map((c) => BigInt(c));
    const parts = allocate(ofMinor(it.amountMinor, it.currency), weights);
    const baseParts = allocate(ofMinor(it.baseMinor, baseCurrency), weights);
    parts.forEach((p, w) => {
      addTo(expected[w] as Sums, it.currency, p.amountMinor, baseParts[w]?.amountMinor ?? 0n);
    });
    bands.add(
      it,
      counts.map((c) => c / it.days.length),
    );
  }
  const cumulative: Sums[] = [];
  let running = emptySums();
  for (let w = 0; w < weeks; w += 1) {
    const next = emptySums();
    for (const s of [running, expected[w] as Sums]) {
      for (const [c, v] of s.byCurrency) addTo(next, c, v, 0n);
      next.base += s.base;
    }
    cumulative.push(next);
    running = next;
  }
  return { expected, cumulative, bands };
}
