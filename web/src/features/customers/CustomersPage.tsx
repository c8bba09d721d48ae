import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the customers screens land. */
export function CustomersPage() {
  return <PageHeader title="CustomersPage" />;
}
