import type { FieldCipher } from '../../shared/context/index.ts';
import type { DbOrTx } from '../../shared/db/index.ts';

/** The encrypted fields of this module, as named in the ciphertext's AAD and the keys registry. */
export const BANK_ACCOUNT_FIELDS = {
  iban: 'bank_accounts.iban',
  number: 'bank_accounts.account_number',
} as const;

export type SealedBankIdentifiers = {
  iban_enc: Buffer | null;
  iban_bidx: Buffer | null;
  account_number_enc: Buffer | null;
  account_number_bidx: Buffer | null;
};

async function seal(db: DbOrTx, fields: FieldCipher, field: string, value: string | null | undefined) {
  if (value === null || value === undefined || value.trim() === '') return [null, null] as const;
  const clean = value.trim();
  return [await fields.encrypt(db, field, clean), await fields.blindIndex(db, field, clean)] as const;
}

export async function sealBankIdentifiers(
  db: DbOrTx,
  fields: FieldCipher,
  ids: { iban?: string | null | undefined; number?: string | null | undefined },
): Promise<SealedBankIdentifiers> {
  const [ibanEnc, ibanBidx] = await seal(db, fields, BANK_ACCOUNT_FIELDS.iban, ids.iban);
  const [numberEnc, numberBidx] = await seal(db, fields, BANK_ACCOUNT_FIELDS.number, ids.number);
  return {
    iban_enc: ibanEnc,
    iban_bidx: ibanBidx,
    account_number_enc: numberEnc,
    account_number_bidx: numberBidx,
  };
}

/**
 * The blind indexes under which an account identifier may be stored: as an IBAN and as an account
 * number (a statement may give as IBAN what the user registered as a number, or the reverse).
 */
export async function identifierIndexes(
  db: DbOrTx,
  fields: FieldCipher,
  value: string,
): Promise<{ iban: Buffer; number: Buffer }> {
  return {
    iban: await fields.blindIndex(db, BANK_ACCOUNT_FIELDS.iban, value),
    number: await fields.blindIndex(db, BANK_ACCOUNT_FIELDS.number, value),
  };
}
