import {
  DollarOutlined,
  DownloadOutlined,
  EditOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Dropdown, Flex, Result, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { ActivityTimeline } from './ActivityTimeline.tsx';
import { BalanceCards } from './BalanceCards.tsx';
import { ContactsTable } from './ContactsTable.tsx';
import { CustomerFormDrawer } from './CustomerFormDrawer.tsx';
import { CustomerStatusTag, RiskTag } from './labels.tsx';
import { OpenInvoicesTable } from './OpenInvoicesTable.tsx';
import { PaymentsTable } from './PaymentsTable.tsx';
import { useCustomer, useCustomerSummary } from './use-customers.ts';

/** One customer: master data, balances that follow live changes, documents and timeline. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const customer = useCustomer(id);
  const summary = useCustomerSummary(id);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('invoices');
  const c = customer.data;

  if (customer.error instanceof ApiError && customer.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('common.notFound')}
        extra={<Button onClick={() => navigate('/customers')}>{t('common.back')}</Button>}
      />
    );
  }

  const statementUrl = (format: 'pdf' | 'xlsx') =>
    `/api/customers/${encodeURIComponent(c?.id ?? id)}/statement.${format}?locale=${locale === 'zh-CN' ? 'zh-CN' : 'en'}`;
  const actions = c ? (
    <>
      {session.can('receipts.write') ? (
        <Link to={`/receipts/new?customer=${encodeURIComponent(c.id)}`}>
          <Button type="primary" icon={<DollarOutlined />} data-testid="customer-record-receipt">
            {t('customers.detail.recordReceipt')}
          </Button>
        </Link>
      ) : null}
      {session.can('export.data') ? (
        <Dropdown
          menu={{
            items: [
              {
                key: 'pdf',
                icon: <FilePdfOutlined />,
                label: (
                  <a href={statementUrl('pdf')} download data-testid="customer-statement-pdf">
                    {t('customers.detail.statementPdf')}
                  </a>
                ),
              },
              {
                key: 'xlsx',
                icon: <FileExcelOutlined />,
                label: (
                  <a href={statementUrl('xlsx')} download data-testid="customer-statement-xlsx">
                    {t('customers.detail.statementXlsx')}
                  </a>
                ),
              },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />} data-testid="customer-statement">
            {t('customers.detail.download')}
          </Button>
        </Dropdown>
      ) : null}
      {session.can('customers.write') ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
          {t('common.edit')}
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <QueryState isLoading={customer.isLoading} error={customer.error} onRetry={() => void customer.refetch()}>
      {c ? (
        <>
          <PageHeader
            title={
              <Flex gap={12} align="center" wrap>
                <span data-testid="customer-name">{c.name}</span>
                {summary.data ? <CustomerStatusTag status={summary.data.status} /> : null}
                {summary.data ? <RiskTag risk={summary.data.risk} /> : null}
              </Flex>
            }
            subtitle={c.legal_name && c.legal_name !== c.name ? `${c.code} · ${c.legal_name}` : c.code}
            extra={actions}
          />
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3, xl: 5 }}
              items={[
                {
                  key: 'terms',
                  label: t('customers.detail.terms'),
                  children: t('customers.detail.termsDays', { days: c.payment_terms_days }),
                },
                {
                  key: 'limit',
                  label: t('customers.detail.creditLimit'),
                  children: c.credit_limit
                    ? formatMoney(c.credit_limit, c.currency, locale)
                    : t('customers.detail.noLimit'),
                },
                { key: 'sales', label: t('customers.detail.salesperson'), children: c.salesperson ?? '—' },
                { key: 'currency', label: t('customers.detail.currency'), children: c.currency },
                {
                  key: 'tags',
                  label: t('customers.detail.tags'),
                  children:
                    c.tags.length > 0 ? (
                      <Flex gap={4} wrap>
                        {c.tags.map((x) => (
                          <Tag key={x} style={{ marginInlineEnd: 0 }}>
                            {x}
                          </Tag>
                        ))}
                      </Flex>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <QueryState
            isLoading={summary.isLoading}
            error={summary.error}
            onRetry={() => void summary.refetch()}
          >
            {summary.data ? <BalanceCards summary={summary.data} /> : null}
          </QueryState>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                ...(session.can('invoices.read')
                  ? [
                      {
                        key: 'invoices',
                        label: `${t('customers.tab.openInvoices')}${summary.data ? ` (${summary.data.open_invoices})` : ''}`,
                        children: <OpenInvoicesTable customerId={c.id} />,
                      },
                    ]
                  : []),
                ...(session.can('receipts.read')
                  ? [
                      {
                        key: 'payments',
                        label: t('customers.tab.payments'),
                        children: <PaymentsTable customerId={c.id} />,
                      },
                    ]
                  : []),
                {
                  key: 'activity',
                  label: t('customers.tab.activity'),
                  children: <ActivityTimeline customerId={c.id} />,
                },
                {
                  key: 'contacts',
                  label: `${t('customers.tab.contacts')} (${c.contacts.length})`,
                  children: <ContactsTable contacts={c.contacts} />,
                },
              ]}
            />
          </Card>
          <CustomerFormDrawer open={editing} onClose={() => setEditing(false)} customer={c} />
        </>
      ) : null}
    </QueryState>
  );
}
