import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseConfig } from '../db/index.ts';
import { AppError } from '../errors/index.ts';
import { createMasterKeyFile, readMasterKeyFile } from './master-key-file.ts';
import { generateMasterKey, type MasterKeys, masterKeysFrom, parseMasterKey } from './master-keys.ts';

export type MasterKeyEnv = {
  SETTLE_MASTER_KEY?: string | undefined;
  /** Comma-separated older keys, to unwrap what a master rotation has not re-wrapped yet. */
  SETTLE_MASTER_KEY_PREVIOUS?: string | undefined;
  SETTLE_MASTER_KEY_FILE?: string | undefined;
};

export const MASTER_KEY_FILE_NAME = 'settle-master.key';

/**
 * Beside the PGlite folder, not inside it, so a copied data folder does not carry its key; the
 * working directory for PostgreSQL. Null for an in-memory database.
 */
export function defaultMasterKeyFile(config: DatabaseConfig): string | null {
  if (config.kind === 'postgres') return resolve(MASTER_KEY_FILE_NAME);
  if (config.dataDir === null) return null;
  return join(dirname(resolve(config.dataDir)), MASTER_KEY_FILE_NAME);
}

/**
 * SETTLE_MASTER_KEY wins; else the key file (SETTLE_MASTER_KEY_FILE, else `keyFile`). With
 * `create` (settle init, start) a missing file is created 0600; an in-memory database with no
 * file gets a key that lives as long as it does.
 */
export function loadMasterKeys(options: {
  env: MasterKeyEnv;
  keyFile: string | null;
  create?: boolean;
}): MasterKeys {
  const { env } = options;
  if (env.SETTLE_MASTER_KEY) {
    const previous = (env.SETTLE_MASTER_KEY_PREVIOUS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s, i) => parseMasterKey(s, `SETTLE_MASTER_KEY_PREVIOUS[${i}]`));
    return masterKeysFrom(parseMasterKey(env.SETTLE_MASTER_KEY, 'SETTLE_MASTER_KEY'), previous, {
      kind: 'env',
    });
  }
  const path = env.SETTLE_MASTER_KEY_FILE ? resolve(env.SETTLE_MASTER_KEY_FILE) : options.keyFile;
  if (path && existsSync(path)) return readMasterKeyFile(path);
  if (options.create && path) return createMasterKeyFile(path);
  if (options.create) return masterKeysFrom(generateMasterKey(), [], { kind: 'memory' });
  throw new AppError('MASTER_KEY_MISSING', {
    message: path
      ? `no master key: set SETTLE_MASTER_KEY, or restore the key file ${path} (\`settle init\` creates one for a new database)`
      : 'no master key: set SETTLE_MASTER_KEY or SETTLE_MASTER_KEY_FILE',
    details: { key_file: path },
  });
}
