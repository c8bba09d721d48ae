import type { BusinessDate } from '../../shared/time/index.ts';

export type EntryKind =
  | 'invoice'
  | 'credit_note'
  | 'receipt'
  | 'allocation'
  | 'write_off'
  | 'refund'
  | 'reversal';

/** Account codes of the default chart (China's small-enterprise standard), renameable per org. */
export const ACCOUNTS = {
  bank: '1002',
  receivable: '1122',
  allowance: '1231',
  unappliedCash: '2203',
  outputVat: '2221',
  revenue: '6001',
  bankCharges: '6603',
} as const;

export type AccountCode = string;

/** One transfer: amount moves from the credit account to the debit account. */
export type PostingDraft = {
  debit: AccountCode;
  credit: AccountCode;
  amountMinor: bigint;
  baseAmountMinor: bigint;
};

export type EntryDraft = {
  orgId: string;
  entryId: string;
  entryDate: BusinessDate;
  kind: EntryKind;
  customerId: string | null;
  currency: string;
  postings: PostingDraft[];
  reversesEntryId?: string | null;
};

export type JournalLine = {
  entryId: string;
  lineNo: number;
  entryDate: BusinessDate;
  kind: EntryKind;
  customerId: string | null;
  account: AccountCode;
  side: 'debit' | 'credit';
  currency: string;
  amountMinor: bigint;
  baseAmountMinor: bigint;
  reversesEntryId: string | null;
};
