import type { DbOrTx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { isBuiltInRole } from '../permissions.ts';

/** Every role key named must be a built-in role or one of the org's custom roles. */
export async function assertRolesExist(db: DbOrTx, orgId: string, keys: readonly string[]): Promise<void> {
  const custom = keys.filter((k) => !isBuiltInRole(k));
  if (custom.length === 0) return;
  const found = await db
    .selectFrom('roles')
    .select('key')
    .where('org_id', '=', orgId)
    .where('key', 'in', custom)
    .execute();
  const known = new Set(found.map((r) => r.key));
  const missing = custom.filter((k) => !known.has(k));
  if (missing.length > 0) {
    throw new AppError('ROLE_NOT_FOUND', {
      message: `no role ${missing.map((k) => `"${k}"`).join(', ')}`,
      details: { roles: missing },
    });
  }
}
