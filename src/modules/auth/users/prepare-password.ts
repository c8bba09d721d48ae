import type { DbOrTx } from '../../../shared/db/index.ts';
import type { PasswordHashing } from '../auth.types.ts';
import { hashPassword } from '../password-hashing.ts';
import { assertPasswordPolicy } from '../password-policy.ts';
import { generatePassword } from '../secrets.ts';
import { readSecuritySettings } from '../settings/security-settings.ts';

export type PreparedPassword = { hash: string; generated: string | null };

/**
 * The password the caller gave, checked against the org's policy, or a generated one to show once;
 * hashed here, before any transaction opens, so argon2's deliberate slowness holds no locks.
 */
export async function preparePassword(
  db: DbOrTx,
  orgId: string,
  email: string,
  given: string | undefined,
  hashing: PasswordHashing | undefined,
): Promise<PreparedPassword> {
  if (given === undefined) {
    const generated = generatePassword();
    return { hash: await hashPassword(generated, hashing), generated };
  }
  const { password_min_length } = await readSecuritySettings(db, orgId);
  assertPasswordPolicy(given, { email, minLength: password_min_length });
  return { hash: await hashPassword(given, hashing), generated: null };
}
