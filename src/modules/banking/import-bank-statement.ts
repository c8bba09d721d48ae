import { createHash } from 'node:crypto';
import type { Ctx } from '../../shared/context/index.ts';
import { newId, type Tx } from '../../shared/db/index.ts';
import type { TBankImportDto } from './banking.schemas.ts';
import { banking } from './banking.tables.ts';
import { insertBankTransactions, type StatementTarget } from './insert-bank-transactions.ts';
import { parseStatementFile } from './parse-statement-file.ts';
import { type ResolvedAccount, resolveStatementAccounts } from './resolve-statement-accounts.ts';
import type { ParsedStatement, ParsedStatementFile } from './statement.types.ts';

export type ImportBankStatementInput = {
  file: { name: string; bytes: Uint8Array };
  /** The bank account, by id, name, IBAN or number, for statements that do not name theirs. */
  account?: string | undefined;
  preset?: string | undefined;
  /** Told when the file is parsed and when writing starts (for progress on a terminal). */
  onProgress?: ((event: ImportProgress) => void) | undefined;
};

export type ImportProgress = { phase: 'parsed' | 'writing'; statements: number; lines: number };

export type BankStatementImport = {
  summary: TBankImportDto;
  /** The money-in lines this import added: what matching looks at next. */
  newMoneyInIds: string[];
};

/** The statement's row, or the one a previous import of the same file made. */
async function statementRow(
  trx: Tx,
  ctx: Ctx,
  file: { name: string; sha256: string; format: string },
  index: number,
  st: ParsedStatement,
  bankAccountId: string,
): Promise<string> {
  const db = banking(trx);
  const inserted = await db
    .insertInto('bank_statements')
    .values({
      org_id: ctx.org.id,
      id: newId(),
      bank_account_id: bankAccountId,
      file_name: file.name,
      file_sha256: file.sha256,
      file_index: index,
      format: st.format,
      statement_id: st.statementId,
      currency: st.account.currency?.toUpperCase() ?? st.transactions[0]?.currency.toUpperCase() ?? null,
      opening_balance_minor: st.openingBalance?.amountMinor ?? null,
      opening_date: st.openingBalance?.date ?? null,
      closing_balance_minor: st.closingBalance?.amountMinor ?? null,
      closing_date: st.closingBalance?.date ?? null,
      transaction_count: st.transactions.length,
      imported_by: ctx.actor,
    })
    .onConflict((oc) => oc.columns(['org_id', 'bank_account_id', 'file_sha256', 'file_index']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('bank_statements')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('bank_account_id', '=', bankAccountId)
    .where('file_sha256', '=', file.sha256)
    .where('file_index', '=', index)
    .executeTakeFirstOrThrow();
  return existing.id;
}

function summarise(
  name: string,
  sha256: string,
  parsed: ParsedStatementFile,
  accounts: readonly ResolvedAccount[],
  added: Awaited<ReturnType<typeof insertBankTransactions>>,
): TBankImportDto {
  const byAccount = new Map<string, TBankImportDto['accounts'][number]>();
  for (const [i, { row, resolvedBy }] of accounts.entries()) {
    const lines = parsed.statements[i]?.transactions.length ?? 0;
    const entry = byAccount.get(row.id) ?? {
      id: row.id,
      name: row.name,
      currency: row.currency.trim(),
      resolved_by: resolvedBy,
      statements: 0,
      transactions: 0,
      duplicates: 0,
    };
    entry.statements += 1;
    entry.duplicates += lines;
    byAccount.set(row.id, entry);
  }
  for (const entry of byAccount.values()) {
    entry.transactions = added.get(entry.id)?.count ?? 0;
    entry.duplicates -= entry.transactions;
  }
  const list = [...byAccount.values()];
  return {
    file: name,
    format: parsed.format,
    encoding: parsed.encoding,
    file_sha256: sha256,
    statements: parsed.statements.length,
    transactions: list.reduce((s, a) => s + a.transactions, 0),
    duplicates: list.reduce((s, a) => s + a.duplicates, 0),
    accounts: list,
    warnings: parsed.statements.flatMap((st, i) =>
      (st.warnings ?? []).map((w) => ({ statement: i + 1, ...w })),
    ),
  };
}

/**
 * Imports a bank statement file of any supported format: parsed and checked whole first, then
 * written in one transaction (accounts it creates, statements, lines), so a failure anywhere, or
 * the process dying half-way, leaves nothing of it. Lines the account already has (same file
 * again, overlapping statements) are counted as duplicates and not added.
 */
export async function importBankStatement(
  ctx: Ctx,
  input: ImportBankStatementInput,
): Promise<BankStatementImport> {
  const { file } = input;
  const parsed = await parseStatementFile(file, input.preset ? { preset: input.preset } : {});
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const progress = {
    statements: parsed.statements.length,
    lines: parsed.statements.reduce((n, st) => n + st.transactions.length, 0),
  };
  input.onProgress?.({ phase: 'parsed', ...progress });
  return ctx.db.transaction().execute(async (trx) => {
    const accounts = await resolveStatementAccounts(trx, ctx, file.name, parsed.statements, input.account);
    const targets: StatementTarget[] = [];
    for (const [i, st] of parsed.statements.entries()) {
      const bankAccountId = accounts[i]?.row.id as string;
      const meta = { name: file.name, sha256, format: st.format };
      const statementRowId = await statementRow(trx, ctx, meta, i, st, bankAccountId);
      targets.push({ statement: st, bankAccountId, statementRowId });
    }
    input.onProgress?.({ phase: 'writing', ...progress });
    const added = await insertBankTransactions(trx, ctx.org.id, targets);
    return {
      summary: summarise(file.name, sha256, parsed, accounts, added),
      newMoneyInIds: [...added.values()].flatMap((a) => a.moneyInIds),
    };
  });
}
