import { CheckCircleTwoTone } from '@ant-design/icons';
import { Empty, Flex, Progress, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { TAgingReportDto } from '../../../../src/modules/reports/aging/aging.schemas.ts';
import { AGING_COLORS } from '../../shared/format/aging.ts';
import { formatPercent } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money } from '../../shared/ui/index.ts';
import { bucketColors, bucketLabels, standardBuckets } from './chart-format.ts';
import { isZero } from './decimal.ts';
import { type OverdueCustomer, topOverdueCustomers } from './top-overdue.ts';

/** The ten customers owing the most past due, each linking to its page. */
export function TopOverdueTable({ report }: { report: TAgingReportDto }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => topOverdueCustomers(report, 10), [report]);
  const std = standardBuckets(report);
  const labels = bucketLabels(report, t, locale);
  const colors = bucketColors(report);
  const currency = report.base_currency;
  if (isZero(report.base_totals.total))
    return (
      <div style={{ padding: '48px 0' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.aging.empty')} />
      </div>
    );
  if (rows.length === 0)
    return (
      <div style={{ padding: '32px 0' }}>
        <Empty
          image={<CheckCircleTwoTone twoToneColor={AGING_COLORS.current} style={{ fontSize: 48 }} />}
          styles={{ image: { height: 56 } }}
          description={t('dashboard.top.empty')}
        />
      </div>
    );
  return (
    <Table<OverdueCustomer>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'customer',
          title: t('dashboard.top.customer'),
          render: (_, r) => {
            const space = r.label.indexOf(' ');
            const code = space > 0 ? r.label.slice(0, space) : '';
            const name = space > 0 ? r.label.slice(space + 1) : r.label;
            return (
              <Flex align="baseline" gap={8} style={{ maxWidth: 220 }}>
                {code ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                    {code}
                  </Typography.Text>
                ) : null}
                <Link
                  to={`/customers/${r.id}`}
                  data-testid="dashboard-top-overdue-customer"
                  title={name}
                  style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
                >
                  {name}
                </Link>
              </Flex>
            );
          },
        },
        {
          key: 'overdue',
          title: t('dashboard.top.overdue'),
          align: 'right',
          render: (_, r) => <Money amount={r.overdue} currency={currency} strong />,
        },
        {
          key: 'share',
          title: t('dashboard.top.share'),
          render: (_, r) => (
            <Flex align="center" gap={8} style={{ minWidth: 96 }}>
              <Progress
                percent={(r.shareOfOverdue ?? 0) * 100}
                showInfo={false}
                size="small"
                strokeColor="#fa8c16"
                style={{ width: 36, margin: 0 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
                {formatPercent(r.shareOfOverdue, locale)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'oldest',
          title: t('dashboard.top.oldest'),
          render: (_, r) => {
            const s = std?.[r.oldestBucket];
            if (s) return <AgingTag bucket={s} />;
            return (
              <Typography.Text style={{ color: colors[r.oldestBucket] }}>
                {labels[r.oldestBucket] ?? '—'}
              </Typography.Text>
            );
          },
        },
        {
          key: 'total',
          title: t('dashboard.top.total'),
          align: 'right',
          responsive: ['xxl'],
          render: (_, r) => <Money amount={r.total} currency={currency} />,
        },
      ]}
    />
  );
}
