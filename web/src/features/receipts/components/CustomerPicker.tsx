import { Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TCustomerDto } from '../../../../../src/modules/customers/customers.schemas.ts';
import { useT } from '../../../shared/i18n/i18n.tsx';
import { useCustomerSearch } from '../use-receipts.ts';

type Props = {
  value?: string | undefined;
  onChange?: (id: string | undefined, customer: TCustomerDto | undefined) => void;
  /** The chosen customer when it is known already (preselected from the URL). */
  selected?: TCustomerDto | undefined;
  placeholder?: string;
  allowClear?: boolean;
  autoFocus?: boolean;
  testId?: string;
  id?: string;
  style?: React.CSSProperties;
};

/** A customer chosen by typing part of its code or name (remote search over GET /api/customers?q=). */
export function CustomerPicker({
  value,
  onChange,
  selected,
  placeholder,
  allowClear,
  autoFocus,
  testId,
  id,
  style,
}: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useCustomerSearch(q);
  const found = search.data?.items;

  const options = useMemo(() => {
    const list = [...(found ?? [])];
    if (selected && !list.some((c) => c.id === selected.id)) list.unshift(selected);
    return list.map((c) => ({
      value: c.id,
      label: `${c.code} · ${c.name}`,
      customer: c,
    }));
  }, [found, selected]);

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? t('receipts.field.customerPlaceholder')}
      allowClear={allowClear}
      autoFocus={autoFocus}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="secondary">{t('receipts.field.customerNone')}</Typography.Text>
        )
      }
      options={options}
      optionRender={(o) => (
        <span>
          <Typography.Text strong>{o.data.customer.code}</Typography.Text>{' '}
          <Typography.Text>{o.data.customer.name}</Typography.Text>{' '}
          <Typography.Text type="secondary">{o.data.customer.currency}</Typography.Text>
        </span>
      )}
      onChange={(v: string | undefined, option) => {
        setTyped('');
        const picked = Array.isArray(option) ? undefined : option?.customer;
        onChange?.(v, picked);
      }}
    />
  );
}
