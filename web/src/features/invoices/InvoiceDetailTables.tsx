import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TDisputeDto } from '../../../../src/modules/receivables/disputes/disputes.schemas.ts';
import type { TInvoiceDetailDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { formatDate } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { Money } from '../../shared/ui/index.ts';
import { accountLabel, entryKindLabel, writeOffKindLabel } from './labels.ts';

type Detail = TInvoiceDetailDto;

export function LinesTable({ invoice }: { invoice: Detail }) {
  const { t } = useI18n();
  const cur = invoice.currency;
  return (
    <Table
      data-testid="invoice-lines"
      size="middle"
      rowKey={(_, i) => String(i)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={invoice.lines}
      locale={{ emptyText: t('common.empty') }}
      columns={[
        { title: t('invoices.form.line.description'), dataIndex: 'description', key: 'd' },
        { title: t('invoices.form.line.quantity'), dataIndex: 'quantity', key: 'q', align: 'right' },
        {
          title: t('invoices.form.line.price'),
          key: 'p',
          align: 'right',
          render: (_, l) => <Money amount={l.unit_price} currency={cur} />,
        },
        {
          title: t('invoices.form.line.amount'),
          key: 'a',
          align: 'right',
          render: (_, l) => <Money amount={l.amount} currency={cur} />,
        },
        {
          title: t('invoices.form.line.taxRate'),
          key: 'r',
          align: 'right',
          // Lines made from an amount and a tax sum carry no rate: show none rather than a wrong 0%.
          render: (_, l) =>
            !l.tax_rate || (/^0(\.0*)?$/.test(l.tax_rate) && !/^0(\.0*)?$/.test(l.tax))
              ? '—'
              : percent(l.tax_rate),
        },
        {
          title: t('invoices.form.line.tax'),
          key: 't',
          align: 'right',
          render: (_, l) => <Money amount={l.tax} currency={cur} />,
        },
      ]}
    />
  );
}

/** "0.13" -> "13%" by moving the decimal point in the string (no float). */
function percent(rate: string): string {
  const [whole = '0', frac = ''] = rate.split('.');
  const digits = `${whole}${frac.padEnd(2, '0')}`;
  const int = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + 2).replace(/0+$/, '');
  return `${int}${rest ? `.${rest}` : ''}%`;
}

export function AllocationsTable({ invoice }: { invoice: Detail }) {
  const { t, locale } = useI18n();
  return (
    <Table
      data-testid="invoice-allocations"
      size="middle"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={invoice.allocations}
      locale={{ emptyText: t('invoices.detail.noAllocations') }}
      columns={[
        {
          title: t('invoices.alloc.source'),
          key: 'source',
          render: (_, a) =>
            a.source_type === 'receipt' ? (
              <Link to={`/receipts/${a.source_id}`}>{a.source_number}</Link>
            ) : (
              <Link to={`/credit-notes?customer=${a.customer_id}`}>{a.source_number}</Link>
            ),
        },
        {
          title: t('invoices.alloc.type'),
          key: 'type',
          render: (_, a) => t(`invoices.alloc.type.${a.source_type}`),
        },
        { title: t('invoices.alloc.date'), key: 'date', render: (_, a) => formatDate(a.date, locale) },
        {
          title: t('invoices.alloc.amount'),
          key: 'amount',
          align: 'right',
          render: (_, a) => <Money amount={a.amount} currency={a.currency} />,
        },
        {
          title: t('invoices.col.status'),
          key: 'reversed',
          render: (_, a) =>
            a.reversed_on ? (
              <Tag>{t('invoices.alloc.reversedOn', { date: formatDate(a.reversed_on, locale) })}</Tag>
            ) : (
              <Tag color="green">{t('invoices.alloc.active')}</Tag>
            ),
        },
      ]}
    />
  );
}

export function WriteOffsTable({
  invoice,
  canReverse,
  onReverse,
  reversing,
}: {
  invoice: Detail;
  canReverse: boolean;
  onReverse: (id: string) => void;
  reversing: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <Table
      data-testid="invoice-writeoffs"
      size="middle"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={invoice.write_offs}
      locale={{ emptyText: t('invoices.detail.noWriteOffs') }}
      columns={[
        { title: t('invoices.wo.date'), key: 'date', render: (_, w) => formatDate(w.date, locale) },
        { title: t('invoices.wo.kind'), key: 'kind', render: (_, w) => writeOffKindLabel(t, w.kind) },
        {
          title: t('invoices.wo.amount'),
          key: 'amount',
          align: 'right',
          render: (_, w) => <Money amount={w.amount} currency={w.currency} />,
        },
        { title: t('invoices.journal.account'), key: 'acct', render: (_, w) => accountLabel(t, w.account) },
        { title: t('invoices.wo.reason'), key: 'reason', render: (_, w) => w.reason ?? '—' },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, w) =>
            w.reversed_on ? (
              <Tag>{t('invoices.alloc.reversedOn', { date: formatDate(w.reversed_on, locale) })}</Tag>
            ) : canReverse ? (
              <Popconfirm
                title={t('invoices.wo.reverseConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => onReverse(w.id)}
              >
                <Button size="small" loading={reversing} data-testid="writeoff-reverse-button">
                  {t('invoices.wo.reverse')}
                </Button>
              </Popconfirm>
            ) : (
              <Tag color="green">{t('invoices.alloc.active')}</Tag>
            ),
        },
      ]}
    />
  );
}

export function JournalTable({ invoice }: { invoice: Detail }) {
  const { t, locale } = useI18n();
  return (
    <Table
      data-testid="invoice-journal"
      size="middle"
      rowKey={(l, i) => `${l.entry_id}-${i}`}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={invoice.journal}
      locale={{ emptyText: t('invoices.detail.noJournal') }}
      columns={[
        { title: t('invoices.journal.date'), key: 'date', render: (_, l) => formatDate(l.date, locale) },
        {
          title: t('invoices.journal.kind'),
          key: 'kind',
          render: (_, l) => (
            <>
              {entryKindLabel(t, l.kind)}
              {l.reverses_entry_id ? (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('invoices.journal.reversal')}
                </Tag>
              ) : null}
            </>
          ),
        },
        { title: t('invoices.journal.account'), key: 'acct', render: (_, l) => accountLabel(t, l.account) },
        {
          title: t('invoices.journal.debit'),
          key: 'debit',
          align: 'right',
          render: (_, l) => (l.side === 'debit' ? <Money amount={l.amount} currency={l.currency} /> : null),
        },
        {
          title: t('invoices.journal.credit'),
          key: 'credit',
          align: 'right',
          render: (_, l) => (l.side === 'credit' ? <Money amount={l.amount} currency={l.currency} /> : null),
        },
      ]}
    />
  );
}

