import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from './tables/audit.ts';
import type { AuthTables } from './tables/auth.ts';
import type { KeysTables } from './tables/keys.ts';

/** Row types as the database sees them. They never leave a module's repository. */
type Timestamp = ColumnType<Date, Date | string | undefined, never>;
type Immutable<T> = ColumnType<T, T, never>;

export type OrgsTable = {
  org_id: string;
  slug: string;
  name: string;
  base_currency: string;
  time_zone: Generated<string>;
  locale: Generated<string>;
  created_at: Timestamp;
};

export type LedgerAccountsTable = {
  org_id: string;
  code: string;
  name: string;
  name_zh: string;
  kind: string;
};

export type ExchangeRatesTable = { org_id: string; currency: string; rate_date: string; rate: string };

export type NumberSequencesTable = { org_id: string; kind: string; next_value: Generated<bigint> };

export type CustomersTable = {
  org_id: string;
  id: string;
  code: string;
  name: string;
  legal_name: string | null;
  /** Plaintext from before encryption (0005): encrypted into tax_id_enc at startup, then null. */
  legacy_tax_id: string | null;
  tax_id_enc: Buffer | null;
  tax_id_bidx: Buffer | null;
  country: string | null;
  currency: string;
  payment_terms_days: Generated<number>;
  credit_limit_minor: bigint | null;
  salesperson: string | null;
  tags: Generated<string[]>;
  created_at: Timestamp;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type CustomerContactsTable = {
  org_id: string;
  id: string;
  customer_id: string;
  name: string | null;
  /** Plaintext from before encryption (0005): encrypted at startup, then null. */
  legacy_email: string | null;
  legacy_phone: string | null;
  email_enc: Buffer | null;
  email_bidx: Buffer | null;
  phone_enc: Buffer | null;
  phone_bidx: Buffer | null;
  preferred_channel: string | null;
  is_primary: Generated<boolean>;
  created_at: Timestamp;
};

export type InvoicesTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  number: Immutable<string>;
  customer_id: Immutable<string>;
  issue_date: Immutable<string>;
  due_date: Immutable<string>;
  currency: Immutable<string>;
  fx_rate: Immutable<string>;
  subtotal_minor: Immutable<bigint>;
  tax_minor: Immutable<bigint>;
  total_minor: Immutable<bigint>;
  base_total_minor: Immutable<bigint>;
  po_number: Immutable<string | null>;
  salesperson: Immutable<string | null>;
  description: Immutable<string | null>;
  lines: ColumnType<unknown, string, never>;
  source: Immutable<string>;
  created_at: Timestamp;
};

export type CreditNotesTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  number: Immutable<string>;
  customer_id: Immutable<string>;
  note_date: Immutable<string>;
  currency: Immutable<string>;
  fx_rate: Immutable<string>;
  subtotal_minor: Immutable<bigint>;
  tax_minor: Immutable<bigint>;
  total_minor: Immutable<bigint>;
  base_total_minor: Immutable<bigint>;
  invoice_id: Immutable<string | null>;
  reason: Immutable<string | null>;
  created_at: Timestamp;
};

export type ReceiptsTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  number: Immutable<string>;
  customer_id: Immutable<string>;
  receipt_date: Immutable<string>;
  currency: Immutable<string>;
  fx_rate: Immutable<string>;
  amount_minor: Immutable<bigint>;
  base_amount_minor: Immutable<bigint>;
  reference: Immutable<string | null>;
  method: Immutable<string>;
  memo: Immutable<string | null>;
  created_at: Timestamp;
};

export type AllocationsTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  receipt_id: Immutable<string | null>;
  credit_note_id: Immutable<string | null>;
  invoice_id: Immutable<string>;
  customer_id: Immutable<string>;
  currency: Immutable<string>;
  amount_minor: Immutable<bigint>;
  allocation_date: Immutable<string>;
  created_at: Timestamp;
};

export type WriteOffsTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  invoice_id: Immutable<string>;
  customer_id: Immutable<string>;
  currency: Immutable<string>;
  amount_minor: Immutable<bigint>;
  write_off_date: Immutable<string>;
  kind: Immutable<string>;
  account_code: Immutable<string>;
  reason: Immutable<string | null>;
  created_at: Timestamp;
};

export type RefundsTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  receipt_id: Immutable<string>;
  customer_id: Immutable<string>;
  currency: Immutable<string>;
  amount_minor: Immutable<bigint>;
  refund_date: Immutable<string>;
  reference: Immutable<string | null>;
  created_at: Timestamp;
};

export type ReversalsTable = {
  org_id: Immutable<string>;
  id: Immutable<string>;
  target_type: Immutable<string>;
  target_id: Immutable<string>;
  reversal_date: Immutable<string>;
  reason: Immutable<string | null>;
  created_at: Timestamp;
};

export type DisputesTable = {
  org_id: string;
  id: string;
  invoice_id: string;
  customer_id: string;
  opened_on: string;
  reason: string;
  resolved_on: string | null;
  resolution: string | null;
  created_at: Timestamp;
};

export type JournalPostingsTable = {
  org_id: Immutable<string>;
  entry_id: Immutable<string>;
  line_no: Immutable<number>;
  entry_date: Immutable<string>;
  entry_kind: Immutable<string>;
  customer_id: Immutable<string | null>;
  debit_account: Immutable<string>;
  credit_account: Immutable<string>;
  currency: Immutable<string>;
  amount_minor: Immutable<bigint>;
  base_amount_minor: Immutable<bigint>;
  reverses_entry_id: Immutable<string | null>;
  created_at: Timestamp;
};

export type CoreTables = {
  orgs: OrgsTable;
  ledger_accounts: LedgerAccountsTable;
  exchange_rates: ExchangeRatesTable;
  number_sequences: NumberSequencesTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  invoices: InvoicesTable;
  credit_notes: CreditNotesTable;
  receipts: ReceiptsTable;
  allocations: AllocationsTable;
  write_offs: WriteOffsTable;
  refunds: RefundsTable;
  reversals: ReversalsTable;
  disputes: DisputesTable;
  journal_postings: JournalPostingsTable;
};

export type DB = CoreTables & AuthTables & KeysTables & AuditTables;
