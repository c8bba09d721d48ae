import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TCustomerOverviewDto } from '../../../../src/modules/reports/customer-overview/customer-overview.schemas.ts';
import { formatDate, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money } from '../../shared/ui/index.ts';
import { RiskTag } from './labels.tsx';

function BalanceCard({
  title,
  value,
  testId,
  tone,
  footer,
}: {
  title: string;
  value: string;
  testId: string;
  tone?: 'danger' | undefined;
  footer: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div
        data-testid={testId}
        style={{
          fontSize: 24,
          fontWeight: 600,
          margin: '4px 0 8px',
          fontVariantNumeric: 'tabular-nums',
          whiteSpace: 'nowrap',
          color: tone === 'danger' ? 'var(--ant-color-error, #cf1322)' : undefined,
        }}
      >
        {value}
      </div>
      <Flex gap={8} align="center" wrap style={{ minHeight: 24 }}>
        {footer}
      </Flex>
    </Card>
  );
}

/** Open balance, overdue and unapplied credit in base currency, with the per-currency amounts. */
export function BalanceCards({ summary }: { summary: TCustomerOverviewDto }) {
  const { t, locale } = useI18n();
  const base = summary.base_currency;
  const foreign = summary.balances.filter((b) => b.currency !== base);
  const isOverdue = summary.oldest_overdue_days !== null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <BalanceCard
          title={t('customers.card.open')}
          value={formatMoney(summary.open_balance, base, locale)}
          testId="customer-balance"
          footer={
            <>
              <Typography.Text type="secondary">
                {t('customers.card.openInvoices', { count: summary.open_invoices })}
              </Typography.Text>
              {foreign.map((b) => (
                <Typography.Text key={b.currency} type="secondary">
                  · <Money amount={b.open} currency={b.currency} />
                </Typography.Text>
              ))}
            </>
          }
        />
      </Col>
      <Col xs={24} md={8}>
        <BalanceCard
          title={t('customers.card.overdue')}
          value={formatMoney(summary.overdue_amount, base, locale)}
          testId="customer-overdue"
          tone={isOverdue ? 'danger' : undefined}
          footer={
            isOverdue ? (
              <>
                <AgingTag daysOverdue={summary.oldest_overdue_days ?? 0} />
                <Typography.Text type="secondary">
                  {t('customers.card.oldest', { days: summary.oldest_overdue_days ?? 0 })}
                </Typography.Text>
                <RiskTag risk={summary.risk} />
              </>
            ) : (
              <>
                {summary.open_invoices > 0 ? <AgingTag daysOverdue={0} /> : null}
                <Typography.Text type="secondary">{t('customers.card.nothingOverdue')}</Typography.Text>
              </>
            )
          }
        />
      </Col>
      <Col xs={24} md={8}>
        <BalanceCard
          title={t('customers.card.unapplied')}
          value={formatMoney(summary.unapplied_credit, base, locale)}
          testId="customer-unapplied"
          footer={
            <Typography.Text type="secondary">
              {summary.last_payment_date
                ? t('customers.card.lastPayment', { date: formatDate(summary.last_payment_date, locale) })
                : t('customers.card.noPayment')}
            </Typography.Text>
          }
        />
      </Col>
    </Row>
  );
}
