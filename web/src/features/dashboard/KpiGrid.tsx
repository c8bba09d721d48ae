import { Col, Progress, Row } from 'antd';
import type { ReactNode } from 'react';
import type { TKpisDto, TKpiTrendMonth } from '../../../../src/modules/reports/kpis/kpis.schemas.ts';
import { AGING_COLORS } from '../../shared/format/aging.ts';
import { formatAmount, formatNumber, formatPercent } from '../../shared/format/format.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';
import { type Translate, useI18n } from '../../shared/i18n/i18n.tsx';
import { chartValue, ratioOf, subtractDecimals } from './decimal.ts';
import { KpiCard } from './KpiCard.tsx';
import { amountTrend, daysTrend, pointsTrend } from './kpi-trends.ts';
import { TREND_MONTHS } from './use-dashboard-data.ts';

const SPAN = { xs: 24, sm: 12, md: 12, lg: 12, xl: 6 } as const;

/** The eight headline figures, four across on a laptop and two on a tablet. */
export function KpiGrid({ data, isLoading }: { data: TKpisDto | undefined; isLoading: boolean }) {
  const { t, locale } = useI18n();
  const a = data?.amounts;
  const k = data?.kpis;
  const trend = data?.trend ?? [];
  const cur = data?.base_currency ?? '';
  const overdueOf = (m: TKpiTrendMonth) => subtractDecimals(m.receivables, m.current);
  const months = { months: TREND_MONTHS };
  const days = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : t('dashboard.kpi.days', { n: formatNumber(n, locale) });
  const pct = (n: number | null | undefined) => (n === null || n === undefined ? null : n / 100);

  const cards: { key: string; node: ReactNode }[] = [
    {
      key: 'ar',
      node: (
        <KpiCard
          testId="dashboard-total-ar"
          title={t('dashboard.kpi.totalAr')}
          hint={t('dashboard.kpi.totalArHint')}
          isLoading={isLoading}
          value={<Amount amount={a?.receivables} currency={cur} locale={locale} />}
          spark={trend.map((m) => chartValue(m.receivables))}
          trend={amountTrend(
            trend.map((m) => m.receivables),
            'neutral',
            t,
            locale,
          )}
        />
      ),
    },
    {
      key: 'overdue',
      node: (
        <KpiCard
          testId="dashboard-overdue"
          title={t('dashboard.kpi.overdue')}
          hint={t('dashboard.kpi.overdueHint')}
          accent="#fa8c16"
          isLoading={isLoading}
          value={<Amount amount={a?.past_due} currency={cur} locale={locale} />}
          detail={shareText(a?.past_due, a?.receivables, t, locale)}
          spark={trend.map((m) => chartValue(overdueOf(m)))}
          trend={amountTrend(trend.map(overdueOf), 'upIsBad', t, locale)}
        />
      ),
    },
    {
      key: 'risk',
      node: (
        <KpiCard
          testId="dashboard-at-risk"
          title={t('dashboard.kpi.atRisk')}
          hint={t('dashboard.kpi.atRiskHint')}
          accent={AGING_COLORS['90+']}
          isLoading={isLoading}
          value={<Amount amount={a?.over_90} currency={cur} locale={locale} />}
          detail={shareText(a?.over_90, a?.receivables, t, locale)}
          spark={trend.map((m) => chartValue(m.over_90))}
          trend={amountTrend(
            trend.map((m) => m.over_90),
            'upIsBad',
            t,
            locale,
          )}
        />
      ),
    },
    {
      key: 'current',
      node: (
        <KpiCard
          testId="dashboard-current"
          title={t('dashboard.kpi.currentPct')}
          hint={t('dashboard.kpi.currentPctHint')}
          accent={AGING_COLORS.current}
          isLoading={isLoading}
          value={formatPercent(pct(k?.current_pct), locale)}
          detail={
            k?.current_pct === null || k?.current_pct === undefined ? null : (
              <Progress
                percent={k.current_pct}
                showInfo={false}
                size="small"
                strokeColor={AGING_COLORS.current}
                trailColor="#ffd8bf"
                style={{ width: 140, margin: 0 }}
              />
            )
          }
          trend={pointsTrend(
            trend.map((m) => m.current_pct),
            'upIsGood',
            t,
            locale,
          )}
        />
      ),
    },
    {
      key: 'dso',
      node: (
        <KpiCard
          testId="dashboard-dso"
          title={t('dashboard.kpi.dso')}
          hint={t('dashboard.kpi.dsoHint', months)}
          accent="#722ed1"
          isLoading={isLoading}
          value={days(k?.dso_standard)}
          detail={
            k?.best_possible_dso === null || k?.best_possible_dso === undefined
              ? null
              : t('dashboard.kpi.dsoBest', { days: days(k.best_possible_dso) })
          }
          trend={daysTrend(
            trend.map((m) => m.dso_standard),
            t,
            locale,
          )}
        />
      ),
    },
    {
      key: 'cei',
      node: (
        <KpiCard
          testId="dashboard-cei"
          title={t('dashboard.kpi.cei')}
          hint={t('dashboard.kpi.ceiHint', months)}
          accent="#13c2c2"
          isLoading={isLoading}
          value={formatPercent(pct(k?.cei_pct), locale)}
          detail={
            k?.cei_pct === null || k?.cei_pct === undefined ? null : (
              <Progress
                percent={Math.max(0, Math.min(100, k.cei_pct))}
                showInfo={false}
                size="small"
                strokeColor="#13c2c2"
                style={{ width: 140, margin: 0 }}
              />
            )
          }
        />
      ),
    },
    {
      key: 'late',
      node: (
        <KpiCard
          testId="dashboard-days-late"
          title={t('dashboard.kpi.daysLate')}
          hint={t('dashboard.kpi.daysLateHint', months)}
          accent="#eb2f96"
          isLoading={isLoading}
          value={days(k?.days_late.weighted)}
          detail={
            k?.days_late.paid_late_pct === null || k?.days_late.paid_late_pct === undefined
              ? null
              : t('dashboard.kpi.paidLate', { pct: formatPercent(k.days_late.paid_late_pct / 100, locale) })
          }
        />
      ),
    },
    {
      key: 'disputes',
      node: (
        <KpiCard
          testId="dashboard-disputes"
          title={t('dashboard.kpi.disputes')}
          hint={t('dashboard.kpi.disputesHint', months)}
          accent="#8c8c8c"
          isLoading={isLoading}
          value={formatPercent(pct(k?.dispute.by_count_pct), locale)}
          detail={
            k
              ? t('dashboard.kpi.disputedInvoices', {
                  n: formatNumber(k.dispute.disputed_invoices, locale, 0),
                  total: formatNumber(k.dispute.invoices_issued, locale, 0),
                })
              : null
          }
        />
      ),
    },
  ];

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} {...SPAN}>
          {c.node}
        </Col>
      ))}
    </Row>
  );
}

/** A big amount: the currency code small, the digits large. */
function Amount({
  amount,
  currency,
  locale,
}: {
  amount: string | undefined;
  currency: string;
  locale: Locale;
}) {
  if (amount === undefined) return <>—</>;
  return (
    <>
      <span style={{ fontSize: 13, fontWeight: 500, color: '#8c8c8c', marginInlineEnd: 6 }}>{currency}</span>
      {formatAmount(amount, currency, locale)}
    </>
  );
}

function shareText(part: string | undefined, whole: string | undefined, t: Translate, locale: Locale) {
  if (part === undefined || whole === undefined) return null;
  const r = ratioOf(part, whole);
  return r === null ? null : t('dashboard.kpi.shareOfAr', { pct: formatPercent(r, locale) });
}
