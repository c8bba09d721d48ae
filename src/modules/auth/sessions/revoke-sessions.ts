import type { DbOrTx } from '../../../shared/db/index.ts';

/** Signs the user out everywhere (but the session they act in, when it is named). */
export async function revokeUserSessions(
  db: DbOrTx,
  orgId: string,
  userId: string,
  now: Date,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  if (options.exceptSessionId) q = q.where('id', '!=', options.exceptSessionId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
