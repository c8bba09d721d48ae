import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the dashboard screens land. */
export function DashboardPage() {
  return <PageHeader title="DashboardPage" />;
}
