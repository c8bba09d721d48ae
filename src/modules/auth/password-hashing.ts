import argon2 from 'argon2';
import type { PasswordHashing } from './auth.types.ts';
import { randomToken } from './secrets.ts';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Never lowered for production. */
export const DEFAULT_PASSWORD_HASHING: PasswordHashing = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string, hashing: PasswordHashing = DEFAULT_PASSWORD_HASHING) {
  return argon2.hash(password, { type: argon2.argon2id, ...hashing });
}

/** argon2 compares in constant time; a malformed hash counts as a mismatch. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash made with weaker parameters than today's (or another algorithm) is redone at sign-in. */
export function isRehashNeeded(hash: string, hashing: PasswordHashing = DEFAULT_PASSWORD_HASHING): boolean {
  if (!hash.startsWith('$argon2id$')) return true;
  try {
    return argon2.needsRehash(hash, hashing);
  } catch {
    return true;
  }
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash of nothing anyone knows, verified when the email is unknown so that an unknown email
 * takes as long as a wrong password and does not reveal which accounts exist.
 */
export function dummyHash(hashing: PasswordHashing = DEFAULT_PASSWORD_HASHING): Promise<string> {
  const key = `${hashing.memoryCost}/${hashing.timeCost}/${hashing.parallelism}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword(randomToken(), hashing);
    dummyHashes.set(key, hash);
  }
  return hash;
}
