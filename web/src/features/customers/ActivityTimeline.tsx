import { Button, Flex, Timeline, type TimelineItemProps, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { TCustomerActivityDto } from '../../../../src/modules/reports/customer-overview/customer-overview.schemas.ts';
import { formatDate, formatDateTime } from '../../shared/format/format.ts';
import { type Translate, useI18n } from '../../shared/i18n/i18n.tsx';
import { Money, QueryState } from '../../shared/ui/index.ts';
import { useCustomerActivity } from './use-customers.ts';

type Entry = TCustomerActivityDto;

const COLORS: Record<Entry['kind'], string> = {
  invoice: 'blue',
  receipt: 'green',
  credit_note: 'cyan',
  allocation: 'green',
  write_off: 'red',
  refund: 'orange',
  void: 'gray',
  reversal: 'gray',
  dispute_opened: 'red',
  dispute_resolved: 'green',
  customer_created: 'gray',
  customer_updated: 'gray',
  contact_added: 'gray',
  contact_updated: 'gray',
  contact_removed: 'gray',
};

const KNOWN_FIELDS = new Set([
  'code',
  'name',
  'legal_name',
  'tax_id',
  'country',
  'currency',
  'payment_terms_days',
  'credit_limit_minor',
  'salesperson',
  'tags',
  'email',
  'phone',
  'preferred_channel',
  'is_primary',
]);

/** The changed fields in the reader's language; anything unnamed counts once as "other details". */
function fieldList(fields: readonly string[], t: Translate): string {
  const named = fields.filter((f) => KNOWN_FIELDS.has(f)).map((f) => t(`customers.field.${f}`));
  if (fields.some((f) => !KNOWN_FIELDS.has(f))) named.push(t('customers.field.other'));
  return named.join(t('customers.listSeparator'));
}

function DocumentLink({ e }: { e: Entry }) {
  if (!e.number) return null;
  if (e.document_id && e.document_type === 'invoice')
    return <Link to={`/invoices/${e.document_id}`}>{e.number}</Link>;
  if (e.document_id && e.document_type === 'receipt')
    return <Link to={`/receipts/${e.document_id}`}>{e.number}</Link>;
  return <Typography.Text>{e.number}</Typography.Text>;
}

function EntryBody({ e }: { e: Entry }) {
  const { t, locale } = useI18n();
  const details: string[] = [];
  if (e.kind === 'allocation' && e.reference)
    details.push(t('customers.activity.appliedTo', { number: e.reference }));
  else if (e.kind === 'credit_note' && e.reference)
    details.push(t('customers.activity.forInvoice', { number: e.reference }));
  if ((e.kind === 'void' || e.kind === 'reversal') && e.document_type)
    details.push(t(`customers.doc.${e.document_type}`));
  if (e.changed_fields.length > 0)
    details.push(t('customers.activity.changed', { fields: fieldList(e.changed_fields, t) }));
  return (
    <Flex vertical gap={2} style={{ paddingBottom: 4 }}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 84 }}>
          {formatDate(e.date, locale)}
        </Typography.Text>
        <Typography.Text strong>{t(`customers.activity.${e.kind}`)}</Typography.Text>
        <DocumentLink e={e} />
        {e.amount && e.currency ? <Money amount={e.amount} currency={e.currency} /> : null}
      </Flex>
      {details.length > 0 || e.note ? (
        <Typography.Text type="secondary">
          {[...details, ...(e.note ? [e.note] : [])].join(' · ')}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at, locale)}
        {e.actor ? ` · ${t('customers.activity.by', { actor: e.actor })}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/** Everything that happened to the customer, newest first, loading older entries on demand. */
export function ActivityTimeline({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const activity = useCustomerActivity(customerId);
  const entries = useMemo(() => activity.data?.pages.flatMap((p) => p.items) ?? [], [activity.data]);
  const items: TimelineItemProps[] = entries.map((e) => ({
    key: e.id,
    color: COLORS[e.kind],
    content: <EntryBody e={e} />,
  }));
  return (
    <div data-testid="customer-activity">
      <QueryState
        isLoading={activity.isLoading}
        error={activity.error}
        onRetry={() => void activity.refetch()}
        isEmpty={entries.length === 0}
        emptyText={t('customers.activity.none')}
      >
        <Timeline items={items} style={{ paddingTop: 8 }} />
        {activity.hasNextPage ? (
          <Flex justify="center">
            <Button onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </QueryState>
    </div>
  );
}
