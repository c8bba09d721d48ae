import { sql } from 'kysely';
import { copyRows, newId, type Tx } from '../../shared/db/index.ts';
import { dedupeKeys } from './dedupe-key.ts';
import type { ParsedStatement } from './statement.types.ts';

export type StatementTarget = {
  statement: ParsedStatement;
  bankAccountId: string;
  statementRowId: string;
};

/** What the insert added, per bank account: how many lines, and the ids of the money-in ones. */
export type InsertedLines = Map<string, { count: number; moneyInIds: string[] }>;

const STAGE = 'settle_bank_tx_stage';
const COLUMNS = [
  'org_id',
  'id',
  'bank_account_id',
  'statement_id',
  'dedupe_key',
  'booking_date',
  'value_date',
  'amount_minor',
  'currency',
  'counterparty_name',
  'counterparty_account',
  'remittance',
  'bank_reference',
  'end_to_end_id',
  'type_code',
  'location',
  'status',
] as const;

function* stageRows(orgId: string, targets: readonly StatementTarget[]) {
  for (const { statement, bankAccountId, statementRowId } of targets) {
    const keys = dedupeKeys(statement.transactions);
    for (const [i, t] of statement.transactions.entries()) {
      yield [
        orgId,
        newId(),
        bankAccountId,
        statementRowId,
        keys[i],
        t.bookingDate,
        t.valueDate,
        t.amountMinor,
        t.currency.toUpperCase(),
        t.counterpartyName,
        t.counterpartyAccount,
        t.remittance,
        t.bankReference,
        t.endToEndId,
        t.typeCode,
        t.location,
        // Only money in can pay an invoice: money out is kept, but never queued for matching.
        t.amountMinor > 0n ? 'unmatched' : 'ignored',
      ] as const;
    }
  }
}

/**
 * Inserts every line of the statements in the caller's transaction, skipping those whose
 * de-duplication key the account already has (imported before, or earlier in this file). Lines go
 * by COPY into a temporary table, then in with one INSERT … ON CONFLICT DO NOTHING.
 */
export async function insertBankTransactions(
  trx: Tx,
  orgId: string,
  targets: readonly StatementTarget[],
): Promise<InsertedLines> {
  await sql`create temp table if not exists ${sql.id(STAGE)}
    (like bank_transactions including defaults) on commit drop`.execute(trx);
  await copyRows(trx, STAGE, COLUMNS, stageRows(orgId, targets));
  const cols = sql.join(COLUMNS.map((c) => sql.id(c)));
  const res = await sql<{ bank_account_id: string; n: bigint; money_in: string | null }>`
    with added as (
      insert into bank_transactions (${cols}) select ${cols} from ${sql.id(STAGE)}
      on conflict (org_id, bank_account_id, dedupe_key) do nothing
      returning id, bank_account_id, amount_minor)
    select bank_account_id, count(*)::int8 as n,
      string_agg(id::text, ',') filter (where amount_minor > 0) as money_in
    from added group by bank_account_id`.execute(trx);
  await sql`truncate ${sql.id(STAGE)}`.execute(trx);
  const out: InsertedLines = new Map();
  for (const r of res.rows) {
    out.set(r.bank_account_id, { count: Number(r.n), moneyInIds: r.money_in ? r.money_in.split(',') : [] });
  }
  return out;
}
