import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TChangePasswordRequest } from '../auth.schemas.ts';
import type { HashingOptions } from '../auth.types.ts';
import { recordLoginFailure } from '../login/record-failure.ts';
import { verifyPassword } from '../password-hashing.ts';
import { selfOf } from '../self.ts';
import { revokeUserSessions } from '../sessions/revoke-sessions.ts';
import { preparePassword } from './prepare-password.ts';
import { requireUserRow } from './users.repository.ts';

export type ChangeOwnPasswordOptions = HashingOptions & {
  /** The session the change is made in stays signed in; every other one ends. */
  keepSessionId?: string | null;
  /** Where the request came from, for the failure count of a wrong current password. */
  ip?: string | null;
};

/**
 * The signed-in user changes their password, proving the current one: a wrong one counts as a
 * failed sign-in, so a stolen session cannot guess it without locking the account.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  input: TChangePasswordRequest,
  options: ChangeOwnPasswordOptions = {},
): Promise<void> {
  const user = await requireUserRow(ctx.db, ctx.org.id, selfOf(ctx));
  if (!(await verifyPassword(user.password_hash, input.current_password))) {
    const attempt = { orgId: ctx.org.id, userId: user.id, email: user.email, ip: options.ip ?? 'unknown' };
    await recordLoginFailure(ctx.db, attempt, 'current_password', ctx.clock.now());
    throw new AppError('AUTH_INVALID_CREDENTIALS', { message: 'the current password is wrong' });
  }
  const password = await preparePassword(ctx.db, ctx.org.id, user.email, input.new_password, options.hashing);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({ password_hash: password.hash, password_changed_at: now })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, ctx.org.id, user.id, now, {
      exceptSessionId: options.keepSessionId ?? undefined,
    });
  });
}
