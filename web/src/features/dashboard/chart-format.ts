import type { TAgingReportDto } from '../../../../src/modules/reports/aging/aging.schemas.ts';
import { AGING_BUCKETS, AGING_COLORS, type AgingBucket } from '../../shared/format/aging.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';

/** Axis labels: 1.2M in English, 120万 in Chinese. */
export function compactNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** '2026-11' as a short month of the language. */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** The report's buckets as the app's five aging states, when it uses the default bounds. */
export function standardBuckets(report: TAgingReportDto): readonly AgingBucket[] | null {
  return report.basis === 'due' && report.buckets.length === AGING_BUCKETS.length ? AGING_BUCKETS : null;
}

export function bucketLabels(report: TAgingReportDto, t: Translate, locale: Locale): string[] {
  const std = standardBuckets(report);
  return report.buckets.map((b, i) => {
    const s = std?.[i];
    if (s) return t(`aging.${s}`);
    return locale === 'zh-CN' ? b.label_zh : b.label;
  });
}

export function bucketColors(report: TAgingReportDto): string[] {
  const std = standardBuckets(report);
  return report.buckets.map((b, i) => {
    const s = std?.[i];
    return s ? AGING_COLORS[s] : b.color;
  });
}

export const AXIS_STYLE = {
  axisLine: { lineStyle: { color: '#d9d9d9' } },
  axisTick: { show: false },
  axisLabel: { color: '#595959' },
  splitLine: { lineStyle: { color: '#f0f0f0' } },
} as const;

export const TOOLTIP_STYLE = {
  backgroundColor: 'rgba(255,255,255,0.98)',
  borderColor: '#f0f0f0',
  textStyle: { color: '#262626', fontSize: 12 },
  extraCssText: 'box-shadow: 0 6px 16px rgba(0,0,0,0.08); border-radius: 6px;',
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One tooltip row: a colour dot, a name and a right-aligned value. */
export function tooltipRow(color: string, name: string, value: string): string {
  return (
    `<div style="display:flex;gap:16px;justify-content:space-between;align-items:center">` +
    `<span><span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${color};margin-right:6px"></span>${escapeHtml(name)}</span>` +
    `<b style="font-variant-numeric:tabular-nums">${escapeHtml(value)}</b></div>`
  );
}
