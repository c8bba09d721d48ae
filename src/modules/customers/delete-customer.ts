import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { requireCustomerRow } from './customers.repository.ts';

/** Only a customer with no documents can be deleted; one with history stays for the books. */
export async function deleteCustomer(ctx: Ctx, idOrCode: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireCustomerRow(trx, ctx.org.id, idOrCode);
    try {
      await trx.deleteFrom('customers').where('org_id', '=', ctx.org.id).where('id', '=', row.id).execute();
    } catch (e) {
      if ((e as { code?: string }).code === '23503') {
        throw new AppError('CUSTOMER_HAS_DOCUMENTS', { details: { customer: row.code } });
      }
      throw e;
    }
  });
}
