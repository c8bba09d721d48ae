import type { Ctx } from '../../shared/context/index.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { readCustomerDto, requireCustomerRow } from './customers.repository.ts';
import type { TCustomerDto } from './customers.schemas.ts';

export async function getCustomer(ctx: Ctx, idOrCode: string): Promise<TCustomerDto> {
  return readCustomerDto(ctx.db, ctx.fields, await requireCustomerRow(ctx.db, ctx.org.id, idOrCode));
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
