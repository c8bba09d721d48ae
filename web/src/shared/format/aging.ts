/** The five aging states every screen colours the same way. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The colours of the aging report's default buckets (src/modules/reports/aging). */
export const AGING_COLORS: Record<AgingBucket, string> = {
  current: '#52c41a',
  '1-30': '#d4b106',
  '31-60': '#fa8c16',
  '61-90': '#f5222d',
  '90+': '#a8071a',
};

export function agingBucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}
