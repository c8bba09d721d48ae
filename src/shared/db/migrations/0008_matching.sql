-- Matching bank lines to invoices: what the org has learned of its payers, the proposals waiting
-- for review, and the history of every match (auto or by a user), so a match can be undone.

-- A payer's bank account or name, confirmed by a user's manual match: the next line from it is
-- recognised without fuzzy search. `value` is normalised (account: no spaces, upper case; name:
-- the engine's normal form); `shown` is how it first appeared.
create table payer_aliases (
  org_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  kind text not null check (kind in ('account', 'name')),
  value text not null,
  shown text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (org_id, id),
  unique (org_id, kind, value),
  foreign key (org_id, customer_id) references customers (org_id, id)
);

-- The engine's proposal for a line below the auto threshold (one per line, replaced on re-run).
create table bank_match_suggestions (
  org_id uuid not null,
  bank_transaction_id uuid not null,
  customer_id uuid,
  confidence numeric(5, 4) not null,
  proposal jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, bank_transaction_id),
  foreign key (org_id, bank_transaction_id) references bank_transactions (org_id, id)
);

-- Every match applied: the receipt it made, the small difference written off, who decided, why.
-- Undoing reverses the receipt (and write-off) and stamps undone_at; the row stays as history.
create table bank_matches (
  org_id uuid not null,
  id uuid not null,
  bank_transaction_id uuid not null,
  receipt_id uuid not null,
  write_off_ids uuid[] not null default '{}',
  decided_by text not null,
  is_auto boolean not null,
  confidence numeric(5, 4) not null,
  reasons jsonb not null,
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by text,
  primary key (org_id, id),
  foreign key (org_id, bank_transaction_id) references bank_transactions (org_id, id)
);
create index bank_matches_line on bank_matches (org_id, bank_transaction_id);

select settle_enable_tenancy('payer_aliases');
select settle_enable_tenancy('bank_match_suggestions');
select settle_enable_tenancy('bank_matches');

do $$
declare
  t text;
begin
  if to_regprocedure('settle_audit_attach(regclass, text[], text[])') is not null then
    perform settle_audit_attach('payer_aliases'::regclass);
    perform settle_audit_attach('bank_matches'::regclass);
  end if;
  if to_regprocedure('settle_notify_change()') is not null then
    foreach t in array array['payer_aliases', 'bank_match_suggestions', 'bank_matches'] loop
      execute format(
        'create trigger settle_live_change after insert or update or delete on %I '
        'for each statement execute function settle_notify_change()', t);
    end loop;
  end if;
end
$$;
