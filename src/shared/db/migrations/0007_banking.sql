-- Bank accounts and imported bank statements (statement to cash). A statement file is imported in
-- one transaction; each transaction line carries a content-based de-duplication key, unique per
-- bank account, so importing the same file again or an overlapping period adds nothing.

-- The IBAN and account number are stored encrypted (*_enc) with a blind index (*_bidx) to find the
-- account a statement names; see src/modules/keys/encrypted-fields.ts.
create table bank_accounts (
  org_id uuid not null references orgs (org_id),
  id uuid not null,
  name text not null,
  currency char(3) not null,
  -- The ledger account receipts through this bank account are posted to (1002 Bank deposits).
  gl_account_code text not null default '1002',
  iban_enc bytea,
  iban_bidx bytea,
  account_number_enc bytea,
  account_number_bidx bytea,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name),
  foreign key (org_id, gl_account_code) references ledger_accounts (org_id, code)
);
create unique index bank_accounts_iban_bidx on bank_accounts (org_id, iban_bidx) where iban_bidx is not null;
create unique index bank_accounts_number_bidx on bank_accounts (org_id, account_number_bidx)
  where account_number_bidx is not null;

-- One row per statement of an imported file (a file may hold several accounts or days).
create table bank_statements (
  org_id uuid not null,
  id uuid not null,
  bank_account_id uuid not null,
  file_name text not null,
  file_sha256 text not null,
  -- The statement's position in its file: with the file's hash, what makes a re-import a no-op.
  file_index integer not null,
  format text not null,
  statement_id text,
  currency char(3),
  opening_balance_minor bigint,
  opening_date date,
  closing_balance_minor bigint,
  closing_date date,
  transaction_count integer not null,
  imported_at timestamptz not null default now(),
  imported_by text not null,
  primary key (org_id, id),
  unique (org_id, bank_account_id, file_sha256, file_index),
  foreign key (org_id, bank_account_id) references bank_accounts (org_id, id)
);
create index bank_statements_account on bank_statements (org_id, bank_account_id, imported_at);

create table bank_transactions (
  org_id uuid not null,
  id uuid not null,
  bank_account_id uuid not null,
  statement_id uuid not null,
  dedupe_key text not null,
  booking_date date not null,
  value_date date,
  amount_minor bigint not null,
  currency char(3) not null,
  counterparty_name text,
  counterparty_account text,
  remittance text,
  bank_reference text,
  end_to_end_id text,
  type_code text,
  location text,
  -- Money out is stored too, but never matched to invoices: it is 'ignored' from the start.
  status text not null default 'unmatched' check (status in ('unmatched', 'suggested', 'matched', 'ignored')),
  receipt_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, bank_account_id, dedupe_key),
  foreign key (org_id, bank_account_id) references bank_accounts (org_id, id),
  foreign key (org_id, statement_id) references bank_statements (org_id, id)
);
-- The review queue: an org's lines by status, oldest booking first.
create index bank_transactions_queue on bank_transactions (org_id, status, booking_date, id);
create index bank_transactions_account on bank_transactions (org_id, bank_account_id, booking_date, id);

select settle_enable_tenancy('bank_accounts');
select settle_enable_tenancy('bank_statements');
select settle_enable_tenancy('bank_transactions');

-- The trail keeps ciphertexts out (a change of one is still recorded, without values). A statement
-- import is one bank_statements row per statement (with the file's hash) and one entry per
-- imported line; a line's later status changes (matched, ignored) are recorded as they happen.
do $$
begin
  if to_regprocedure('settle_audit_attach(regclass, text[], text[])') is not null then
    perform settle_audit_attach('bank_accounts'::regclass,
      array['iban_enc', 'iban_bidx', 'account_number_enc', 'account_number_bidx']);
    perform settle_audit_attach('bank_statements'::regclass);
    perform settle_audit_attach('bank_transactions'::regclass);
  end if;
end
$$;

-- Live updates (0006): open screens refresh when an import or a match changes these tables.
do $$
declare
  t text;
begin
  if to_regprocedure('settle_notify_change()') is not null then
    foreach t in array array['bank_accounts', 'bank_statements', 'bank_transactions'] loop
      execute format(
        'create trigger settle_live_change after insert or update or delete on %I '
        'for each statement execute function settle_notify_change()', t);
    end loop;
  end if;
end
$$;
