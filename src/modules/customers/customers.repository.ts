import type { Selectable } from 'kysely';
import type { FieldCipher } from '../../shared/context/index.ts';
import type { CustomerContactsTable, CustomersTable } from '../../shared/db/database.types.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { UUID_PATTERN } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { minorToDecimal } from '../../shared/money/index.ts';
import { CUSTOMER_FIELDS, openSealed } from './customer-fields.ts';
import type { TCustomerDto } from './customers.schemas.ts';

/** As stored: sensitive fields encrypted. */
export type CustomerRow = Selectable<CustomersTable>;
type StoredContact = Selectable<CustomerContactsTable>;
/** As read back, decrypted. */
export type ContactRecord = Pick<
  StoredContact,
  'id' | 'customer_id' | 'name' | 'preferred_channel' | 'is_primary'
> & {
  email: string | null;
  phone: string | null;
};

export async function openTaxId(db: DbOrTx, fields: FieldCipher, row: CustomerRow): Promise<string | null> {
  return openSealed(db, fields, CUSTOMER_FIELDS.taxId, row.tax_id_enc, row.legacy_tax_id);
}

export function toCustomerDto(
  row: CustomerRow,
  taxId: string | null,
  contacts: readonly ContactRecord[],
): TCustomerDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    legal_name: row.legal_name,
    tax_id: taxId,
    country: row.country,
    currency: row.currency,
    payment_terms_days: row.payment_terms_days,
    credit_limit:
      row.credit_limit_minor === null ? null : minorToDecimal(row.credit_limit_minor, row.currency),
    salesperson: row.salesperson,
    tags: row.tags,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      preferred_channel: c.preferred_channel as TCustomerDto['contacts'][number]['preferred_channel'],
      is_primary: c.is_primary,
    })),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The DTO of a stored customer: decrypts its tax id and its contacts' details. */
export async function readCustomerDto(
  db: DbOrTx,
  fields: FieldCipher,
  row: CustomerRow,
): Promise<TCustomerDto> {
  const contacts = (await contactsOf(db, fields, row.org_id, [row.id])).get(row.id) ?? [];
  return toCustomerDto(row, await openTaxId(db, fields, row), contacts);
}

/** A customer by id or by code (the CLI and imports speak codes, the API ids). */
export async function findCustomerRow(
  db: DbOrTx,
  orgId: string,
  idOrCode: string,
): Promise<CustomerRow | undefined> {
  let q = db.selectFrom('customers').selectAll().where('org_id', '=', orgId);
  q = UUID_PATTERN.test(idOrCode)
    ? q.where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    : q.where('code', '=', idOrCode);
  return q.executeTakeFirst();
}

export async function requireCustomerRow(db: DbOrTx, orgId: string, idOrCode: string): Promise<CustomerRow> {
  const row = await findCustomerRow(db, orgId, idOrCode);
  if (!row)
    throw new AppError('CUSTOMER_NOT_FOUND', {
      message: `no customer "${idOrCode}"`,
      details: { customer: idOrCode },
    });
  return row;
}

export async function contactsOf(
  db: DbOrTx,
  fields: FieldCipher,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, ContactRecord[]>> {
  const map = new Map<string, ContactRecord[]>();
  if (customerIds.length === 0) return map;
  const rows = await db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', 'in', customerIds)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .execute();
  for (const r of rows) {
    const list = map.get(r.customer_id) ?? [];
    list.push({
      id: r.id,
      customer_id: r.customer_id,
      name: r.name,
      preferred_channel: r.preferred_channel,
      is_primary: r.is_primary,
      email: await openSealed(db, fields, CUSTOMER_FIELDS.email, r.email_enc, r.legacy_email),
      phone: await openSealed(db, fields, CUSTOMER_FIELDS.phone, r.phone_enc, r.legacy_phone),
    });
    map.set(r.customer_id, list);
  }
  return map;
}
