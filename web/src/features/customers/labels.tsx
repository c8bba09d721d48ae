import { Tag } from 'antd';
import type {
  CustomerStatus,
  TCustomerOverviewDto,
} from '../../../../src/modules/reports/customer-overview/customer-overview.schemas.ts';
import { useT } from '../../shared/i18n/i18n.tsx';

type Risk = TCustomerOverviewDto['risk'];

export const CUSTOMER_STATUS_VALUES: readonly CustomerStatus[] = ['settled', 'current', 'overdue'];
export const RISK_VALUES: readonly Risk[] = ['low', 'medium', 'high', 'critical'];

const STATUS_COLORS: Record<CustomerStatus, string> = { settled: 'green', current: 'blue', overdue: 'red' };
const RISK_COLORS: Record<Risk, string> = {
  low: 'green',
  medium: 'gold',
  high: 'orange',
  critical: '#a8071a',
};

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`customers.status.${status}`)}
    </Tag>
  );
}

export function RiskTag({ risk }: { risk: Risk }) {
  const t = useT();
  return (
    <Tag color={RISK_COLORS[risk]} data-risk={risk} style={{ marginInlineEnd: 0 }}>
      {t(`customers.risk.${risk}`)}
    </Tag>
  );
}
