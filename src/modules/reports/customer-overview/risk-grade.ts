/**
 * How worried to be about a customer, from two facts: how long its oldest overdue invoice has been
 * overdue, and what share of its open balance (in base currency) is overdue.
 *
 * - critical: oldest overdue more than 90 days, or more than 60 days with at least half overdue
 * - high:     oldest overdue more than 60 days, or more than 30 days with at least half overdue
 * - medium:   oldest overdue more than 30 days, or anything overdue with at least a quarter overdue
 * - low:      nothing overdue, or a small part overdue for 30 days or less
 *
 * The rules are data so the same table drives this function and the SQL that filters by grade.
 */
export const RISK_GRADES = ['low', 'medium', 'high', 'critical'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

export type RiskRule = { grade: Exclude<RiskGrade, 'low'>; minDays: number; minSharePercent: number };

/** Checked in order; the first that holds gives the grade. */
export const RISK_RULES: readonly RiskRule[] = [
  { grade: 'critical', minDays: 91, minSharePercent: 0 },
  { grade: 'critical', minDays: 61, minSharePercent: 50 },
  { grade: 'high', minDays: 61, minSharePercent: 0 },
  { grade: 'high', minDays: 31, minSharePercent: 50 },
  { grade: 'medium', minDays: 31, minSharePercent: 0 },
  { grade: 'medium', minDays: 1, minSharePercent: 25 },
];

export type RiskFacts = {
  /** Days the oldest overdue open invoice is past due; null when nothing is overdue. */
  oldestOverdueDays: number | null;
  overdueMinor: bigint;
  openMinor: bigint;
};

/** Whether `overdue` is at least `percent`% of `open` (integers only: no float on money). */
export function isShareAtLeast(overdue: bigint, open: bigint, percent: number): boolean {
  if (percent <= 0) return true;
  if (open <= 0n) return false;
  return overdue * 100n >= open * BigInt(percent);
}

export function riskGrade(facts: RiskFacts): RiskGrade {
  const days = facts.oldestOverdueDays;
  if (days === null || days <= 0 || facts.overdueMinor <= 0n) return 'low';
  for (const rule of RISK_RULES) {
    if (days >= rule.minDays && isShareAtLeast(facts.overdueMinor, facts.openMinor, rule.minSharePercent)) {
      return rule.grade;
    }
  }
  return 'low';
}
