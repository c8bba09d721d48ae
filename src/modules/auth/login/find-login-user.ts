import type { Db } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { UserRow } from '../users/users.repository.ts';

/**
 * The user signing in, across orgs (system handle: the org is not known yet). Without an org slug
 * the email must belong to one org only; an install with one org never needs the slug.
 */
export async function findLoginUser(
  db: Db,
  email: string,
  orgSlug: string | undefined,
): Promise<UserRow | null> {
  let q = db.selectFrom('users').selectAll('users').where('users.email', '=', email.trim().toLowerCase());
  if (orgSlug) q = q.innerJoin('orgs', 'orgs.org_id', 'users.org_id').where('orgs.slug', '=', orgSlug);
  const rows = await q.limit(2).execute();
  if (rows.length > 1) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'this email is a user in several organisations: name one with `org`',
      details: { reason: 'org_required' },
    });
  }
  return rows[0] ?? null;
}
