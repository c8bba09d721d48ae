/**
 * Every encrypted column in the product: what a key rotation re-encrypts and what the legacy
 * pass encrypts. A module that adds an encrypted field adds it here (bank account numbers come
 * with the banking issue: `bank_accounts.account_number`, with a blind index).
 */
export type EncryptedField = {
  /** The name bound into the ciphertext (`FieldCipher` calls use the same). */
  field: string;
  table: string;
  /** The primary key after org_id. */
  keyColumns: readonly string[];
  ciphertextColumn: string;
  /** A blind index under the org's index key: unchanged by a data-key rotation. */
  blindIndexColumn: string | null;
  /** Plaintext from before encryption: encrypted by encryptLegacyFields, then set to null. */
  legacyColumn: string | null;
};

export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  {
    field: 'customers.tax_id',
    table: 'customers',
    keyColumns: ['id'],
    ciphertextColumn: 'tax_id_enc',
    blindIndexColumn: 'tax_id_bidx',
    legacyColumn: 'legacy_tax_id',
  },
  {
    field: 'customer_contacts.email',
    table: 'customer_contacts',
    keyColumns: ['id'],
    ciphertextColumn: 'email_enc',
    blindIndexColumn: 'email_bidx',
    legacyColumn: 'legacy_email',
  },
  {
    field: 'customer_contacts.phone',
    table: 'customer_contacts',
    keyColumns: ['id'],
    ciphertextColumn: 'phone_enc',
    blindIndexColumn: 'phone_bidx',
    legacyColumn: 'legacy_phone',
  },
  {
    field: 'bank_accounts.iban',
    table: 'bank_accounts',
    keyColumns: ['id'],
    ciphertextColumn: 'iban_enc',
    blindIndexColumn: 'iban_bidx',
    legacyColumn: null,
  },
  {
    field: 'bank_accounts.account_number',
    table: 'bank_accounts',
    keyColumns: ['id'],
    ciphertextColumn: 'account_number_enc',
    blindIndexColumn: 'account_number_bidx',
    legacyColumn: null,
  },
  {
    field: 'users.mfa_secret',
    table: 'users',
    keyColumns: ['id'],
    ciphertextColumn: 'mfa_secret_enc',
    blindIndexColumn: null,
    legacyColumn: null,
  },
];
