import { minorToDecimal } from '../../../shared/money/index.ts';
import type { TAgingReportDto } from './aging.schemas.ts';
import type { AgingRow } from './compute-aging.ts';
import { queryLedgerReceivable, type UnappliedCell } from './unapplied.sql.ts';

/**
 * The aging's net (open invoices less unapplied credit notes, which the ledger carries on the same
 * account) against the AR control account's balance on the same date, per currency. Unapplied cash
 * sits on its own account and is not part of either side. Takes ungrouped totals: grouped by tag
 * an invoice counts once per tag, and those rows do not add up.
 */
export function reconcileAging(
  ledger: ReadonlyMap<string, bigint>,
  totals: readonly AgingRow[],
  unapplied: readonly UnappliedCell[],
): TAgingReportDto['reconciliation'] {
  const credits = new Map<string, bigint>();
  for (const u of unapplied) credits.set(u.currency, (credits.get(u.currency) ?? 0n) + u.credit_notes);
  const currencies = new Set([...totals.map((t) => t.currency), ...credits.keys(), ...ledger.keys()]);
  const lines = [...currencies].sort().map((currency) => {
    const open = totals
      .filter((t) => t.currency === currency)
      .reduce((s, t) => s + t.openMinor.reduce((a, m) => a + m, 0n), 0n);
    const credit = credits.get(currency) ?? 0n;
    const ar = ledger.get(currency) ?? 0n;
    const net = open - credit;
    return {
      currency,
      open_invoices: minorToDecimal(open, currency),
      unapplied_credit_notes: minorToDecimal(credit, currency),
      aging_net: minorToDecimal(net, currency),
      ledger_receivable: minorToDecimal(ar, currency),
      difference: minorToDecimal(net - ar, currency),
      isZero: net === ar,
    };
  });
  return {
    lines: lines.map(({ isZero: _, ...l }) => l),
    is_balanced: lines.every((l) => l.isZero),
  };
}
