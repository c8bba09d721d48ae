/** Amounts in minor units per invoice currency, and their total in the base currency. */
export type Sums = { byCurrency: Map<string, bigint>; base: bigint };

export function emptySums(): Sums {
  return { byCurrency: new Map(), base: 0n };
}

export function addTo(s: Sums, currency: string, amountMinor: bigint, baseMinor: bigint): void {
  s.byCurrency.set(currency, (s.byCurrency.get(currency) ?? 0n) + amountMinor);
  s.base += baseMinor;
}
