import type { ArPoint } from './ar-point.ts';
import { countbackDso, type MonthSales } from './countback-dso.ts';
import type { DisputeCounts } from './dispute-counts.sql.ts';
import {
  arTurnover,
  bestPossibleDso,
  collectionEffectiveness,
  percent,
  ratio,
  standardDso,
} from './kpi-ratios.ts';
import type { TKpisDto } from './kpis.schemas.ts';
import type { PaidInvoiceStats } from './paid-invoices.sql.ts';

export type PeriodFigures = {
  begin: ArPoint;
  end: ArPoint;
  sales: bigint;
  days: number;
  /** Sales per month, most recent first, for the countback. */
  salesBack: readonly MonthSales[];
  paid: PaidInvoiceStats;
  disputes: DisputeCounts;
};

/** Promises to pay arrive with collections; until then the field says why it is empty. */
const NO_PROMISES = { kept_pct: null, promises_due: 0, promises_kept: 0, reason: 'no promises recorded' };

/** The headline KPIs of period P from its figures: pure arithmetic on integers. */
export function summarisePeriod(f: PeriodFigures): TKpisDto['kpis'] {
  const { begin, end, sales, days, paid, disputes } = f;
  const turnover = arTurnover(begin.total, end.total, sales, days);
  return {
    dso_standard: standardDso(end.total, sales, days),
    dso_countback: countbackDso(end.total, f.salesBack),
    best_possible_dso: bestPossibleDso(end.current, sales, days),
    cei_pct: collectionEffectiveness(begin.total, sales, end.total, end.current),
    ar_turnover: turnover.inPeriod,
    ar_turnover_annualised: turnover.annualised,
    days_late: {
      weighted: ratio(paid.weightedDays, paid.baseMinor, 1n, 1),
      simple: ratio(paid.days, BigInt(paid.paid), 1n, 1),
      paid_late_pct: percent(BigInt(paid.late), BigInt(paid.paid)),
      paid_late_amount_pct: percent(paid.lateBaseMinor, paid.baseMinor),
      invoices_paid: paid.paid,
    },
    current_pct: percent(end.current, end.total),
    at_risk_pct: percent(end.over90, end.total),
    dispute: {
      by_count_pct: percent(BigInt(disputes.disputed), BigInt(disputes.issued)),
      by_amount_pct: percent(disputes.disputedBase, disputes.issuedBase),
      disputed_invoices: disputes.disputed,
      invoices_issued: disputes.issued,
    },
    promise_kept: { ...NO_PROMISES },
  };
}
