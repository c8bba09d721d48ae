import {
  ArrowLeftOutlined,
  ExclamationCircleOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TDisputeDto } from '../../../../src/modules/receivables/disputes/disputes.schemas.ts';
import type { TInvoiceDetailDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage, type Page } from '../../shared/api/client.ts';
import { formatDate, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, PageHeader, QueryState, StatusTag } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { OpenDisputeModal, ResolveDisputeModal, VoidModal, WriteOffModal } from './InvoiceActionModals.tsx';
import {
  AllocationsTable,
  DisputesTable,
  JournalTable,
  LinesTable,
  WriteOffsTable,
} from './InvoiceDetailTables.tsx';
import { INVOICE_TABLES } from './InvoicesPage.tsx';
import { isZeroAmount } from './invoice-math.ts';
import { sourceLabel } from './labels.ts';

type Modal =
  | { kind: 'writeOff' }
  | { kind: 'void' }
  | { kind: 'dispute' }
  | { kind: 'resolve'; dispute: TDisputeDto };

/** One invoice: its state, amounts, lines, applications, write-offs, journal and disputes. */
export function InvoiceDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [modal, setModal] = useState<Modal | null>(null);
  const detail = useQuery({
    queryKey: ['invoices', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<TInvoiceDetailDto>(`/api/invoices/${encodeURIComponent(id)}`, undefined, signal),
    meta: { tables: [...INVOICE_TABLES, 'journal_postings'] },
  });
  const disputes = useQuery({
    queryKey: ['invoices', 'disputes', id],
    queryFn: ({ signal }) => api.get<Page<TDisputeDto>>('/api/disputes', { invoice: id, limit: 100 }, signal),
    meta: { tables: ['disputes'] },
  });
  const reverseWriteOff = useMutation({
    mutationFn: (writeOffId: string) =>
      api.post<TInvoiceDetailDto>(`/api/write-offs/${writeOffId}/reverse`, {}),
    onSuccess: () => {
      void message.success(t('invoices.wo.reversed'));
      void client.invalidateQueries({ queryKey: ['invoices'] });
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });

  const inv = detail.data;
  const disputeList = disputes.data?.items ?? [];
  const openDispute = disputeList.find((d) => d.status === 'open');
  const isVoid = inv?.status === 'void';
  const hasOpen = inv ? !isZeroAmount(inv.open_amount) : false;
  const hasLiveApplications = inv?.allocations.some((a) => !a.reversed_on) ?? false;
  const hasLiveWriteOffs = inv?.write_offs.some((w) => !w.reversed_on) ?? false;
  const money = (amount: string) => (inv ? formatMoney(amount, inv.currency, locale) : '');

  const actions = inv ? (
    <Space wrap>
      {session.can('writeoffs.create') && !isVoid ? (
        <Button
          danger
          icon={<WarningOutlined />}
          disabled={!hasOpen}
          onClick={() => setModal({ kind: 'writeOff' })}
          data-testid="invoice-writeoff-button"
        >
          {t('invoices.action.writeOff')}
        </Button>
      ) : null}
      {session.can('collections.write') && !isVoid && !openDispute ? (
        <Button
          icon={<ExclamationCircleOutlined />}
          onClick={() => setModal({ kind: 'dispute' })}
          data-testid="invoice-dispute-button"
        >
          {t('invoices.action.openDispute')}
        </Button>
      ) : null}
      {session.can('invoices.write') && !isVoid ? (
        <Tooltip title={hasLiveApplications || hasLiveWriteOffs ? t('invoices.void.blocked') : undefined}>
          <Button
            icon={<StopOutlined />}
            disabled={hasLiveApplications || hasLiveWriteOffs}
            onClick={() => setModal({ kind: 'void' })}
            data-testid="invoice-void-button"
          >
            {t('invoices.action.void')}
          </Button>
        </Tooltip>
      ) : null}
    </Space>
  ) : null;

  return (
    <>
      <Link to="/invoices" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('invoices.detail.back')}
      </Link>
      <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => void detail.refetch()}>
        {inv ? (
          <>
            <PageHeader
              title={
                <Space wrap size={8}>
                  <span data-testid="invoice-number">{inv.number}</span>
                  <span data-testid="invoice-status">
                    <StatusTag status={inv.status} />
                  </span>
                  {hasOpen && !isVoid ? <AgingTag daysOverdue={inv.days_overdue} /> : null}
                  {inv.is_disputed ? <Tag color="purple">{t('invoices.disputed')}</Tag> : null}
                </Space>
              }
              subtitle={
                <Link
                  to={`/customers/${inv.customer.id}`}
                >{`${inv.customer.name} (${inv.customer.code})`}</Link>
              }
              extra={actions}
            />
            {inv.voided_on ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('invoices.detail.voidedOn', { date: formatDate(inv.voided_on, locale) })}
              />
            ) : null}
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {(
                [
                  ['total', 'invoices.detail.total', inv.total],
                  ['applied', 'invoices.detail.applied', inv.applied],
                  ['written-off', 'invoices.detail.writtenOff', inv.written_off],
                  ['open-amount', 'invoices.detail.open', inv.open_amount],
                ] as const
              ).map(([key, label, amount]) => (
                <Col xs={12} lg={6} key={key}>
                  <Card size="small">
                    <Statistic
                      title={t(label)}
                      valueRender={() => (
                        <span
                          data-testid={`invoice-${key}`}
                          style={{
                            fontVariantNumeric: 'tabular-nums',
                            color:
                              key === 'open-amount' && hasOpen && inv.days_overdue > 0
                                ? '#cf1322'
                                : undefined,
                          }}
                        >
                          {money(amount)}
                        </span>
                      )}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                items={[
                  {
                    key: 'customer',
                    label: t('invoices.detail.customer'),
                    children: <Link to={`/customers/${inv.customer.id}`}>{inv.customer.name}</Link>,
                  },
                  {
                    key: 'issue',
                    label: t('invoices.detail.issueDate'),
                    children: formatDate(inv.issue_date, locale),
                  },
                  {
                    key: 'due',
                    label: t('invoices.detail.dueDate'),
                    children: (
                      <Space size={6}>
                        {formatDate(inv.due_date, locale)}
                        {inv.days_overdue > 0 && hasOpen ? (
                          <Typography.Text type="danger">
                            {t('invoices.detail.daysOverdue', { n: inv.days_overdue })}
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ),
                  },
                  { key: 'po', label: t('invoices.detail.po'), children: inv.po_number ?? '—' },
                  { key: 'sales', label: t('invoices.detail.salesperson'), children: inv.salesperson ?? '—' },
                  {
                    key: 'amounts',
                    label: t('invoices.detail.subtotal'),
                    children: `${money(inv.subtotal)} + ${t('invoices.detail.tax')} ${money(inv.tax)}`,
                  },
                  ...(inv.currency === inv.base_currency
                    ? []
                    : [
                        {
                          key: 'fx',
                          label: t('invoices.detail.fx', { base: inv.base_currency }),
                          children: `${inv.fx_rate} · ${formatMoney(inv.base_total, inv.base_currency, locale)}`,
                        },
                      ]),
                  { key: 'source', label: t('invoices.detail.source'), children: sourceLabel(t, inv.source) },
                  { key: 'desc', label: t('invoices.detail.description'), children: inv.description ?? '—' },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={`${t('invoices.detail.allocations')} (${inv.allocations.length})`}
              style={{ marginBottom: 16 }}
            >
              <AllocationsTable invoice={inv} />
            </Card>
            <Card size="small" title={t('invoices.detail.journal')} style={{ marginBottom: 16 }}>
              <JournalTable invoice={inv} />
            </Card>
            <Card
              size="small"
              title={`${t('invoices.detail.lines')} (${inv.lines.length})`}
              style={{ marginBottom: 16 }}
            >
              <LinesTable invoice={inv} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24}>
                <Card size="small" title={`${t('invoices.detail.writeOffs')} (${inv.write_offs.length})`}>
                  <WriteOffsTable
                    invoice={inv}
                    canReverse={session.can('writeoffs.create')}
                    onReverse={(woId) => reverseWriteOff.mutate(woId)}
                    reversing={reverseWriteOff.isPending}
                  />
                </Card>
              </Col>
              <Col xs={24}>
                <Card size="small" title={`${t('invoices.detail.disputes')} (${disputeList.length})`}>
                  <DisputesTable
                    disputes={disputeList}
                    canResolve={session.can('collections.write')}
                    onResolve={(d) => setModal({ kind: 'resolve', dispute: d })}
                  />
                </Card>
              </Col>
            </Row>
            {modal?.kind === 'writeOff' ? (
              <WriteOffModal invoice={inv} onClose={() => setModal(null)} />
            ) : null}
            {modal?.kind === 'void' ? <VoidModal invoice={inv} onClose={() => setModal(null)} /> : null}
            {modal?.kind === 'dispute' ? (
              <OpenDisputeModal invoice={inv} onClose={() => setModal(null)} />
            ) : null}
            {modal?.kind === 'resolve' ? (
              <ResolveDisputeModal dispute={modal.dispute} onClose={() => setModal(null)} />
            ) : null}
          </>
        ) : null}
      </QueryState>
    </>
  );
}
