import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { sealContact } from './customer-fields.ts';
import type { CustomerImportRow } from './import/customer-import.types.ts';

/**
 * Adds the row's contact unless the customer has one with the same name, email and phone. Email
 * and phone are encrypted, so they are compared by blind index: equal once normalised (case,
 * spaces, punctuation of phone numbers), which is what a person means by "the same contact".
 */
export async function addImportedContact(
  trx: Tx,
  ctx: Ctx,
  customerId: string,
  row: CustomerImportRow,
  isPrimary: boolean,
): Promise<boolean> {
  if (!row.contactName && !row.email && !row.phone) return false;
  const sealed = await sealContact(trx, ctx.fields, { email: row.email, phone: row.phone });
  const same = await trx
    .selectFrom('customer_contacts')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('customer_id', '=', customerId)
    .where((eb) =>
      eb.and([
        row.contactName === null ? eb('name', 'is', null) : eb('name', '=', row.contactName),
        sealed.email_bidx === null ? eb('email_bidx', 'is', null) : eb('email_bidx', '=', sealed.email_bidx),
        sealed.phone_bidx === null ? eb('phone_bidx', 'is', null) : eb('phone_bidx', '=', sealed.phone_bidx),
      ]),
    )
    .executeTakeFirst();
  if (same) return false;
  await trx
    .insertInto('customer_contacts')
    .values({
      org_id: ctx.org.id,
      id: newId(),
      customer_id: customerId,
      name: row.contactName,
      ...sealed,
      preferred_channel: row.preferredChannel,
      is_primary: isPrimary,
    })
    .execute();
  return true;
}
