import { Tag } from 'antd';
import type { TReceiptDto } from '../../../../../src/modules/receivables/receivables.dto.ts';
import { useT } from '../../../shared/i18n/i18n.tsx';

export const METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'draft', 'other'] as const;

export function useMethodOptions() {
  const t = useT();
  return METHODS.map((m) => ({ value: m, label: t(`receipts.method.${m}`) }));
}

/** A payment method in the user's language (an unknown one shows as "other"). */
export function methodLabel(t: (key: string) => string, method: string): string {
  return t(`receipts.method.${(METHODS as readonly string[]).includes(method) ? method : 'other'}`);
}

export type ReceiptState = 'reversed' | 'applied' | 'partial' | 'unapplied' | 'refunded';

const COLORS: Record<ReceiptState, string> = {
  reversed: 'red',
  applied: 'green',
  partial: 'blue',
  unapplied: 'orange',
  refunded: 'default',
};

function isZero(amount: string): boolean {
  return /^0*(\.0*)?$/.test(amount.replace('-', ''));
}

export function receiptState(
  r: Pick<TReceiptDto, 'reversed_on' | 'applied' | 'unapplied' | 'refunded'>,
): ReceiptState {
  if (r.reversed_on) return 'reversed';
  if (isZero(r.unapplied)) return isZero(r.applied) && !isZero(r.refunded) ? 'refunded' : 'applied';
  return isZero(r.applied) ? 'unapplied' : 'partial';
}

export function ReceiptStateTag({ receipt }: { receipt: TReceiptDto }) {
  const t = useT();
  const state = receiptState(receipt);
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`receipts.state.${state}`)}
    </Tag>
  );
}
