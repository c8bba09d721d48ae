import { Empty } from 'antd';
import { useMemo } from 'react';
import type { TForecastDto } from '../../../../src/modules/forecast/forecast.schemas.ts';
import { formatDate, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { EChart, type EChartOption } from '../../shared/ui/index.ts';
import { AXIS_STYLE, compactNumber, escapeHtml, TOOLTIP_STYLE, tooltipRow } from './chart-format.ts';
import { chartValue, isZero } from './decimal.ts';

const HEIGHT = 300;
const COLORS = { expected: '#1668dc', range: '#91caff', cumulative: '#13c2c2' };

/** Receipts expected week by week, with the likely range, and their running total. */
export function ForecastChart({ forecast }: { forecast: TForecastDto }) {
  const { t, locale } = useI18n();
  const isEmpty = isZero(forecast.open_amount) && forecast.weeks.every((w) => isZero(w.expected));
  const option = useMemo<EChartOption>(() => {
    const cur = forecast.base_currency;
    const names = {
      expected: t('dashboard.forecast.expected'),
      cumulative: t('dashboard.forecast.cumulative'),
      low: t('dashboard.forecast.low'),
      high: t('dashboard.forecast.high'),
    };
    const short = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const labels = forecast.weeks.map((w) => {
      const [y, m, d] = w.start.split('-').map(Number);
      return short.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
    });
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: {
        top: 0,
        left: 0,
        icon: 'roundRect',
        itemWidth: 12,
        itemHeight: 8,
        textStyle: { color: '#595959' },
        data: [names.expected, names.cumulative],
      },
      tooltip: {
        trigger: 'axis',
        ...TOOLTIP_STYLE,
        formatter: (params: { dataIndex: number }[]) => {
          const i = params[0]?.dataIndex ?? 0;
          const w = forecast.weeks[i];
          if (!w) return '';
          return (
            `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(
              t('dashboard.forecast.weekOf', { date: formatDate(w.start, locale) }),
            )}</div>` +
            tooltipRow(COLORS.expected, names.expected, formatMoney(w.expected, cur, locale)) +
            tooltipRow(COLORS.range, names.low, formatMoney(w.low, cur, locale)) +
            tooltipRow(COLORS.range, names.high, formatMoney(w.high, cur, locale)) +
            tooltipRow(COLORS.cumulative, names.cumulative, formatMoney(w.cumulative_expected, cur, locale))
          );
        },
      },
      xAxis: { type: 'category', data: labels, ...AXIS_STYLE },
      yAxis: [
        {
          type: 'value',
          ...AXIS_STYLE,
          axisLine: { show: false },
          axisLabel: { color: '#8c8c8c', formatter: (v: number) => compactNumber(v, locale) },
        },
        {
          type: 'value',
          ...AXIS_STYLE,
          splitLine: { show: false },
          axisLine: { show: false },
          axisLabel: { color: '#8c8c8c', formatter: (v: number) => compactNumber(v, locale) },
        },
      ],
      series: [
        {
          type: 'bar',
          name: names.expected,
          barMaxWidth: 18,
          itemStyle: { color: COLORS.expected, borderRadius: [3, 3, 0, 0] },
          data: forecast.weeks.map((w) => chartValue(w.expected)),
        },
        {
          type: 'line',
          name: names.cumulative,
          yAxisIndex: 1,
          smooth: true,
          showSymbol: false,
          lineStyle: { width: 2, color: COLORS.cumulative },
          itemStyle: { color: COLORS.cumulative },
          data: forecast.weeks.map((w) => chartValue(w.cumulative_expected)),
        },
      ],
    };
  }, [forecast, t, locale]);
  if (isEmpty)
    return (
      <div style={{ height: HEIGHT, display: 'grid', placeItems: 'center' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.forecast.empty')} />
      </div>
    );
  return <EChart option={option} style={{ height: HEIGHT }} />;
}
