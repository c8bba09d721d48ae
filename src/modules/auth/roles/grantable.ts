import type { DbOrTx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { Permission } from '../permissions.ts';
import { permissionsOf } from '../principal-rules.ts';

/**
 * What the caller may hand out: nobody grants a permission they do not hold themselves, so a user
 * manager who is not an admin cannot make anyone (themselves included) an admin, and a role editor
 * cannot widen a role beyond their own reach. Absent for the local operator (the CLI).
 */
export type Grantable = { grantable?: ReadonlySet<Permission> };

export function assertGrantable(
  permissions: Iterable<string>,
  grantable: ReadonlySet<Permission> | undefined,
) {
  if (!grantable) return;
  const beyond = [...permissions].filter((p) => !grantable.has(p as Permission));
  if (beyond.length > 0) {
    throw new AppError('PERMISSION_DENIED', {
      message: `you cannot grant what you do not hold: ${beyond.join(', ')}`,
      details: { permission: beyond },
    });
  }
}

/** Checks the permissions the roles grant (built-in from code, custom from their rows). */
export async function assertRolesGrantable(
  db: DbOrTx,
  orgId: string,
  roles: readonly string[],
  grantable: ReadonlySet<Permission> | undefined,
): Promise<void> {
  if (!grantable) return;
  const rows = await db
    .selectFrom('roles')
    .select(['key', 'permissions'])
    .where('org_id', '=', orgId)
    .where('key', 'in', roles.length > 0 ? [...roles] : [''])
    .execute();
  assertGrantable(permissionsOf(roles, new Map(rows.map((r) => [r.key, r.permissions]))), grantable);
}
