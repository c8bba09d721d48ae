import type { Ctx } from '../../../shared/context/index.ts';
import type { HashingOptions } from '../auth.types.ts';
import type { Grantable } from '../roles/grantable.ts';
import { revokeUserSessions } from '../sessions/revoke-sessions.ts';
import { preparePassword } from './prepare-password.ts';
import { assertUserWithinReach } from './reach.ts';
import { requireUserRow, userDtoOf } from './users.repository.ts';
import type { TResetPasswordRequest, TUserWithPasswordDto } from './users.schemas.ts';

/**
 * An admin (or the local operator) sets a new password, or has one generated to hand over once.
 * Every session of the user ends and the lockout clears; MFA and API tokens stay as they are.
 */
export async function resetPassword(
  ctx: Ctx,
  idOrEmail: string,
  input: TResetPasswordRequest,
  options: HashingOptions & Grantable = {},
): Promise<TUserWithPasswordDto> {
  const user = await requireUserRow(ctx.db, ctx.org.id, idOrEmail);
  await assertUserWithinReach(ctx.db, ctx.org.id, user.id, options.grantable);
  const password = await preparePassword(ctx.db, ctx.org.id, user.email, input.password, options.hashing);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({
        password_hash: password.hash,
        password_changed_at: now,
        failed_login_count: 0,
        locked_until: null,
      })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, ctx.org.id, user.id, now);
    return { user: await userDtoOf(trx, ctx.org.id, user.id, now), generated_password: password.generated };
  });
}
