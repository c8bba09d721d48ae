export { BANK_ACCOUNT_FIELDS } from './bank-account-fields.ts';
export * from './banking.schemas.ts';
export type { BankingTables, BankTransactionStatus, BankTransactionsTable } from './banking.tables.ts';
export { banking } from './banking.tables.ts';
export { countLinesByStatus, type StatusCounts } from './count-lines-by-status.ts';
export { createBankAccount } from './create-bank-account.ts';
export { contentHash, dedupeKeys } from './dedupe-key.ts';
export { importBankStatementAndMatch, type MatchNewLines } from './import-and-report.ts';
export {
  type BankStatementImport,
  type ImportBankStatementInput,
  type ImportProgress,
  importBankStatement,
} from './import-bank-statement.ts';
export { listBankAccounts } from './list-bank-accounts.ts';
export { listBankTransactions } from './list-bank-transactions.ts';
export { detectStatementFormat, parseStatementFile } from './parse-statement-file.ts';
export type {
  ParsedStatement,
  ParsedStatementFile,
  ParsedTransaction,
  StatementFormat,
} from './statement.types.ts';
