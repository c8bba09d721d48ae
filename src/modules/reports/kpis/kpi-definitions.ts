/**
 * What each KPI means, in one place: the CLI prints these beside the values and the API schema
 * describes its fields with them. All amounts are in the org's base currency and exact as of
 * dates: a document, application or reversal dated after a date does not exist as of it.
 */
export const KPI_DEFINITIONS = {
  receivables:
    'AR(d): open invoices (total - applications - write-offs live on d; voided invoices excluded) ' +
    'less unapplied credit notes, each open amount converted at its document rate (half-up)',
  current: 'current AR(d): open invoices not yet due on d (due date >= d), less unapplied credit notes',
  credit_sales:
    'net credit sales of a period: invoices issued in it, less invoices voided in it, less credit ' +
    'notes issued in it, plus credit notes voided in it (base totals)',
  dso_standard: 'standard DSO = AR(end) / net credit sales(P) * days(P)',
  dso_countback:
    'countback DSO = days of the most recent net credit sales needed to account for AR(end), month ' +
    'by month back from the last, pro rata by day within the month where AR runs out',
  best_possible_dso: 'best possible DSO = current AR(end) / net credit sales(P) * days(P)',
  cei_pct:
    'CEI % = (AR(begin) + sales(P) - AR(end)) / (AR(begin) + sales(P) - current AR(end)) * 100; ' +
    'AR(begin) is AR on the day before P starts',
  ar_turnover: 'AR turnover = net credit sales(P) / ((AR(begin) + AR(end)) / 2); annualised: * 365 / days(P)',
  days_late:
    'over invoices paid in P (open amount reached zero in P, settled on the date of its last live ' +
    'application or write-off; invoices with a bad-debt write-off excluded): days late = ' +
    'max(0, settled - due); weighted by base total, simple mean, and % paid after the due date',
  current_pct: '% current = current AR(end) / AR(end) * 100',
  at_risk_pct: 'at-risk % = AR(end) of invoices more than 90 days past due / AR(end) * 100',
  dispute_pct:
    'dispute rate % = invoices with a dispute opened in P / invoices issued in P (voided or not), ' +
    'by count and by base total',
  promise_kept_pct: 'promise-kept % = promises to pay falling due in P that were kept / all falling due in P',
} as const;

export type KpiKey = keyof typeof KPI_DEFINITIONS;
