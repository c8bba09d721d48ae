import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const ISSUER = 'Settle';
/** The field name the secret is encrypted under (bound into the ciphertext). */
export const MFA_SECRET_FIELD = 'users.mfa_secret';

/** A fresh 160-bit secret, base32 (RFC 4226 recommends 160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
  });
}

export function totpUri(secretBase32: string, label: string): string {
  return totpOf(secretBase32, label).toString();
}

/**
 * The time step the code belongs to, accepting one step either side of now for clock drift, or
 * null when it matches none. otpauth compares in constant time. The caller must still refuse a
 * step already used (see consumeTotpStep).
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = totpOf(secretBase32, 'check').validate({ token: code, timestamp, window: 1 });
  if (delta === null) return null;
  return BigInt(TOTP.counter({ period: PERIOD, timestamp }) + delta);
}

/** The code for a time, as an authenticator shows it (tests, and nothing else, need this). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32, 'check').generate({ timestamp: at.getTime() });
}
