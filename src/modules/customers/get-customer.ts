import type { Ctx } from '../../shared/context/index.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { contactsOf, requireCustomerRow, toCustomerDto } from './customers.repository.ts';
import type { TCustomerDto } from './customers.schemas.ts';

export async function getCustomer(ctx: Ctx, idOrCode: string): Promise<TCustomerDto> {
  const row = await requireCustomerRow(ctx.db, ctx.org.id, idOrCode);
  return toCustomerDto(row, (await contactsOf(ctx.db, ctx.org.id, [row.id])).get(row.id) ?? []);
}

/** What other modules need of a customer. */
export type CustomerRef = {
  id: string;
  code: string;
  name: string;
  currency: string;
  paymentTermsDays: number;
  salesperson: string | null;
};

export async function getCustomerRef(db: DbOrTx, orgId: string, idOrCode: string): Promise<CustomerRef> {
  const r = await requireCustomerRow(db, orgId, idOrCode);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    paymentTermsDays: r.payment_terms_days,
    salesperson: r.salesperson,
  };
}
