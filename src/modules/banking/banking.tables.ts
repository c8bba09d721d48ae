import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB, DbOrTx, Tx } from '../../shared/db/index.ts';

/** Row types of the banking tables (migration 0007). They never leave this module. */
type Timestamp = ColumnType<Date, Date | string | undefined, never>;

export type BankAccountsTable = {
  org_id: string;
  id: string;
  name: string;
  currency: string;
  gl_account_code: Generated<string>;
  iban_enc: Buffer | null;
  iban_bidx: Buffer | null;
  account_number_enc: Buffer | null;
  account_number_bidx: Buffer | null;
  created_at: Timestamp;
};

export type BankStatementsTable = {
  org_id: string;
  id: string;
  bank_account_id: string;
  file_name: string;
  file_sha256: string;
  file_index: number;
  format: string;
  statement_id: string | null;
  currency: string | null;
  opening_balance_minor: bigint | null;
  opening_date: string | null;
  closing_balance_minor: bigint | null;
  closing_date: string | null;
  transaction_count: number;
  imported_at: Timestamp;
  imported_by: string;
};

export type BankTransactionStatus = 'unmatched' | 'suggested' | 'matched' | 'ignored';

export type BankTransactionsTable = {
  org_id: string;
  id: string;
  bank_account_id: string;
  statement_id: string;
  dedupe_key: string;
  booking_date: string;
  value_date: string | null;
  amount_minor: bigint;
  currency: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  remittance: string | null;
  bank_reference: string | null;
  end_to_end_id: string | null;
  type_code: string | null;
  location: string | null;
  status: Generated<BankTransactionStatus>;
  receipt_id: string | null;
  created_at: Timestamp;
};

export type BankingTables = {
  bank_accounts: BankAccountsTable;
  bank_statements: BankStatementsTable;
  bank_transactions: BankTransactionsTable;
};

/** The same handle (or transaction), typed with the banking tables as well. */
export function banking(db: Tx): Transaction<DB & BankingTables>;
export function banking(db: DbOrTx): Kysely<DB & BankingTables>;
export function banking(db: DbOrTx): Kysely<DB & BankingTables> {
  return db.withTables<BankingTables>();
}
