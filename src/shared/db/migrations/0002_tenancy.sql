-- Tenant isolation by row-level security. The application works as the role settle_app, which
-- owns nothing and so is subject to every policy; the org it acts for is the session setting
-- settle.org_id, set whenever a connection is taken for an org (src/shared/db/scope.ts). A query
-- that forgets its org filter still sees only that org's rows; with no org set it sees none.
-- The migrating role (table owner or superuser) bypasses the policies: it is the "system" side
-- (migrations, creating orgs, signing in before the org is known, key rotation, audit verify).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'settle_app') then
    create role settle_app nologin;
  end if;
  -- A non-superuser owner must be a member to switch to the role.
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant settle_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to settle_app;
grant select, insert, update, delete on all tables in schema public to settle_app;
grant usage, select on all sequences in schema public to settle_app;
alter default privileges in schema public grant select, insert, update, delete on tables to settle_app;
alter default privileges in schema public grant usage, select on sequences to settle_app;
revoke all on settle_migrations from settle_app;

create function settle_current_org() returns uuid language sql stable as $$
  select nullif(current_setting('settle.org_id', true), '')::uuid
$$;

-- For a collector in an org that limits collectors to their own customers: the salesperson name
-- the session is limited to, or null when it sees every customer of the org.
create function settle_current_salesperson() returns text language sql stable as $$
  select nullif(current_setting('settle.salesperson', true), '')
$$;

-- Every org-owned table calls this in the migration that creates it.
create function settle_enable_tenancy(t regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', t);
  execute format(
    'create policy tenant_isolation on %s using (org_id = settle_current_org()) with check (org_id = settle_current_org())',
    t);
end
$$;

-- A restrictive policy, on top of tenant isolation, for tables whose rows belong to one customer.
create function settle_enable_customer_scope(t regclass, customer_column text) returns void language plpgsql as $$
begin
  execute format(
    'create policy customer_scope on %s as restrictive using (settle_current_salesperson() is null or %I in (select c.id from customers c where c.salesperson = settle_current_salesperson()))',
    t, customer_column);
end
$$;

select settle_enable_tenancy(t::regclass)
from unnest(array[
  'orgs', 'ledger_accounts', 'exchange_rates', 'number_sequences', 'customers', 'customer_contacts',
  'invoices', 'credit_notes', 'receipts', 'allocations', 'write_offs', 'refunds', 'reversals',
  'disputes', 'journal_postings'
]) as t;

create policy customer_scope on customers as restrictive
  using (settle_current_salesperson() is null or salesperson = settle_current_salesperson());
select settle_enable_customer_scope(t::regclass, 'customer_id')
from unnest(array[
  'customer_contacts', 'invoices', 'credit_notes', 'receipts', 'allocations', 'write_offs', 'refunds',
  'disputes', 'journal_postings'
]) as t;
