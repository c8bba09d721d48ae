import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import { contactsOf, findCustomerRow, requireCustomerRow, toCustomerDto } from './customers.repository.ts';
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
      tax_id: input.tax_id ?? null,
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
    await trx
      .insertInto('customer_contacts')
      .values(
        contacts.map((c, i) => ({
          org_id: ctx.org.id,
          id: newId(),
          customer_id: id,
          name: c.name ?? null,
          email: c.email ?? null,
          phone: c.phone ?? null,
          preferred_channel: c.preferred_channel ?? null,
          is_primary: c.is_primary ?? i === 0,
        })),
      )
      .execute();
  }
  return id;
}

export async function createCustomer(ctx: Ctx, input: TCreateCustomerRequest): Promise<TCustomerDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await createCustomerInTx(trx, ctx, input);
    const row = await requireCustomerRow(trx, ctx.org.id, id);
    return toCustomerDto(row, (await contactsOf(trx, ctx.org.id, [id])).get(id) ?? []);
  });
}
