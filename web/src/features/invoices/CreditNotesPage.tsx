import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Popconfirm,
  Row,
  Space,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TCreditNoteDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage, type Page } from '../../shared/api/client.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { Money, PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { ApplyCreditModal } from './ApplyCreditModal.tsx';
import { CreditNoteDrawer } from './CreditNoteDrawer.tsx';
import { CursorPager, useCursorPages } from './CursorPager.tsx';
import { CustomerSelect } from './CustomerSelect.tsx';
import { isZeroAmount } from './invoice-math.ts';

type NoteState = 'void' | 'applied' | 'partial' | 'open';
const STATE_COLORS: Record<NoteState, string> = {
  void: 'default',
  applied: 'green',
  partial: 'cyan',
  open: 'blue',
};

function stateOf(n: TCreditNoteDto): NoteState {
  if (n.voided_on) return 'void';
  if (isZeroAmount(n.unapplied)) return 'applied';
  return isZeroAmount(n.applied) ? 'open' : 'partial';
}

/** Credit notes: list by customer and date, issue one, apply what is left, void an unapplied one. */
export function CreditNotesPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [applying, setApplying] = useState<TCreditNoteDto | null>(null);
  const filters = {
    customer: params.get('customer') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    limit: Number(params.get('limit') ?? 20) || 20,
  };
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useQuery({
    queryKey: ['invoices', 'credit-notes', filters, pages.cursor],
    queryFn: ({ signal }) =>
      api.get<Page<TCreditNoteDto>>('/api/credit-notes', { ...filters, cursor: pages.cursor }, signal),
    meta: { tables: ['credit_notes', 'allocations', 'reversals', 'customers'] },
    placeholderData: keepPreviousData,
  });
  const voidNote = useMutation({
    mutationFn: (id: string) => api.post<TCreditNoteDto>(`/api/credit-notes/${id}/void`, {}),
    onSuccess: () => {
      void message.success(t('invoices.cn.voided'));
      void client.invalidateQueries({ queryKey: ['invoices'] });
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  const setFilter = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const canApply = session.can('receipts.apply');
  const canWrite = session.can('invoices.write');

  const columns: TableProps<TCreditNoteDto>['columns'] = [
    { title: t('invoices.cn.col.number'), dataIndex: 'number', key: 'number', fixed: 'left' },
    {
      title: t('invoices.cn.col.customer'),
      key: 'customer',
      render: (_, n) => <Link to={`/customers/${n.customer.id}`}>{n.customer.name}</Link>,
    },
    { title: t('invoices.cn.col.date'), key: 'date', render: (_, n) => formatDate(n.date, locale) },
    {
      title: t('invoices.cn.col.total'),
      key: 'total',
      align: 'right',
      render: (_, n) => <Money amount={n.total} currency={n.currency} />,
    },
    {
      title: t('invoices.cn.col.applied'),
      key: 'applied',
      align: 'right',
      render: (_, n) => <Money amount={n.applied} currency={n.currency} />,
    },
    {
      title: t('invoices.cn.col.unapplied'),
      key: 'unapplied',
      align: 'right',
      render: (_, n) => (
        <Money
          amount={n.unapplied}
          currency={n.currency}
          strong={!isZeroAmount(n.unapplied) && !n.voided_on}
        />
      ),
    },
    {
      title: t('invoices.cn.col.status'),
      key: 'status',
      render: (_, n) => {
        const s = stateOf(n);
        return <Tag color={STATE_COLORS[s]}>{t(`invoices.cn.status.${s}`)}</Tag>;
      },
    },
    {
      title: t('invoices.cn.col.invoice'),
      key: 'invoice',
      render: (_, n) =>
        n.invoice_id ? <Link to={`/invoices/${n.invoice_id}`}>{t('invoices.cn.viewInvoice')}</Link> : '—',
    },
    { title: t('invoices.cn.col.reason'), key: 'reason', render: (_, n) => n.reason ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, n) => {
        const s = stateOf(n);
        return (
          <Space size={4}>
            {canApply && (s === 'open' || s === 'partial') ? (
              <Button size="small" type="link" onClick={() => setApplying(n)} data-testid="credit-note-apply">
                {t('invoices.cn.apply')}
              </Button>
            ) : null}
            {canWrite && s === 'open' ? (
              <Popconfirm
                title={t('invoices.cn.voidConfirm', { number: n.number })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => voidNote.mutate(n.id)}
              >
                <Button size="small" type="link" danger data-testid="credit-note-void">
                  {t('invoices.cn.void')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('invoices.cn.title')}
        subtitle={t('invoices.cn.subtitle')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawerOpen(true)}
              data-testid="credit-note-new-button"
            >
              {t('invoices.cn.new')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={8}>
            <CustomerSelect
              allowClear
              style={{ width: '100%' }}
              value={filters.customer}
              initialLabel={params.get('customer_label') ?? undefined}
              onChange={(id, c) =>
                setFilter({ customer: id, customer_label: c ? `${c.name} (${c.code})` : undefined })
              }
              testId="credit-notes-filter-customer"
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              placeholder={[t('invoices.cn.filter.from'), t('invoices.cn.filter.to')]}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              onChange={(range) =>
                setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
              }
            />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<TCreditNoteDto>
            data-testid="credit-notes-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching && !list.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('invoices.cn.empty') }}
          />
          <CursorPager
            page={pages.page}
            nextCursor={list.data?.next_cursor}
            onNext={pages.next}
            onPrev={pages.prev}
            pageSize={filters.limit}
            onPageSize={(n) => setFilter({ limit: String(n) })}
          />
        </QueryState>
      </Card>
      {drawerOpen ? (
        <CreditNoteDrawer
          canApply={canApply}
          onClose={() => setDrawerOpen(false)}
          onIssued={(note, applyNext) => {
            setDrawerOpen(false);
            if (applyNext) setApplying(note);
          }}
        />
      ) : null}
      {applying ? <ApplyCreditModal note={applying} onClose={() => setApplying(null)} /> : null}
    </>
  );
}
