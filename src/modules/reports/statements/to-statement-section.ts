import { minorToDecimal } from '../../../shared/money/index.ts';
import type { CurrencyAging } from './age-open-items.ts';
import { describeEvent } from './describe-event.ts';
import type { StatementLabels } from './statement-labels.ts';
import type { TStatementAging, TStatementSection } from './statements.schemas.ts';
import type { SectionSummary } from './summarise-section.ts';

/** A currency's section as the API, the CLI and the files show it: amounts as decimal strings. */
export function toStatementSection(
  s: SectionSummary,
  aging: CurrencyAging | undefined,
  labels: StatementLabels,
): TStatementSection {
  const c = s.currency;
  const dec = (m: bigint) => minorToDecimal(m, c);
  return {
    currency: c,
    opening_balance: dec(s.openingMinor),
    lines: s.lines.map(({ event: e, balanceMinor }) => ({
      date: e.date,
      type: e.type,
      is_reversal: e.isReversal,
      number: e.number,
      reference: e.reference,
      description: describeEvent(e, labels),
      debit: e.effectMinor > 0n ? dec(e.effectMinor) : null,
      credit: e.effectMinor < 0n ? dec(-e.effectMinor) : null,
      balance: dec(balanceMinor),
    })),
    total_debit: dec(s.totalDebitMinor),
    total_credit: dec(s.totalCreditMinor),
    closing_balance: dec(s.closingMinor),
    aging: toAging(c, aging),
  };
}

function toAging(c: string, a: CurrencyAging | undefined): TStatementAging {
  const dec = (m: bigint | undefined) => minorToDecimal(m ?? 0n, c);
  const open = a?.openInvoicesMinor ?? 0n;
  const unapplied = a?.unappliedMinor ?? 0n;
  return {
    current: dec(a?.buckets[0]),
    days_1_30: dec(a?.buckets[1]),
    days_31_60: dec(a?.buckets[2]),
    days_61_90: dec(a?.buckets[3]),
    over_90: dec(a?.buckets[4]),
    open_invoices: dec(open),
    unapplied: dec(unapplied),
    balance: dec(open - unapplied),
  };
}
