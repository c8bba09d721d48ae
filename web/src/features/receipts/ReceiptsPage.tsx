import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Input,
  Row,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { Money, PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { CustomerPicker } from './components/CustomerPicker.tsx';
import { methodLabel, ReceiptStateTag } from './components/labels.tsx';
import { useCustomer, useReceiptList } from './use-receipts.ts';

/** All receipts, newest first, filtered by date, customer, number or reference and unapplied cash. */
export function ReceiptsPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const customer = params.get('customer') ?? undefined;
  const q = params.get('q') ?? undefined;
  const unapplied = params.get('unapplied') === 'true';
  const [typed, setTyped] = useState(q ?? '');

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  // The search box filters as one types, a moment after the last key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives it
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((typed.trim() || undefined) !== q) set({ q: typed.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const selectedCustomer = useCustomer(customer);
  const list = useReceiptList({ from, to, customer, q, unapplied });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: TableColumnsType<TReceiptDto> = [
    {
      title: t('receipts.col.number'),
      key: 'number',
      fixed: 'left',
      render: (_, r) => (
        <Link to={`/receipts/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </Link>
      ),
    },
    {
      title: t('receipts.col.date'),
      key: 'date',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date, locale)}</span>,
    },
    {
      title: t('receipts.col.customer'),
      key: 'customer',
      render: (_, r) => (
        <div style={{ minWidth: 140, maxWidth: 220 }}>
          <Typography.Text ellipsis={{ tooltip: r.customer.name }} style={{ maxWidth: 220 }}>
            {r.customer.name}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.customer.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('receipts.col.amount'),
      key: 'amount',
      align: 'right',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} strong />,
    },
    {
      title: t('receipts.col.applied'),
      key: 'applied',
      align: 'right',
      render: (_, r) => <Money amount={r.applied} currency={r.currency} />,
    },
    {
      title: t('receipts.col.unapplied'),
      key: 'unapplied',
      align: 'right',
      render: (_, r) => <Money amount={r.unapplied} currency={r.currency} />,
    },
    {
      title: t('receipts.col.reference'),
      key: 'reference',
      render: (_, r) =>
        r.reference ? (
          <Typography.Text ellipsis={{ tooltip: r.reference }} style={{ maxWidth: 150 }}>
            {r.reference}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('receipts.col.method'),
      key: 'method',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{methodLabel(t, r.method)}</span>,
    },
    {
      title: t('receipts.col.status'),
      key: 'status',
      fixed: 'right',
      render: (_, r) => <ReceiptStateTag receipt={r} />,
    },
  ];

  const hasFilters = Boolean(from || to || customer || q || unapplied);

  return (
    <>
      <PageHeader
        title={t('receipts.title')}
        subtitle={t('receipts.subtitle')}
        extra={
          session.can('receipts.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="receipt-new"
              onClick={() =>
                navigate(
                  customer ? `/receipts/new?customer=${encodeURIComponent(customer)}` : '/receipts/new',
                )
              }
            >
              {t('receipts.record')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 16 } }} style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} xl={6}>
            <DatePicker.RangePicker
              data-testid="receipts-dates"
              style={{ width: '100%' }}
              placeholder={[t('receipts.filter.from'), t('receipts.filter.to')]}
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(v) =>
                set({
                  from: v?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  to: v?.[1]?.format('YYYY-MM-DD') ?? undefined,
                })
              }
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <CustomerPicker
              testId="receipts-customer"
              value={customer ? (selectedCustomer.data?.id ?? customer) : undefined}
              selected={selectedCustomer.data}
              placeholder={t('receipts.filter.customer')}
              allowClear
              onChange={(id) => set({ customer: id })}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              data-testid="receipts-search"
              allowClear
              placeholder={t('receipts.filter.search')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Flex justify="space-between" align="center" gap={8}>
              <Checkbox
                data-testid="receipts-unapplied"
                checked={unapplied}
                onChange={(e) => set({ unapplied: e.target.checked ? 'true' : undefined })}
              >
                {t('receipts.filter.unappliedOnly')}
              </Checkbox>
              {hasFilters ? (
                <Button
                  type="link"
                  onClick={() => {
                    setTyped('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('common.reset')}
                </Button>
              ) : null}
            </Flex>
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <div style={{ padding: list.isLoading || list.error || rows.length === 0 ? 24 : 0 }}>
          <QueryState
            isLoading={list.isLoading}
            error={list.error}
            onRetry={() => void list.refetch()}
            isEmpty={rows.length === 0}
            emptyText={t('receipts.empty')}
          >
            <Table<TReceiptDto>
              data-testid="receipts-table"
              rowKey="id"
              columns={columns}
              dataSource={rows}
              size="middle"
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => navigate(`/receipts/${r.id}`), style: { cursor: 'pointer' } })}
            />
            <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
              <Typography.Text type="secondary">
                {t('receipts.filter.shown', { count: rows.length })}
              </Typography.Text>
              {list.hasNextPage ? (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </QueryState>
        </div>
      </Card>
    </>
  );
}
