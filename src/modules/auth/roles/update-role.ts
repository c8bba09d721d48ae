import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { assertGrantable, assertRolesGrantable, type Grantable } from './grantable.ts';
import { assertCustomRole, getRole } from './list-roles.ts';
import type { TRoleDto, TUpdateRoleRequest } from './roles.schemas.ts';
import { validatePermissions } from './validate-permissions.ts';

/** Users holding the role gain or lose the permissions at their next request. */
export async function updateRole(
  ctx: Ctx,
  key: string,
  input: TUpdateRoleRequest,
  options: Grantable = {},
): Promise<TRoleDto> {
  assertCustomRole(key);
  const permissions = input.permissions ? validatePermissions(input.permissions) : undefined;
  // Both what the role grants now and what it will grant must be within the caller's reach.
  await assertRolesGrantable(ctx.db, ctx.org.id, [key], options.grantable);
  assertGrantable(permissions ?? [], options.grantable);
  // Nothing to change is no error, but the role must still exist (in this org).
  if (input.name === undefined && permissions === undefined) return getRole(ctx, key);
  const updated = await ctx.db
    .updateTable('roles')
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(permissions === undefined ? {} : { permissions }),
    })
    .where('org_id', '=', ctx.org.id)
    .where('key', '=', key)
    .returning('key')
    .executeTakeFirst();
  if (!updated) throw new AppError('ROLE_NOT_FOUND', { message: `no role "${key}"`, details: { role: key } });
  return getRole(ctx, key);
}
