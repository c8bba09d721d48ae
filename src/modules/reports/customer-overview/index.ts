export * from './customer-overview.schemas.ts';
export { listCustomerActivity } from './list-customer-activity.ts';
export { listCustomerOverview } from './list-customer-overview.ts';
export { RISK_GRADES, RISK_RULES, type RiskGrade, riskGrade } from './risk-grade.ts';
