import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { daysBetween } from '../../shared/time/index.ts';

export type ImportedCustomerRef = { id: string; salesperson: string | null };
export type EnsuredCustomers = Map<string, ImportedCustomerRef> & { createdCount: number };

type Wanted = {
  customerCode: string;
  customerName: string;
  currency: string;
  paymentTermsDays: number | null;
  salesperson: string | null;
  issueDate: BusinessDate;
  dueDate: BusinessDate;
};

/**
 * Finds the customers an invoice file names by code, creating the unknown ones from the first row
 * that names them (terms from that row: its payment_terms_days, else due date minus issue date).
 */
export async function ensureCustomersForImport(
  trx: Tx,
  ctx: Ctx,
  rows: readonly Wanted[],
): Promise<EnsuredCustomers> {
  const first = new Map<string, Wanted>();
  for (const r of rows) if (!first.has(r.customerCode)) first.set(r.customerCode, r);
  const codes = [...first.keys()];
  const result = new Map<string, ImportedCustomerRef>() as EnsuredCustomers;
  result.createdCount = 0;
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await trx
      .selectFrom('customers')
      .select(['id', 'code', 'salesperson'])
      .where('org_id', '=', ctx.org.id)
      .where('code', 'in', codes.slice(i, i + 5000))
      .execute();
    for (const c of found) result.set(c.code, { id: c.id, salesperson: c.salesperson });
  }
  const missing = codes.filter((c) => !result.has(c));
  for (let i = 0; i < missing.length; i += 1000) {
    const values = missing.slice(i, i + 1000).map((code) => {
      const r = first.get(code) as Wanted;
      const id = newId();
      result.set(code, { id, salesperson: r.salesperson });
      return {
        org_id: ctx.org.id,
        id,
        code,
        name: r.customerName,
        currency: r.currency,
        payment_terms_days:
          r.paymentTermsDays ?? Math.max(0, Math.min(3650, daysBetween(r.issueDate, r.dueDate))),
        salesperson: r.salesperson,
      };
    });
    await trx.insertInto('customers').values(values).execute();
  }
  result.createdCount = missing.length;
  return result;
}
