import type { Ctx } from '../../../shared/context/index.ts';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { Permission } from '../permissions.ts';
import { assertRolesGrantable, type Grantable } from '../roles/grantable.ts';
import { assertRolesExist } from '../roles/role-catalogue.ts';
import { assertAdminRemains } from './admin-guard.ts';
import { assertUserWithinReach } from './reach.ts';
import { requireUserRow, userDtoOf } from './users.repository.ts';
import type { TUserDto } from './users.schemas.ts';

/** Replaces the user's roles with exactly these. */
export async function replaceRoles(
  db: DbOrTx,
  orgId: string,
  userId: string,
  roles: readonly string[],
  grantable?: ReadonlySet<Permission>,
) {
  const keys = [...new Set(roles)];
  await assertRolesExist(db, orgId, keys);
  await assertRolesGrantable(db, orgId, keys, grantable);
  if (!keys.includes('admin')) await assertAdminRemains(db, orgId, userId);
  await db.deleteFrom('user_roles').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  if (keys.length > 0) {
    await db
      .insertInto('user_roles')
      .values(keys.map((role_key) => ({ org_id: orgId, user_id: userId, role_key })))
      .execute();
  }
}

export async function assignRoles(
  ctx: Ctx,
  idOrEmail: string,
  roles: readonly string[],
  options: Grantable = {},
): Promise<TUserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, idOrEmail);
    await assertUserWithinReach(trx, ctx.org.id, user.id, options.grantable);
    await replaceRoles(trx, ctx.org.id, user.id, roles, options.grantable);
    return userDtoOf(trx, ctx.org.id, user.id, ctx.clock.now());
  });
}
