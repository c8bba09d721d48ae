import { Empty } from 'antd';
import { useMemo } from 'react';
import type { TAgingReportDto } from '../../../../src/modules/reports/aging/aging.schemas.ts';
import { formatMoney, formatPercent } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { EChart, type EChartOption } from '../../shared/ui/index.ts';
import {
  AXIS_STYLE,
  bucketColors,
  bucketLabels,
  compactNumber,
  escapeHtml,
  TOOLTIP_STYLE,
  tooltipRow,
} from './chart-format.ts';
import { chartValue, isZero, ratioOf } from './decimal.ts';

const HEIGHT = 300;

/** One bar per aging bucket, in the base currency, coloured like the aging tags. */
export function AgingChart({ report }: { report: TAgingReportDto }) {
  const { t, locale } = useI18n();
  const isEmpty = isZero(report.base_totals.total);
  const option = useMemo<EChartOption>(() => {
    const labels = bucketLabels(report, t, locale);
    const colors = bucketColors(report);
    const currency = report.base_currency;
    const amounts = report.base_totals.buckets;
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        ...TOOLTIP_STYLE,
        formatter: (params: { dataIndex: number }[]) => {
          const i = params[0]?.dataIndex ?? 0;
          const amount = amounts[i] ?? '0';
          const share = ratioOf(amount, report.base_totals.total);
          return (
            `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(labels[i] ?? '')}</div>` +
            tooltipRow(
              colors[i] ?? '#999',
              t('dashboard.aging.amount'),
              formatMoney(amount, currency, locale),
            ) +
            tooltipRow('transparent', t('dashboard.aging.share'), formatPercent(share, locale))
          );
        },
      },
      xAxis: { type: 'category', data: labels, ...AXIS_STYLE, axisLabel: { color: '#595959', interval: 0 } },
      yAxis: {
        type: 'value',
        name: t('dashboard.aging.amount'),
        nameTextStyle: { color: '#8c8c8c', align: 'left' },
        ...AXIS_STYLE,
        axisLine: { show: false },
        axisLabel: { color: '#8c8c8c', formatter: (v: number) => compactNumber(v, locale) },
      },
      series: [
        {
          type: 'bar',
          name: t('dashboard.aging.amount'),
          barMaxWidth: 56,
          data: amounts.map((amount, i) => ({
            value: chartValue(amount),
            itemStyle: { color: colors[i], borderRadius: [4, 4, 0, 0] },
          })),
          label: {
            show: true,
            position: 'top',
            color: '#595959',
            fontSize: 11,
            formatter: (p: { value: number }) => (p.value === 0 ? '' : compactNumber(p.value, locale)),
          },
        },
      ],
    };
  }, [report, t, locale]);
  if (isEmpty)
    return (
      <div style={{ height: HEIGHT, display: 'grid', placeItems: 'center' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.aging.empty')} />
      </div>
    );
  return <EChart option={option} style={{ height: HEIGHT }} />;
}
