import type { ColumnType, Generated } from 'kysely';

/** Row types of the auth tables (owned by the auth module; kept here so the one DB type can name them). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bytea: a Buffer from node-postgres, a Uint8Array from PGlite. */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;
type NullableBytes = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export type UsersTable = {
  org_id: string;
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  salesperson: string | null;
  locale: string | null;
  failed_login_count: Generated<number>;
  locked_until: NullableTimestamp;
  mfa_enabled: Generated<boolean>;
  mfa_secret_enc: NullableBytes;
  totp_last_step: ColumnType<bigint | null, bigint | null | undefined, bigint | null>;
  password_changed_at: Timestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
};

export type RolesTable = {
  org_id: string;
  key: string;
  name: string;
  permissions: string[];
  created_at: Timestamp;
};

export type UserRolesTable = { org_id: string; user_id: string; role_key: string };

export type RecoveryCodesTable = {
  org_id: string;
  user_id: string;
  code_hash: Bytes;
  used_at: NullableTimestamp;
};

export type SessionsTable = {
  org_id: string;
  id: string;
  user_id: string;
  token_hash: Bytes;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  revoked_at: NullableTimestamp;
};

export type ApiTokensTable = {
  org_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: Bytes;
  prefix: string;
  scopes: string[];
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
};

export type OrgSecuritySettingsTable = {
  org_id: string;
  mfa_required_roles: Generated<string[]>;
  collectors_own_customers_only: Generated<boolean>;
  password_min_length: Generated<number>;
  updated_at: Timestamp;
};

/** Per client address, across orgs: the one auth table without org_id (see 0004_auth.sql). */
export type AuthIpThrottleTable = {
  ip: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: NullableTimestamp;
};

export type AuthTables = {
  users: UsersTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  org_security_settings: OrgSecuritySettingsTable;
  auth_ip_throttle: AuthIpThrottleTable;
};
