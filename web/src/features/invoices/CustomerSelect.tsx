import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { TCustomerDto } from '../../../../src/modules/customers/customers.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { useT } from '../../shared/i18n/i18n.tsx';

export type CustomerOption = Pick<TCustomerDto, 'id' | 'code' | 'name' | 'currency' | 'payment_terms_days'>;

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined, customer?: CustomerOption) => void;
  autoFocus?: boolean;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  /** Shown for the selected id before a search has loaded it. */
  initialLabel?: string;
  testId?: string;
};

/** Picks a customer by name or code, searching the API as the user types. */
export function CustomerSelect({
  value,
  onChange,
  autoFocus,
  allowClear,
  id,
  style,
  initialLabel,
  testId,
}: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = search.trim();
  const list = useQuery({
    queryKey: ['invoices', 'customer-search', q],
    queryFn: ({ signal }) =>
      api.get<Page<TCustomerDto>>('/api/customers', { q: q || undefined, limit: 20, sort: 'name' }, signal),
    meta: { tables: ['customers'] },
    staleTime: 60_000,
  });
  const items = list.data?.items ?? [];
  const options = items.map((c) => ({ value: c.id, label: `${c.name} (${c.code})`, customer: c }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel, customer: undefined as unknown as TCustomerDto });
  }
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      placeholder={t('invoices.customer.search')}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('invoices.customer.none')}
      options={options}
      autoFocus={autoFocus}
      allowClear={allowClear}
      style={style ?? { minWidth: 220 }}
      onChange={(v: string | undefined, option) => {
        const c = (option as { customer?: CustomerOption } | undefined)?.customer;
        onChange?.(v, c);
        if (!v) setSearch('');
      }}
    />
  );
}
