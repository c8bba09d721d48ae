import type { Ctx } from '../../../shared/context/index.ts';
import type { Grantable } from '../roles/grantable.ts';
import { replaceRoles } from './assign-roles.ts';
import { assertUserWithinReach } from './reach.ts';
import { setStatus } from './set-user-status.ts';
import { requireUserRow, userDtoOf } from './users.repository.ts';
import type { TUpdateUserRequest, TUserDto } from './users.schemas.ts';

/** Changes what an admin may change about a user, in one transaction; fields left out stay. */
export async function updateUser(
  ctx: Ctx,
  idOrEmail: string,
  input: TUpdateUserRequest,
  options: Grantable = {},
): Promise<TUserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, idOrEmail);
    await assertUserWithinReach(trx, ctx.org.id, user.id, options.grantable);
    const now = ctx.clock.now();
    const changes = {
      ...(input.display_name === undefined ? {} : { display_name: input.display_name }),
      ...(input.salesperson === undefined ? {} : { salesperson: input.salesperson }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
    };
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable('users')
        .set(changes)
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', user.id)
        .execute();
    }
    if (input.roles) await replaceRoles(trx, ctx.org.id, user.id, input.roles, options.grantable);
    if (input.status && input.status !== user.status)
      await setStatus(trx, ctx.org.id, user.id, input.status, now);
    return userDtoOf(trx, ctx.org.id, user.id, now);
  });
}
