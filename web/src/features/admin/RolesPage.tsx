import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the admin screens land. */
export function RolesPage() {
  return <PageHeader title="RolesPage" />;
}
