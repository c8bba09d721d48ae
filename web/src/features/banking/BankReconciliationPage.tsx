import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the bank reconciliation screens land. */
export function BankReconciliationPage() {
  return <PageHeader title="BankReconciliationPage" />;
}
