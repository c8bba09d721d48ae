import { sql } from 'kysely';
import type { Db } from '../../../shared/db/index.ts';
import { recordAuditEvent } from '../../audit/index.ts';
import { ACCOUNT_LOCK_MS, ACCOUNT_LOCK_THRESHOLD } from '../auth.limits.ts';
import { recordIpFailure } from './ip-throttle.ts';

export type FailureReason = 'password' | 'totp' | 'recovery_code' | 'locked' | 'current_password';
export type LoginAttempt = { orgId: string; userId: string; email: string; ip: string };

/**
 * Counts a failed sign-in against the account (and the address) and commits, whatever the caller
 * throws next. The failure that reaches the threshold locks the account and starts a new count.
 * The audit events name the reason, never what was typed.
 */
export async function recordLoginFailure(
  db: Db,
  attempt: LoginAttempt,
  reason: FailureReason,
  now: Date,
): Promise<{ isLocked: boolean }> {
  const isLocked = await db.transaction().execute(async (trx) => {
    const event = { email: attempt.email, ip: attempt.ip, reason };
    await recordAuditEvent(trx, attempt.orgId, {
      action: 'auth.login_failed',
      entity: 'user',
      entityId: attempt.userId,
      after: event,
      actor: `user:${attempt.email}`,
      ip: attempt.ip,
    });
    if (reason === 'locked') return true;
    const row = await trx
      .updateTable('users')
      .set({ failed_login_count: sql`failed_login_count + 1` })
      .where('org_id', '=', attempt.orgId)
      .where('id', '=', attempt.userId)
      .returning('failed_login_count')
      .executeTakeFirst();
    if (!row || row.failed_login_count < ACCOUNT_LOCK_THRESHOLD) return false;
    const lockedUntil = new Date(now.getTime() + ACCOUNT_LOCK_MS);
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: lockedUntil })
      .where('org_id', '=', attempt.orgId)
      .where('id', '=', attempt.userId)
      .execute();
    await recordAuditEvent(trx, attempt.orgId, {
      action: 'auth.locked',
      entity: 'user',
      entityId: attempt.userId,
      after: { email: attempt.email, ip: attempt.ip, locked_until: lockedUntil.toISOString() },
      actor: `user:${attempt.email}`,
      ip: attempt.ip,
    });
    return true;
  });
  await recordIpFailure(db, attempt.ip, now);
  return { isLocked };
}
