import type { FieldCipher } from '../../shared/context/index.ts';
import { type DbOrTx, UUID_PATTERN } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { BANK_ACCOUNT_FIELDS, identifierIndexes } from './bank-account-fields.ts';
import type { TBankAccountDto } from './banking.schemas.ts';
import { type BankAccountsTable, banking } from './banking.tables.ts';

export type BankAccountRow = Omit<BankAccountsTable, 'gl_account_code' | 'created_at'> & {
  gl_account_code: string;
  created_at: Date;
};

export async function listBankAccountRows(db: DbOrTx, orgId: string): Promise<BankAccountRow[]> {
  return banking(db)
    .selectFrom('bank_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
}

/** The account a statement names by IBAN or number, through the blind indexes; null when none. */
export async function findBankAccountByIdentifier(
  db: DbOrTx,
  fields: FieldCipher,
  orgId: string,
  identifier: string,
): Promise<BankAccountRow | null> {
  const idx = await identifierIndexes(db, fields, identifier);
  const row = await banking(db)
    .selectFrom('bank_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('iban_bidx', '=', idx.iban),
        eb('account_number_bidx', '=', idx.number),
        eb('iban_bidx', '=', idx.number),
        eb('account_number_bidx', '=', idx.iban),
      ]),
    )
    .orderBy('created_at')
    .executeTakeFirst();
  return row ?? null;
}

/** A bank account by id, name, IBAN or account number. */
export async function findBankAccount(
  db: DbOrTx,
  fields: FieldCipher,
  orgId: string,
  ref: string,
): Promise<BankAccountRow | null> {
  const base = banking(db).selectFrom('bank_accounts').selectAll().where('org_id', '=', orgId);
  if (UUID_PATTERN.test(ref)) {
    const byId = await base.where('id', '=', ref.toLowerCase()).executeTakeFirst();
    if (byId) return byId;
  }
  const byName = await base.where('name', '=', ref.trim()).executeTakeFirst();
  if (byName) return byName;
  return findBankAccountByIdentifier(db, fields, orgId, ref);
}

export async function requireBankAccount(
  db: DbOrTx,
  fields: FieldCipher,
  orgId: string,
  ref: string,
): Promise<BankAccountRow> {
  const row = await findBankAccount(db, fields, orgId, ref);
  if (!row) {
    throw new AppError('BANK_ACCOUNT_NOT_FOUND', {
      message: `no bank account "${ref}" (by id, name, IBAN or number)`,
      details: { account: ref },
    });
  }
  return row;
}

export async function bankAccountDto(
  db: DbOrTx,
  fields: FieldCipher,
  row: BankAccountRow,
): Promise<TBankAccountDto> {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    gl_account_code: row.gl_account_code,
    iban: row.iban_enc ? await fields.decrypt(db, BANK_ACCOUNT_FIELDS.iban, row.iban_enc) : null,
    account_number: row.account_number_enc
      ? await fields.decrypt(db, BANK_ACCOUNT_FIELDS.number, row.account_number_enc)
      : null,
    created_at: row.created_at.toISOString(),
  };
}
