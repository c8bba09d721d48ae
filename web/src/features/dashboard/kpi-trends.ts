import { formatNumber, formatPercent } from '../../shared/format/format.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';
import { ratioOf, subtractDecimals, toScaled } from './decimal.ts';
import type { KpiTrend } from './KpiCard.tsx';

/** The month-on-month hints under the headline figures: last month's end against the as-of date. */
type Polarity = 'upIsBad' | 'upIsGood' | 'neutral';

function toneOf(direction: KpiTrend['direction'], polarity: Polarity): KpiTrend['tone'] {
  if (direction === 'flat' || polarity === 'neutral') return 'neutral';
  return (direction === 'up') === (polarity === 'upIsGood') ? 'good' : 'bad';
}

/** The change from last month's end to the date, as a percentage of last month's amount. */
export function amountTrend(
  series: readonly string[],
  polarity: Polarity,
  t: Translate,
  locale: Locale,
): KpiTrend | null {
  const now = series.at(-1);
  const before = series.at(-2);
  if (now === undefined || before === undefined) return null;
  if (toScaled(now) === 0n && toScaled(before) === 0n) return null;
  const diff = toScaled(now) - toScaled(before);
  if (diff === 0n) return { text: t('dashboard.kpi.unchanged'), direction: 'flat', tone: 'neutral' };
  const direction = diff > 0n ? 'up' : 'down';
  const r = ratioOf(subtractDecimals(now, before), before);
  const size = r === null ? '' : `${formatPercent(Math.abs(r), locale)} `;
  return { text: `${size}${t('dashboard.kpi.vsLastMonth')}`, direction, tone: toneOf(direction, polarity) };
}

export function pointsTrend(
  series: readonly (number | null)[],
  polarity: Polarity,
  t: Translate,
  locale: Locale,
): KpiTrend | null {
  const now = series.at(-1);
  const before = series.at(-2);
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return { text: t('dashboard.kpi.unchanged'), direction: 'flat', tone: 'neutral' };
  const direction = diff > 0 ? 'up' : 'down';
  const size = t('dashboard.kpi.pts', { n: formatNumber(Math.abs(diff), locale) });
  return { text: `${size} ${t('dashboard.kpi.vsLastMonth')}`, direction, tone: toneOf(direction, polarity) };
}

export function daysTrend(series: readonly (number | null)[], t: Translate, locale: Locale): KpiTrend | null {
  const now = series.at(-1);
  const before = series.at(-2);
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return { text: t('dashboard.kpi.unchanged'), direction: 'flat', tone: 'neutral' };
  const direction = diff > 0 ? 'up' : 'down';
  const size = t('dashboard.kpi.days', { n: formatNumber(Math.abs(diff), locale) });
  return { text: `${size} ${t('dashboard.kpi.vsLastMonth')}`, direction, tone: toneOf(direction, 'upIsBad') };
}
