import type { FieldCipher } from '../../shared/context/index.ts';
import type { DbOrTx } from '../../shared/db/index.ts';

/** The encrypted fields of this module, as named in the ciphertext's AAD and the keys registry. */
export const CUSTOMER_FIELDS = {
  taxId: 'customers.tax_id',
  email: 'customer_contacts.email',
  phone: 'customer_contacts.phone',
} as const;

export type SealedTaxId = { tax_id_enc: Buffer | null; tax_id_bidx: Buffer | null; legacy_tax_id: null };
export type SealedContact = {
  email_enc: Buffer | null;
  email_bidx: Buffer | null;
  phone_enc: Buffer | null;
  phone_bidx: Buffer | null;
  legacy_email: null;
  legacy_phone: null;
};

async function seal(db: DbOrTx, fields: FieldCipher, field: string, value: string | null | undefined) {
  if (value === null || value === undefined) return [null, null] as const;
  return [await fields.encrypt(db, field, value), await fields.blindIndex(db, field, value)] as const;
}

/** The columns that store a tax id; writing them clears any plaintext left from before encryption. */
export async function sealTaxId(
  db: DbOrTx,
  fields: FieldCipher,
  taxId: string | null | undefined,
): Promise<SealedTaxId> {
  const [enc, bidx] = await seal(db, fields, CUSTOMER_FIELDS.taxId, taxId);
  return { tax_id_enc: enc, tax_id_bidx: bidx, legacy_tax_id: null };
}

export async function sealContact(
  db: DbOrTx,
  fields: FieldCipher,
  contact: { email?: string | null | undefined; phone?: string | null | undefined },
): Promise<SealedContact> {
  const [emailEnc, emailBidx] = await seal(db, fields, CUSTOMER_FIELDS.email, contact.email);
  const [phoneEnc, phoneBidx] = await seal(db, fields, CUSTOMER_FIELDS.phone, contact.phone);
  return {
    email_enc: emailEnc,
    email_bidx: emailBidx,
    phone_enc: phoneEnc,
    phone_bidx: phoneBidx,
    legacy_email: null,
    legacy_phone: null,
  };
}

/** The plaintext of an encrypted column, or the legacy plaintext not encrypted yet. */
export async function openSealed(
  db: DbOrTx,
  fields: FieldCipher,
  field: string,
  enc: Uint8Array | null,
  legacy: string | null,
): Promise<string | null> {
  return enc ? fields.decrypt(db, field, enc as Buffer) : legacy;
}
