import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TAllocationDto, TReceiptDto } from '../../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage } from '../../../shared/api/client.ts';
import { formatDate, formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { Money, QueryState } from '../../../shared/ui/index.ts';

/** Where the receipt was applied, with the action to undo an application. */
export function AllocationsCard({ receipt, canApply }: { receipt: TReceiptDto; canApply: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const unapply = useMutation({
    mutationFn: (a: TAllocationDto) => api.post<TAllocationDto>(`/api/allocations/${a.id}/reverse`, {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['receipts'] });
      void client.invalidateQueries({ queryKey: ['invoices'] });
      void message.success(t('receipts.alloc.reversed'));
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  const rows = [...receipt.allocations].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1));
  const columns: TableColumnsType<TAllocationDto> = [
    {
      title: t('receipts.col.invoice'),
      key: 'invoice',
      render: (_, a) => <Link to={`/invoices/${a.invoice_id}`}>{a.invoice_number}</Link>,
    },
    {
      title: t('receipts.alloc.date'),
      key: 'date',
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(a.date, locale)}</span>,
    },
    {
      title: t('receipts.alloc.amount'),
      key: 'amount',
      align: 'right',
      render: (_, a) =>
        a.reversed_on ? (
          <Typography.Text delete type="secondary">
            {formatMoney(a.amount, a.currency, locale)}
          </Typography.Text>
        ) : (
          <Money amount={a.amount} currency={a.currency} />
        ),
    },
    {
      title: t('receipts.col.status'),
      key: 'status',
      render: (_, a) =>
        a.reversed_on ? (
          <Tag>{t('receipts.alloc.reversedOn', { date: formatDate(a.reversed_on, locale) })}</Tag>
        ) : (
          <Tag color="green" icon={<CheckOutlined />}>
            {t('receipts.alloc.active')}
          </Tag>
        ),
    },
    ...(canApply
      ? ([
          {
            title: t('common.actions'),
            key: 'actions',
            align: 'right',
            render: (_, a) =>
              a.reversed_on ? null : (
                <Popconfirm
                  title={t('receipts.alloc.reverseConfirm', {
                    amount: formatMoney(a.amount, a.currency, locale),
                    invoice: a.invoice_number,
                  })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => unapply.mutateAsync(a)}
                >
                  <Button
                    size="small"
                    icon={<UndoOutlined />}
                    data-testid={`unapply-${a.invoice_number}`}
                    loading={unapply.isPending && unapply.variables?.id === a.id}
                  >
                    {t('receipts.alloc.reverse')}
                  </Button>
                </Popconfirm>
              ),
          },
        ] satisfies TableColumnsType<TAllocationDto>)
      : []),
  ];
  return (
    <Card
      title={t('receipts.alloc.title')}
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: rows.length ? 0 : 24 } }}
    >
      <QueryState
        isLoading={false}
        error={null}
        isEmpty={rows.length === 0}
        emptyText={t('receipts.alloc.empty')}
      >
        <Table<TAllocationDto>
          data-testid="receipt-allocations"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          size="middle"
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </QueryState>
    </Card>
  );
}
