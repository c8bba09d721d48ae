import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors/index.ts';

export const KEY_BYTES = 32;

/** Where the master keys came from: `settle keys rotate --master` acts differently on each. */
export type MasterKeySource =
  | { kind: 'env' }
  | { kind: 'file'; path: string }
  /** In memory only: tests, and an in-memory database that dies with the process. */
  | { kind: 'memory' };

/**
 * The key that wraps every org's data and index keys, plus older master keys still needed to
 * unwrap keys not yet re-wrapped after a master rotation. Ids are short hashes, safe to print.
 */
export type MasterKeys = {
  readonly activeId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly source: MasterKeySource;
};

/** First 8 hex digits of sha256(key): names a key in org_keys and in messages without revealing it. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function generateMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A 32-byte key written as 64 hex digits or as base64. */
export function parseMasterKey(text: string, name: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== KEY_BYTES || (!/^[0-9a-fA-F]{64}$/.test(t) && key.toString('base64') !== t)) {
    throw new AppError('MASTER_KEY_INVALID', {
      message: `${name} must be 32 bytes, as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`,
      details: { source: name },
    });
  }
  return key;
}

export function masterKeysFrom(
  active: Buffer,
  older: readonly Buffer[],
  source: MasterKeySource,
): MasterKeys {
  const keys = new Map<string, Buffer>();
  for (const k of older) keys.set(masterKeyId(k), k);
  const activeId = masterKeyId(active);
  keys.set(activeId, active);
  return { activeId, keys, source };
}

export function activeMasterKey(masterKeys: MasterKeys): Buffer {
  const key = masterKeys.keys.get(masterKeys.activeId);
  if (!key) throw new AppError('MASTER_KEY_INVALID', { message: 'the active master key is not loaded' });
  return key;
}

/** A random master key held in memory only. */
export function masterKeysForTests(): MasterKeys {
  return masterKeysFrom(generateMasterKey(), [], { kind: 'memory' });
}
