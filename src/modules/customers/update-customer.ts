import type { Ctx } from '../../shared/context/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import { sealTaxId } from './customer-fields.ts';
import { readCustomerDto, requireCustomerRow } from './customers.repository.ts';
import type { TCustomerDto, TUpdateCustomerRequest } from './customers.schemas.ts';

/** Master data is mutable (documents are not): a changed currency applies to future documents only. */
export async function updateCustomer(
  ctx: Ctx,
  idOrCode: string,
  input: TUpdateCustomerRequest,
): Promise<TCustomerDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireCustomerRow(trx, ctx.org.id, idOrCode);
    const currency = input.currency ?? row.currency;
    await trx
      .updateTable('customers')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.legal_name !== undefined ? { legal_name: input.legal_name } : {}),
        ...(input.tax_id !== undefined ? await sealTaxId(trx, ctx.fields, input.tax_id) : {}),
        ...(input.country !== undefined ? { country: input.country } : {}),
        ...(input.currency !== undefined ? { currency } : {}),
        ...(input.payment_terms_days !== undefined ? { payment_terms_days: input.payment_terms_days } : {}),
        ...(input.credit_limit !== undefined
          ? {
              credit_limit_minor:
                input.credit_limit === null ? null : decimalToMinor(input.credit_limit, currency),
            }
          : {}),
        ...(input.salesperson !== undefined ? { salesperson: input.salesperson } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
        updated_at: ctx.clock.now(),
      })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', row.id)
      .execute();
    return readCustomerDto(trx, ctx.fields, await requireCustomerRow(trx, ctx.org.id, row.id));
  });
}
