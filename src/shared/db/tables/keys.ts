import type { ColumnType } from 'kysely';

/**
 * One org's data and index keys, each wrapped under a master key (named by its id). Data keys get
 * a new version at each rotation and the old ones are kept, retired, so any ciphertext opens.
 */
export type OrgKeysTable = {
  org_id: string;
  purpose: 'data' | 'index';
  version: number;
  wrapped_key: Buffer;
  master_key_id: string;
  status: 'active' | 'retired';
  created_at: ColumnType<Date, Date | string | undefined, never>;
};

/**
 * Row types of the keys tables (written by the keyring in shared/crypto and by the keys module's
 * rotation; kept here so the one DB type can name them).
 */
export type KeysTables = { org_keys: OrgKeysTable };
