import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the imports screens land. */
export function ImportPage() {
  return <PageHeader title="ImportPage" />;
}
