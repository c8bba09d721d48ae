import type { Db } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { dummyHash, verifyPassword } from '../password-hashing.ts';
import { checkSecondFactor } from './check-second-factor.ts';
import { completeLogin } from './complete-login.ts';
import { findLoginUser } from './find-login-user.ts';
import { assertIpAllowed, recordIpFailure } from './ip-throttle.ts';
import type { LoginInput, LoginOptions, LoginResult } from './login.types.ts';
import { recordLoginFailure } from './record-failure.ts';

/**
 * Email + password (+ a TOTP or recovery code when MFA is on) for a session. Runs on the system
 * handle: the org is not known until the user is found. In order: a blocked address is refused
 * outright; a locked account is refused even with the right password; a wrong password or code
 * counts against account and address; a disabled account is refused only after the right password,
 * so it tells nothing to someone who does not know it. The error for an unknown email and for a
 * wrong password is the same, and takes as long (argon2 runs against a decoy hash).
 */
export async function login(
  db: Db,
  input: LoginInput,
  now: Date,
  options: LoginOptions = {},
): Promise<LoginResult> {
  const ip = input.ip ?? 'unknown';
  await assertIpAllowed(db, ip, now);
  const user = await findLoginUser(db, input.email, input.org);
  if (!user) {
    await verifyPassword(await dummyHash(options.hashing), input.password);
    await recordIpFailure(db, ip, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const attempt = { orgId: user.org_id, userId: user.id, email: user.email, ip };
  if (user.locked_until && user.locked_until > now) {
    await recordLoginFailure(db, attempt, 'locked', now);
    throw lockedError(user.locked_until, now);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const { isLocked } = await recordLoginFailure(db, attempt, 'password', now);
    throw isLocked ? new AppError('ACCOUNT_LOCKED') : new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (user.mfa_enabled) {
    const failure = await checkSecondFactor(db, user, input, now, options);
    if (failure) {
      const { isLocked } = await recordLoginFailure(db, attempt, failure, now);
      throw isLocked ? new AppError('ACCOUNT_LOCKED') : new AppError('MFA_INVALID');
    }
  }
  return completeLogin(db, user, input, now, options);
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', {
    details: { retry_after_seconds: Math.ceil((until.getTime() - now.getTime()) / 1000) },
  });
}
