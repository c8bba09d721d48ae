-- The audit trail: every change to an org's data, and the security events that are not row changes
-- (failed sign-ins, permission denials, exports, key rotations), appended in the same transaction
-- as the change to a hash chain per org. Each row's hash covers the previous row's hash and the
-- row's own content, so changing, removing or reordering a row breaks the chain from there on;
-- `settle audit verify` recomputes it independently (src/modules/audit/verify-audit-chain.ts).
--
-- The canonical text a hash covers (settle_audit_canonical) is part of the format: the verifier
-- rebuilds it byte for byte. Change it only together with a new version prefix.

create table audit_log (
  org_id uuid not null,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor text,
  ip text,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  prev_hash bytea not null,
  hash bytea not null,
  -- No foreign key to orgs: the log must outlive anything it describes.
  primary key (org_id, seq)
);
create index audit_log_entity on audit_log (org_id, entity, entity_id);
create index audit_log_occurred on audit_log (org_id, occurred_at);

-- The end of each org's chain. Appends lock this row, which serialises them per org.
create table audit_heads (
  org_id uuid primary key,
  last_seq bigint not null,
  last_hash bytea not null
);

select settle_enable_tenancy('audit_log');
select settle_enable_tenancy('audit_heads');

-- Only the functions below (SECURITY DEFINER, run as the owner) write the trail: the application
-- role reads its own org's rows and nothing more.
revoke insert, update, delete, truncate on audit_log from settle_app;
revoke insert, update, delete, truncate on audit_heads from settle_app;

create function settle_forbid_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only' using errcode = 'P0001';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function settle_forbid_audit_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function settle_forbid_audit_change();

