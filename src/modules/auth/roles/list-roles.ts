import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { BUILT_IN_ROLE_PERMISSIONS, BUILT_IN_ROLES, isBuiltInRole } from '../permissions.ts';
import type { TRoleDto } from './roles.schemas.ts';

const BUILT_IN_NAMES: Record<string, string> = {
  admin: 'Administrator',
  finance_manager: 'Finance manager',
  ar_clerk: 'AR clerk',
  collector: 'Collector (sales)',
  auditor: 'Auditor (read-only)',
};

/** The built-in roles first, then the org's custom roles by key. */
export async function listRoles(ctx: Ctx): Promise<TRoleDto[]> {
  const rows = await ctx.db
    .selectFrom('roles')
    .selectAll()
    .where('org_id', '=', ctx.org.id)
    .orderBy('key')
    .execute();
  return [
    ...BUILT_IN_ROLES.map((key) => ({
      key,
      name: BUILT_IN_NAMES[key] ?? key,
      is_built_in: true,
      permissions: [...BUILT_IN_ROLE_PERMISSIONS[key]],
      created_at: null,
    })),
    ...rows.map((r) => ({
      key: r.key,
      name: r.name,
      is_built_in: false,
      permissions: r.permissions,
      created_at: r.created_at.toISOString(),
    })),
  ];
}

export async function getRole(ctx: Ctx, key: string): Promise<TRoleDto> {
  const role = (await listRoles(ctx)).find((r) => r.key === key);
  if (!role) throw new AppError('ROLE_NOT_FOUND', { message: `no role "${key}"`, details: { role: key } });
  return role;
}

export function assertCustomRole(key: string): void {
  if (isBuiltInRole(key)) {
    throw new AppError('ROLE_BUILT_IN', { message: `"${key}" is a built-in role`, details: { role: key } });
  }
}
