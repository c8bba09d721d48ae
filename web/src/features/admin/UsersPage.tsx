import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the admin screens land. */
export function UsersPage() {
  return <PageHeader title="UsersPage" />;
}
