import { sql } from 'kysely';
import type { Ctx } from '../../src/shared/context/index.ts';
import { type Database, newId } from '../../src/shared/db/index.ts';

export type TestBankLine = { amount: bigint; name?: string; account?: string; text?: string; date?: string };

/** Bank lines as an import leaves them (the statement's own rows, status unmatched). */
export async function seedBankLines(
  database: Database,
  ctx: Ctx,
  lines: readonly TestBankLine[],
): Promise<string[]> {
  const accountId = newId();
  const statementId = newId();
  const org = ctx.org.id;
  await sql`insert into bank_accounts (org_id, id, name, currency) values (${org}, ${accountId}, ${`Bank ${accountId.slice(-6)}`}, 'CNY')`.execute(
    database.db,
  );
  await sql`insert into bank_statements (org_id, id, bank_account_id, file_name, file_sha256, file_index, format, transaction_count, imported_by)
    values (${org}, ${statementId}, ${accountId}, 'test.csv', ${statementId}, 0, 'csv', ${lines.length}, 'test')`.execute(
    database.db,
  );
  const ids: string[] = [];
  for (const [i, l] of lines.entries()) {
    const id = newId();
    ids.push(id);
    await sql`insert into bank_transactions (org_id, id, bank_account_id, statement_id, dedupe_key, booking_date, amount_minor,
        currency, counterparty_name, counterparty_account, remittance, location)
      values (${org}, ${id}, ${accountId}, ${statementId}, ${`k${i}-${id}`}, ${l.date ?? '2025-06-30'}, ${l.amount}, 'CNY',
        ${l.name ?? null}, ${l.account ?? null}, ${l.text ?? null}, ${`line ${i + 2}`})`.execute(database.db);
  }
  return ids;
}
