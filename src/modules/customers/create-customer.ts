import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import { sealContact, sealTaxId } from './customer-fields.ts';
import { findCustomerRow, readCustomerDto, requireCustomerRow } from './customers.repository.ts';
import type { TCreateCustomerRequest, TCustomerDto } from './customers.schemas.ts';

export async function createCustomerInTx(trx: Tx, ctx: Ctx, input: TCreateCustomerRequest): Promise<string> {
  if (await findCustomerRow(trx, ctx.org.id, input.code)) {
    throw new AppError('CUSTOMER_CODE_TAKEN', {
      message: `customer code "${input.code}" already exists`,
      details: { code: input.code },
    });
  }
  const id = newId();
  const currency = input.currency ?? ctx.org.baseCurrency;
  await trx
    .insertInto('customers')
    .values({
      org_id: ctx.org.id,
      id,
      code: input.code,
      name: input.name,
      legal_name: input.legal_name ?? null,
      ...(await sealTaxId(trx, ctx.fields, input.tax_id)),
      country: input.country ?? null,
      currency,
      ...(input.payment_terms_days === undefined ? {} : { payment_terms_days: input.payment_terms_days }),
      credit_limit_minor: input.credit_limit ? decimalToMinor(input.credit_limit, currency) : null,
      salesperson: input.salesperson ?? null,
      tags: input.tags ?? [],
    })
    .execute();
  const contacts = input.contacts ?? [];
  if (contacts.length > 0) {
    const values = [];
    for (const [i, c] of contacts.entries()) {
      values.push({
        org_id: ctx.org.id,
        id: newId(),
        customer_id: id,
        name: c.name ?? null,
        ...(await sealContact(trx, ctx.fields, c)),
        preferred_channel: c.preferred_channel ?? null,
        is_primary: c.is_primary ?? i === 0,
      });
    }
    await trx.insertInto('customer_contacts').values(values).execute();
  }
  return id;
}

export async function createCustomer(ctx: Ctx, input: TCreateCustomerRequest): Promise<TCustomerDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await createCustomerInTx(trx, ctx, input);
    return readCustomerDto(trx, ctx.fields, await requireCustomerRow(trx, ctx.org.id, id));
  });
}
