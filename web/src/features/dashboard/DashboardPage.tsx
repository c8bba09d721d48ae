import { CalendarOutlined, CloudUploadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { AgingChart } from './AgingChart.tsx';
import { ArTrendChart } from './ArTrendChart.tsx';
import { isZero } from './decimal.ts';
import { ForecastChart } from './ForecastChart.tsx';
import { KpiGrid } from './KpiGrid.tsx';
import { TopOverdueTable } from './TopOverdueTable.tsx';
import {
  FORECAST_WEEKS,
  TREND_MONTHS,
  useAgingByCustomer,
  useForecast,
  useKpis,
} from './use-dashboard-data.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The morning view of receivables: headline figures, aging, who owes most past due, trend, forecast. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const requested = params.get('as_of');
  const asOf = requested && DATE.test(requested) && dayjs(requested).isValid() ? requested : today;
  const setAsOf = (date: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (date === today) next.delete('as_of');
        else next.set('as_of', date);
        return next;
      },
      { replace: true },
    );

  const kpis = useKpis(asOf);
  const aging = useAgingByCustomer(asOf);
  const forecast = useForecast(asOf);
  const currency = kpis.data?.base_currency ?? aging.data?.base_currency ?? '';
  const hasNoReceivables =
    !!kpis.data &&
    isZero(kpis.data.amounts.receivables) &&
    kpis.data.trend.every((m) => isZero(m.receivables) && isZero(m.credit_sales));

  return (
    <div data-testid="dashboard">
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          currency
            ? t('dashboard.subtitle', { date: formatDate(asOf, locale), currency })
            : formatDate(asOf, locale)
        }
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">
              <label htmlFor="dashboard-as-of">{t('dashboard.asOf')}</label>
            </Typography.Text>
            <DatePicker
              id="dashboard-as-of"
              data-testid="dashboard-as-of"
              allowClear={false}
              value={dayjs(asOf)}
              placeholder={t('dashboard.asOfPlaceholder')}
              format={(d: Dayjs) => formatDate(d.format('YYYY-MM-DD'), locale)}
              onChange={(d: Dayjs | null) => d && setAsOf(d.format('YYYY-MM-DD'))}
              suffixIcon={<CalendarOutlined />}
              style={{ width: 150 }}
            />
            <Button onClick={() => setAsOf(today)} disabled={asOf === today} data-testid="dashboard-today">
              {t('dashboard.today')}
            </Button>
          </Flex>
        }
      />

      {hasNoReceivables ? <Welcome /> : null}

      <QueryState isLoading={false} error={kpis.error} onRetry={() => void kpis.refetch()}>
        <KpiGrid data={kpis.data} isLoading={kpis.isLoading} />
      </QueryState>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Panel
            testId="dashboard-aging-chart"
            title={t('dashboard.aging.title')}
            extra={
              aging.data ? (
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatMoney(aging.data.base_totals.total, aging.data.base_currency, locale)}
                  </Typography.Text>
                  <Tag bordered={false}>{t('dashboard.aging.basis')}</Tag>
                </Flex>
              ) : null
            }
          >
            <QueryState isLoading={aging.isLoading} error={aging.error} onRetry={() => void aging.refetch()}>
              {aging.data ? <AgingChart report={aging.data} /> : null}
            </QueryState>
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel
            testId="dashboard-trend-chart"
            title={t('dashboard.trend.title')}
            extra={<Tag bordered={false}>{t('dashboard.trend.months', { months: TREND_MONTHS })}</Tag>}
          >
            <QueryState isLoading={kpis.isLoading} error={kpis.error} onRetry={() => void kpis.refetch()}>
              {kpis.data ? <ArTrendChart trend={kpis.data.trend} currency={kpis.data.base_currency} /> : null}
            </QueryState>
          </Panel>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Panel testId="dashboard-top-overdue" title={t('dashboard.top.title')} flush>
            <QueryState isLoading={aging.isLoading} error={aging.error} onRetry={() => void aging.refetch()}>
              {aging.data ? <TopOverdueTable report={aging.data} /> : null}
            </QueryState>
          </Panel>
        </Col>
        <Col xs={24} xl={9}>
          <Panel
            testId="dashboard-forecast-chart"
            title={t('dashboard.forecast.title')}
            extra={<Tag bordered={false}>{t('dashboard.forecast.weeks', { weeks: FORECAST_WEEKS })}</Tag>}
          >
            <QueryState
              isLoading={forecast.isLoading}
              error={forecast.error}
              onRetry={() => void forecast.refetch()}
            >
              {forecast.data ? <ForecastChart forecast={forecast.data} /> : null}
            </QueryState>
          </Panel>
        </Col>
      </Row>
    </div>
  );
}

function Panel({
  testId,
  title,
  extra,
  flush,
  children,
}: {
  testId: string;
  title: string;
  extra?: ReactNode;
  flush?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      data-testid={testId}
      title={title}
      extra={extra}
      style={{ height: '100%' }}
      styles={{ body: { padding: flush ? '0 0 8px' : '12px 16px 16px', minHeight: 300 } }}
    >
      <div style={flush ? { padding: 0 } : undefined}>{children}</div>
    </Card>
  );
}

/** A new organisation's first view: say why it is empty and where to start. */
function Welcome() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Card
      data-testid="dashboard-welcome"
      style={{ marginBottom: 16, background: '#f0f5ff', borderColor: '#d6e4ff' }}
    >
      <Flex gap={16} align="center" wrap>
        <FileTextOutlined style={{ fontSize: 36, color: '#1668dc' }} />
        <div style={{ flex: '1 1 320px' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('dashboard.welcome.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dashboard.welcome.text')}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          {session.can('invoices.read') ? (
            <Button type="primary" icon={<FileTextOutlined />} onClick={() => navigate('/invoices')}>
              {t('dashboard.welcome.invoices')}
            </Button>
          ) : null}
          {session.can('invoices.write') ? (
            <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/imports')}>
              {t('dashboard.welcome.import')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
