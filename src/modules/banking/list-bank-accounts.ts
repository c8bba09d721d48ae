import type { Ctx } from '../../shared/context/index.ts';
import { bankAccountDto, listBankAccountRows } from './bank-accounts.repository.ts';
import type { TBankAccountDto } from './banking.schemas.ts';

export async function listBankAccounts(ctx: Ctx): Promise<TBankAccountDto[]> {
  const rows = await listBankAccountRows(ctx.db, ctx.org.id);
  const out: TBankAccountDto[] = [];
  for (const row of rows) out.push(await bankAccountDto(ctx.db, ctx.fields, row));
  return out;
}
