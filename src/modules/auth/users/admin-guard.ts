import type { DbOrTx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';

/**
 * An org keeps at least one active admin: removing the last one (disabling them, or taking the
 * role away) would leave nobody able to manage users through the API. The CLI can still repair an
 * org, but the API refuses to break one.
 */
export async function assertAdminRemains(db: DbOrTx, orgId: string, losingUserId: string): Promise<void> {
  const admins = await db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'ur.org_id').onRef('u.id', '=', 'ur.user_id'))
    .select('u.id')
    .where('ur.org_id', '=', orgId)
    .where('ur.role_key', '=', 'admin')
    .where('u.status', '=', 'active')
    .execute();
  const isLosingAdmin = admins.some((a) => a.id === losingUserId);
  if (isLosingAdmin && admins.length === 1) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'this is the last active admin of the organisation; make another user admin first',
      details: { reason: 'last_admin', user_id: losingUserId },
    });
  }
}
