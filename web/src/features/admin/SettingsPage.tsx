import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the admin screens land. */
export function SettingsPage() {
  return <PageHeader title="SettingsPage" />;
}
