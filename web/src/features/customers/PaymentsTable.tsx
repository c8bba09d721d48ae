import { Button, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { Money, QueryState } from '../../shared/ui/index.ts';
import { useCustomerReceipts } from './use-customers.ts';

/** The customer's receipts, newest first, with what is still unapplied. */
export function PaymentsTable({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const list = useCustomerReceipts(customerId, true);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns: TableColumnsType<TReceiptDto> = [
    {
      title: t('customers.pay.number'),
      key: 'number',
      fixed: 'left',
      render: (_, r) => (
        <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/receipts/${r.id}`}>{r.number}</Link>
          {r.reversed_on ? <Tag>{t('customers.pay.reversed')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('customers.pay.date'),
      key: 'date',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date, locale)}</span>,
    },
    {
      title: t('customers.pay.amount'),
      key: 'amount',
      align: 'right',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} strong />,
    },
    {
      title: t('customers.pay.unapplied'),
      key: 'unapplied',
      align: 'right',
      render: (_, r) => <Money amount={r.unapplied} currency={r.currency} />,
    },
    {
      title: t('customers.pay.reference'),
      key: 'reference',
      render: (_, r) => r.reference ?? '—',
    },
  ];
  return (
    <QueryState
      isLoading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      isEmpty={rows.length === 0}
      emptyText={t('customers.pay.none')}
    >
      <Table<TReceiptDto>
        data-testid="customer-payments"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </QueryState>
  );
}
