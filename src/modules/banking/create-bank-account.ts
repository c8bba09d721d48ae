import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { newId, type Tx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { ACCOUNTS } from '../ledger/index.ts';
import { sealBankIdentifiers } from './bank-account-fields.ts';
import {
  type BankAccountRow,
  bankAccountDto,
  findBankAccountByIdentifier,
} from './bank-accounts.repository.ts';
import type { TBankAccountDto, TCreateBankAccountRequest } from './banking.schemas.ts';
import { banking } from './banking.tables.ts';

/**
 * Adds a bank account inside the caller's transaction. Its name, IBAN and number are each unique
 * in the org: a statement must lead to one account.
 */
export async function createBankAccountInTx(
  trx: Tx,
  ctx: Ctx,
  input: TCreateBankAccountRequest,
): Promise<BankAccountRow> {
  const taken = await banking(trx)
    .selectFrom('bank_accounts')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('name', '=', input.name)
    .executeTakeFirst();
  const sameIdentifier = await Promise.all(
    [input.iban, input.number]
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .map((v) => findBankAccountByIdentifier(trx, ctx.fields, ctx.org.id, v)),
  );
  if (taken || sameIdentifier.some((r) => r !== null)) {
    throw new AppError('BANK_ACCOUNT_EXISTS', {
      message: taken
        ? `a bank account named "${input.name}" already exists`
        : 'a bank account with this IBAN or number already exists',
      details: { name: input.name },
    });
  }
  const glAccount = input.gl_account_code ?? ACCOUNTS.bank;
  const ledger = await sql<{ code: string }>`select code from ledger_accounts
    where org_id = ${ctx.org.id} and code = ${glAccount}`.execute(trx);
  if (ledger.rows.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: `no ledger account ${glAccount}`,
      details: { field: 'gl_account_code' },
    });
  }
  return banking(trx)
    .insertInto('bank_accounts')
    .values({
      org_id: ctx.org.id,
      id: newId(),
      name: input.name,
      currency: input.currency,
      gl_account_code: glAccount,
      ...(await sealBankIdentifiers(trx, ctx.fields, { iban: input.iban, number: input.number })),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createBankAccount(
  ctx: Ctx,
  input: TCreateBankAccountRequest,
): Promise<TBankAccountDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await createBankAccountInTx(trx, ctx, input);
    return bankAccountDto(trx, ctx.fields, row);
  });
}
