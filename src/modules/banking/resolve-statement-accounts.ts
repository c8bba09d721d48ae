import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { isCurrencyCode } from '../../shared/money/index.ts';
import {
  type BankAccountRow,
  findBankAccountByIdentifier,
  requireBankAccount,
} from './bank-accounts.repository.ts';
import { banking } from './banking.tables.ts';
import { createBankAccountInTx } from './create-bank-account.ts';
import type { ParsedStatement } from './statement.types.ts';

export type AccountResolution = 'identifier' | 'option' | 'created';
export type ResolvedAccount = { row: BankAccountRow; resolvedBy: AccountResolution };

function mismatch(file: string, index: number, explicit: BankAccountRow, reason: string): never {
  throw new AppError('BANK_ACCOUNT_MISMATCH', {
    message: `${file}: statement ${index + 1} ${reason}, not bank account "${explicit.name}"; nothing was imported`,
    details: { file, statement: index + 1, account: explicit.id },
  });
}

/** A name for an account made from a statement: its holder or format, and the identifier's tail. */
async function freshName(trx: Tx, orgId: string, statement: ParsedStatement, identifier: string) {
  const tail = identifier.replace(/\s+/g, '').slice(-4);
  const base = `${statement.account.name ?? statement.format.toUpperCase()} ···${tail}`.slice(0, 190);
  const taken = new Set(
    (
      await banking(trx)
        .selectFrom('bank_accounts')
        .select('name')
        .where('org_id', '=', orgId)
        .where('name', 'like', `${base.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
        .execute()
    ).map((r) => r.name),
  );
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
  return name;
}

/**
 * The bank account of each statement of a file: the one whose IBAN or number the statement names;
 * else the account the user chose; else a new one made from the statement's account. A statement
 * that names another account than the one chosen is refused, as is one naming none when none is
 * chosen (guessing would file a whole statement under the wrong account).
 */
export async function resolveStatementAccounts(
  trx: Tx,
  ctx: Ctx,
  fileName: string,
  statements: readonly ParsedStatement[],
  option: string | undefined,
): Promise<ResolvedAccount[]> {
  const explicit = option ? await requireBankAccount(trx, ctx.fields, ctx.org.id, option) : null;
  const created = new Set<string>();
  const out: ResolvedAccount[] = [];
  for (const [index, st] of statements.entries()) {
    const identifiers = [st.account.iban, st.account.number].filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    let found: BankAccountRow | null = null;
    for (const id of identifiers) {
      found ??= await findBankAccountByIdentifier(trx, ctx.fields, ctx.org.id, id);
    }
    if (found) {
      if (explicit && found.id !== explicit.id) mismatch(fileName, index, explicit, `is for "${found.name}"`);
      out.push({ row: found, resolvedBy: created.has(found.id) ? 'created' : 'identifier' });
      continue;
    }
    if (explicit) {
      const hasIdentifier = explicit.iban_bidx !== null || explicit.account_number_bidx !== null;
      if (hasIdentifier && identifiers.length > 0)
        mismatch(fileName, index, explicit, `is for account ${identifiers[0]}`);
      const currency = st.account.currency?.toUpperCase();
      if (currency && currency !== explicit.currency.trim())
        mismatch(fileName, index, explicit, `is in ${currency}`);
      out.push({ row: explicit, resolvedBy: 'option' });
      continue;
    }
    const [identifier] = identifiers;
    if (!identifier) {
      throw new AppError('BANK_ACCOUNT_REQUIRED', {
        message: `${fileName}: statement ${index + 1} does not name its bank account: choose one (--account); nothing was imported`,
        details: { file: fileName, statement: index + 1 },
      });
    }
    const currency = (
      st.account.currency ??
      st.transactions[0]?.currency ??
      ctx.org.baseCurrency
    ).toUpperCase();
    const row = await createBankAccountInTx(trx, ctx, {
      name: await freshName(trx, ctx.org.id, st, identifier),
      currency: isCurrencyCode(currency) ? currency : ctx.org.baseCurrency,
      iban: st.account.iban,
      number: st.account.number,
    });
    created.add(row.id);
    out.push({ row, resolvedBy: 'created' });
  }
  return out;
}
