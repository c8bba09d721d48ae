-- Settle core schema. Every table carries org_id and every key starts with it, so a tenant's rows
-- live together and the schema can be distributed by org_id (Citus) unchanged.

create table orgs (
  org_id uuid primary key,
  slug text not null unique,
  name text not null,
  base_currency char(3) not null,
  time_zone text not null default 'Asia/Shanghai',
  locale text not null default 'zh-CN',
  created_at timestamptz not null default now()
);

create table ledger_accounts (
  org_id uuid not null references orgs (org_id),
  code text not null,
  name text not null,
  name_zh text not null,
  kind text not null check (kind in ('asset', 'liability', 'equity', 'revenue', 'expense')),
  primary key (org_id, code)
);

create table exchange_rates (
  org_id uuid not null references orgs (org_id),
  currency char(3) not null,
  rate_date date not null,
  -- units of the org's base currency per one unit of `currency`
  rate numeric(24, 10) not null check (rate > 0),
  primary key (org_id, currency, rate_date)
);

create table number_sequences (
  org_id uuid not null references orgs (org_id),
  kind text not null,
  next_value bigint not null default 1,
  primary key (org_id, kind)
);

create table customers (
  org_id uuid not null references orgs (org_id),
  id uuid not null,
  code text not null,
  name text not null,
  legal_name text,
  tax_id text,
  country char(2),
  currency char(3) not null,
  payment_terms_days integer not null default 30 check (payment_terms_days between 0 and 3650),
  credit_limit_minor bigint check (credit_limit_minor >= 0),
  salesperson text,
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, code)
);

create table customer_contacts (
  org_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  name text,
  email text,
  phone text,
  preferred_channel text check (preferred_channel in ('email', 'phone', 'sms', 'wechat', 'letter')),
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index customer_contacts_customer on customer_contacts (org_id, customer_id);

create table invoices (
  org_id uuid not null,
  id uuid not null,
  number text not null,
  customer_id uuid not null,
  issue_date date not null,
  due_date date not null,
  currency char(3) not null,
  fx_rate numeric(24, 10) not null default 1 check (fx_rate > 0),
  subtotal_minor bigint not null,
  tax_minor bigint not null check (tax_minor >= 0),
  total_minor bigint not null check (total_minor > 0),
  base_total_minor bigint not null,
  po_number text,
  salesperson text,
  description text,
  lines jsonb not null default '[]',
  source text not null default 'api',
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, customer_id) references customers (org_id, id),
  check (due_date >= issue_date),
  check (subtotal_minor + tax_minor = total_minor)
);
create index invoices_customer on invoices (org_id, customer_id, issue_date);

create table credit_notes (
  org_id uuid not null,
  id uuid not null,
  number text not null,
  customer_id uuid not null,
  note_date date not null,
  currency char(3) not null,
  fx_rate numeric(24, 10) not null default 1 check (fx_rate > 0),
  subtotal_minor bigint not null,
  tax_minor bigint not null check (tax_minor >= 0),
  total_minor bigint not null check (total_minor > 0),
  base_total_minor bigint not null,
  invoice_id uuid,
  reason text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, customer_id) references customers (org_id, id),
  foreign key (org_id, invoice_id) references invoices (org_id, id),
  check (subtotal_minor + tax_minor = total_minor)
);
create index credit_notes_customer on credit_notes (org_id, customer_id, note_date);

create table receipts (
  org_id uuid not null,
  id uuid not null,
  number text not null,
  customer_id uuid not null,
  receipt_date date not null,
  currency char(3) not null,
  fx_rate numeric(24, 10) not null default 1 check (fx_rate > 0),
  amount_minor bigint not null check (amount_minor > 0),
  base_amount_minor bigint not null,
  reference text,
  method text not null default 'bank_transfer',
  memo text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, customer_id) references customers (org_id, id)
);
create index receipts_customer on receipts (org_id, customer_id, receipt_date);

