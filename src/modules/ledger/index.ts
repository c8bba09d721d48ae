export type { LedgerAccount } from './accounts.ts';
export { createDefaultAccounts, listAccounts } from './accounts.ts';
export type { LedgerBalance } from './customer-balances.ts';
export { ledgerBalances } from './customer-balances.ts';
export { resolveRate, setExchangeRate } from './exchange-rates.ts';
export { journalLinesFor } from './journal.ts';
export type { AccountCode, EntryDraft, EntryKind, JournalLine, PostingDraft } from './ledger.types.ts';
export { ACCOUNTS } from './ledger.types.ts';
export { postEntries, postEntriesBulk, postEntry, refreshJournalStatistics } from './post-entry.ts';
export {
  applicationPostings,
  creditNotePostings,
  invoicePostings,
  receiptPostings,
  refundPostings,
  reversalPostings,
  writeOffPostings,
} from './posting-rules.ts';
export { reverseEntry } from './reverse-entry.ts';
