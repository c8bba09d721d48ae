-- Users, roles, sessions, API tokens, MFA and sign-in throttling. Secrets are never stored in the
-- clear: passwords as argon2id hashes, session and API tokens and recovery codes as sha256 of
-- high-entropy random values, the TOTP secret encrypted under the org's data key.

create table users (
  org_id uuid not null references orgs (org_id),
  id uuid not null,
  email text not null check (email = lower(email) and email like '%_@_%'),
  display_name text not null,
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  -- The customers.salesperson value this user answers to (collector scoping).
  salesperson text,
  -- null: the org's locale.
  locale text,
  failed_login_count integer not null default 0 check (failed_login_count >= 0),
  locked_until timestamptz,
  -- A secret without mfa_enabled is an enrolment awaiting its first code.
  mfa_enabled boolean not null default false,
  mfa_secret_enc bytea,
  -- The last TOTP time step accepted: a code is good once, never again in its window.
  totp_last_step bigint,
  password_changed_at timestamptz not null default now(),
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, email),
  check (not mfa_enabled or mfa_secret_enc is not null)
);
-- Signing in without naming the org looks the email up across orgs.
create index users_email on users (email);

-- Custom roles only: the built-in ones live in code (src/modules/auth/permissions.ts).
create table roles (
  org_id uuid not null references orgs (org_id),
  key text not null check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  permissions text[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (org_id, key)
);

-- role_key names a built-in role or a row of roles; built-ins have no row to reference.
create table user_roles (
  org_id uuid not null,
  user_id uuid not null,
  role_key text not null,
  primary key (org_id, user_id, role_key),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index user_roles_role on user_roles (org_id, role_key);

create table recovery_codes (
  org_id uuid not null,
  user_id uuid not null,
  code_hash bytea not null,
  used_at timestamptz,
  primary key (org_id, user_id, code_hash),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);

create table sessions (
  org_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Slides with use (idle timeout) but never past created_at + the absolute lifetime.
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index sessions_user on sessions (org_id, user_id);

create table api_tokens (
  org_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  name text not null,
  token_hash bytea not null unique,
  -- The first characters of the token, enough to recognise it in a list.
  prefix text not null,
  -- What the token may do: its effective permissions are these and the user's, intersected.
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index api_tokens_user on api_tokens (org_id, user_id);

create table org_security_settings (
  org_id uuid primary key references orgs (org_id),
  mfa_required_roles text[] not null default '{}',
  collectors_own_customers_only boolean not null default false,
  password_min_length integer not null default 12 check (password_min_length between 12 and 128),
  updated_at timestamptz not null default now()
);

select settle_enable_tenancy(t::regclass)
from unnest(array[
  'users', 'roles', 'user_roles', 'recovery_codes', 'sessions', 'api_tokens', 'org_security_settings'
]) as t;

-- Failed sign-ins per client address. The deliberate exception to "every table has org_id": an
-- address is throttled across all orgs, and it is counted before any org is known. No row-level
-- security; only the sign-in path (system side) uses it.
create table auth_ip_throttle (
  ip text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null,
  blocked_until timestamptz
);
grant select, insert, update, delete on auth_ip_throttle to settle_app;

-- The audit trail (0003) records every change to these tables, secrets left out. So is sign-in
-- bookkeeping (failure counts, last sign-in, last TOTP step, token last use): it changes on every
-- sign-in or API call, and sign-ins are recorded as explicit events (auth.login, auth.login_failed,
-- auth.locked) instead; an update that touches only those columns leaves no entry. Sessions,
-- recovery codes and throttle counters are not recorded at all.
do $$
begin
  if to_regprocedure('settle_audit_attach(regclass, text[], text[])') is not null then
    perform settle_audit_attach('users'::regclass, array['password_hash', 'mfa_secret_enc'],
      array['failed_login_count', 'last_login_at', 'totp_last_step']);
    perform settle_audit_attach('roles'::regclass, array[]::text[]);
    perform settle_audit_attach('user_roles'::regclass, array[]::text[]);
    perform settle_audit_attach('api_tokens'::regclass, array['token_hash'], array['last_used_at']);
    perform settle_audit_attach('org_security_settings'::regclass, array[]::text[]);
  end if;
end
$$;
