-- Encryption keys per org (AES-256-GCM envelope). Each key is wrapped under a master key that is
-- never stored here (SETTLE_MASTER_KEY or the key file); master_key_id names it (sha256 prefix).
-- Data keys get a new version at each rotation; retired versions stay so any ciphertext opens.
-- The index key (blind indexes) is not changed by a data-key rotation, so indexes stay valid.
create table org_keys (
  org_id uuid not null references orgs (org_id),
  purpose text not null check (purpose in ('data', 'index')),
  version integer not null check (version > 0),
  wrapped_key bytea not null,
  master_key_id text not null,
  status text not null check (status in ('active', 'retired')),
  created_at timestamptz not null default now(),
  primary key (org_id, purpose, version)
);
create unique index org_keys_one_active on org_keys (org_id, purpose) where status = 'active';
select settle_enable_tenancy('org_keys');
-- The app creates an org's first keys; only the system side (rotation) changes or removes them.
revoke update, delete on org_keys from settle_app;


-- Sensitive customer fields are stored encrypted (*_enc: format, key version, IV, tag, ciphertext)
-- with a keyed hash (*_bidx) where lookup is needed. The plaintext columns are kept only as
-- legacy_*, so the values of a database made before this migration can be encrypted by the app
-- (encryptLegacyFields, at startup and in `settle keys rotate`) and then nulled; new code never
-- writes them.
alter table customers rename column tax_id to legacy_tax_id;
alter table customers add column tax_id_enc bytea, add column tax_id_bidx bytea;
create index customers_tax_id_bidx on customers (org_id, tax_id_bidx) where tax_id_bidx is not null;

alter table customer_contacts rename column email to legacy_email;
alter table customer_contacts rename column phone to legacy_phone;
alter table customer_contacts
  add column email_enc bytea, add column email_bidx bytea,
  add column phone_enc bytea, add column phone_bidx bytea;
create index customer_contacts_email_bidx on customer_contacts (org_id, email_bidx) where email_bidx is not null;

-- The audit trail (0003) keeps encrypted columns out: it must hold no plaintext (the legacy
-- columns), and a key rotation, which changes only ciphertexts, is one 'keys.rotated' event rather
-- than a row per re-encrypted value. A change of a tax id is still recorded (updated_at changes).
do $$
begin
  if to_regprocedure('settle_audit_attach(regclass, text[], text[])') is not null then
    perform settle_audit_attach('org_keys'::regclass, array['wrapped_key']);
    -- Ciphertexts stay out of the trail, but a change of one is recorded (without values): a
    -- contact's email can change alone. A key rotation therefore leaves one entry per row it
    -- re-encrypts, which is what happened.
    perform settle_audit_attach('customers'::regclass, array['legacy_tax_id', 'tax_id_enc', 'tax_id_bidx']);
    perform settle_audit_attach('customer_contacts'::regclass,
      array['legacy_email', 'legacy_phone', 'email_enc', 'email_bidx', 'phone_enc', 'phone_bidx']);
  end if;
end
$$;
