import type { Ctx } from '../../../shared/context/index.ts';
import type { Grantable } from '../roles/grantable.ts';
import { assertUserWithinReach } from './reach.ts';
import { requireUserRow, userDtoOf } from './users.repository.ts';
import type { TUserDto } from './users.schemas.ts';

/** Lifts a lockout before its 15 minutes are up and starts the failure count afresh. */
export async function unlockUser(ctx: Ctx, idOrEmail: string, options: Grantable = {}): Promise<TUserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, idOrEmail);
    await assertUserWithinReach(trx, ctx.org.id, user.id, options.grantable);
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', user.id)
      .execute();
    return userDtoOf(trx, ctx.org.id, user.id, ctx.clock.now());
  });
}
