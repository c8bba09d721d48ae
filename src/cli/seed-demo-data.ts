import { contextFor } from '../bootstrap/open-app.ts';
import type { TSeedDemoOptions, TSeedDemoResult } from '../modules/demo/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import type { Database } from '../shared/db/index.ts';
import type { Io } from './io.ts';

export type DemoOptions = Omit<TSeedDemoOptions, 'onProgress'>;

/** Seeds the demo data set into an org (idempotent), progress on stderr. Loaded only when used. */
export async function seedDemoData(
  io: Io,
  database: Database,
  org: Org,
  options: DemoOptions,
): Promise<TSeedDemoResult> {
  const { seedDemo } = await import('../modules/demo/index.ts');
  return seedDemo(contextFor(database, org), {
    ...options,
    onProgress: (message: string) => io.err(message),
  });
}

export function describeDemo(r: TSeedDemoResult): string {
  const what =
    `${r.customers} customers, ${r.invoices} invoices, ${r.receipts} receipts, ` +
    `${r.credit_notes} credit notes, ${r.write_offs} write-offs, ${r.disputes} disputes`;
  return r.created ? `Demo data created: ${what}.` : `Demo data already present (${what}); nothing added.`;
}
