import type { BusinessDate } from '../../../shared/time/index.ts';
import type { StatementEvent } from './statement-events.ts';

export type SectionLine = { event: StatementEvent; balanceMinor: bigint };

export type SectionSummary = {
  currency: string;
  openingMinor: bigint;
  lines: SectionLine[];
  totalDebitMinor: bigint;
  totalCreditMinor: bigint;
  closingMinor: bigint;
};

/**
 * One currency's running account: what was owed at the end of the day before `from` (everything
 * dated earlier, reversals included), then each line of the period with the balance after it.
 * `events` are in statement order and dated on or before the period's last day.
 */
export function summariseSection(
  currency: string,
  events: readonly StatementEvent[],
  from: BusinessDate,
): SectionSummary {
  let opening = 0n;
  let debit = 0n;
  let credit = 0n;
  const lines: SectionLine[] = [];
  for (const e of events) {
    if (e.currency !== currency) continue;
    if (e.date < from) {
      opening += e.effectMinor;
      continue;
    }
    if (e.effectMinor > 0n) debit += e.effectMinor;
    else credit -= e.effectMinor;
    lines.push({ event: e, balanceMinor: opening + debit - credit });
  }
  return {
    currency,
    openingMinor: opening,
    lines,
    totalDebitMinor: debit,
    totalCreditMinor: credit,
    closingMinor: opening + debit - credit,
  };
}

/** The currencies a statement has a section for, the customer's own first. */
export function sectionCurrencies(events: readonly StatementEvent[], customerCurrency: string): string[] {
  const others = new Set(events.map((e) => e.currency).filter((c) => c !== customerCurrency));
  return [customerCurrency, ...[...others].sort()];
}
