import { Typography } from 'antd';
import { formatMoney } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** An amount with its currency, right-aligned digits, negative in red. */
export function Money({
  amount,
  currency,
  strong,
}: {
  amount: string | null | undefined;
  currency: string;
  strong?: boolean;
}) {
  const { locale } = useI18n();
  const negative = typeof amount === 'string' && amount.startsWith('-');
  return (
    <Typography.Text
      strong={strong}
      type={negative ? 'danger' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatMoney(amount, currency, locale)}
    </Typography.Text>
  );
}
