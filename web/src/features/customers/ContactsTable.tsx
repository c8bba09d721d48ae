import { Table, type TableColumnsType, Tag } from 'antd';
import type { TCustomerDto } from '../../../../src/modules/customers/customers.schemas.ts';
import { useT } from '../../shared/i18n/i18n.tsx';

type Contact = TCustomerDto['contacts'][number];

/** The customer's contacts, primary first. */
export function ContactsTable({ contacts }: { contacts: readonly Contact[] }) {
  const t = useT();
  const rows = [...contacts].sort((a, b) => Number(b.is_primary) - Number(a.is_primary));
  const columns: TableColumnsType<Contact> = [
    {
      title: t('customers.contact.name'),
      key: 'name',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {c.name ?? '—'} {c.is_primary ? <Tag color="blue">{t('customers.contact.primary')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('customers.contact.email'),
      key: 'email',
      render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'),
    },
    {
      title: t('customers.contact.phone'),
      key: 'phone',
      render: (_, c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '—'),
    },
    {
      title: t('customers.contact.channel'),
      key: 'channel',
      render: (_, c) => (c.preferred_channel ? t(`customers.channel.${c.preferred_channel}`) : '—'),
    },
  ];
  return (
    <Table<Contact>
      data-testid="customer-contacts"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: t('customers.contact.none') }}
    />
  );
}
