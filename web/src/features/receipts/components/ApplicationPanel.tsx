import {
  CheckCircleFilled,
  ClearOutlined,
  OrderedListOutlined,
  VerticalAlignBottomOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { AgingTag, Money, QueryState } from '../../../shared/ui/index.ts';
import { formatMinor } from '../receipt-application.ts';
import type { Application } from '../use-application.ts';

type Props = {
  app: Application;
  currency: string;
  amountMinor: bigint | null;
  /** 'receipts.summary.amount' on entry, 'receipts.summary.available' on a recorded receipt. */
  amountLabel: string;
  title: ReactNode;
  query: { isLoading: boolean; error: unknown; refetch: () => unknown };
  emptyText: string;
  footer?: ReactNode;
  note?: ReactNode;
};

type PanelRow = Application['rows'][number];

const MATCH_BG = '#f6ffed';

/** A customer's open invoices with an apply amount per row, the suggestions, and what stays unapplied. */
export function ApplicationPanel({
  app,
  currency,
  amountMinor,
  amountLabel,
  title,
  query,
  emptyText,
  footer,
  note,
}: Props) {
  const { t, locale } = useI18n();
  const money = (minor: bigint) => formatMoney(formatMinor(minor, app.digits), currency, locale);
  const matched = new Set(app.match ?? []);
  const matchNumbers = app.rows.filter((r) => matched.has(r.item.id)).map((r) => r.invoice.number);
  const hasAmount = amountMinor !== null && amountMinor > 0n;

  const date = (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d, locale)}</span>;

  const columns: TableColumnsType<PanelRow> = [
    {
      title: t('receipts.col.invoice'),
      key: 'number',
      render: (_, r) => (
        <Flex gap={6} align="center" wrap={false}>
          {matched.has(r.item.id) ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null}
          <Link to={`/invoices/${r.invoice.id}`} target="_blank" tabIndex={-1}>
            {r.invoice.number}
          </Link>
          {r.invoice.is_disputed ? <Tag color="magenta">{t('receipts.apply.disputed')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('receipts.col.issueDate'),
      key: 'issue',
      render: (_, r) => date(r.invoice.issue_date),
      responsive: ['lg'],
    },
    { title: t('receipts.col.dueDate'), key: 'due', render: (_, r) => date(r.invoice.due_date) },
    {
      title: t('receipts.col.aging'),
      key: 'aging',
      render: (_, r) => <AgingTag daysOverdue={r.invoice.days_overdue} />,
    },
    {
      title: t('receipts.col.total'),
      key: 'total',
      align: 'right',
      render: (_, r) => <Money amount={r.invoice.total} currency={r.invoice.currency} />,
      responsive: ['xl'],
    },
    {
      title: t('receipts.col.open'),
      key: 'open',
      align: 'right',
      render: (_, r) => <Money amount={r.invoice.open_amount} currency={r.invoice.currency} strong />,
    },
    {
      title: t('receipts.col.apply'),
      key: 'apply',
      width: 210,
      render: (_, r) => {
        const problem = app.check.problems.get(r.item.id);
        return (
          <Flex gap={4} align="center">
            <Tooltip
              title={problem ? t(`receipts.problem.${problem}`) : undefined}
              open={problem ? undefined : false}
            >
              <Input
                data-testid={`apply-${r.invoice.number}`}
                aria-label={`${t('receipts.col.apply')} ${r.invoice.number}`}
                value={app.entries[r.item.id] ?? ''}
                onChange={(e) => app.setEntry(r.item.id, e.target.value)}
                status={problem ? 'error' : undefined}
                inputMode="decimal"
                placeholder={formatMinor(0n, app.digits)}
                style={{ width: 150, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
              />
            </Tooltip>
            <Tooltip title={t('receipts.apply.full')}>
              <Button
                type="text"
                size="small"
                tabIndex={-1}
                aria-label={t('receipts.apply.full')}
                icon={<VerticalAlignBottomOutlined />}
                onClick={() => app.setEntry(r.item.id, formatMinor(r.item.openMinor, app.digits))}
              />
            </Tooltip>
          </Flex>
        );
      },
    },
  ];

  const unapplied = app.check.unappliedMinor;
  const over = unapplied < 0n;

  return (
    <Card
      title={title}
      extra={
        <Flex gap={8} wrap>
          <Button
            data-testid="receipt-apply-oldest"
            icon={<OrderedListOutlined />}
            onClick={app.applyOldest}
            disabled={!hasAmount || app.rows.length === 0}
          >
            {t('receipts.apply.oldest')}
          </Button>
          <Button
            icon={<ClearOutlined />}
            onClick={app.clear}
            disabled={Object.keys(app.entries).length === 0}
          >
            {t('receipts.apply.clear')}
          </Button>
        </Flex>
      }
      styles={{ body: { paddingTop: 12 } }}
    >
      {app.match && matchNumbers.length > 0 ? (
        <Alert
          data-testid="receipt-exact-match"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('receipts.apply.exactMatch', {
            numbers: matchNumbers.join(locale === 'zh-CN' ? '、' : ', '),
          })}
          description={app.isAuto ? t('receipts.apply.exactMatchHint') : undefined}
        />
      ) : null}
      {note}
      <QueryState
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={app.rows.length === 0}
        emptyText={emptyText}
      >
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('receipts.apply.count', { count: app.rows.length, total: money(app.totalOpenMinor) })}
        </Typography.Text>
        <Table<PanelRow>
          data-testid="receipt-open-invoices"
          rowKey={(r) => r.item.id}
          columns={columns}
          dataSource={app.rows}
          size="middle"
          pagination={app.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content', y: 420 }}
          onRow={(r) => (matched.has(r.item.id) ? { style: { background: MATCH_BG } } : {})}
        />
      </QueryState>
      <Row gutter={[16, 12]} style={{ marginTop: 16 }} align="middle">
        <Col xs={24} xl={16}>
          <Flex gap={32} wrap>
            <Figure label={t(amountLabel)} value={hasAmount ? money(amountMinor ?? 0n) : '—'} />
            <Figure label={t('receipts.summary.applied')} value={money(app.check.appliedMinor)} />
            <Figure
              label={t('receipts.summary.unapplied')}
              value={hasAmount || app.check.appliedMinor > 0n ? money(unapplied) : '—'}
              testId="receipt-unapplied"
              dataValue={formatMinor(unapplied, app.digits)}
              tone={over ? 'danger' : unapplied > 0n ? 'warning' : 'success'}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={8} style={{ textAlign: 'right' }}>
          {footer}
        </Col>
      </Row>
      {over ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('receipts.summary.over', { amount: money(-unapplied) })}
        />
      ) : hasAmount && unapplied > 0n && app.check.appliedMinor > 0n ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('receipts.summary.leftOnAccount', { amount: money(unapplied) })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function Figure({
  label,
  value,
  testId,
  dataValue,
  tone,
}: {
  label: string;
  value: string;
  testId?: string;
  dataValue?: string;
  tone?: 'danger' | 'warning' | 'success';
}) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div>
        <Typography.Text
          data-testid={testId}
          data-value={dataValue}
          strong
          type={tone}
          style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        >
          {value}
        </Typography.Text>
      </div>
    </div>
  );
}
