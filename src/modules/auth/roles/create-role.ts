import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { assertGrantable, type Grantable } from './grantable.ts';
import { assertCustomRole, getRole } from './list-roles.ts';
import type { TCreateRoleRequest, TRoleDto } from './roles.schemas.ts';
import { validatePermissions } from './validate-permissions.ts';

export async function createRole(
  ctx: Ctx,
  input: TCreateRoleRequest,
  options: Grantable = {},
): Promise<TRoleDto> {
  assertCustomRole(input.key);
  const permissions = validatePermissions(input.permissions);
  assertGrantable(permissions, options.grantable);
  const inserted = await ctx.db
    .insertInto('roles')
    .values({
      org_id: ctx.org.id,
      key: input.key,
      name: input.name,
      permissions,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!inserted) {
    throw new AppError('ROLE_EXISTS', {
      message: `role "${input.key}" already exists`,
      details: { role: input.key },
    });
  }
  return getRole(ctx, input.key);
}
