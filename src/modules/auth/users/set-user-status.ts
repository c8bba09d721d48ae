import type { Ctx } from '../../../shared/context/index.ts';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { Grantable } from '../roles/grantable.ts';
import { revokeUserSessions } from '../sessions/revoke-sessions.ts';
import { assertAdminRemains } from './admin-guard.ts';
import { assertUserWithinReach } from './reach.ts';
import { requireUserRow, userDtoOf } from './users.repository.ts';
import type { TUserDto, TUserStatus } from './users.schemas.ts';

/**
 * A disabled user cannot sign in, their sessions end now, and their API tokens stop working
 * (they are checked against the user's status on every use, and work again if re-enabled).
 */
export async function setStatus(db: DbOrTx, orgId: string, userId: string, status: TUserStatus, now: Date) {
  if (status === 'disabled') {
    await assertAdminRemains(db, orgId, userId);
    await revokeUserSessions(db, orgId, userId, now);
  }
  await db
    .updateTable('users')
    .set({ status })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

function changeStatus(
  ctx: Ctx,
  idOrEmail: string,
  status: TUserStatus,
  options: Grantable,
): Promise<TUserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, idOrEmail);
    await assertUserWithinReach(trx, ctx.org.id, user.id, options.grantable);
    await setStatus(trx, ctx.org.id, user.id, status, ctx.clock.now());
    return userDtoOf(trx, ctx.org.id, user.id, ctx.clock.now());
  });
}

export function disableUser(ctx: Ctx, idOrEmail: string, options: Grantable = {}): Promise<TUserDto> {
  return changeStatus(ctx, idOrEmail, 'disabled', options);
}

export function enableUser(ctx: Ctx, idOrEmail: string, options: Grantable = {}): Promise<TUserDto> {
  return changeStatus(ctx, idOrEmail, 'active', options);
}
