import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TCustomerOverviewDto } from '../../../../src/modules/reports/customer-overview/customer-overview.schemas.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money, PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { type ChoosableColumn, ColumnChooser, useChosenColumns } from './ColumnChooser.tsx';
import { CustomerFormDrawer } from './CustomerFormDrawer.tsx';
import { CUSTOMER_STATUS_VALUES, CustomerStatusTag, RISK_VALUES, RiskTag } from './labels.tsx';
import { useCustomerOverview } from './use-customers.ts';

type Item = TCustomerOverviewDto;
const SORTABLE = new Set(['name', 'code', 'balance', 'overdue', 'oldest_overdue_days']);
const DEFAULT_COLUMNS = [
  'salesperson',
  'tags',
  'balance',
  'overdue',
  'oldest',
  'openInvoices',
  'lastPayment',
  'status',
  'risk',
];
const PAGE_SIZES = [20, 50, 100];

/** Every customer with what it owes: searchable, filterable, sortable, paged on the server. */
export function CustomersPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const tag = params.get('tag') ?? undefined;
  const salesperson = params.get('salesperson') ?? undefined;
  const status = params.get('status') ?? undefined;
  const risk = params.get('risk') ?? undefined;
  const sort = params.get('sort') ?? 'name';
  const limit = Number(params.get('limit')) || 20;
  const offset = Number(params.get('offset')) || 0;
  const [typed, setTyped] = useState(q ?? '');
  const [creating, setCreating] = useState(false);
  const [chosen, setChosen] = useChosenColumns('settle.customers.columns', DEFAULT_COLUMNS);

  const set = (patch: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!keepPage) next.delete('offset');
    setParams(next, { replace: true });
  };
  // The search filters a moment after the last key, not on every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives it
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((typed.trim() || undefined) !== q) set({ q: typed.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const list = useCustomerOverview({ q, tag, salesperson, status, risk, sort, limit, offset });
  const data = list.data;
  const sortKey = sort.replace(/^-/, '');
  const order = (key: string) =>
    sortKey === key ? (sort.startsWith('-') ? ('descend' as const) : ('ascend' as const)) : null;

  const all: (ChoosableColumn & { column: TableColumnsType<Item>[number] })[] = [
    {
      key: 'code',
      title: t('customers.col.code'),
      required: true,
      column: {
        title: t('customers.col.code'),
        key: 'code',
        dataIndex: 'code',
        fixed: 'left',
        sorter: true,
        sortOrder: order('code'),
        render: (v: string) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text>,
      },
    },
    {
      key: 'name',
      title: t('customers.col.name'),
      required: true,
      column: {
        title: t('customers.col.name'),
        key: 'name',
        dataIndex: 'name',
        sorter: true,
        sortOrder: order('name'),
        render: (v: string) => (
          <Typography.Text strong ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>
            {v}
          </Typography.Text>
        ),
      },
    },
    {
      key: 'country',
      title: t('customers.col.country'),
      column: { title: t('customers.col.country'), key: 'country', render: (_, r) => r.country ?? '—' },
    },
    {
      key: 'currency',
      title: t('customers.col.currency'),
      column: { title: t('customers.col.currency'), key: 'currency', dataIndex: 'currency' },
    },
    {
      key: 'salesperson',
      title: t('customers.col.salesperson'),
      column: {
        title: t('customers.col.salesperson'),
        key: 'salesperson',
        render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.salesperson ?? '—'}</span>,
      },
    },
    {
      key: 'tags',
      title: t('customers.col.tags'),
      column: {
        title: t('customers.col.tags'),
        key: 'tags',
        render: (_, r) => (
          <Flex gap={4} wrap style={{ maxWidth: 220 }}>
            {r.tags.map((x) => (
              <Tag key={x} style={{ marginInlineEnd: 0 }}>
                {x}
              </Tag>
            ))}
          </Flex>
        ),
      },
    },
    {
      key: 'balance',
      title: t('customers.col.balance'),
      column: {
        title: t('customers.col.balance'),
        key: 'balance',
        align: 'right',
        sorter: true,
        sortOrder: order('balance'),
        render: (_, r) => <Money amount={r.open_balance} currency={r.base_currency} strong />,
      },
    },
    {
      key: 'balances',
      title: t('customers.col.balances'),
      column: {
        title: t('customers.col.balances'),
        key: 'balances',
        align: 'right',
        render: (_, r) => (
          <Flex vertical align="end">
            {r.balances
              .filter((b) => b.open !== '0.00' || b.currency === r.base_currency)
              .map((b) => (
                <Money key={b.currency} amount={b.open} currency={b.currency} />
              ))}
          </Flex>
        ),
      },
    },
    {
      key: 'overdue',
      title: t('customers.col.overdue'),
      column: {
        title: t('customers.col.overdue'),
        key: 'overdue',
        align: 'right',
        sorter: true,
        sortOrder: order('overdue'),
        render: (_, r) =>
          r.oldest_overdue_days === null ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : (
            <Money amount={r.overdue_amount} currency={r.base_currency} />
          ),
      },
    },
    {
      key: 'unapplied',
      title: t('customers.col.unapplied'),
      column: {
        title: t('customers.col.unapplied'),
        key: 'unapplied',
        align: 'right',
        render: (_, r) => <Money amount={r.unapplied_credit} currency={r.base_currency} />,
      },
    },
    {
      key: 'oldest',
      title: t('customers.col.oldest'),
      column: {
        title: t('customers.col.oldest'),
        key: 'oldest_overdue_days',
        sorter: true,
        sortOrder: order('oldest_overdue_days'),
        render: (_, r) =>
          r.oldest_overdue_days === null ? (
            r.open_invoices > 0 ? (
              <AgingTag daysOverdue={0} />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )
          ) : (
            <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
              <AgingTag daysOverdue={r.oldest_overdue_days} />
              <Typography.Text type="secondary">
                {t('customers.days', { days: r.oldest_overdue_days })}
              </Typography.Text>
            </Flex>
          ),
      },
    },
    {
      key: 'openInvoices',
      title: t('customers.col.openInvoices'),
      column: {
        title: t('customers.col.openInvoices'),
        key: 'openInvoices',
        align: 'right',
        dataIndex: 'open_invoices',
      },
    },
    {
      key: 'lastPayment',
      title: t('customers.col.lastPayment'),
      column: {
        title: t('customers.col.lastPayment'),
        key: 'lastPayment',
        render: (_, r) => (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.last_payment_date, locale)}</span>
        ),
      },
    },
    {
      key: 'status',
      title: t('customers.col.status'),
      column: {
        title: t('customers.col.status'),
        key: 'status',
        render: (_, r) => <CustomerStatusTag status={r.status} />,
      },
    },
    {
      key: 'risk',
      title: t('customers.col.risk'),
      column: {
        title: t('customers.col.risk'),
        key: 'risk',
        render: (_, r) => <RiskTag risk={r.risk} />,
      },
    },
  ];
  const columns = all.filter((c) => c.required || chosen.includes(c.key)).map((c) => c.column);
  const facets = data?.facets;
  const filterSelect = (
    key: string,
    value: string | undefined,
    placeholder: string,
    options: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      showSearch={options.length > 8}
      value={value}
      placeholder={placeholder}
      options={options}
      onChange={(v: string | undefined) => set({ [key]: v })}
      style={{ width: '100%' }}
      data-testid={`customers-filter-${key}`}
      aria-label={placeholder}
    />
  );
  const filtersActive = Boolean(q || tag || salesperson || status || risk);
  const subtitle = useMemo(
    () => (data ? t('customers.subtitle', { date: formatDate(data.as_of, locale) }) : undefined),
    [data, t, locale],
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={subtitle}
        extra={
          session.can('customers.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="customers-new"
            >
              {t('customers.new')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} xl={7}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t('customers.search')}
              aria-label={t('customers.search')}
              data-testid="customers-search"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            {filterSelect(
              'tag',
              tag,
              t('customers.filter.tag'),
              (facets?.tags ?? []).map((x) => ({ value: x, label: x })),
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {filterSelect(
              'salesperson',
              salesperson,
              t('customers.filter.salesperson'),
              (facets?.salespeople ?? []).map((x) => ({ value: x, label: x })),
            )}
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect(
              'status',
              status,
              t('customers.filter.status'),
              CUSTOMER_STATUS_VALUES.map((s) => ({ value: s, label: t(`customers.status.${s}`) })),
            )}
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect(
              'risk',
              risk,
              t('customers.filter.risk'),
              RISK_VALUES.map((s) => ({ value: s, label: t(`customers.risk.${s}`) })),
            )}
          </Col>
          <Col xs={24} md={12} xl={3}>
            <Flex gap={8} justify="end">
              {filtersActive ? (
                <Button
                  onClick={() => {
                    setTyped('');
                    set({
                      q: undefined,
                      tag: undefined,
                      salesperson: undefined,
                      status: undefined,
                      risk: undefined,
                    });
                  }}
                >
                  {t('common.reset')}
                </Button>
              ) : null}
              <ColumnChooser columns={all} chosen={chosen} onChange={setChosen} />
            </Flex>
          </Col>
        </Row>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<Item>
            data-testid="customers-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching && !list.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('customers.empty') }}
            onRow={(r) => ({
              onClick: () => navigate(`/customers/${r.id}`),
              style: { cursor: 'pointer' },
              'data-testid': `customer-row-${r.code}`,
            })}
            onChange={(pagination, _filters, sorter) => {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Item> | undefined;
              const key = String(s?.columnKey ?? '');
              const nextSort =
                s?.order && SORTABLE.has(key) ? (s.order === 'descend' ? `-${key}` : key) : 'name';
              const size = pagination.pageSize ?? limit;
              const page = nextSort === sort && size === limit ? (pagination.current ?? 1) : 1;
              set(
                {
                  sort: nextSort === 'name' ? undefined : nextSort,
                  limit: size === 20 ? undefined : String(size),
                  offset: page > 1 ? String((page - 1) * size) : undefined,
                },
                true,
              );
            }}
            pagination={{
              current: Math.floor(offset / limit) + 1,
              pageSize: limit,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('customers.total', { total }),
              style: { padding: '0 16px' },
            }}
          />
        </QueryState>
      </Card>
      <CustomerFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        tagOptions={facets?.tags}
        salespeople={facets?.salespeople}
        onCreated={(c) => navigate(`/customers/${c.id}`)}
      />
    </>
  );
}