-- One field of the canonical text: N; for null, else S<utf-8 byte length>:<text>; (unambiguous).
create function settle_audit_field(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then 'N;' else 'S' || octet_length(v)::text || ':' || v || ';' end
$$;

create function settle_audit_canonical(
  p_org uuid, p_seq bigint, p_micros bigint, p_actor text, p_ip text, p_action text, p_entity text,
  p_entity_id text, p_before jsonb, p_after jsonb
) returns text language sql immutable parallel safe as $$
  select 'v1;' || settle_audit_field(p_org::text) || settle_audit_field(p_seq::text)
    || settle_audit_field(p_micros::text) || settle_audit_field(p_actor) || settle_audit_field(p_ip)
    || settle_audit_field(p_action) || settle_audit_field(p_entity) || settle_audit_field(p_entity_id)
    || settle_audit_field(p_before::text) || settle_audit_field(p_after::text)
$$;

create function settle_audit_micros(t timestamptz) returns bigint language sql immutable parallel safe as $$
  select (extract(epoch from t) * 1000000)::bigint
$$;

-- The functions that run as the owner (SECURITY DEFINER) fix their search_path with the temporary
-- schema last, so no session can slip a temporary table of its own under their writes.

-- Locks the org's head (creating it at the genesis hash, 32 zero bytes) and returns it.
create function settle_audit_lock_head(p_org uuid, out last_seq bigint, out last_hash bytea)
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
  insert into audit_heads (org_id, last_seq, last_hash)
  values (p_org, 0, decode(repeat('00', 32), 'hex'))
  on conflict (org_id) do nothing;
  select h.last_seq, h.last_hash into last_seq, last_hash
  from audit_heads h where h.org_id = p_org for update;
end
$$;
revoke execute on function settle_audit_lock_head(uuid) from public;

-- An event that is not a row change. The application role may append only for the org its session
-- is confined to; the system side (owner, superuser) for any org, e.g. a failed sign-in.
create function settle_audit_append(
  p_org uuid, p_action text, p_entity text, p_entity_id text, p_before jsonb, p_after jsonb,
  p_actor text default null, p_ip text default null
) returns bigint language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
declare
  v_invoker name := coalesce(nullif(current_setting('role'), 'none'), session_user);
  v_head record;
  v_seq bigint;
  v_hash bytea;
  v_at timestamptz;
  v_actor text := coalesce(p_actor, nullif(current_setting('settle.actor', true), ''));
  v_ip text := coalesce(p_ip, nullif(current_setting('settle.ip', true), ''));
begin
  if p_org is null then
    raise exception 'audit event without an org' using errcode = '22004';
  end if;
  if p_org is distinct from settle_current_org() and not exists (
    select 1 from pg_roles r
    where r.rolname = v_invoker
      and (r.rolsuper or r.rolbypassrls
        or pg_has_role(r.oid, (select relowner from pg_class where oid = 'audit_log'::regclass), 'member'))
  ) then
    raise exception 'audit events may be appended only for the session''s own org' using errcode = '42501';
  end if;
  select * into v_head from settle_audit_lock_head(p_org);
  v_at := clock_timestamp();
  v_seq := v_head.last_seq + 1;
  insert into audit_log (org_id, seq, occurred_at, actor, ip, action, entity, entity_id, before, after, prev_hash, hash)
  select p_org, v_seq, v_at, v_actor, v_ip, p_action, p_entity, p_entity_id, p_before, p_after, v_head.last_hash,
    sha256(v_head.last_hash || convert_to(settle_audit_canonical(
      p_org, v_seq, settle_audit_micros(v_at), v_actor, v_ip, p_action, p_entity, p_entity_id, p_before, p_after
    ), 'UTF8'))
  returning hash into v_hash;
  update audit_heads set last_seq = v_seq, last_hash = v_hash where org_id = p_org;
  return v_seq;
end
$$;

-- Writes one batch of chained rows (the trigger below fills the arrays).
create function settle_audit_write_batch(
  p_org uuid, p_first bigint, p_at timestamptz, p_actor text, p_ip text, p_action text, p_entity text,
  p_ids text[], p_before jsonb[], p_after jsonb[], p_prev bytea[], p_hash bytea[]
) returns void language sql security definer set search_path = pg_catalog, public, pg_temp as $$
  insert into audit_log (org_id, seq, occurred_at, actor, ip, action, entity, entity_id, before, after, prev_hash, hash)
  select p_org, p_first + u.i - 1, p_at, p_actor, p_ip, p_action, p_entity, u.id, u.b, u.a, u.p, u.h
  from unnest(p_ids, p_before, p_after, p_prev, p_hash) with ordinality as u(id, b, a, p, h, i)
$$;
revoke execute on function settle_audit_write_batch(
  uuid, bigint, timestamptz, text, text, text, text, text[], jsonb[], jsonb[], bytea[], bytea[]
) from public;

-- The statement-level trigger: one call per INSERT, UPDATE or DELETE statement, whatever its size
-- (imports write up to a million rows with one INSERT ... SELECT). Rows are chained in a tight loop
-- and written 5,000 at a time, so a bulk statement costs one hash per row, not one INSERT per row.
-- Arguments: the redacted keys and the primary key columns (org_id first), as text[] literals.
-- The org of every row comes from the row itself, which row-level security has already checked.
-- The transition tables are visible only in this function, so the loop lives here.
create function settle_audit_capture() returns trigger
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
declare
  v_redact text[] := tg_argv[0]::text[];
  v_keys text[] := tg_argv[1]::text[];
  v_ignore text[] := case when tg_nargs > 2 then tg_argv[2]::text[] else '{}'::text[] end;
  v_rest text[] := case when cardinality(v_keys) > 1 then v_keys[2:] else v_keys end;
  v_action text := lower(tg_op);
  v_source text := case when tg_op = 'DELETE' then 'audit_old' else 'audit_new' end;
  v_actor text := nullif(current_setting('settle.actor', true), '');
  v_ip text := nullif(current_setting('settle.ip', true), '');
  v_at timestamptz;
  v_micros bigint;
  v_orgs uuid[];
  v_org uuid;
  v_query text;
  v_head record;
  v_seq bigint;
  v_first bigint;
  v_hash bytea;
  n integer;
  r record;
  a_ids text[];
  a_before jsonb[];
  a_after jsonb[];
  a_prev bytea[];
  a_hash bytea[];
begin
  execute format('select array_agg(o) from (select distinct org_id as o from %I) d', v_source) into v_orgs;
  if v_orgs is null then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    -- Old and new rows pair up by primary key; a row whose key changed shows as two half-pairs.
    -- A row the statement left as it was, or changed only in ignored columns (bookkeeping such as
    -- a last-sign-in time), is not recorded; a change of a redacted secret is, without its values.
    v_query := format(
      'select x.entity_id, x.b - $1 - $3 as before, x.a - $1 - $3 as after from ('
      || 'select coalesce(%s, %s) as entity_id, coalesce(n.org_id, o.org_id) as org_id, '
      || 'to_jsonb(o) as b, to_jsonb(n) as a from audit_old o full join audit_new n on %s) x '
      || 'where x.org_id = $2 and (x.b - $3) is distinct from (x.a - $3)',
      (select string_agg(format('n.%I::text', k), ' || ''/'' || ') from unnest(v_rest) k),
      (select string_agg(format('o.%I::text', k), ' || ''/'' || ') from unnest(v_rest) k),
      (select string_agg(format('o.%1$I = n.%1$I', k), ' and ') from unnest(v_keys) k));
  else
    v_query := format(
      'select %s as entity_id, %s as before, %s as after from %I t where t.org_id = $2',
      (select string_agg(format('t.%I::text', k), ' || ''/'' || ') from unnest(v_rest) k),
      case when tg_op = 'DELETE' then 'to_jsonb(t) - $1 - $3' else 'null::jsonb' end,
      case when tg_op = 'DELETE' then 'null::jsonb' else 'to_jsonb(t) - $1 - $3' end,
      v_source);
  end if;
  foreach v_org in array v_orgs loop
    select * into v_head from settle_audit_lock_head(v_org);
    -- Read the clock once the head is locked, so time never runs backwards along a chain.
    v_at := clock_timestamp();
    v_micros := settle_audit_micros(v_at);
    v_seq := v_head.last_seq;
    v_hash := v_head.last_hash;
    v_first := v_seq + 1;
    n := 0;
    a_ids := '{}'; a_before := '{}'; a_after := '{}'; a_prev := '{}'; a_hash := '{}';
    for r in execute v_query using v_redact, v_org, v_ignore loop
      v_seq := v_seq + 1;
      n := n + 1;
      a_prev[n] := v_hash;
      v_hash := sha256(v_hash || convert_to(settle_audit_canonical(
        v_org, v_seq, v_micros, v_actor, v_ip, v_action, tg_table_name, r.entity_id, r.before, r.after), 'UTF8'));
      a_ids[n] := r.entity_id;
      a_before[n] := r.before;
      a_after[n] := r.after;
      a_hash[n] := v_hash;
      if n = 5000 then
        perform settle_audit_write_batch(v_org, v_first, v_at, v_actor, v_ip, v_action, tg_table_name,
          a_ids, a_before, a_after, a_prev, a_hash);
        v_first := v_seq + 1;
        n := 0;
        a_ids := '{}'; a_before := '{}'; a_after := '{}'; a_prev := '{}'; a_hash := '{}';
      end if;
    end loop;
    if n > 0 then
      perform settle_audit_write_batch(v_org, v_first, v_at, v_actor, v_ip, v_action, tg_table_name,
        a_ids, a_before, a_after, a_prev, a_hash);
    end if;
    if v_seq > v_head.last_seq then
      update audit_heads set last_seq = v_seq, last_hash = v_hash where org_id = v_org;
    end if;
  end loop;
  return null;
end
$$;

-- Attaches the trail to a table whose primary key starts with org_id. `redact` names columns kept
-- out of the trail (secrets): the change is still recorded, without their values.
-- redact: columns kept out of the trail (secrets); a change to one is recorded, without values.
-- ignore: columns kept out whose change alone is not worth an entry (bookkeeping, re-encryption).
create function settle_audit_attach(t regclass, redact text[] default '{}', ignore text[] default '{}') returns void
language plpgsql as $$
declare
  v_keys text[];
  v_op text;
begin
  select array_agg(a.attname::text order by k.ord) into v_keys
  from pg_index i
  cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
  join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
  where i.indrelid = t and i.indisprimary;
  if v_keys is null or v_keys[1] <> 'org_id' then
    raise exception 'settle_audit_attach: the primary key of % must start with org_id', t;
  end if;
  foreach v_op in array array['insert', 'update', 'delete'] loop
    execute format(
      'create or replace trigger %I after %s on %s referencing %s table as %I for each statement '
      || 'execute function settle_audit_capture(%L, %L, %L)',
      'audit_' || v_op, v_op, t,
      case when v_op = 'delete' then 'old' when v_op = 'update' then 'old table as audit_old new' else 'new' end,
      case when v_op = 'delete' then 'audit_old' else 'audit_new' end,
      coalesce(redact, '{}')::text, v_keys::text, coalesce(ignore, '{}')::text);
  end loop;
end
$$;

revoke execute on function settle_audit_attach(regclass, text[], text[]) from public;

-- journal_postings are derived from the documents written in the same transaction (whose rows the
-- trail holds), and number_sequences are counters: neither is recorded.
select settle_audit_attach(t::regclass)
from unnest(array[
  'orgs', 'ledger_accounts', 'exchange_rates', 'customers', 'customer_contacts', 'invoices',
  'credit_notes', 'receipts', 'allocations', 'write_offs', 'refunds', 'reversals', 'disputes'
]) as t;
