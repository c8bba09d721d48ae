import { useQuery } from '@tanstack/react-query';
import type { TForecastDto } from '../../../../src/modules/forecast/forecast.schemas.ts';
import type { TAgingReportDto } from '../../../../src/modules/reports/aging/aging.schemas.ts';
import type { TKpisDto } from '../../../../src/modules/reports/kpis/kpis.schemas.ts';
import { api } from '../../shared/api/client.ts';

/** Every dashboard figure moves with these tables. */
export const DASHBOARD_TABLES = [
  'invoices',
  'receipts',
  'allocations',
  'credit_notes',
  'write_offs',
  'reversals',
] as const;

export const TREND_MONTHS = 12;
export const FORECAST_WEEKS = 13;

const meta = { tables: [...DASHBOARD_TABLES] };

export function useKpis(asOf: string) {
  return useQuery({
    queryKey: ['dashboard', 'kpis', asOf, TREND_MONTHS],
    queryFn: ({ signal }) => api.get<TKpisDto>('/api/kpis', { as_of: asOf, months: TREND_MONTHS }, signal),
    meta,
    placeholderData: (previous) => previous,
  });
}

/** The aging by customer: its totals feed the chart, its rows the top-overdue table. */
export function useAgingByCustomer(asOf: string) {
  return useQuery({
    queryKey: ['dashboard', 'aging', asOf, 'customer'],
    queryFn: ({ signal }) =>
      api.get<TAgingReportDto>('/api/reports/aging', { as_of: asOf, by: 'customer' }, signal),
    meta,
    placeholderData: (previous) => previous,
  });
}

export function useForecast(asOf: string) {
  return useQuery({
    queryKey: ['dashboard', 'forecast', asOf, FORECAST_WEEKS],
    queryFn: ({ signal }) =>
      api.get<TForecastDto>('/api/forecast', { as_of: asOf, weeks: FORECAST_WEEKS, past_weeks: 0 }, signal),
    meta,
    placeholderData: (previous) => previous,
  });
}
