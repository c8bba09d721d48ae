import { Empty } from 'antd';
import { useMemo } from 'react';
import type { TKpiTrendMonth } from '../../../../src/modules/reports/kpis/kpis.schemas.ts';
import { AGING_COLORS } from '../../shared/format/aging.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { EChart, type EChartOption } from '../../shared/ui/index.ts';
import {
  AXIS_STYLE,
  compactNumber,
  escapeHtml,
  monthLabel,
  TOOLTIP_STYLE,
  tooltipRow,
} from './chart-format.ts';
import { chartValue, isZero, subtractDecimals } from './decimal.ts';

const HEIGHT = 300;
const COLORS = { receivables: '#1668dc', overdue: '#fa8c16', over90: AGING_COLORS['90+'], sales: '#d6e4ff' };

/** Receivables, overdue and 90+ at each month's end, over the credit sales of the month. */
export function ArTrendChart({ trend, currency }: { trend: readonly TKpiTrendMonth[]; currency: string }) {
  const { t, locale } = useI18n();
  const isEmpty = trend.every((m) => isZero(m.receivables) && isZero(m.credit_sales));
  const option = useMemo<EChartOption>(() => {
    const names = {
      receivables: t('dashboard.trend.receivables'),
      overdue: t('dashboard.trend.overdue'),
      over90: t('dashboard.trend.over90'),
      sales: t('dashboard.trend.sales'),
    };
    const rows = trend.map((m) => ({
      label: monthLabel(m.month, locale),
      receivables: m.receivables,
      overdue: subtractDecimals(m.receivables, m.current),
      over90: m.over_90,
      sales: m.credit_sales,
    }));
    const keys = ['receivables', 'overdue', 'over90', 'sales'] as const;
    const line = (key: 'receivables' | 'overdue' | 'over90', area: boolean) => ({
      type: 'line',
      name: names[key],
      smooth: true,
      symbol: 'circle',
      symbolSize: 6,
      showSymbol: false,
      lineStyle: { width: 2, color: COLORS[key] },
      itemStyle: { color: COLORS[key] },
      ...(area ? { areaStyle: { color: COLORS[key], opacity: 0.08 } } : {}),
      data: rows.map((r) => chartValue(r[key])),
      z: 3,
    });
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: {
        top: 0,
        left: 0,
        icon: 'roundRect',
        itemWidth: 12,
        itemHeight: 8,
        textStyle: { color: '#595959' },
      },
      tooltip: {
        trigger: 'axis',
        ...TOOLTIP_STYLE,
        formatter: (params: { dataIndex: number; seriesName: string }[]) => {
          const i = params[0]?.dataIndex ?? 0;
          const r = rows[i];
          if (!r) return '';
          const shown = new Set(params.map((p) => p.seriesName));
          return (
            `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(r.label)}</div>` +
            keys
              .filter((k) => shown.has(names[k]))
              .map((k) =>
                tooltipRow(
                  k === 'sales' ? '#adc6ff' : COLORS[k],
                  names[k],
                  formatMoney(r[k], currency, locale),
                ),
              )
              .join('')
          );
        },
      },
      xAxis: { type: 'category', data: rows.map((r) => r.label), boundaryGap: true, ...AXIS_STYLE },
      yAxis: {
        type: 'value',
        ...AXIS_STYLE,
        axisLine: { show: false },
        axisLabel: { color: '#8c8c8c', formatter: (v: number) => compactNumber(v, locale) },
      },
      series: [
        {
          type: 'bar',
          name: names.sales,
          barMaxWidth: 22,
          itemStyle: { color: COLORS.sales, borderRadius: [3, 3, 0, 0] },
          data: rows.map((r) => chartValue(r.sales)),
          z: 1,
        },
        line('receivables', true),
        line('overdue', false),
        line('over90', false),
      ],
    };
  }, [trend, currency, t, locale]);
  if (isEmpty)
    return (
      <div style={{ height: HEIGHT, display: 'grid', placeItems: 'center' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.trend.empty')} />
      </div>
    );
  return <EChart option={option} style={{ height: HEIGHT }} />;
}
