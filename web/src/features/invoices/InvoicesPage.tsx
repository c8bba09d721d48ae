import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TInvoiceDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { AGING_BUCKETS } from '../../shared/format/aging.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money, PageHeader, QueryState, StatusTag } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { CursorPager, useCursorPages } from './CursorPager.tsx';
import { CustomerSelect } from './CustomerSelect.tsx';
import { InvoiceFormDrawer } from './InvoiceFormDrawer.tsx';
import { isZeroAmount } from './invoice-math.ts';

const STATUSES = ['open', 'partially_paid', 'overdue', 'paid', 'written_off', 'void'] as const;
export const INVOICE_TABLES = [
  'invoices',
  'allocations',
  'write_offs',
  'reversals',
  'credit_notes',
  'receipts',
  'disputes',
  'customers',
];
type Sort = 'created' | '-created' | 'number' | '-number' | 'due_date' | '-due_date';

/** The invoice list: filters kept in the address (so Back returns to them), server-side sort and pages. */
export function InvoicesPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const filters = {
    status: params.get('status') ?? undefined,
    customer: params.get('customer') ?? undefined,
    aging: params.get('aging') ?? undefined,
    q: params.get('q') ?? undefined,
    due_from: params.get('due_from') ?? undefined,
    due_to: params.get('due_to') ?? undefined,
    sort: (params.get('sort') as Sort | null) ?? '-created',
    limit: Number(params.get('limit') ?? 20) || 20,
  };
  const customerLabel = params.get('customer_label') ?? undefined;
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useQuery({
    queryKey: ['invoices', 'list', filters, pages.cursor],
    queryFn: ({ signal }) =>
      api.get<Page<TInvoiceDto>>('/api/invoices', { ...filters, cursor: pages.cursor }, signal),
    meta: { tables: INVOICE_TABLES },
    placeholderData: keepPreviousData,
  });

  const setFilter = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const sortOrder = (column: 'number' | 'due_date') =>
    filters.sort === column ? 'ascend' : filters.sort === `-${column}` ? 'descend' : null;

  const columns: TableProps<TInvoiceDto>['columns'] = [
    {
      title: t('invoices.col.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: true,
      sortOrder: sortOrder('number'),
      fixed: 'left',
      render: (n: string, r) => (
        <Space size={4}>
          <Link to={`/invoices/${r.id}`} onClick={(e) => e.stopPropagation()}>
            {n}
          </Link>
          {r.is_disputed ? <Tag color="purple">{t('invoices.disputed')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('invoices.col.customer'),
      key: 'customer',
      width: 240,
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/customers/${r.customer.id}`} onClick={(e) => e.stopPropagation()}>
          {r.customer.name}
        </Link>
      ),
    },
    {
      title: t('invoices.col.issueDate'),
      dataIndex: 'issue_date',
      key: 'issue_date',
      render: (d: string) => formatDate(d, locale),
    },
    {
      title: t('invoices.col.dueDate'),
      dataIndex: 'due_date',
      key: 'due_date',
      sorter: true,
      sortOrder: sortOrder('due_date'),
      render: (d: string) => formatDate(d, locale),
    },
    {
      title: t('invoices.col.total'),
      key: 'total',
      align: 'right',
      render: (_, r) => <Money amount={r.total} currency={r.currency} />,
    },
    {
      title: t('invoices.col.open'),
      key: 'open',
      align: 'right',
      render: (_, r) => (
        <Money amount={r.open_amount} currency={r.currency} strong={!isZeroAmount(r.open_amount)} />
      ),
    },
    {
      title: t('invoices.col.status'),
      key: 'status',
      render: (_, r) => <StatusTag status={r.status} />,
    },
    {
      title: t('invoices.col.aging'),
      key: 'aging',
      render: (_, r) =>
        r.status === 'void' || isZeroAmount(r.open_amount) ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <AgingTag daysOverdue={r.days_overdue} />
        ),
    },
  ];

  const onTableChange: TableProps<TInvoiceDto>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as string | undefined;
    if (!s?.order || (key !== 'number' && key !== 'due_date')) setFilter({ sort: undefined });
    else setFilter({ sort: s.order === 'ascend' ? key : `-${key}` });
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        subtitle={t('invoices.subtitle')}
        extra={
          session.can('invoices.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawerOpen(true)}
              data-testid="invoice-new-button"
            >
              {t('invoices.new')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={5}>
            <Input.Search
              allowClear
              aria-label={t('invoices.filter.search')}
              placeholder={t('invoices.filter.search')}
              defaultValue={filters.q}
              onSearch={(v) => setFilter({ q: v.trim() || undefined })}
              data-testid="invoices-search"
            />
          </Col>
          <Col xs={24} md={12} xl={5}>
            <CustomerSelect
              allowClear
              style={{ width: '100%' }}
              value={filters.customer}
              initialLabel={customerLabel}
              onChange={(id, c) =>
                setFilter({ customer: id, customer_label: c ? `${c.name} (${c.code})` : undefined })
              }
              testId="invoices-filter-customer"
            />
          </Col>
          <Col xs={12} md={6} xl={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('invoices.filter.status')}
              placeholder={t('invoices.filter.status')}
              value={filters.status}
              onChange={(v?: string) => setFilter({ status: v })}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              data-testid="invoices-filter-status"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('invoices.filter.aging')}
              placeholder={t('invoices.filter.aging')}
              value={filters.aging}
              onChange={(v?: string) => setFilter({ aging: v })}
              options={AGING_BUCKETS.map((b) => ({ value: b, label: t(`aging.${b}`) }))}
              data-testid="invoices-filter-aging"
            />
          </Col>
          <Col xs={24} md={12} xl={7}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              placeholder={[t('invoices.filter.dueFrom'), t('invoices.filter.dueTo')]}
              value={[
                filters.due_from ? dayjs(filters.due_from) : null,
                filters.due_to ? dayjs(filters.due_to) : null,
              ]}
              onChange={(range) =>
                setFilter({
                  due_from: range?.[0]?.format('YYYY-MM-DD'),
                  due_to: range?.[1]?.format('YYYY-MM-DD'),
                })
              }
              data-testid="invoices-filter-due"
            />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<TInvoiceDto>
            data-testid="invoices-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching && !list.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('invoices.empty') }}
            onChange={onTableChange}
            onRow={(r) => ({
              onClick: () => navigate(`/invoices/${r.id}`),
              style: { cursor: 'pointer' },
            })}
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
        <InvoiceFormDrawer
          onClose={() => setDrawerOpen(false)}
          onIssued={(inv) => {
            setDrawerOpen(false);
            void navigate(`/invoices/${inv.id}`);
          }}
        />
      ) : null}
    </>
  );
}
