import { Flex, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { TInvoiceDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money, QueryState, StatusTag } from '../../shared/ui/index.ts';
import { useOpenInvoices } from './use-customers.ts';

/** The customer's open invoices, oldest due first, each with its aging. */
export function OpenInvoicesTable({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const invoices = useOpenInvoices(customerId, true);
  const columns: TableColumnsType<TInvoiceDto> = [
    {
      title: t('customers.inv.number'),
      key: 'number',
      fixed: 'left',
      render: (_, r) => (
        <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/invoices/${r.id}`}>{r.number}</Link>
          {r.is_disputed ? <Tag color="magenta">{t('customers.inv.disputed')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('customers.inv.issueDate'),
      key: 'issue',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.issue_date, locale)}</span>,
    },
    {
      title: t('customers.inv.dueDate'),
      key: 'due',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.due_date, locale)}</span>,
    },
    {
      title: t('customers.inv.total'),
      key: 'total',
      align: 'right',
      render: (_, r) => <Money amount={r.total} currency={r.currency} />,
    },
    {
      title: t('customers.inv.open'),
      key: 'open',
      align: 'right',
      render: (_, r) => <Money amount={r.open_amount} currency={r.currency} strong />,
    },
    {
      title: t('customers.inv.aging'),
      key: 'aging',
      render: (_, r) => <AgingTag daysOverdue={r.days_overdue} />,
    },
    {
      title: t('customers.inv.status'),
      key: 'status',
      render: (_, r) => <StatusTag status={r.status} />,
    },
  ];
  return (
    <QueryState
      isLoading={invoices.isLoading}
      error={invoices.error}
      onRetry={() => void invoices.refetch()}
      isEmpty={(invoices.data ?? []).length === 0}
      emptyText={t('customers.inv.none')}
    >
      <Table<TInvoiceDto>
        data-testid="customer-open-invoices"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={invoices.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={(invoices.data ?? []).length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
    </QueryState>
  );
}
