import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { CurrencyAging } from './age-open-items.ts';
import type { SectionSummary } from './summarise-section.ts';

/**
 * A statement must add up three ways, per currency: opening balance plus the period's lines gives
 * the closing balance; the journal (AR less unapplied cash) says the same as of the last day; and
 * so do the open invoices less unapplied receipts and credits. A difference is a bug, never shown.
 */
export function checkReconciliation(c: {
  customerCode: string;
  sections: readonly SectionSummary[];
  journal: ReadonlyMap<string, bigint>;
  aging: ReadonlyMap<string, CurrencyAging>;
}): void {
  const currencies = new Set([...c.sections.map((s) => s.currency), ...c.journal.keys(), ...c.aging.keys()]);
  for (const currency of currencies) {
    const s = c.sections.find((x) => x.currency === currency);
    const closing = s?.closingMinor ?? 0n;
    const byLines = s ? s.openingMinor + s.totalDebitMinor - s.totalCreditMinor : 0n;
    const byJournal = c.journal.get(currency) ?? 0n;
    const a = c.aging.get(currency);
    const byAging = a ? a.openInvoicesMinor - a.unappliedMinor : 0n;
    if (closing === byLines && closing === byJournal && closing === byAging) continue;
    const show = (m: bigint) => minorToDecimal(m, currency);
    throw new AppError('INTERNAL', {
      message: `the statement of ${c.customerCode} does not reconcile in ${currency}`,
      details: {
        currency,
        closing: show(closing),
        opening_plus_lines: show(byLines),
        journal: show(byJournal),
        open_items: show(byAging),
      },
    });
  }
}
