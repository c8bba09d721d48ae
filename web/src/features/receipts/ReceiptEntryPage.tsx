import { PageHeader } from '../../shared/ui/index.ts';

/** Placeholder until the receipts screens land. */
export function ReceiptEntryPage() {
  return <PageHeader title="ReceiptEntryPage" />;
}