export function DisputesTable({
  disputes,
  canResolve,
  onResolve,
}: {
  disputes: TDisputeDto[];
  canResolve: boolean;
  onResolve: (d: TDisputeDto) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table
      data-testid="invoice-disputes"
      size="middle"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={disputes}
      locale={{ emptyText: t('invoices.detail.noDisputes') }}
      columns={[
        {
          title: t('invoices.dispute.col.opened'),
          key: 'opened',
          render: (_, d) => formatDate(d.opened_on, locale),
        },
        { title: t('invoices.dispute.col.reason'), dataIndex: 'reason', key: 'reason' },
        {
          title: t('invoices.dispute.col.status'),
          key: 'status',
          render: (_, d) => (
            <Tag color={d.status === 'open' ? 'purple' : 'green'}>
              {t(`invoices.dispute.status.${d.status}`)}
            </Tag>
          ),
        },
        {
          title: t('invoices.dispute.col.resolution'),
          key: 'resolution',
          render: (_, d) =>
            d.resolution ? (
              <>
                {d.resolution}{' '}
                <Typography.Text type="secondary">{formatDate(d.resolved_on, locale)}</Typography.Text>
              </>
            ) : canResolve && d.status === 'open' ? (
              <Button size="small" onClick={() => onResolve(d)} data-testid="dispute-resolve-button">
                {t('invoices.action.resolveDispute')}
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
