import { contextFor } from '../../src/bootstrap/open-app.ts';
import { createCustomer, type TCreateCustomerRequest } from '../../src/modules/customers/index.ts';
import { createOrg } from '../../src/modules/orgs/index.ts';
import { issueInvoice, type TIssueInvoiceRequest } from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { type BusinessDate, fixedClock } from '../../src/shared/time/index.ts';

let seq = 0;

export async function seedOrg(
  database: Database,
  options: { baseCurrency?: string; today?: string; slug?: string } = {},
): Promise<Ctx> {
  seq += 1;
  const { org } = await createOrg(database.db, {
    name: `Test Org ${seq}`,
    slug: options.slug ?? `test-${process.pid}-${seq}-${Math.floor(Math.random() * 1e9)}`,
    baseCurrency: options.baseCurrency ?? 'CNY',
  });
  return contextFor(database, org, {
    clock: fixedClock((options.today ?? '2025-06-30') as BusinessDate),
    actor: 'test',
  });
}

export async function seedCustomer(ctx: Ctx, overrides: Partial<TCreateCustomerRequest> = {}) {
  seq += 1;
  return createCustomer(ctx, {
    code: `C${seq}`,
    name: `Customer ${seq} 有限公司`,
    payment_terms_days: 30,
    ...overrides,
  });
}

export async function seedIssuedInvoice(
  ctx: Ctx,
  customer: string,
  overrides: Partial<TIssueInvoiceRequest> = {},
) {
  seq += 1;
  return issueInvoice(ctx, {
    customer,
    number: `INV-T${seq}`,
    issue_date: '2025-01-10',
    amount: '113.00',
    tax_amount: '13.00',
    ...overrides,
  });
}
