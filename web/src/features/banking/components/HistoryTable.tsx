import { RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Flex,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, type Page } from '../../../shared/api/client.ts';
import { formatDate, formatDateTime } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { Money, QueryState } from '../../../shared/ui/index.ts';
import { useSession } from '../../auth/session.tsx';
import { type ReviewItem, useUndoMatch } from '../use-banking.ts';
import { actorLabel, ConfidenceBar } from './bits.tsx';

type Props = {
  mode: 'matched' | 'ignored';
  query: UseInfiniteQueryResult<InfiniteData<Page<ReviewItem>>>;
};

/** Matched lines (who decided, when, the receipt; undo) or ignored lines (reopen). */
export function HistoryTable({ mode, query }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canReview = useSession().can('matching.review');
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const [undoing, setUndoing] = useState<ReviewItem | null>(null);
  const [reason, setReason] = useState('');
  const undo = useUndoMatch();

  const submitUndo = () => {
    if (!undoing) return;
    undo.mutate(
      { id: undoing.id, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t(mode === 'matched' ? 'banking.action.undone' : 'banking.action.reopened'));
          setUndoing(null);
          setReason('');
        },
        onError: (e) => void message.error(errorMessage(e, locale)),
      },
    );
  };

  const columns: TableColumnsType<ReviewItem> = [
    {
      title: t('banking.col.date'),
      key: 'date',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.booking_date, locale)}</span>,
    },
    {
      title: t('banking.col.amount'),
      key: 'amount',
      align: 'right',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} strong />,
    },
    {
      title: t('banking.col.payer'),
      key: 'payer',
      render: (_, r) =>
        r.counterparty_name ?? (
          <Typography.Text type="secondary">{t('banking.line.noPayer')}</Typography.Text>
        ),
    },
    {
      title: t('banking.col.remittance'),
      key: 'remittance',
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.remittance }} style={{ maxWidth: 260 }}>
          {r.remittance ?? '—'}
        </Typography.Text>
      ),
    },
    ...(mode === 'matched'
      ? ([
          // The match carries no customer; the suggestion it came from sometimes still does.
          ...(items.some((r) => r.suggestion?.customer)
            ? ([
                {
                  title: t('banking.col.customer'),
                  key: 'customer',
                  responsive: ['xl'],
                  render: (_, r) =>
                    r.suggestion?.customer ? (
                      <Link to={`/customers/${r.suggestion.customer.id}`}>{r.suggestion.customer.name}</Link>
                    ) : (
                      '—'
                    ),
                },
              ] satisfies TableColumnsType<ReviewItem>)
            : []),
          {
            title: t('banking.col.receipt'),
            key: 'receipt',
            render: (_, r) =>
              r.match ? (
                <Link to={`/receipts/${r.match.receipt_id}`} data-testid="bank-receipt-link">
                  {r.match.receipt_number || t('common.view')}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('banking.col.decidedBy'),
            key: 'by',
            render: (_, r) =>
              r.match ? (
                <Flex gap={6} align="center" wrap={false}>
                  {r.match.is_auto ? (
                    <Tag color="blue">{t('banking.matched.auto')}</Tag>
                  ) : (
                    <Tag color="green">{t('banking.matched.manual')}</Tag>
                  )}
                  {r.match.is_auto ? null : (
                    <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                      {actorLabel(r.match.decided_by, t)}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('banking.col.decidedAt'),
            key: 'at',
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {r.match ? formatDateTime(r.match.created_at, locale) : '—'}
              </span>
            ),
          },
          {
            title: t('banking.col.confidence'),
            key: 'confidence',
            responsive: ['lg'],
            render: (_, r) => (r.match ? <ConfidenceBar value={r.match.confidence} /> : '—'),
          },
        ] satisfies TableColumnsType<ReviewItem>)
      : []),
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) =>
        mode === 'matched' ? (
          <Tooltip title={canReview ? undefined : t('banking.action.noPermission')}>
            <Button
              size="small"
              danger
              icon={<UndoOutlined />}
              data-testid="bank-undo"
              disabled={!canReview}
              onClick={() => setUndoing(r)}
            >
              {t('banking.action.undo')}
            </Button>
          </Tooltip>
        ) : (
          <Button
            size="small"
            icon={<RollbackOutlined />}
            data-testid="bank-undo"
            disabled={!canReview}
            onClick={() => setUndoing(r)}
          >
            {t('banking.action.reopen')}
          </Button>
        ),
    },
  ];

  return (
    <QueryState
      isLoading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
      isEmpty={items.length === 0}
      emptyText={t(mode === 'matched' ? 'banking.empty.matched' : 'banking.empty.ignored')}
    >
      <Table<ReviewItem>
        data-testid={`bank-${mode}-table`}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {query.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
      <Modal
        open={undoing !== null}
        title={t(mode === 'matched' ? 'banking.undo.title' : 'banking.reopen.title')}
        okText={t(mode === 'matched' ? 'banking.action.undo' : 'banking.action.reopen')}
        cancelText={t('common.cancel')}
        okButtonProps={
          {
            danger: mode === 'matched',
            loading: undo.isPending,
            'data-testid': 'bank-undo-confirm',
          } as ButtonProps
        }
        onOk={submitUndo}
        onCancel={() => {
          setUndoing(null);
          setReason('');
        }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {mode === 'matched'
              ? t('banking.undo.text', { receipt: undoing?.match?.receipt_number ?? '' })
              : t('banking.reopen.text')}
          </Typography.Paragraph>
          {mode === 'matched' ? (
            <label htmlFor="bank-undo-reason">
              <Typography.Text>{t('banking.undo.reason')}</Typography.Text>
              <Input.TextArea
                id="bank-undo-reason"
                autoFocus
                value={reason}
                maxLength={500}
                rows={3}
                placeholder={t('banking.undo.reasonPlaceholder')}
                onChange={(e) => setReason(e.target.value)}
                data-testid="bank-undo-reason"
                style={{ marginTop: 4 }}
              />
            </label>
          ) : null}
        </Flex>
      </Modal>
    </QueryState>
  );
}
