import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the invoices screens land. */
export function InvoicesPage() {
  return <PageHeader title="InvoicesPage" />;
}
