export type TOrgRotation = {
  org_id: string;
  /** The new active data-key version, or null when data keys were not rotated. */
  data_key_version: number | null;
  /** Keys re-wrapped under the active master key (master rotation). */
  rewrapped_keys: number;
  /** Values re-encrypted, per field. */
  reencrypted: Record<string, number>;
};

export type TRotateKeysResult = {
  master_key_id: string;
  /** Legacy plaintext encrypted on the way (see encryptLegacyFields), per field. */
  legacy_encrypted: Record<string, number>;
  orgs: TOrgRotation[];
};

export type TOrgKeyInfo = { version: number; status: string; master_key_id: string; created_at: string };

export type TKeysStatus = {
  master: { active_id: string; loaded_ids: string[]; source: 'env' | 'file' | 'memory'; file: string | null };
  /** Master keys some org key is still wrapped under: the ones that must stay available. */
  master_keys_in_use: string[];
  orgs: {
    org_id: string;
    slug: string | null;
    data_keys: TOrgKeyInfo[];
    index_key: TOrgKeyInfo | null;
    /** Values not yet under the active data key (a rotation in progress or interrupted), per field. */
    pending: Record<string, number>;
    /** Plaintext from before encryption still waiting to be encrypted, per field. */
    legacy: Record<string, number>;
  }[];
};
