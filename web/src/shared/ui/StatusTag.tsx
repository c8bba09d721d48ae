import { Tag } from 'antd';
import { useT } from '../i18n/i18n.tsx';

const COLORS: Record<string, string> = {
  open: 'blue',
  partially_paid: 'cyan',
  paid: 'green',
  overdue: 'red',
  written_off: 'default',
  void: 'default',
};

/** An invoice status in the user's language. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}
