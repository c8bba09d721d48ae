import type { Db } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { checkTotp } from '../mfa/check-totp.ts';
import { consumeRecoveryCode } from '../mfa/recovery-codes.ts';
import type { UserRow } from '../users/users.repository.ts';
import type { LoginInput, LoginOptions } from './login.types.ts';
import type { FailureReason } from './record-failure.ts';

/**
 * For a user with MFA on: no code at all asks for one (MFA_REQUIRED, not a failure); a wrong
 * TOTP or recovery code is a failure the caller counts. Returns what failed, or null when proven.
 */
export async function checkSecondFactor(
  db: Db,
  user: UserRow,
  input: LoginInput,
  now: Date,
  options: LoginOptions,
): Promise<FailureReason | null> {
  if (input.totp === undefined && input.recoveryCode === undefined) throw new AppError('MFA_REQUIRED');
  if (input.totp !== undefined) {
    if (!options.keyring) throw new AppError('MASTER_KEY_MISSING');
    const fields = options.keyring.cipherFor(user.org_id);
    return (await checkTotp(db, fields, user, input.totp, now)) ? null : 'totp';
  }
  const code = input.recoveryCode ?? '';
  return (await consumeRecoveryCode(db, user.org_id, user.id, code, now)) ? null : 'recovery_code';
}