-- An application of a receipt or a credit note to an invoice. Never edited: undone by a reversal.
create table allocations (
  org_id uuid not null,
  id uuid not null,
  receipt_id uuid,
  credit_note_id uuid,
  invoice_id uuid not null,
  customer_id uuid not null,
  currency char(3) not null,
  amount_minor bigint not null check (amount_minor > 0),
  allocation_date date not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, receipt_id) references receipts (org_id, id),
  foreign key (org_id, credit_note_id) references credit_notes (org_id, id),
  foreign key (org_id, invoice_id) references invoices (org_id, id),
  check ((receipt_id is null) <> (credit_note_id is null))
);
create index allocations_invoice on allocations (org_id, invoice_id);
create index allocations_receipt on allocations (org_id, receipt_id) where receipt_id is not null;
create index allocations_credit_note on allocations (org_id, credit_note_id) where credit_note_id is not null;

create table write_offs (
  org_id uuid not null,
  id uuid not null,
  invoice_id uuid not null,
  customer_id uuid not null,
  currency char(3) not null,
  amount_minor bigint not null check (amount_minor > 0),
  write_off_date date not null,
  kind text not null check (kind in ('bad_debt', 'small_difference')),
  account_code text not null,
  reason text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, invoice_id) references invoices (org_id, id)
);
create index write_offs_invoice on write_offs (org_id, invoice_id);

-- Money paid back out of a receipt's unapplied amount.
create table refunds (
  org_id uuid not null,
  id uuid not null,
  receipt_id uuid not null,
  customer_id uuid not null,
  currency char(3) not null,
  amount_minor bigint not null check (amount_minor > 0),
  refund_date date not null,
  reference text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, receipt_id) references receipts (org_id, id)
);
create index refunds_receipt on refunds (org_id, receipt_id);

-- A reversal undoes one document as of its date; the original stays in force before that date.
create table reversals (
  org_id uuid not null,
  id uuid not null,
  target_type text not null check (target_type in ('invoice', 'credit_note', 'receipt', 'allocation', 'write_off', 'refund')),
  target_id uuid not null,
  reversal_date date not null,
  reason text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, target_type, target_id)
);

create table disputes (
  org_id uuid not null,
  id uuid not null,
  invoice_id uuid not null,
  customer_id uuid not null,
  opened_on date not null,
  reason text not null,
  resolved_on date,
  resolution text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, invoice_id) references invoices (org_id, id)
);
create index disputes_invoice on disputes (org_id, invoice_id);

-- The journal. Each row moves one amount from a credit account to a debit account, so every
-- posting and every entry balances by construction (the TigerBeetle model). An entry is the set of
-- postings sharing entry_id, which is the id of the document that posted it. Amounts are in the
-- document currency and in the org's base currency; an FX difference is a posting with amount 0.
create table journal_postings (
  org_id uuid not null,
  entry_id uuid not null,
  line_no smallint not null,
  entry_date date not null,
  entry_kind text not null check (entry_kind in ('invoice', 'credit_note', 'receipt', 'allocation', 'write_off', 'refund', 'reversal')),
  customer_id uuid,
  debit_account text not null,
  credit_account text not null,
  currency char(3) not null,
  amount_minor bigint not null check (amount_minor >= 0),
  base_amount_minor bigint not null check (base_amount_minor >= 0),
  reverses_entry_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, entry_id, line_no),
  check (debit_account <> credit_account),
  check (amount_minor > 0 or base_amount_minor > 0)
);
create index journal_postings_customer on journal_postings (org_id, customer_id, entry_date);

-- Facts are append-only: the database itself refuses to change or delete them.
create function settle_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are immutable: post a reversal instead', tg_table_name
    using errcode = 'P0001';
end
$$;

create trigger invoices_immutable before update or delete on invoices
  for each row execute function settle_forbid_change();
create trigger credit_notes_immutable before update or delete on credit_notes
  for each row execute function settle_forbid_change();
create trigger receipts_immutable before update or delete on receipts
  for each row execute function settle_forbid_change();
create trigger allocations_immutable before update or delete on allocations
  for each row execute function settle_forbid_change();
create trigger write_offs_immutable before update or delete on write_offs
  for each row execute function settle_forbid_change();
create trigger refunds_immutable before update or delete on refunds
  for each row execute function settle_forbid_change();
create trigger reversals_immutable before update or delete on reversals
  for each row execute function settle_forbid_change();
create trigger journal_postings_immutable before update or delete on journal_postings
  for each row execute function settle_forbid_change();
