export { type ComputeKpisOptions, computeKpis } from './compute-kpis.ts';
export { describeKpi, KPI_DEFINITIONS, type KpiDefinition, type KpiKey } from './kpi-definitions.ts';
export {
  MAX_TREND_MONTHS,
  type TKpisDto,
  type TKpisQuery,
  type TKpiTrendMonth,
  ZKpisDto,
  ZKpisQuery,
  ZKpiTrendMonth,
} from './kpis.schemas.ts';
