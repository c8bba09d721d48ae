-- Live updates: after a statement changes an org's rows, tell listeners which table changed, so
-- open screens refresh without a reload. pg_notify is transactional (delivered at commit, dropped
-- on rollback) and folds identical payloads of one transaction into one, so a bulk import costs one
-- notification per table. The payload names the org and table only: listeners refetch through the
-- API, under their own permissions.
create function settle_notify_change() returns trigger language plpgsql as $$
declare
  org text := nullif(current_setting('settle.org_id', true), '');
begin
  if org is not null then
    perform pg_notify('settle_changes', json_build_object('org', org, 'table', tg_table_name)::text);
  end if;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['customers', 'customer_contacts', 'invoices', 'credit_notes', 'receipts',
    'allocations', 'write_offs', 'refunds', 'reversals', 'disputes', 'journal_postings', 'users',
    'roles', 'user_roles', 'orgs', 'org_security_settings']
  loop
    execute format(
      'create trigger settle_live_change after insert or update or delete on %I '
      'for each statement execute function settle_notify_change()', t);
  end loop;
end
$$;
