export type KpiDefinition = { label: string; formula: string; detail?: string };

/**
 * What each figure means, in one place: the CLI prints these beside the values and in its help,
 * the API schema describes its fields with them. All amounts are in the org's base currency and
 * exact as of dates: a document, application or reversal dated after a date does not exist on it.
 * P is the trend's months taken together: from the first day of the first month to as_of.
 */
export const KPI_DEFINITIONS = {
  receivables: {
    label: 'AR',
    formula: 'open invoices - unapplied credit notes',
    detail:
      'open = total - applications - write-offs live on the date; voided invoices excluded; each ' +
      'open amount converted at its own document rate, rounded half-up',
  },
  current: {
    label: 'current AR',
    formula: 'AR not yet due (due date on or after the date) - unapplied credit',
  },
  credit_sales: {
    label: 'net credit sales',
    formula: 'invoices - voided invoices - credit notes + voided credit notes',
    detail: 'each at its base total, counted in the period of its own date: issue, note or void date',
  },
  dso_standard: { label: 'DSO (standard)', formula: 'AR(end) / sales(P) * days(P)' },
  dso_countback: {
    label: 'DSO (countback)',
    formula: 'days of the latest sales, counted back month by month, that add up to AR(end)',
    detail: 'pro rata by day in the month where AR runs out; a month without net sales counts in full',
  },
  best_possible_dso: { label: 'best possible DSO', formula: 'current AR(end) / sales(P) * days(P)' },
  cei_pct: {
    label: 'CEI',
    formula: '(AR(begin) + sales - AR(end)) / (AR(begin) + sales - current AR(end))',
    detail: 'collected / (collected + past due at the end); AR(begin) is AR on the day before P',
  },
  ar_turnover: { label: 'AR turnover', formula: 'sales(P) / ((AR(begin) + AR(end)) / 2)' },
  ar_turnover_annualised: { label: 'AR turnover per year', formula: 'AR turnover * 365 / days(P)' },
  days_late_weighted: {
    label: 'avg days late (weighted)',
    formula: 'sum(base total * max(0, settled - due)) / sum(base total)',
    detail:
      'over invoices paid in P: their open amount reached zero in P, on the date of their last live ' +
      'application or write-off; an invoice with a bad-debt write-off was not paid',
  },
  days_late_simple: { label: 'avg days late (simple)', formula: 'mean of max(0, settled - due)' },
  paid_late_pct: { label: 'paid late', formula: 'invoices paid after their due date / invoices paid in P' },
  current_pct: { label: 'current', formula: 'current AR(end) / AR(end)' },
  at_risk_pct: { label: 'at risk (90+)', formula: 'AR(end) more than 90 days past due / AR(end)' },
  dispute_pct: {
    label: 'dispute rate',
    formula: 'invoices with a dispute opened in P / invoices issued in P',
    detail: 'voided invoices issued in P count too, as a dispute often ends in a void; also by base total',
  },
  promise_kept_pct: {
    label: 'promises kept',
    formula: 'promises to pay falling due in P that were kept / all falling due in P',
  },
} as const satisfies Record<string, KpiDefinition>;

export type KpiKey = keyof typeof KPI_DEFINITIONS;

/** The definition as one sentence: formula, then the detail. */
export function describeKpi(key: KpiKey): string {
  const d: KpiDefinition = KPI_DEFINITIONS[key];
  return d.detail ? `${d.formula} (${d.detail})` : d.formula;
}
