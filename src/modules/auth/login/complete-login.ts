import type { Db } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { recordAuditEvent } from '../../audit/index.ts';
import { hashPassword, isRehashNeeded } from '../password-hashing.ts';
import { loadPrincipalFacts, toPrincipal } from '../principal.repository.ts';
import { csrfTokenFor } from '../sessions/csrf.ts';
import { startSession } from '../sessions/start-session.ts';
import type { UserRow } from '../users/users.repository.ts';
import type { LoginInput, LoginOptions, LoginResult } from './login.types.ts';

/**
 * The success path: the failure count clears, a hash made with older parameters is redone (the
 * password is at hand only now), the session starts, and the sign-in is recorded.
 */
export async function completeLogin(
  db: Db,
  user: UserRow,
  input: LoginInput,
  now: Date,
  options: LoginOptions,
): Promise<LoginResult> {
  const rehash = isRehashNeeded(user.password_hash, options.hashing)
    ? await hashPassword(input.password, options.hashing)
    : null;
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failed_login_count: 0,
        locked_until: null,
        last_login_at: now,
        ...(rehash ? { password_hash: rehash } : {}),
      })
      .where('org_id', '=', user.org_id)
      .where('id', '=', user.id)
      .execute();
    const started = await startSession(
      trx,
      { orgId: user.org_id, userId: user.id, ip: input.ip, userAgent: input.userAgent },
      now,
    );
    await recordAuditEvent(trx, user.org_id, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: {
        email: user.email,
        ip: input.ip,
        session_id: started.id,
        second_factor: secondFactorOf(user, input),
      },
      actor: `user:${user.email}`,
      ip: input.ip,
    });
    return started;
  });
  const facts = await loadPrincipalFacts(db, user.org_id, user.id);
  if (!facts) throw new AppError('AUTH_INVALID_CREDENTIALS');
  const csrfToken = csrfTokenFor(session.token);
  const principal = toPrincipal(facts, { kind: 'session', sessionId: session.id, csrfToken });
  return { token: session.token, csrfToken, expiresAt: session.expiresAt, principal };
}

function secondFactorOf(user: UserRow, input: LoginInput): 'totp' | 'recovery_code' | null {
  if (!user.mfa_enabled) return null;
  return input.totp !== undefined ? 'totp' : 'recovery_code';
}
