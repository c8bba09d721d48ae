import { type RawBuilder, sql } from 'kysely';
import { RISK_RULES, type RiskGrade } from './risk-grade.ts';

/**
 * The grade of `riskGrade` as a SQL expression over three columns, built from the same rule table
 * so filtering by grade in SQL and grading in TypeScript cannot drift apart.
 */
export function riskGradeSql(
  oldestDays: RawBuilder<unknown>,
  overdue: RawBuilder<unknown>,
  open: RawBuilder<unknown>,
): RawBuilder<RiskGrade> {
  const whens = RISK_RULES.map((rule) => {
    const share =
      rule.minSharePercent <= 0
        ? sql`true`
        : sql`(${open} > 0 and ${overdue} * 100 >= ${open} * ${sql.lit(rule.minSharePercent)})`;
    return sql`when ${oldestDays} >= ${sql.lit(rule.minDays)} and ${share} then ${sql.lit(rule.grade)}`;
  });
  return sql<RiskGrade>`(case when ${oldestDays} is null or ${oldestDays} <= 0 or ${overdue} <= 0 then 'low'
    ${sql.join(whens, sql` `)} else 'low' end)`;
}
