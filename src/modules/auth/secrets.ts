import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Random secrets and how they are compared: never with `===`, never logged. */

/** `bytes` random bytes as base64url (32 bytes: 256 bits, what sessions and API tokens use). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** sha256 is enough for high-entropy random secrets (tokens, recovery codes); passwords use argon2id. */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time equality of two strings of any length (both are hashed to 32 bytes first). */
export function isSameSecret(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** node-postgres hands bytea back as Buffer, PGlite as Uint8Array. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function randomString(alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 1) s += alphabet[randomInt(alphabet.length)];
  return s;
}

function grouped(s: string, size: number): string {
  return (s.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join('-');
}

/** No 0/O, 1/l/I: a generated password is read off a screen and typed once. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** 20 characters from 56 (about 116 bits), grouped in fives: `Abc3d-...`. */
export function generatePassword(): string {
  return grouped(randomString(PASSWORD_ALPHABET, 20), 5);
}

const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 16 characters from 32 (80 bits), grouped in fours: `k3ma-...`. */
export function generateRecoveryCode(): string {
  return grouped(randomString(RECOVERY_ALPHABET, 16), 4);
}

/** What the user typed, as it was hashed: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}
