import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the customers screens land. */
export function CustomerDetailPage() {
  return <PageHeader title="CustomerDetailPage" />;
}
